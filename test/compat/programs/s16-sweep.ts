import type { Program, TF } from '../harness';

// Programs from a sweep of tfjs-examples-style code (cart-pole, jena-weather, date-conversion attention) and browser
// demos: what they do with datasets, containers of tensors and masked RNNs.

/** A generator of {xs, ys} batches whose last one comes with done: true, as jena-weather's batch function ends. */
const lastWithDone = (tf: TF) => () => {
  let i = 0;
  return { next: () => { i++; return { value: { xs: tf.fill([2, 1], i), ys: tf.zeros([2, 1]) }, done: i >= 3 }; } };
};

/** Four {xs, ys} batches, then the end. */
const fourBatches = (tf: TF) => () => {
  let i = 0;
  return { next: () => { i++; return i > 4 ? { value: undefined, done: true } : { value: { xs: tf.fill([2, 1], i), ys: tf.zeros([2, 1]) }, done: false }; } };
};

const unitModel = (tf: TF) => {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', useBias: false })] });
  model.compile({ loss: 'meanAbsoluteError', optimizer: tf.train.sgd(0) });
  return model;
};

export const s16Sweep: Program[] = [
  {
    name: 'a generator\'s last batch, given with done: true, counts in evaluateDataset and fitDataset (toArray drops it)',
    run: async (tf) => {
      const model = unitModel(tf);
      const n = (await tf.data.generator(lastWithDone(tf)).toArray()).length;
      const score = await model.evaluateDataset(tf.data.generator(lastWithDone(tf)) as never);
      const h = await model.fitDataset(tf.data.generator(lastWithDone(tf)) as never, { epochs: 1, verbose: 0, validationData: tf.data.generator(lastWithDone(tf)) as never });
      return [n, score, h.history];
    },
  },
  {
    name: 'fitDataset whose dataset runs out before epochs × batchesPerEpoch: later epochs end empty and unvalidated',
    run: async (tf) => {
      const model = unitModel(tf);
      const ends: unknown[] = [];
      const h = await model.fitDataset(tf.data.generator(fourBatches(tf)) as never, {
        epochs: 4, batchesPerEpoch: 2, verbose: 0, validationData: tf.data.generator(fourBatches(tf)) as never,
        callbacks: { onEpochEnd: async (e, logs) => { ends.push([e, logs]); } },
      });
      return [h.history, h.epoch, ends];
    },
  },
  {
    name: 'clipByValue\'s gradient is 0 where it clips, even under an infinite upstream gradient (sqrt at 0); x at a bound keeps it',
    run: (tf) => {
      const g = tf.grad((x) => tf.sum(tf.sqrt(tf.clipByValue(x, 0, 1))));
      const h = tf.grad((x) => tf.sum(tf.mul(tf.clipByValue(x, -1, 2), tf.tensor1d([1, 2, 3, 4, 5]))));
      return [g(tf.tensor1d([-1, 4, 0.25])), h(tf.tensor1d([-3, -1, 0.5, 2, 7])), tf.clipByValue(tf.tensor1d([NaN, -5, 5]), -1, 1)];
    },
  },
  {
    name: 'model.dispose() counts the state of an optimizer compile made from a name, and leaves one the program made',
    run: async (tf) => {
      const make = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2] }), tf.layers.dense({ units: 1 })] });
      const [x, y] = [tf.ones([2, 2]), tf.ones([2, 1])];
      const counts: unknown[] = [make().dispose()];
      for (const optimizer of ['sgd', 'adam', tf.train.adam(0.01)] as const) {
        const m = make();
        m.compile({ optimizer, loss: 'meanSquaredError' });
        await m.fit(x, y, { epochs: 1, verbose: 0 });
        const before = tf.memory().numTensors;
        counts.push([m.dispose(), before - tf.memory().numTensors]);
      }
      return counts;
    },
  },
  {
    name: 'logical ops read number operands as bool, as TF.js converts them; a non-bool tensor is still refused',
    run: (tf) => {
      const b = tf.tensor1d([true, false, true], 'bool');
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      return [tf.logicalAnd(b, 1), tf.logicalOr(0, b), tf.logicalXor([1, 0, 2], b), attempt(() => tf.logicalAnd(b, tf.tensor1d([1, 0, 1])))];
    },
  },
  {
    name: 'argMax and argMin take one axis in an array, as TF.js',
    run: (tf) => {
      const x = tf.tensor2d([[1, 5, 2], [7, 0, 3]]);
      return [tf.argMax(x, [1] as never), tf.argMin(x, [0] as never), tf.argMax(x, -1)];
    },
  },
  {
    name: 'an undefined value stores NaN (a CSV row\'s missing cell), as TF.js; memory() logs its keys in TF.js\'s order',
    run: (tf) => [
      tf.tensor([1, undefined, 3] as never), tf.tensor([[1, undefined]] as never), tf.tensor([1, undefined] as never, undefined, 'int32'), Object.keys(tf.memory()),
    ],
  },
  {
    name: 'symbolic tensors have TF.js\'s names: an input its layer\'s, outputs layer/layer, layer/layer_1, ...',
    run: (tf) => {
      // Names no other program uses: TF.js numbers a name's later uses across the whole process.
      const x = tf.input({ shape: [3], name: 's16_features' });
      const dense = tf.layers.dense({ units: 2, name: 's16_d1' });
      const [y, again] = [dense.apply(x), dense.apply(x)] as { name: string }[];
      const states = tf.layers.lstm({ units: 2, returnState: true, name: 's16_rnn' }).apply(tf.input({ shape: [4, 3], name: 's16_seq' })) as { name: string }[];
      return [x.name, y.name, again.name, states.map((s) => s.name)];
    },
  },
  {
    // (TF.js's own order around NaN depends on where its selection meets them: [NaN, 2, NaN, 5] gives 5, NaN.)
    name: 'topk ranks NaN below everything, so its values stay sorted',
    run: (tf) => {
      const { values, indices } = tf.topk(tf.tensor1d([1, NaN, Infinity, -Infinity, 0]), 3);
      return [values, indices];
    },
  },
  {
    name: 'topk with a leading NaN: tessera ranks it last',
    deviation: 'TF.js ranks NaN by where its selection meets it: first in [NaN, 1, Inf, -Inf], out of the top 3 in [1, NaN, Inf, -Inf, 0]',
    run: (tf) => tf.topk(tf.tensor1d([NaN, 1, Infinity, -Infinity]), 3).indices,
  },
  {
    name: 'tile repeating three or more axes (done two at a time), up to rank 5',
    run: (tf) => {
      const x5 = tf.tensor(Array.from({ length: 144 }, (_, i) => i), [2, 3, 2, 4, 3]);
      const x3 = tf.tensor(Array.from({ length: 60 }, (_, i) => i % 7), [3, 4, 5]);
      return [tf.tile(x5, [2, 2, 2, 2, 2]), tf.tile(x5, [1, 2, 3, 1, 2]), tf.tile(x3, [2, 2, 2]), tf.grad((v) => tf.sum(tf.mul(tf.tile(v, [2, 2, 2]), tf.tile(x3, [2, 2, 2]))))(tf.ones([3, 4, 5]))];
    },
  },
  {
    name: 'dataset.forEachAsync frees each element after the callback; tensors it returns stay',
    run: async (tf) => {
      const start = tf.memory().numTensors;
      let sum = 0;
      await tf.data.array([[1, 2], [3, 4], [5, 6], [7, 8]]).map((v) => tf.tensor1d(v as number[])).batch(2).forEachAsync((b) => { sum += (b as never as { dataSync(): Float32Array }).dataSync()[0]; });
      const afterForEach = tf.memory().numTensors - start;
      const kept = await tf.data.array([1, 2, 3]).map((v) => tf.scalar(v as number)).toArray();
      return [sum, afterForEach, tf.memory().numTensors - start, kept];
    },
  },
];
