import type { IOHandler, SaveConfig, SaveResult } from '../io/artifacts';
import { saveTarget } from '../io/router-registry';
import { modelToArtifacts, type SavableModel } from './serialize';

/** model.save: to a URL (indexeddb://, localstorage://, downloads://, http(s)://, file:// in Node) or through an IOHandler's save, as TF.js. */
export async function saveModel(model: SavableModel, target: string | IOHandler, config?: SaveConfig): Promise<SaveResult> {
  const op = 'save';
  const handler = saveTarget(op, target);
  const artifacts = await modelToArtifacts(op, model, config);
  return handler.save(artifacts);
}
