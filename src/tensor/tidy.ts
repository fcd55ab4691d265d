import { closeScope, currentScope, isKept, openScope, trackTensor, type Disposable } from './scopes';
import { isRecording } from './tape';
import { Tensor } from './tensor';
import type { TensorContainer } from './tfjs-types';

export { keep } from './scopes';

/*
 * Scopes for deterministic disposal (TensorFlow.js's tidy): every tensor made inside a scope is
 * disposed when the scope ends, unless it is returned or kept. On the cpu backend the garbage
 * collector would free them anyway; on the gpu backend this is what keeps texture memory flat.
 */

/**
 * The tensors in a container (a tensor, or arrays and objects of them, at any depth, each visited once), as
 * TF.js's getTensorsInContainer: an array's named properties count too (programs keep per-variable lists under a
 * variable's name in an array), and a Map's or Set's entries do not (TF.js walks enumerable keys only, so tidy
 * frees a tensor returned in a Map).
 */
export function tensorsIn(container: unknown): Set<Tensor> {
  const found = new Set<Tensor>();
  collect(container, found, new Set());
  return found;
}

function collect(result: unknown, into: Set<Tensor>, seen: Set<object>): void {
  // Typed arrays hold only numbers: walking one (a dataSync() returned from a tidy) cost ~130 ms a million values.
  if (result === null || typeof result !== 'object' || ArrayBuffer.isView(result) || seen.has(result)) return;
  seen.add(result);
  if (result instanceof Tensor) into.add(result);
  else for (const v of Object.values(result)) collect(v, into, seen);
}

/**
 * Runs fn, then disposes every tensor it made except those it returns (or kept). As TF.js, a name may come first
 * (`tidy('step', fn)`); tessera keeps no named scopes, so it only labels errors.
 */
export function tidy<T extends TensorContainer>(nameOrFn: string | (() => T), fn?: () => T): T {
  const named = typeof nameOrFn === 'string';
  const body = named ? fn : nameOrFn;
  if (typeof body !== 'function') throw new Error(`tidy: fn must be a function${named ? ` (after the name '${nameOrFn}')` : ''}, got ${typeof body}`);
  // A second argument after a function would be dropped unseen; TF.js refuses it too.
  if (!named && fn !== undefined) throw new Error(`tidy: nameOrFn must be a string when fn is given (tidy(name, fn)), got a function before ${typeof fn}`);
  return scopedRun(body, true);
}

/**
 * @internal As tidy, for what TF.js runs in no scope of its own (tf.tensor, tf.zeros, ..., and an op's own steps
 * within the op's scope): the scope takes no id, so a tensor made there shows the id of the scope around it
 * (tensor.scopeId), or none, as in TF.js.
 */
export function unnumberedTidy<T extends TensorContainer>(body: () => T): T {
  return scopedRun(body, false);
}

function scopedRun<T extends TensorContainer>(body: () => T, numbered: boolean): T {
  const scope = openScope(numbered);
  let result: T | undefined;
  try {
    result = body();
    // As TF.js: told, not refused (what the body made before its first await is disposed all the same).
    if (result instanceof Promise) console.error('Cannot return a Promise inside of tidy.');
  } finally {
    absorbUnended(scope);
    closeScope();
    // A body that throws returns nothing: as TF.js, what it made is disposed all the same (kept tensors aside).
    release(scope, result);
  }
  return result;
}

/** Scopes that startScope opened inside a tidy and nothing ended: their tensors become the tidy's own. */
function absorbUnended(scope: Set<Disposable>): void {
  while (currentScope() !== scope && started.length > 0 && currentScope() === started[started.length - 1]) {
    const inner = started.pop() as Set<Disposable>;
    closeScope();
    for (const t of inner) scope.add(t);
  }
}

/** After a scope has closed: disposes what it made except what `result` holds or was kept, handing those outward. */
function release(scope: Set<Disposable>, result: unknown): void {
  const outer = currentScope();
  const survivors = tensorsIn(result);
  // A gradient still being taken may need anything made here in its backward pass: hand it all to the outer scope.
  const holdAll = isRecording();
  for (const t of scope) {
    if (holdAll || survivors.has(t as Tensor) || isKept(t)) {
      // As TF.js's endScope: what survives joins the outer scope, taking its id, except a kept tensor, which keeps its own.
      if (!outer) continue;
      if (isKept(t)) outer.add(t);
      else trackTensor(t);
    } else {
      t.dispose();
    }
  }
}

const started: Set<Disposable>[] = [];

/** Opens a scope that endScope closes, as TF.js's engine().startScope(): tidy without a function. */
export function startScope(): void {
  started.push(openScope());
}

/**
 * Closes the scope startScope opened, disposing every tensor made since except those in `result` (or kept), as
 * TF.js's engine().endScope(result). Refused when no such scope is the innermost one (a tidy opened since is
 * still running), so nothing is disposed out of order.
 */
export function endScope(result?: TensorContainer): void {
  const scope = started[started.length - 1];
  if (!scope || currentScope() !== scope) {
    throw new Error(`engine().endScope: ${scope ? 'a tidy opened after startScope() is still running' : 'no scope was opened by engine().startScope()'}`);
  }
  started.pop();
  closeScope();
  release(scope, result);
}

/** Disposes every tensor found in the argument (a tensor, an array or an object of them). */
export function dispose(container: unknown): void {
  for (const t of tensorsIn(container)) t.dispose();
}
