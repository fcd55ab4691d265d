import type { Tensor } from '../../../src/index';
import type { Program } from '../harness';
import { saveToMemory } from './layers-surface';

// Layer options and configs as TF.js programs give and read them: keys set to undefined, inputDType, and the keys
// getConfig() writes or leaves out.

const attempt = (f: () => unknown): string => {
  try { f(); return 'ok'; } catch { return 'throws'; }
};

export const layersConfig: Program[] = [
  {
    name: 'an option set to undefined is taken as not given, on layers that do not know it',
    run: (tf) => {
      const undef = { kernelInitializer: undefined, units: undefined, poolSize: undefined, rate: undefined } as never;
      return [
        tf.layers.flatten(undef).getClassName(),
        tf.layers.maxPooling2d({ ...(undef as object), poolSize: 2 }).getConfig().poolSize,
        tf.layers.dropout({ ...(undef as object), rate: 0.5 }).getConfig().rate,
        tf.layers.activation({ ...(undef as object), activation: 'relu' }).getClassName(),
        tf.layers.lstm({ ...(undef as object), units: 2, inputShape: [3, 2] }).getClassName(),
        tf.layers.embedding({ ...(undef as object), inputDim: 3, outputDim: 2 }).getClassName(),
        tf.input({ shape: [2], dtype: undefined }).dtype,
      ];
    },
  },
  {
    name: "inputDType sets the dtype of the input a Sequential makes for its first layer, and save and load keep it",
    run: async (tf) => {
      const dense = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], inputDType: 'int32', kernelInitializer: 'ones' })] });
      const emb = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 3, outputDim: 2, inputShape: [2], inputDType: 'int32', embeddingsInitializer: 'ones' })] });
      const lstm = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 1, inputShape: [2, 1], inputDType: 'int32', kernelInitializer: 'ones', recurrentInitializer: 'ones' })] });
      const both = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], dtype: 'float32', inputDType: 'int32' })] });
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, emb)));
      const ids = tf.tensor([[1, 2]], [1, 2], 'int32');
      return {
        inputs: [dense, emb, lstm, both, loaded].map((m) => m.inputs[0].dtype),
        dense: dense.predict(ids),
        // TF.js's embedding then holds int32 weights and gives int32; tessera's stays float32 (README), same values.
        emb: (emb.predict(ids) as Tensor).arraySync(),
        lstm: lstm.predict(tf.tensor([[[1], [2]]], [1, 2, 1], 'int32')),
        loaded: (loaded.predict(ids) as Tensor).arraySync(),
        // TF.js reads inputDType only with an input shape.
        unshaped: attempt(() => tf.layers.dense({ units: 1, inputDType: 'int32' })),
      };
    },
  },
  {
    name: 'an option a layer does not have, in an object of options shared by several layers',
    run: (tf) => {
      const common = { kernelInitializer: 'heNormal', padding: 'same' } as const;
      return tf.layers.maxPooling2d({ ...common, poolSize: 2 } as never).getConfig().padding;
    },
    deviation: 'TF.js ignores an option a layer does not have; tessera refuses it (an option it does not implement, or a typo, is an error), naming the option and the options the layer has',
  },
  {
    name: "a layer made with trainable: false keeps its weights' own flags on and filters them; freezing and unfreezing after build and fit follow",
    run: async (tf) => {
      const frozen = tf.layers.dense({ units: 1, trainable: false, inputShape: [2], kernelInitializer: 'ones' });
      const live = tf.layers.dense({ units: 1, kernelInitializer: 'ones' });
      const model = tf.sequential({ layers: [frozen, live] });
      const flags = () => ({
        own: model.weights.map((w) => w.trainable),
        layer: [frozen.trainableWeights.length, frozen.nonTrainableWeights.length, live.trainableWeights.length],
        model: [model.trainableWeights.length, model.nonTrainableWeights.length],
      });
      const x = tf.tensor([[1, 2], [3, -1]]);
      const y = tf.tensor([[1], [0]]);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const atStart = flags();
      await model.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0, shuffle: false });
      const afterFit = model.getWeights();
      frozen.trainable = true;
      const thawed = flags();
      live.trainable = false;
      const swapped = flags();
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      await model.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0, shuffle: false });
      return { atStart, afterFit, thawed, swapped, afterSecondFit: model.getWeights() };
    },
  },
];
