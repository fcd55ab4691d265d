import { argError } from '../util/validate';
import type { IOHandler, SaveResult } from '../io/artifacts';
import { filePath, saveToFiles } from '../io/file-handler';
import { describe } from '../io/json-checks';
import { modelToArtifacts, type SavableModel } from './serialize';

/** model.save: to 'file://dir' (Node) or through an IOHandler's save, as TF.js. */
export async function saveModel(model: SavableModel, target: string | IOHandler): Promise<SaveResult> {
  const op = 'save';
  const dir = typeof target === 'string' ? filePath(target) : undefined;
  const handler = typeof target === 'object' && target !== null && typeof target.save === 'function' ? target : undefined;
  if (dir === undefined && handler === undefined) {
    throw argError(op, 'handlerOrURL', describe(target), "a 'file://dir' URL or an IOHandler with a save method (e.g. tn.io.withSaveHandler(fn)); tessera has no other URL schemes");
  }
  const artifacts = modelToArtifacts(op, model);
  return dir !== undefined ? saveToFiles(op, dir, artifacts) : (handler as Required<Pick<IOHandler, 'save'>>).save(artifacts);
}
