/*
 * A gradient being taken reads, in its backward pass, the inputs and outputs of the ops it recorded. As TF.js's
 * engine keeps the tensors it saves for backward, a program's dispose() of such a tensor inside f (freeing an
 * intermediate by hand) ends it for the program only (it throws on use and leaves tn.memory()'s count) while its
 * values stay until the last tape that holds it ends. Below both Tensor and the tape, it refers to neither.
 */

/** The tensors each open tape holds (those its recorded ops read or made). */
const open = new Set<ReadonlySet<object>>();
/** Disposed tensors whose values a tape still holds, with what frees those values. */
const deferred = new Map<object, () => void>();
let backwardDepth = 0;

function isHeld(t: object): boolean {
  for (const held of open) if (held.has(t)) return true;
  return false;
}

/** @internal A tape starts recording: the tensors it will hold are `held`. */
export function openHold(held: ReadonlySet<object>): void {
  open.add(held);
}

/** @internal A tape has ended: frees the values of disposed tensors that no other open tape holds. */
export function closeHold(held: ReadonlySet<object>): void {
  open.delete(held);
  for (const [t, release] of deferred) {
    if (!isHeld(t)) {
      deferred.delete(t);
      release();
    }
  }
}

/** @internal Called by dispose(): false when no tape holds t (free its values now), else `release` runs when the last one ends. */
export function deferRelease(t: object, release: () => void): boolean {
  if (open.size === 0 || !isHeld(t)) return false;
  deferred.set(t, release);
  return true;
}

/** @internal Runs a backward pass, during which the rules may read the disposed tensors a tape holds. */
export function readingHeld<T>(fn: () => T): T {
  backwardDepth++;
  try {
    return fn();
  } finally {
    backwardDepth--;
  }
}

/** @internal Whether t, disposed, may still be read: a backward pass is running and a tape holds its values. */
export function heldForBackward(t: object): boolean {
  return backwardDepth > 0 && deferred.has(t);
}
