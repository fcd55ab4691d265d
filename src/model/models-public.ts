import type { LayersModel } from './layers-model';
import { modelFromTopologyOnly } from './deserialize';
import { badValue, own, requireRecord } from '../io/json-checks';

/**
 * tf.models.modelFromJSON: a model from its topology (model.toJSON(null, false), or { modelTopology }), with fresh
 * weights from its layers' initializers. Weights named by a weightsManifest are fetched by tf.loadLayersModel, which
 * takes the same model.json; here they are refused by name rather than silently left out. Custom layer classes are
 * found as registered by tf.serialization.registerClass (the customObjects argument is accepted, as TF.js's).
 */
export async function modelFromJSON(modelAndWeightsConfig: object, _customObjects?: unknown): Promise<LayersModel> {
  const op = 'models.modelFromJSON';
  const config = requireRecord(op, 'modelAndWeightsConfig', modelAndWeightsConfig);
  if (!('modelTopology' in config)) return modelFromTopologyOnly(op, 'modelAndWeightsConfig', config);
  if (own(config, 'weightsManifest') != null) {
    throw badValue(op, 'modelAndWeightsConfig.weightsManifest', own(config, 'weightsManifest'), 'no weightsManifest (load a model.json with its weight files by tf.loadLayersModel(url))');
  }
  return modelFromTopologyOnly(op, 'modelAndWeightsConfig.modelTopology', own(config, 'modelTopology'));
}
