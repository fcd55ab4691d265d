import { argError, describeValue } from '../util/validate';

/**
 * The stack of open tidy scopes, below both Tensor (every new tensor joins the innermost scope) and tidy
 * (which opens and closes them). Holds anything disposable so that it needs no tensor class.
 */
export interface Disposable {
  dispose(): void;
  /** The id of the scope that holds it, as TF.js's tensor.scopeId (unset until a scope holds it). */
  scopeId?: number;
}

const scopes: Set<Disposable>[] = [];
/**
 * Each open scope's id, numbered as TF.js numbers its scopes (every tidy and every op call opens one); a scope TF.js
 * would not open has the id of the scope around it, or none.
 */
const ids: (number | undefined)[] = [];
let nextScopeId = 0;
const kept = new WeakSet<Disposable>();

/** Adds t to the innermost scope, which it takes the id of; false when no scope is open. */
export function trackTensor(t: Disposable): boolean {
  const scope = currentScope();
  if (scope === undefined) return false;
  scope.add(t);
  t.scopeId = ids[ids.length - 1];
  return true;
}

/** Marks t to survive every enclosing tidy. */
export function keep<T extends Disposable>(t: T): T {
  if (t === null || typeof t !== 'object' || typeof (t as Partial<Disposable>).dispose !== 'function') throw argError('keep', 'result', describeValue(t), 'a Tensor');
  kept.add(t);
  return t;
}

/**
 * Undoes keep: t joins the innermost scope, to be disposed when it ends as anything made there (at the top level
 * it is left to the garbage collector).
 */
export function unkeep(t: Disposable): void {
  kept.delete(t);
  trackTensor(t);
}

export function isKept(t: Disposable): boolean {
  return kept.has(t);
}

export function openScope(numbered = true): Set<Disposable> {
  const scope = new Set<Disposable>();
  scopes.push(scope);
  ids.push(numbered ? nextScopeId++ : ids[ids.length - 1]);
  return scope;
}

export function closeScope(): void {
  scopes.pop();
  ids.pop();
}

/** The innermost open scope (undefined at the top level). */
export function currentScope(): Set<Disposable> | undefined {
  return scopes[scopes.length - 1];
}
