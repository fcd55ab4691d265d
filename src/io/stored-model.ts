import { describe } from './json-checks';
import { argError } from '../util/validate';

/** A stored model's name, as it follows 'indexeddb://' or 'localstorage://'. */
export function checkModelPath(op: string, scheme: string, path: unknown): string {
  if (typeof path !== 'string' || path === '') throw argError(op, 'modelPath', describe(path), `a non-empty name (as in '${scheme}my-model')`);
  return path;
}

/** The error for a name nothing is stored under. */
export function noStoredModel(op: string, store: string, scheme: string, path: string): Error {
  return new Error(`${op}: there is no model '${path}' in ${store} (${scheme}${path}); tn.io.listModels() lists the saved ones`);
}
