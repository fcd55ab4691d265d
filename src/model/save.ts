import { argError } from '../util/validate';
import type { IOHandler, SaveConfig, SaveResult } from '../io/artifacts';
import { describe } from '../io/json-checks';
import { saveHandlerFor } from '../io/router-registry';
import { modelToArtifacts, type SavableModel } from './serialize';

/** model.save: to a URL (indexeddb://, localstorage://, downloads://, http(s)://, file:// in Node) or through an IOHandler's save, as TF.js. */
export async function saveModel(model: SavableModel, target: string | IOHandler, config?: SaveConfig): Promise<SaveResult> {
  const op = 'save';
  const handler = typeof target === 'string' && target !== '' ? saveHandlerFor(op, target)
    : typeof target === 'object' && target !== null && typeof target.save === 'function' ? target : undefined;
  if (handler?.save === undefined) {
    throw argError(op, 'handlerOrURL', describe(target), "a URL (indexeddb://name, localstorage://name, downloads://name, http(s)://…, file://dir in Node) or an IOHandler with a save method (e.g. tn.io.withSaveHandler(fn))");
  }
  const artifacts = await modelToArtifacts(op, model, config);
  return handler.save(artifacts);
}
