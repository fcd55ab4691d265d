import type { Sequential } from '../model/sequential';
import { argError } from '../ops/validate';
import type { IOHandler, SaveResult } from './artifacts';
import { filePath, saveToFiles } from './file-handler';
import { describe } from './json-checks';
import { modelToArtifacts } from './serialize';

/** model.save: to 'file://dir' (Node) or through an IOHandler's save, as TF.js. */
export async function saveModel(model: Sequential, target: string | IOHandler): Promise<SaveResult> {
  const op = 'save';
  const dir = typeof target === 'string' ? filePath(target) : undefined;
  const handler = typeof target === 'object' && target !== null && typeof target.save === 'function' ? target : undefined;
  if (dir === undefined && handler === undefined) {
    throw argError(op, 'handlerOrURL', describe(target), "a 'file://dir' URL or an IOHandler with a save method (e.g. tn.io.withSaveHandler(fn)); tessera has no other URL schemes");
  }
  const artifacts = modelToArtifacts(op, model);
  return dir !== undefined ? saveToFiles(op, dir, artifacts) : (handler as Required<Pick<IOHandler, 'save'>>).save(artifacts);
}
