import type { Tensor } from './tensor';
import { isRecording } from './backprop';

/**
 * Scopes for deterministic disposal (TensorFlow.js's tidy): every tensor made inside a scope is
 * disposed when the scope ends, unless it is returned or kept. On the cpu backend the garbage
 * collector would free them anyway; on the gpu backend this is what keeps texture memory flat.
 */
const scopes: Set<Tensor>[] = [];
const kept = new WeakSet<Tensor>();

export function trackTensor(t: Tensor): void {
  const scope = scopes[scopes.length - 1];
  if (scope) scope.add(t);
}

/** Marks t to survive every enclosing tidy. */
export function keep<T extends Tensor>(t: T): T {
  kept.add(t);
  return t;
}

function collect(result: unknown, into: Set<Tensor>): void {
  if (result === null || typeof result !== 'object') return;
  if (Array.isArray(result) || result instanceof Map) {
    for (const r of result.values()) collect(r, into);
  } else if ('storage' in result && 'shape' in result) {
    into.add(result as Tensor);
  } else {
    for (const v of Object.values(result)) collect(v, into);
  }
}

/** Runs fn, then disposes every tensor it made except those it returns (or kept). */
export function tidy<T>(fn: () => T): T {
  if (typeof fn !== 'function') throw new Error(`tidy: fn must be a function, got ${typeof fn}`);
  const scope = new Set<Tensor>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } finally {
    scopes.pop();
  }
  const survivors = new Set<Tensor>();
  collect(result, survivors);
  const outer = scopes[scopes.length - 1];
  // A gradient still being taken may need anything made here in its backward pass: hand it all to the outer scope.
  const holdAll = isRecording();
  for (const t of scope) {
    if (holdAll || survivors.has(t) || kept.has(t)) {
      if (outer) outer.add(t);
    } else {
      t.dispose();
    }
  }
  return result;
}

/** Disposes every tensor found in the argument (a tensor, an array or an object of them). */
export function dispose(container: unknown): void {
  const found = new Set<Tensor>();
  collect(container, found);
  for (const t of found) t.dispose();
}
