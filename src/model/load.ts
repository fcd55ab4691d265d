import type { Sequential } from './sequential';
import { argError } from '../util/validate';
import type { IOHandler } from '../io/artifacts';
import { modelFromArtifacts } from './deserialize';
import { filePath, loadFromFiles } from '../io/file-handler';
import { describe } from '../io/json-checks';

/**
 * Loads a model saved in TF.js's layers format, from 'file://dir/model.json' (Node) or an IOHandler
 * (e.g. tn.io.fromMemory). Resolves to a fully built model or rejects; never a partial model.
 */
export async function loadLayersModel(pathOrIOHandler: string | IOHandler): Promise<Sequential> {
  const op = 'loadLayersModel';
  const file = typeof pathOrIOHandler === 'string' ? filePath(pathOrIOHandler) : undefined;
  const handler = typeof pathOrIOHandler === 'object' && pathOrIOHandler !== null && typeof pathOrIOHandler.load === 'function' ? pathOrIOHandler : undefined;
  if (file === undefined && handler === undefined) {
    throw argError(op, 'pathOrIOHandler', describe(pathOrIOHandler), "a 'file://dir/model.json' URL or an IOHandler with a load method (e.g. tn.io.fromMemory(...)); tessera has no other URL schemes");
  }
  const artifacts = file !== undefined ? await loadFromFiles(op, file) : await (handler as Required<Pick<IOHandler, 'load'>>).load();
  return modelFromArtifacts(op, artifacts);
}
