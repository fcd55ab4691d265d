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
  {
    name: 'getConfig leaves out what was not given (dropout noiseShape and seed, reLU maxValue, an unseeded initializer seed), as the saved JSON shows',
    run: (tf) => {
      // A JSON round trip, as a program that stores or compares configs sees them.
      const json = (o: unknown) => JSON.parse(JSON.stringify(o)) as unknown;
      const init = (i: unknown) => json(tf.layers.dense({ units: 1, kernelInitializer: i as never }).getConfig().kernelInitializer);
      return {
        dropout: [json(tf.layers.dropout({ rate: 0.5, name: 'd1' }).getConfig()), json(tf.layers.dropout({ rate: 0.5, seed: 3, noiseShape: [1, 1], name: 'd2' }).getConfig())],
        spatial: [json(tf.layers.spatialDropout1d({ rate: 0.5, name: 's1' }).getConfig()), json(tf.layers.spatialDropout1d({ rate: 0.5, seed: 2, name: 's2' }).getConfig())],
        relu: [json(tf.layers.reLU({ name: 'r1' }).getConfig()), json(tf.layers.reLU({ maxValue: 2, name: 'r2' }).getConfig())],
        flatten: json(tf.layers.flatten({ name: 'f1' }).getConfig()),
        named: ['glorotUniform', 'GlorotUniform', 'heNormal', 'varianceScaling', 'VarianceScaling', 'randomNormal', 'orthogonal', 'truncatedNormal'].map(init),
        objects: [tf.initializers.glorotUniform({}), tf.initializers.glorotUniform(undefined as never), tf.initializers.varianceScaling({ scale: 2 }), tf.initializers.heUniform({ seed: 4 }), tf.initializers.randomUniform({})].map(init),
        dicts: [{ className: 'RandomNormal', config: { seed: null } }, { className: 'GlorotUniform', config: {} }, { className: 'VarianceScaling', config: { seed: null } }].map(init),
        dot: [json(tf.layers.dot({ axes: 1 }).getConfig().axes), json(tf.layers.dot({ axes: [1, 2] }).getConfig().axes)],
      };
    },
  },
  {
    name: "getConfig of an embedding given no input shape declares [batch, null], and a copy made from it takes ids of any length",
    run: (tf) => {
      const e = tf.layers.embedding({ inputDim: 3, outputDim: 2, embeddingsInitializer: 'ones' });
      const copy = tf.layers.embedding(e.getConfig() as never);
      const model = tf.sequential({ layers: [copy] });
      return [e.getConfig().batchInputShape, tf.layers.embedding({ inputDim: 3, outputDim: 2, inputLength: 4 }).getConfig().batchInputShape, model.inputs[0].shape, model.predict(tf.tensor([[1, 2, 0]]))];
    },
  },
  {
    name: "stacked cells' configs are each cell's own getConfig: gelu_new by its name, settings not given left out",
    run: (tf) => {
      const json = (o: unknown) => JSON.parse(JSON.stringify(o)) as { className: string; config: Record<string, unknown> }[];
      const cells = () => [tf.layers.simpleRNNCell({ units: 2, activation: 'gelu_new', name: 'c1' }), tf.layers.lstmCell({ units: 2, recurrentActivation: 'gelu_new', name: 'c2' }), tf.layers.gruCell({ units: 1, name: 'c3' })];
      const stacked = json(tf.layers.stackedRNNCells({ cells: cells() }).getConfig().cells);
      const inRnn = json((tf.layers.rnn({ cell: cells().map((c) => c) as never }).getConfig().cell as { config: { cells: unknown } }).config.cells);
      return [stacked, inRnn];
    },
  },
  {
    name: 'a model with unseeded initializers, dropout, reLU and stacked cells saves TF.js\'s model.json, its getConfig leaving out what was not given, and loads back to the same model.json',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 3, inputShape: [4], kernelInitializer: tf.initializers.glorotUniform({}), biasInitializer: 'randomNormal', name: 'd' }),
        tf.layers.dropout({ rate: 0.25, name: 'drop' }),
        tf.layers.reLU({ name: 'relu' }),
        tf.layers.reshape({ targetShape: [3, 1], name: 'r' }),
        tf.layers.rnn({ cell: [tf.layers.simpleRNNCell({ units: 2, activation: 'relu', name: 's1' }), tf.layers.lstmCell({ units: 1, name: 's2' })], name: 'rnn' }),
      ] });
      const topology = model.toJSON(null, false) as { config: { layers: { config: Record<string, unknown> }[] } };
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, model)));
      const json = (o: unknown) => JSON.parse(JSON.stringify(o)) as unknown;
      // A loaded layer's getConfig holds the nulls its model.json gave (tessera's cells still read them as not given).
      const loadedConfigs = loaded.layers.slice(0, 3).map((l) => l.getConfig());
      return { saved: topology.config.layers.map((l) => l.config), configs: model.layers.map((l) => json(l.getConfig())), loadedConfigs, again: (loaded.toJSON(null, false) as typeof topology).config.layers.map((l) => l.config) };
    },
  },
  {
    name: 'concatenate along axis 0 joins the batch, eagerly and in a graph, and saves its axis',
    run: (tf) => {
      const layer = tf.layers.concatenate({ axis: 0 });
      const eager = layer.apply([tf.tensor([[1, 2]]), tf.tensor([[3, 4], [5, 6]])]) as Tensor;
      const a = tf.input({ shape: [2] });
      const b = tf.input({ shape: [2] });
      const fixed = tf.layers.concatenate({ axis: 0 }).apply([tf.input({ batchShape: [2, 3] }), tf.input({ batchShape: [3, 3] })]) as { shape: unknown };
      const model = tf.model({ inputs: [a, b], outputs: tf.layers.concatenate({ axis: 0 }).apply([a, b]) as never });
      return {
        eager,
        shapes: [model.outputs[0].shape, fixed.shape, layer.computeOutputShape([[null, 2], [4, 2]]), tf.layers.concatenate({ axis: 0 }).computeOutputShape([[1, 2], [4, 2]])],
        predicted: model.predict([tf.tensor([[1, 2], [3, 4]]), tf.tensor([[5, 6], [7, 8]])]),
        config: layer.getConfig().axis,
        mismatched: attempt(() => tf.layers.concatenate({ axis: 0 }).apply([tf.ones([1, 2]), tf.ones([1, 3])])),
      };
    },
  },
  {
    name: 'a layer given inputShape, before any model applies it',
    run: (tf) => {
      const d = tf.layers.dense({ units: 3, inputShape: [2] });
      return [d.weights.length, d.built, attempt(() => d.countParams())];
    },
    deviation: 'tessera builds a layer given inputShape when it is made (its weights exist at once); TF.js builds it when it is first applied (README)',
  },
  {
    name: 'wrappers given trainable: false',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }), trainable: false, inputShape: [3, 2] });
      const t = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }), trainable: false, inputShape: [3, 2] });
      tf.sequential({ layers: [b] });
      tf.sequential({ layers: [t] });
      return [b.trainable, b.trainableWeights.length, t.trainable, t.trainableWeights.length];
    },
    deviation: "tessera freezes a bidirectional or timeDistributed given trainable: false, as Keras; TF.js 4.22 reads a wrapper's flag from the layer it wraps and trains it (README)",
  },
  {
    name: 'configs TF.js takes and tessera refuses: epsilon 0, rate 1, zero sizes',
    run: (tf) => [
      attempt(() => tf.layers.batchNormalization({ epsilon: 0 })),
      attempt(() => tf.layers.layerNormalization({ epsilon: 0 })),
      attempt(() => tf.layers.dropout({ rate: 1 })),
      attempt(() => tf.layers.gaussianDropout({ rate: 1 })),
      attempt(() => tf.layers.repeatVector({ n: 0 })),
      attempt(() => tf.layers.depthwiseConv2d({ kernelSize: 1, depthMultiplier: 0 })),
      attempt(() => tf.layers.dense({ units: 1, inputShape: [0] })),
    ],
    deviation: 'tessera refuses these as bad input (a division by zero, a layer that drops everything, empty tensors); TF.js 4.22 takes them (README)',
  },
  {
    name: 'configs TF.js refuses and tessera takes with Keras\'s meaning',
    run: (tf) => [
      attempt(() => tf.sequential({ layers: [tf.layers.dense({ units: 1, activityRegularizer: tf.regularizers.l2(), inputShape: [2] })] })),
      attempt(() => tf.layers.elu({ alpha: 0.5 }).apply(tf.tensor([-1, 1]))),
      attempt(() => tf.sequential({ layers: [tf.layers.softmax({ axis: 1, inputShape: [2, 3] })] }).predict(tf.ones([1, 2, 3]))),
      attempt(() => tf.sequential({ layers: [tf.layers.lstm({ units: 2, inputDim: 3, inputLength: 4 })] })),
    ],
    deviation: 'TF.js 4.22 has not implemented these (activity regularizers in a model, ELU alpha, softmax on another axis, an RNN first given inputDim and inputLength); tessera runs them as Keras does (README)',
  },
];
