import { closeScope, currentScope, isKept, openScope } from './scopes';
import { isRecording } from './tape';
import { Tensor } from './tensor';
import type { TensorContainer } from './tfjs-types';

export { keep } from './scopes';

/*
 * Scopes for deterministic disposal (TensorFlow.js's tidy): every tensor made inside a scope is
 * disposed when the scope ends, unless it is returned or kept. On the cpu backend the garbage
 * collector would free them anyway; on the gpu backend this is what keeps texture memory flat.
 */

function collect(result: unknown, into: Set<Tensor>): void {
  if (result === null || typeof result !== 'object') return;
  if (result instanceof Tensor) {
    into.add(result);
  } else if (Array.isArray(result) || result instanceof Map) {
    for (const r of result.values()) collect(r, into);
  } else {
    for (const v of Object.values(result)) collect(v, into);
  }
}

/**
 * Runs fn, then disposes every tensor it made except those it returns (or kept). As TF.js, a name may come first
 * (`tidy('step', fn)`); tessera keeps no named scopes, so it only labels errors.
 */
export function tidy<T extends TensorContainer>(nameOrFn: string | (() => T), fn?: () => T): T {
  const named = typeof nameOrFn === 'string';
  const body = named ? fn : nameOrFn;
  if (typeof body !== 'function') throw new Error(`tidy: fn must be a function${named ? ` (after the name '${nameOrFn}')` : ''}, got ${typeof body}`);
  const scope = openScope();
  let result: T;
  try {
    result = body();
  } catch (e) {
    // What a failed body made is left to the garbage collector, which from now on must tell the count.
    for (const t of scope) t.outlivedScopes();
    throw e;
  } finally {
    closeScope();
  }
  const outer = currentScope();
  const survivors = new Set<Tensor>();
  collect(result, survivors);
  // A gradient still being taken may need anything made here in its backward pass: hand it all to the outer scope.
  const holdAll = isRecording();
  for (const t of scope) {
    if (holdAll || survivors.has(t as Tensor) || isKept(t)) {
      if (outer) outer.add(t);
      else t.outlivedScopes();
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
