import type { ModelArtifactsInfo } from './artifacts';
import { INDEXED_DB_SCHEME, hasIndexedDB, listIndexedDBModels, removeIndexedDBModel } from './indexed-db';
import { describe } from './json-checks';
import { LOCAL_STORAGE_SCHEME, hasLocalStorage, listLocalStorageModels, removeLocalStorageModel } from './local-storage';
import { registeredLoadHandlerFor, saveHandlerFor } from './router-registry';
import { argError } from '../util/validate';

/** The stores that keep models by name, as TF.js's ModelStoreManagers, in its order (listModels gives localStorage's first). */
const managers = [
  { scheme: LOCAL_STORAGE_SCHEME, available: hasLocalStorage, list: listLocalStorageModels, remove: removeLocalStorageModel },
  { scheme: INDEXED_DB_SCHEME, available: hasIndexedDB, list: listIndexedDBModels, remove: removeIndexedDBModel },
];
const SCHEMES = managers.map((m) => m.scheme).join(', ');

function parse(op: string, arg: string, url: unknown): { manager: (typeof managers)[number]; path: string } {
  const manager = typeof url === 'string' ? managers.find((m) => url.startsWith(m.scheme)) : undefined;
  if (typeof url !== 'string' || !manager || url.length === manager.scheme.length) {
    throw argError(op, arg, describe(url), `a URL of a stored model: ${SCHEMES} followed by its name`);
  }
  return { manager, path: url.slice(manager.scheme.length) };
}

/** Every model saved in IndexedDB and localStorage (those this runtime has), by URL, as tf.io.listModels. */
export async function listModels(): Promise<Record<string, ModelArtifactsInfo>> {
  const out: Record<string, ModelArtifactsInfo> = {};
  for (const m of managers.filter((s) => s.available())) {
    for (const [path, info] of Object.entries(await m.list('io.listModels'))) out[m.scheme + path] = info;
  }
  return out;
}

/** Deletes a stored model; resolves to its info, as tf.io.removeModel. */
export async function removeModel(url: string): Promise<ModelArtifactsInfo> {
  const { manager, path } = parse('io.removeModel', 'url', url);
  return manager.remove('io.removeModel', path);
}

/**
 * Copies a model from a URL a registered scheme loads (no http fallback for other strings, as TF.js) to any URL
 * model.save understands; a move removes the
 * source only once the copy is saved (TF.js removes it first within one store, which loses the
 * model when that save fails).
 */
async function transfer(op: string, sourceURL: string, destURL: string, move: boolean): Promise<ModelArtifactsInfo> {
  if (typeof sourceURL !== 'string' || sourceURL === '') throw argError(op, 'sourceURL', describe(sourceURL), 'a model URL');
  if (typeof destURL !== 'string' || destURL === '') throw argError(op, 'destURL', describe(destURL), 'a model URL');
  if (sourceURL === destURL) throw argError(op, 'destURL', describe(destURL), 'a URL other than sourceURL');
  const source = move ? parse(op, 'sourceURL', sourceURL) : undefined;
  const loader = registeredLoadHandlerFor(op, sourceURL);
  const saver = saveHandlerFor(op, destURL);
  if (!loader.load || !saver.save) throw new Error(`${op}: the handlers for ${sourceURL} and ${destURL} cannot load and save`);
  const result = await saver.save(await loader.load());
  if (source) await source.manager.remove(op, source.path);
  return result.modelArtifactsInfo;
}

/** Copies a stored model to another URL, as tf.io.copyModel. */
export function copyModel(sourceURL: string, destURL: string): Promise<ModelArtifactsInfo> {
  return transfer('io.copyModel', sourceURL, destURL, false);
}

/** Moves a stored model to another URL, as tf.io.moveModel. */
export function moveModel(sourceURL: string, destURL: string): Promise<ModelArtifactsInfo> {
  return transfer('io.moveModel', sourceURL, destURL, true);
}
