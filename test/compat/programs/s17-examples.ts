import type { Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Programs from a sweep of tfjs-examples (mnist, polynomial-regression, lstm-text-generation, data-csv, jena-weather)
// and the js.tensorflow.org guides: what they pass to layers, fit and tf.TensorBuffer that tessera refused.

/** A name TF.js's types do not list, passed as a program written in JavaScript passes it. */
const given = <T>(v: unknown): T => v as T;

/** lstm-text-generation's hardTanh.js: an activation class registered under the name layers take. */
function registerHardTanh(tf: TF): void {
  class HardTanh extends tf.serialization.Serializable {
    static className = 'hardTanh';
    getConfig() {
      return {};
    }
    apply(x: Tensor): Tensor {
      return tf.tidy(() => tf.clipByValue(tf.mul(0.5, x), -1, 1));
    }
  }
  tf.serialization.registerClass(HardTanh as never);
}

const INITIALIZER_CLASSES = ['VarianceScaling', 'GlorotUniform', 'GlorotNormal', 'HeNormal', 'HeUniform', 'LeCunNormal', 'LeCunUniform', 'Orthogonal',
  'RandomNormal', 'RandomUniform', 'TruncatedNormal'] as const;

export const s17Examples: Program[] = [
  {
    name: 'initializers by class name (mnist\'s \'VarianceScaling\', polynomial-regression\'s \'Zeros\'): configs, and the values of the constant ones',
    run: (tf) => {
      // VarianceScaling's seed left out: TF.js's config says undefined for a plain varianceScaling, tessera's null.
      const configs = INITIALIZER_CLASSES.map((name) => JSON.stringify(tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: name }).getConfig().kernelInitializer,
        (key, v: unknown) => (name === 'VarianceScaling' && key === 'seed' ? undefined : v)));
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'Identity', biasInitializer: 'Ones' }),
        tf.layers.dense({ units: 1, kernelInitializer: 'Zeros' }),
      ] });
      return [configs, model.getWeights(), model.layers.map((l) => l.getConfig().kernelInitializer)];
    },
  },
  {
    name: 'initializer class name \'Constant\' without a value is refused',
    run: (tf) => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: given('Constant') })] }),
  },
  {
    name: 'regularizer class name \'L1L2\' (l1 = l2 = 0.01): its config and the penalty in fit\'s loss',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', kernelRegularizer: 'L1L2' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await model.fit(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1], [2]]), { epochs: 2, shuffle: false, verbose: 0 });
      return [model.layers[0].getConfig().kernelRegularizer, h.history.loss, model.getWeights()];
    },
  },
  {
    name: 'constraint class names (\'NonNeg\', \'MaxNorm\', \'UnitNorm\', \'MinMaxNorm\'): configs, and NonNeg projecting written weights',
    run: (tf) => {
      const configs = (['NonNeg', 'MaxNorm', 'UnitNorm', 'MinMaxNorm'] as const).map((name) => tf.layers.dense({ units: 2, inputShape: [2], kernelConstraint: name }).getConfig().kernelConstraint);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelConstraint: 'NonNeg' })] });
      model.setWeights([tf.tensor2d([[1, -2], [-3, 4]]), tf.tensor1d([-1, 1])]);
      return [configs, model.getWeights()];
    },
  },
  {
    name: 'flag options given numbers (mnist\'s useBias: 10): read for their truthiness, the config keeps the number',
    run: (tf) => {
      const dense10 = tf.layers.dense({ units: 2, inputShape: [2], useBias: given(10) });
      const dense0 = tf.layers.dense({ units: 2, inputShape: [2], useBias: given(0) });
      const frozen = tf.layers.dense({ units: 2, inputShape: [2], trainable: given(0) });
      const lstm = tf.layers.lstm({ units: 2, inputShape: [3, 2], returnSequences: given(1), unitForgetBias: given(0) });
      const bn = tf.layers.batchNormalization({ inputShape: [2], center: given(0), scale: given(1) });
      const embedding = tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 3, maskZero: given(1) });
      const models = [dense10, dense0, frozen, lstm, bn, embedding].map((l) => tf.sequential({ layers: [l] }));
      const dot = tf.layers.dot({ axes: 1, normalize: given(1) });
      const a = tf.input({ shape: [2] });
      const dotted = dot.apply([a, a]) as ReturnType<typeof tf.input>;
      return [
        models.map((m) => [m.countParams(), m.trainableWeights.length, m.outputs[0].shape]),
        [dense10.getConfig().useBias, dense0.getConfig().useBias, frozen.getConfig().trainable, lstm.getConfig().returnSequences,
          lstm.getConfig().unitForgetBias, bn.getConfig().center, bn.getConfig().scale, embedding.getConfig().maskZero, dot.getConfig().normalize],
        embedding.computeMask(tf.tensor2d([[0, 1, 2]])),
        (tf.model({ inputs: a, outputs: dotted }).predict(tf.tensor2d([[3, 4]])) as Tensor),
      ];
    },
  },
  {
    name: 'a flag given a number and then set: trainable: 0, then layer.trainable = true',
    run: (tf) => {
      const layer = tf.layers.dense({ units: 2, inputShape: [2], trainable: given(0) });
      const model = tf.sequential({ layers: [layer] });
      const before = [model.trainableWeights.length, layer.getConfig().trainable];
      layer.trainable = true;
      return [before, model.trainableWeights.length, layer.getConfig().trainable];
    },
  },
  {
    name: 'fit with shuffle: 1 and verbose: true / false (as 1 / 0), and evaluate with verbose: false',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const [x, y] = [tf.tensor2d([[1], [2]]), tf.tensor2d([[2], [3]])];
      const a = await model.fit(x, y, { epochs: 1, batchSize: 2, shuffle: given(1), verbose: given(false) });
      const b = await model.fit(x, y, { epochs: 1, batchSize: 2, shuffle: false, verbose: given(true) });
      return [a.history, b.history, model.evaluate(x, y, { verbose: given(false) })];
    },
  },
  {
    name: 'fit with shuffle: \'batch\' is refused (TF.js has not implemented it)',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      return model.fit(tf.ones([2, 1]), tf.ones([2, 1]), { epochs: 1, shuffle: given('batch'), verbose: 0 });
    },
  },
  {
    name: 'a flag option given a string',
    deviation: 'TF.js reads any value for its truthiness (useBias: \'no\' keeps the bias); tessera takes booleans and numbers and refuses other kinds as a mistake',
    run: (tf) => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], useBias: given('no') })] }).countParams(),
  },
  {
    name: 'new tf.TensorBuffer(shape) without a dtype holds float32 values (lstm-text-generation\'s generateText), as tf.buffer(shape)',
    run: (tf) => {
      const b = new tf.TensorBuffer([1, 2, 3]);
      b.set(5, 0, 1, 2);
      b.set(1.5, 0, 0, 0);
      const c = tf.buffer([2, 2]);
      c.set(3.25, 1, 0);
      return [b.toTensor(), b.values instanceof Float32Array, b.get(0, 1, 2), b.size, c.toTensor(), c.dtype];
    },
  },
  {
    name: 'a custom activation registered with tf.serialization.registerClass, by name in dense, activation and lstm (lstm-text-generation\'s hardTanh)',
    run: (tf) => {
      registerHardTanh(tf);
      const hardTanh = given<'tanh'>('hardTanh');
      const dense = tf.layers.dense({ units: 2, inputShape: [2], activation: hardTanh, kernelInitializer: 'ones' });
      const act = tf.layers.activation({ activation: hardTanh, inputShape: [2] });
      const lstm = tf.layers.lstm({ units: 2, inputShape: [3, 2], activation: hardTanh, recurrentActivation: hardTanh, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const x = tf.tensor2d([[1, 2], [-3, 0.5]]);
      return [
        tf.sequential({ layers: [dense] }).predict(x), tf.sequential({ layers: [act] }).predict(x),
        tf.sequential({ layers: [lstm] }).predict(tf.tensor3d([[[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]]])),
        dense.getConfig().activation, act.getConfig().activation, lstm.getConfig().activation, lstm.getConfig().recurrentActivation,
      ];
    },
  },
  {
    name: 'a model with a registered custom activation trains, saves and loads again',
    run: async (tf) => {
      registerHardTanh(tf);
      const model = tf.sequential({ layers: [
        tf.layers.lstm({ units: 2, inputShape: [3, 2], activation: given('hardTanh'), kernelInitializer: 'ones', recurrentInitializer: 'ones' }),
        tf.layers.dense({ units: 1, activation: given('hardTanh'), kernelInitializer: 'ones' }),
      ] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = tf.tensor3d([[[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]], [[1, 1], [0, 0], [-1, 0.5]]]);
      const h = await model.fit(x, tf.tensor2d([[0], [0.5]]), { epochs: 2, shuffle: false, verbose: 0 });
      let saved: unknown = null;
      await model.save(tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never));
      return [h.history.loss, model.predict(x), loaded.predict(x), loaded.layers[1].getConfig().activation];
    },
  },
  {
    name: 'model.loadWeights by weight name: all of them, or strict: false for some; the other weights keep their values',
    run: (tf) => {
      const make = () => tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [2], name: 'lw', kernelInitializer: 'zeros' }),
        tf.layers.dense({ units: 1, name: 'lw2', kernelInitializer: 'ones', kernelConstraint: 'nonNeg' }),
      ] });
      const all = make();
      all.loadWeights({ 'lw/kernel': tf.tensor2d([[1, 2], [3, 4]]), 'lw/bias': tf.tensor1d([5, 6]), 'lw2/kernel': tf.tensor2d([[-1], [1]]), 'lw2/bias': tf.tensor1d([0.5]) });
      const some = make();
      some.loadWeights({ 'lw/kernel': tf.tensor2d([[1, 2], [3, 4]]), 'other/kernel': tf.ones([3]) }, false);
      const counted = make();
      counted.loadWeights({ 'lw/0': tf.tensor2d([[1, 0], [0, 1]]), 'lw/1': tf.tensor1d([1, 2]) }, false);
      const x = tf.tensor2d([[1, 1]]);
      return [all.predict(x), all.getWeights(), some.getWeights(), counted.getWeights()];
    },
  },
  {
    name: 'model.loadWeights (strict) refuses a weight it does not have',
    run: (tf) => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'lw' })] })
      .loadWeights({ 'lw/kernel': tf.ones([2, 2]), 'lw/bias': tf.ones([2]), 'zz/kernel': tf.ones([1]) }),
  },
  {
    name: 'model.loadWeights (strict) refuses leaving weights unset',
    run: (tf) => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'lw' })] }).loadWeights({ 'lw/kernel': tf.ones([2, 2]) }),
  },
  {
    name: 'model.loadWeights refuses a value of the wrong shape',
    run: (tf) => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'lw' })] }).loadWeights({ 'lw/kernel': tf.ones([3, 2]) }, false),
  },
  {
    name: 'model.losses holds the model\'s own losses (none), layer.losses its regularizers\'; fit still adds the penalties (jena-weather\'s mlp-l2)',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', kernelRegularizer: tf.regularizers.l2({ l2: 0.5 }) })] });
      const counts = [model.losses.length, model.layers[0].losses.length];
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      model.predict(tf.ones([1, 2]));
      const h = await model.fit(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1], [2]]), { epochs: 2, shuffle: false, verbose: 0 });
      return [counts, model.losses.length, model.layers[0].losses.length, h.history.loss, model.getWeights()];
    },
  },
  {
    name: 'batching rows whose values are strings (a CSV\'s text columns)',
    run: async (tf) => (await tf.data.array([{ price: 1, style: 'Casual' }, { price: 2, style: 'Sexy' }]).batch(2).toArray()).length,
  },
];
