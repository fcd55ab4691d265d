import type { LayersModel } from './layers-model';
import { modelFromTopologyOnly } from './deserialize';
import { badValue, own, requireRecord } from '../io/json-checks';
import { loadWeights } from '../io/weights-loading';
import type { WeightsManifestGroupConfig } from '../io/artifacts';

/**
 * tf.models.modelFromJSON: a model from its topology (model.toJSON(null, false), or { modelTopology }), with fresh
 * weights from its layers' initializers; or, given a weightsManifest, with the weights it names fetched (with the
 * global fetch) from pathPrefix, every weight of the model's, as TF.js's. Custom layer classes are found as registered
 * by tf.serialization.registerClass (the customObjects argument is accepted, as TF.js's).
 */
export async function modelFromJSON(modelAndWeightsConfig: object, _customObjects?: unknown): Promise<LayersModel> {
  const op = 'models.modelFromJSON';
  const config = requireRecord(op, 'modelAndWeightsConfig', modelAndWeightsConfig);
  if (!('modelTopology' in config)) return modelFromTopologyOnly(op, 'modelAndWeightsConfig', config);
  const model = await modelFromTopologyOnly(op, 'modelAndWeightsConfig.modelTopology', own(config, 'modelTopology'));
  const manifest = own(config, 'weightsManifest');
  if (manifest == null) return model;
  const pathPrefix = own(config, 'pathPrefix');
  if (pathPrefix != null && typeof pathPrefix !== 'string') throw badValue(op, 'modelAndWeightsConfig.pathPrefix', pathPrefix, 'a URL prefix string');
  const values = await loadWeights(manifest as WeightsManifestGroupConfig[], pathPrefix ?? undefined, model.weights.map((w) => w.originalName));
  try {
    model.loadWeights(values);
  } finally {
    for (const t of Object.values(values)) t.dispose();
  }
  return model;
}
