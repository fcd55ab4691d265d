import * as tn from '../../src/node';

/** A small model using every layer class the loader knows. */
export function smallModel(opts: { dtype?: tn.DType; name?: string } = {}): tn.Sequential {
  const dtype = opts.dtype ?? 'float32';
  return tn.sequential({
    name: opts.name,
    layers: [
      tn.layers.conv2d({ filters: 3, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 2], dtype, name: 'c1', kernelInitializer: 'heNormal' }),
      tn.layers.maxPooling2d({ poolSize: 2, dtype, name: 'p1' }),
      tn.layers.flatten({ dtype, name: 'f1' }),
      tn.layers.dropout({ rate: 0.25, seed: 7, dtype, name: 'd1' }),
      tn.layers.dense({ units: 5, activation: 'tanh', dtype, name: 'h1' }),
      tn.layers.dense({ units: 4, activation: 'softmax', useBias: false, dtype, name: 'out' }),
      tn.layers.activation({ activation: 'linear', dtype, name: 'a1' }),
    ],
  });
}

export function randomInput(shape: number[], seed: number, dtype: tn.DType = 'float32'): tn.Tensor {
  return tn.randomUniform(shape, -1, 1, dtype, seed);
}

/** The artifacts a model hands to a save handler. */
export async function captureArtifacts(model: tn.Sequential): Promise<tn.ModelArtifacts> {
  let captured: tn.ModelArtifacts | undefined;
  await model.save(
    tn.io.withSaveHandler(async (a) => {
      captured = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', modelTopologyBytes: 0, weightSpecsBytes: 0, weightDataBytes: 0 } };
    }),
  );
  if (!captured) throw new Error('save handler was not called');
  return captured;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** A model.json in TF.js's format, written by hand: Dense(3 -> 2, relu) then Dense(2 -> 1). */
export function handWrittenModelJson(): Record<string, unknown> {
  return {
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'sequential_1',
        layers: [
          {
            class_name: 'Dense',
            config: {
              units: 2, activation: 'relu', use_bias: true,
              kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null } },
              bias_initializer: { class_name: 'Zeros', config: {} },
              kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
              name: 'dense_Dense1', trainable: true, batch_input_shape: [null, 3], dtype: 'float32',
            },
          },
          {
            class_name: 'Dense',
            config: { units: 1, activation: 'linear', use_bias: true, name: 'dense_Dense2', trainable: true },
          },
        ],
      },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
    convertedBy: null,
    weightsManifest: [
      {
        paths: ['weights.bin'],
        weights: [
          { name: 'dense_Dense1/kernel', shape: [3, 2], dtype: 'float32' },
          { name: 'dense_Dense1/bias', shape: [2], dtype: 'float32' },
          { name: 'dense_Dense2/kernel', shape: [2, 1], dtype: 'float32' },
          { name: 'dense_Dense2/bias', shape: [1], dtype: 'float32' },
        ],
      },
    ],
  };
}

/** The weights for handWrittenModelJson, and what they compute. */
export const HAND_WEIGHTS = Float32Array.of(1, -1, 2, 0.5, -1, 1, /* bias */ 0.5, -0.5, /* kernel 2 */ 2, -3, /* bias 2 */ 0.25);

/** relu(x·K1 + b1)·K2 + b2 for one row x, in plain arithmetic. */
export function handModel(x: [number, number, number]): number {
  const h0 = Math.max(0, x[0] * 1 + x[1] * 2 + x[2] * -1 + 0.5);
  const h1 = Math.max(0, x[0] * -1 + x[1] * 0.5 + x[2] * 1 - 0.5);
  return h0 * 2 + h1 * -3 + 0.25;
}
