import type { ModelArtifacts } from '../io/artifacts';
import { encodeWeights } from '../io/weights';
import type { Variable } from '../tensor/variable';

/** What tessera writes as the producer, where TF.js writes 'TensorFlow.js tfjs-layers v4.22.0'. */
const GENERATED_BY = 'tessera';

/** What saving reads of a model: its topology and its weights in TF.js's order. */
export interface SavableModel {
  topology(op: string): { class_name: string; config: Record<string, unknown> };
  readonly weights: Variable[];
  /** The names the weights are saved under, in the order of `weights`. */
  savedWeightNames(): string[];
}

/** The model as TF.js-style artifacts: a Keras topology (Sequential or functional) and the weights as TF.js orders them (trainable first). */
export function modelToArtifacts(op: string, model: SavableModel): ModelArtifacts {
  const topology = model.topology(op);
  const { specs, data } = encodeWeights(model.weights, model.savedWeightNames());
  return {
    modelTopology: { ...topology, keras_version: GENERATED_BY, backend: GENERATED_BY },
    format: 'layers-model',
    generatedBy: GENERATED_BY,
    convertedBy: null,
    weightSpecs: specs,
    weightData: data,
  };
}
