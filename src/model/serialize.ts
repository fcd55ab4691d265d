import type { ModelArtifacts, SaveConfig } from '../io/artifacts';
import { encodeWeights, type WeightToSave } from '../io/weights';
import type { Optimizer } from '../optimizers/index';
import type { Variable } from '../tensor/variable';
import { optionalBoolean, optionsArg } from '../util/validate';
import { version_layers } from '../util/version';
import type { TrainingConfig } from './training-config';
import { warnIfLargeMetadata } from './user-metadata';

/** What tessera writes as the producer, where TF.js writes 'TensorFlow.js tfjs-layers v4.22.0'. */
const GENERATED_BY = 'tessera';

/** What saving reads of a model: its topology, its weights in TF.js's order, and its training settings once compiled. */
export interface SavableModel {
  readonly name: string;
  topology(op: string): { class_name: string; config: Record<string, unknown> };
  readonly weights: Variable[];
  /** The names the weights are saved under, in the order of `weights`. */
  savedWeightNames(): string[];
  readonly trainableWeights: Variable[];
  readonly optimizer: Optimizer | null;
  trainingConfig(op: string): TrainingConfig | null;
  getUserDefinedMetadata(): object | undefined;
}

/**
 * A model's topology as model.json holds it (TF.js's model.toJSON): class_name and config, with the keras_version
 * and backend TF.js writes (what Keras and TF.js read of a file's writer; tessera names itself in generatedBy).
 */
export function topologyJson(topology: { class_name: string; config: Record<string, unknown> }): Record<string, unknown> {
  return { ...topology, keras_version: `tfjs-layers ${version_layers}`, backend: 'tensor_flow.js' };
}

/**
 * The model as TF.js-style artifacts: a Keras topology (Sequential or functional) and the weights as TF.js orders
 * them (trainable first); with includeOptimizer, as TF.js, the training config and the optimizer's weights after
 * the model's (group 'optimizer').
 */
export async function modelToArtifacts(op: string, model: SavableModel, config?: SaveConfig): Promise<ModelArtifacts> {
  const options = optionsArg(op, 'config', config, ['trainableOnly', 'includeOptimizer']);
  const trainableOnly = optionalBoolean(op, 'config.trainableOnly', options.trainableOnly, false);
  const includeOptimizer = optionalBoolean(op, 'config.includeOptimizer', options.includeOptimizer, false);
  const topology = model.topology(op);
  const names = model.savedWeightNames();
  const trainable = new Set(model.trainableWeights);
  const weights: WeightToSave[] = model.weights.flatMap((v, i) => (trainableOnly && !trainable.has(v) ? [] : [{ name: names[i], tensor: v }]));
  const trainingConfig = includeOptimizer && model.optimizer ? model.trainingConfig(op) : null;
  if (trainingConfig && model.optimizer) {
    for (const w of await model.optimizer.getWeights()) weights.push({ ...w, group: 'optimizer' });
  }
  const { specs, data } = encodeWeights(weights);
  const userDefinedMetadata = model.getUserDefinedMetadata();
  if (userDefinedMetadata) warnIfLargeMetadata(userDefinedMetadata, model.name);
  return {
    modelTopology: topologyJson(topology),
    format: 'layers-model',
    generatedBy: GENERATED_BY,
    convertedBy: null,
    // TF.js's order, which a handler that writes the artifacts as they come keeps.
    ...(trainingConfig ? { trainingConfig } : {}),
    ...(userDefinedMetadata ? { userDefinedMetadata } : {}),
    weightData: data,
    weightSpecs: specs,
  };
}
