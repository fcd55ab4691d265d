import type { io, LayersModel, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// model.json files as tf.keras 2.13-2.15 and Keras 3 write them through tensorflowjs_converter, loaded as a TF.js user
// loads them: every serialized object carries module / registered_name (layers also build_config), BatchNormalization
// writes its axis as a list and `synchronized`, recurrent layers write `time_major`, and some layers write settings TF.js's
// lack at the values that ask for nothing (groups 1, keepdims false, 1-D pools' data_format, ReLU's slope and threshold 0).

type Entry = Record<string, unknown>;

/** An object as Keras 2.13+ serializes it. */
const keras = (module: string, className: string, config: Entry, extra: Entry = {}): Entry => ({ module, class_name: className, config, registered_name: null, ...extra });
const GLOROT = keras('keras.initializers', 'GlorotUniform', { seed: null });
const ZEROS = keras('keras.initializers', 'Zeros', {});
const ONES = keras('keras.initializers', 'Ones', {});

function artifacts(layers: Entry[], weightSpecs: io.WeightsManifestEntry[], values: number[], className = 'Sequential', config: Entry = {}): io.ModelArtifacts {
  return {
    modelTopology: { keras_version: '2.15.0', backend: 'tensorflow', model_config: keras('keras', className, { name: 'm', layers, ...config }) },
    weightSpecs,
    weightData: new Float32Array(values).buffer,
  };
}

const spec = (name: string, shape: number[]): io.WeightsManifestEntry => ({ name, shape, dtype: 'float32' });
const ramp = (n: number, scale = 0.1) => Array.from({ length: n }, (_, i) => scale * Math.sin(i + 1));

async function predictAfterLoad(tf: TF, a: io.ModelArtifacts, x: Tensor): Promise<unknown> {
  const model: LayersModel = await tf.loadLayersModel(tf.io.fromMemory(a));
  return { y: model.predict(x), layers: model.layers.map((l) => l.getClassName()) };
}

const lstmConfig = (extra: Entry): Entry => ({
  name: 'lstm', trainable: true, dtype: 'float32', batch_input_shape: [null, 3, 2], return_sequences: false, return_state: false, go_backwards: false, stateful: false,
  unroll: false, units: 2, activation: 'tanh', recurrent_activation: 'sigmoid', use_bias: true, kernel_initializer: GLOROT,
  recurrent_initializer: keras('keras.initializers', 'Orthogonal', { gain: 1, seed: null }), bias_initializer: ZEROS, unit_forget_bias: true,
  kernel_regularizer: null, recurrent_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, recurrent_constraint: null, bias_constraint: null,
  dropout: 0, recurrent_dropout: 0, implementation: 2, ...extra,
});

export const kerasFiles: Program[] = [
  {
    name: "a Keras file naming its class Functional gives that name (getClassName, a re-saved file's class_name)",
    run: async (tf) => {
      const input = keras('keras.layers', 'InputLayer', { batch_input_shape: [null, 2], dtype: 'float32', name: 'x' }, { name: 'x', inbound_nodes: [] });
      const dense = keras('keras.layers', 'Dense', { name: 'd', units: 1, activation: 'linear', use_bias: true, kernel_initializer: ONES, bias_initializer: ZEROS }, { name: 'd', inbound_nodes: [[['x', 0, 0, {}]]] });
      const a = artifacts([input, dense], [spec('d/kernel', [2, 1]), spec('d/bias', [1])], [1, 2, 0.5], 'Functional', { input_layers: [['x', 0, 0]], output_layers: [['d', 0, 0]] });
      const model = await tf.loadLayersModel(tf.io.fromMemory(a));
      const resaved = model.toJSON(null, false) as unknown as { class_name: string };
      return [model.getClassName(), resaved.class_name, tf.model({ inputs: model.inputs, outputs: model.outputs }).getClassName()];
    },
  },
  {
    name: "a Keras LSTM file with zero_output_for_mask false and seed null (Keras's values that ask for nothing) loads and predicts",
    run: async (tf) => {
      const lstm = keras('keras.layers', 'LSTM', lstmConfig({ zero_output_for_mask: false, seed: null }));
      const a = artifacts([lstm], [spec('lstm/lstm_cell/kernel', [2, 8]), spec('lstm/lstm_cell/recurrent_kernel', [2, 8]), spec('lstm/lstm_cell/bias', [8])], ramp(40));
      return predictAfterLoad(tf, a, tf.tensor3d([[[1, 0], [0.5, -1], [2, 1]]]));
    },
  },
  {
    name: 'a Keras 2.15 Sequential file: module, registered_name and build_config on layers, initializers, regularizers and constraints',
    run: async (tf) => {
      const dense = keras('keras.layers', 'Dense', {
        name: 'dense', trainable: true, dtype: 'float32', units: 2, activation: 'relu', use_bias: true, kernel_initializer: GLOROT, bias_initializer: ZEROS,
        kernel_regularizer: keras('keras.regularizers', 'L1L2', { l1: 0, l2: 0.01 }), bias_regularizer: null, activity_regularizer: null,
        kernel_constraint: keras('keras.constraints', 'MaxNorm', { max_value: 2, axis: 0 }), bias_constraint: null,
      }, { build_config: { input_shape: [null, 3] } });
      const input = keras('keras.layers', 'InputLayer', { batch_input_shape: [null, 3], dtype: 'float32', sparse: false, ragged: false, name: 'dense_input' });
      const a = artifacts([input, dense], [spec('dense/kernel', [3, 2]), spec('dense/bias', [2])], [1, -1, 0.5, 2, -0.25, 1, 0.1, -0.2]);
      return predictAfterLoad(tf, a, tf.tensor2d([[1, 2, 3], [-1, 0.5, 2]]));
    },
  },
  {
    name: 'a Keras 2.15 functional file: layer entries with name, inbound_nodes, module, registered_name and build_config',
    run: async (tf) => {
      const input = keras('keras.layers', 'InputLayer', { batch_input_shape: [null, 2], dtype: 'float32', sparse: false, ragged: false, name: 'x' }, { name: 'x', inbound_nodes: [] });
      const dense = keras('keras.layers', 'Dense', {
        name: 'd', trainable: true, dtype: 'float32', units: 1, activation: 'linear', use_bias: true, kernel_initializer: GLOROT, bias_initializer: ZEROS,
        kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
      }, { build_config: { input_shape: [null, 2] }, name: 'd', inbound_nodes: [[['x', 0, 0, {}]]] });
      const a = artifacts([input, dense], [spec('d/kernel', [2, 1]), spec('d/bias', [1])], [1, 2, 0.5], 'Functional', { input_layers: [['x', 0, 0]], output_layers: [['d', 0, 0]] });
      return predictAfterLoad(tf, a, tf.tensor2d([[1, 1], [2, -1]]));
    },
  },
  {
    name: 'a Keras BatchNormalization file: axis as a list and synchronized',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const synchronized of [false, true]) {
        const bn = keras('keras.layers', 'BatchNormalization', {
          name: 'bn', trainable: true, dtype: 'float32', batch_input_shape: [null, 2, 2, 3], axis: [3], momentum: 0.99, epsilon: 0.001, center: true, scale: true,
          beta_initializer: ZEROS, gamma_initializer: ONES, moving_mean_initializer: ZEROS, moving_variance_initializer: ONES,
          beta_regularizer: null, gamma_regularizer: null, beta_constraint: null, gamma_constraint: null, synchronized,
        });
        const specs = ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((n) => spec(`bn/${n}`, [3]));
        const a = artifacts([bn], specs, [1, 2, 3, 0, 0.5, 1, 0.1, 0.2, 0.3, 1, 4, 9]);
        out.push(await predictAfterLoad(tf, a, tf.tensor4d(ramp(24, 1), [2, 2, 2, 3])));
      }
      return out;
    },
  },
  {
    name: 'a Keras LSTM file with time_major: false',
    run: async (tf) => {
      const lstm = keras('keras.layers', 'LSTM', lstmConfig({ time_major: false }));
      const a = artifacts([lstm], [spec('lstm/kernel', [2, 8]), spec('lstm/recurrent_kernel', [2, 8]), spec('lstm/bias', [8])], ramp(40));
      return predictAfterLoad(tf, a, tf.tensor3d(ramp(12, 1), [2, 3, 2]));
    },
  },
  {
    name: 'a Keras MobileNet-style file: DepthwiseConv2D with groups 1, ReLU(6.) with negative_slope and threshold 0, GlobalAveragePooling2D with keepdims false',
    run: async (tf) => {
      const input = keras('keras.layers', 'InputLayer', { batch_input_shape: [null, 4, 4, 2], dtype: 'float32', sparse: false, ragged: false, name: 'x' });
      const depthwise = keras('keras.layers', 'DepthwiseConv2D', {
        name: 'dw', trainable: true, dtype: 'float32', kernel_size: [3, 3], strides: [1, 1], padding: 'same', data_format: 'channels_last', dilation_rate: [1, 1],
        groups: 1, activation: 'linear', use_bias: true, bias_initializer: ZEROS, bias_regularizer: null, activity_regularizer: null, bias_constraint: null,
        depth_multiplier: 1, depthwise_initializer: GLOROT, depthwise_regularizer: null, depthwise_constraint: null,
      });
      const relu6 = keras('keras.layers', 'ReLU', { name: 'relu6', trainable: true, dtype: 'float32', max_value: 6, negative_slope: 0, threshold: 0 });
      const pool = keras('keras.layers', 'GlobalAveragePooling2D', { name: 'gap', trainable: true, dtype: 'float32', data_format: 'channels_last', keepdims: false });
      const a = artifacts([input, depthwise, relu6, pool], [spec('dw/depthwise_kernel', [3, 3, 2, 1]), spec('dw/bias', [2])], [...ramp(18, 3), 0.5, -0.25]);
      return predictAfterLoad(tf, a, tf.tensor4d(ramp(64, 4), [2, 4, 4, 2]));
    },
  },
  {
    name: 'a Keras 1-D file: Conv1D with groups 1, MaxPooling1D, AveragePooling1D and the global 1-D pools with data_format and keepdims',
    run: async (tf) => {
      const input = keras('keras.layers', 'InputLayer', { batch_input_shape: [null, 8, 2], dtype: 'float32', sparse: false, ragged: false, name: 'x' });
      const conv = keras('keras.layers', 'Conv1D', {
        name: 'c', trainable: true, dtype: 'float32', filters: 3, kernel_size: [3], strides: [1], padding: 'valid', data_format: 'channels_last', dilation_rate: [1],
        groups: 1, activation: 'relu', use_bias: true, kernel_initializer: GLOROT, bias_initializer: ZEROS, kernel_regularizer: null, bias_regularizer: null,
        activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
      });
      const pool1d = (className: string, name: string) => keras('keras.layers', className, { name, trainable: true, dtype: 'float32', pool_size: [2], strides: [1], padding: 'valid', data_format: 'channels_last' });
      const out: unknown[] = [];
      for (const global of ['GlobalAveragePooling1D', 'GlobalMaxPooling1D']) {
        const gp = keras('keras.layers', global, { name: 'g', trainable: true, dtype: 'float32', data_format: 'channels_last', keepdims: false });
        const a = artifacts([input, conv, pool1d('MaxPooling1D', 'mp'), pool1d('AveragePooling1D', 'ap'), gp], [spec('c/kernel', [3, 2, 3]), spec('c/bias', [3])], ramp(21, 2));
        out.push(await predictAfterLoad(tf, a, tf.tensor3d(ramp(32, 3), [2, 8, 2])));
      }
      return out;
    },
  },
  {
    name: "a Keras file trained under a mixed-precision policy (mixed_float16: float32 weights) loads and runs in float32",
    run: async (tf) => {
      const mixed = keras('keras.mixed_precision', 'Policy', { name: 'mixed_float16' });
      const input = keras('keras.layers', 'InputLayer', { batch_input_shape: [null, 3], dtype: 'float32', sparse: false, ragged: false, name: 'x' });
      const dense = keras('keras.layers', 'Dense', {
        name: 'd', trainable: true, dtype: mixed, units: 2, activation: 'relu', use_bias: true, kernel_initializer: GLOROT, bias_initializer: ZEROS,
        kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
      });
      const a = artifacts([input, dense], [spec('d/kernel', [3, 2]), spec('d/bias', [2])], [1, -1, 0.5, 2, -0.25, 1, 0.1, -0.2]);
      return predictAfterLoad(tf, a, tf.tensor2d([[1, 2, 3], [-1, 0.5, 2]]));
    },
  },
  {
    name: 'an Embedding loaded with input_length saves it again',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 5, name: 'emb' }), tf.layers.flatten({ name: 'f' })] });
      const saved: io.ModelArtifacts[] = [];
      const handler = tf.io.withSaveHandler(async (a) => {
        saved.push(a);
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      });
      await model.save(handler);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved[0]));
      await loaded.save(handler);
      const config = (a: io.ModelArtifacts) => (a.modelTopology as { config: { layers: { config: Entry }[] } }).config.layers[0].config;
      return [config(saved[0]).input_length, config(saved[1]).input_length, loaded.outputShape];
    },
  },
];
