import type { IOHandler } from './artifacts';
import { loadFromFiles, saveToFiles } from './file-handler';
import { describe } from './json-checks';
import { argError } from '../util/validate';

const FILE_SCHEME = 'file://';

/**
 * A handler on the file system (Node only), as tfjs-node's tf.io.fileSystem: save writes
 * path/model.json and path/weights.bin; load reads path (a model.json) and the files it names.
 */
export function fileSystem(path: string): IOHandler {
  return fileSystemFor('loadLayersModel', path);
}

/** fileSystem whose load names the public call `op` in its errors. */
function fileSystemFor(op: string, path: string): IOHandler {
  if (Array.isArray(path)) {
    // tfjs-node's array form [topology.pb, weights_manifest.json] reads a binary GraphDef, which TF.js 4's loaders cannot run either.
    throw argError('io.fileSystem', 'path', describe(path), "a single path (a folder to save to, a model.json to load); the array form of tfjs-node is for a binary GraphDef and its weights manifest, which neither TF.js 4 nor tessera loads: convert the model to a model.json with tensorflowjs_converter and pass that file's path");
  }
  if (typeof path !== 'string' || path === '') throw argError('io.fileSystem', 'path', describe(path), "a non-empty path (a folder to save to, a model.json to load)");
  return {
    save: (artifacts) => saveToFiles('save', path, artifacts),
    load: () => loadFromFiles(op, path),
  };
}

export const fileSystemRouter = (url: string | string[], _loadOptions?: unknown, op = 'loadLayersModel'): IOHandler | null =>
  typeof url === 'string' && url.startsWith(FILE_SCHEME) ? fileSystemFor(op, url.slice(FILE_SCHEME.length)) : null;
