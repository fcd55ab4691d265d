import type { Program } from '../harness';

// Programs in the style of TF.js's API documentation examples, each on a difference the documentation sweep
// (doc-examples.test.ts) found, written here in our own words.

/** A factory TF.js's typings do not admit but its documentation shows: given an array where options go. */
type Loose = (args: unknown) => { getClassName(): string; apply(inputs: unknown): { shape: (number | null)[] } };

export const docs: Program[] = [
  {
    name: 'merge layer factories given the inputs array give an unapplied layer with the defaults, as TF.js',
    run: (tf) => {
      const a = tf.input({ shape: [3] });
      const b = tf.input({ shape: [3] });
      const out: unknown[] = [];
      for (const name of ['add', 'multiply', 'average', 'maximum', 'minimum', 'concatenate'] as const) {
        const layer = (tf.layers[name] as unknown as Loose)([a, b]);
        out.push(name, layer.getClassName(), (layer as unknown as { shape?: unknown }).shape, layer.apply([a, b]).shape);
      }
      return out;
    },
  },
  {
    name: 'a null among tensor values is 0, in every dtype and nesting, as TF.js; a null for all the values is refused',
    run: (tf) => {
      const loose = (v: unknown) => v as number[];
      const out: unknown[] = [
        tf.tensor1d(loose([1, null, 3, 4])),
        tf.tensor2d(loose([[null, 2], [3, null]])),
        tf.tensor1d(loose([7, null]), 'int32'),
        tf.tensor(loose([true, null])),
        tf.ensureShape(tf.tensor1d(loose([1, null, 3, 4])), [4]),
      ];
      try { tf.tensor(loose(null)); out.push('no error'); } catch { out.push('threw'); }
      return out;
    },
  },
  {
    name: 'logSoftmax prints the digits TF.js prints (each float32 step rounded as its chain of ops rounds it)',
    run: (tf) => {
      const rows = tf.tensor2d([[1, 2, 3], [0.5, -1.25, 4], [10, 10.5, -3]]);
      rows.logSoftmax().print();
      tf.logSoftmax(tf.tensor1d([-2, 0, 7, 1e-3])).print();
      return tf.logSoftmax(rows);
    },
  },
  {
    name: 'models.modelFromJSON rebuilds a model from toJSON (object, or under modelTopology) with its names and shapes',
    run: async (tf) => {
      const m = tf.sequential({ name: 'from_json_source', layers: [
        tf.layers.dense({ units: 3, inputShape: [4], activation: 'relu', name: 'first' }),
        tf.layers.repeatVector({ n: 2, name: 'again' }),
      ] });
      const copy = await tf.models.modelFromJSON(m.toJSON(null, false) as object);
      copy.summary();
      const viaTopology = await tf.models.modelFromJSON({ modelTopology: JSON.parse(m.toJSON() as string) });
      const out = copy.predict(tf.zeros([1, 4])) as ReturnType<typeof tf.zeros>;
      return [copy.name, copy.layers.map((l) => l.name), viaTopology.outputs[0].shape, out.shape];
    },
  },
  {
    name: 'models.modelFromJSON draws each weight from the initializer the topology names (ones, batch norm\'s defaults, an LSTM\'s unit forget bias)',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', biasInitializer: tf.initializers.constant({ value: 0.5 }) }),
        tf.layers.batchNormalization(),
        tf.layers.repeatVector({ n: 2 }),
        tf.layers.lstm({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros', unitForgetBias: true }),
      ] });
      const copy = await tf.models.modelFromJSON(m.toJSON(null, false) as object);
      return [...copy.getWeights(), copy.predict(tf.tensor2d([[1, -2, 0.5]])) as ReturnType<typeof tf.zeros>];
    },
  },
  {
    name: 'erf of float32 values prints the digits TF.js prints (its cpu kernel\'s approximation)',
    run: (tf) => {
      const x = tf.tensor1d([0, 0.1, -0.1, 0.7, -1.5, 2.5, 4, 1e-3]);
      x.erf().print();
      return tf.erf(x);
    },
  },
  {
    name: 'chained methods leave only their results in tf.memory(), as TF.js (number arguments and intermediates go)',
    run: (tf) => {
      const counts: number[] = [];
      const x = tf.tensor2d([[1, -2], [3, 0.5]]);
      const start = tf.memory().numTensors;
      const results = [x.add(1), x.mul(2).sub(0.5), x.mean(1), x.pow(2), x.clipByValue(0, 1), x.square().mean(), x.greater(0).all()];
      counts.push(tf.memory().numTensors - start);
      tf.dispose(results);
      counts.push(tf.memory().numTensors - start);
      return counts;
    },
  },
  {
    name: 'tf.mean, tf.moments, tf.logSumExp, tf.clipByValue and tf.squaredDifference leave only their results in tf.memory(), as TF.js',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2], [3, 0.5]]);
      const y = tf.tensor2d([[0, 1], [2, 2]]);
      const start = tf.memory().numTensors;
      const results = [tf.mean(x), tf.mean(x, 0, true), tf.moments(x, 1), tf.logSumExp(x, 1), tf.clipByValue(x, 0, 1), tf.squaredDifference(x, y)];
      return [tf.memory().numTensors - start, results];
    },
  },
];
