import type { Layer } from '../layers/layer';
import type { ModelArtifacts } from '../io/artifacts';
import { encodeWeights } from '../io/weights';

/** What tessera writes as the producer, where TF.js writes 'TensorFlow.js tfjs-layers v4.22.0'. */
const GENERATED_BY = 'tessera';

/** What saving reads of a model: its name and its layers in order. */
export interface SavableModel {
  readonly name: string;
  readonly layers: Layer[];
}

/**
 * The model as TF.js-style artifacts: a Keras Sequential topology and the weights in the order
 * TF.js saves them (trainable layers first, then frozen ones).
 */
export function modelToArtifacts(op: string, model: SavableModel): ModelArtifacts {
  const layers = model.layers;
  if (layers.length === 0) throw new Error(`${op}: the model has no layers; add some before saving`);
  const unbuilt = layers.find((l) => !l.built);
  if (unbuilt) {
    throw new Error(`${op}: layer '${unbuilt.name}' is not built yet, so it has no weights to save; give the first layer an inputShape or run the model on data first`);
  }
  const configs = layers.map((l, i) => {
    const config = l.getConfig();
    // As Keras does, the first layer records the input shape even when it was learnt from data.
    if (i === 0 && config.batch_input_shape === undefined) return { ...config, batch_input_shape: [null, ...(l.inputShapeNoBatch as number[])] };
    return config;
  });
  const vars = [...layers.flatMap((l) => l.trainableWeights), ...layers.flatMap((l) => l.nonTrainableWeights)];
  const { specs, data } = encodeWeights(vars);
  return {
    modelTopology: {
      class_name: 'Sequential',
      config: { name: model.name, layers: layers.map((l, i) => ({ class_name: l.getClassName(), config: configs[i] })) },
      keras_version: GENERATED_BY,
      backend: GENERATED_BY,
    },
    format: 'layers-model',
    generatedBy: GENERATED_BY,
    convertedBy: null,
    weightSpecs: specs,
    weightData: data,
  };
}
