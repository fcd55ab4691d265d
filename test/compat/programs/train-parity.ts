import type { Program, TF } from '../harness';

// Programs from a sweep of fit, fitDataset, evaluate and callbacks against TF.js's training loop: stopTraining from
// each hook, metric names, callback objects and their `this`, yielding, and the checks TF.js makes of targets.

/** A one-unit linear model with all-ones weights, trained by sgd(0.1) on mean squared error. */
const unitModel = (tf: TF) => {
  const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
  m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  return m;
};

/** Four rows of two features and their targets. */
const data = (tf: TF) => [tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]).div(10), tf.tensor2d([[1], [2], [3], [4]]).div(10)];

/** The same four rows as a dataset of {xs, ys} batches of two. */
const dataset = (tf: TF) => {
  const [x, y] = data(tf);
  return tf.data.zip({ xs: tf.data.array(x.arraySync() as number[][]), ys: tf.data.array(y.arraySync() as number[][]) }).batch(2);
};

export const trainParity: Program[] = [
  {
    name: 'categoricalCrossentropy on one-column targets is refused by fit, evaluate and trainOnBatch',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], activation: 'sigmoid', kernelInitializer: 'ones' })] });
      m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['acc'] });
      const x = tf.ones([4, 3]);
      const y = tf.tensor2d([1, 0, 0, 1], [4, 1]);
      const outcomes: string[] = [];
      const attempt = async (what: string, f: () => unknown) => {
        try { await f(); outcomes.push(`${what}: ran`); } catch { outcomes.push(`${what}: threw`); }
      };
      await attempt('fit', () => m.fit(x, y, { epochs: 1, verbose: 0 }));
      await attempt('evaluate', () => m.evaluate(x, y));
      await attempt('trainOnBatch', () => m.trainOnBatch(x, y));
      await attempt('metric function as loss', () => {
        m.compile({ optimizer: 'sgd', loss: tf.metrics.categoricalCrossentropy });
        return m.fit(x, y, { epochs: 1, verbose: 0 });
      });
      return { outcomes, weights: m.getWeights() };
    },
  },
  {
    name: 'stopTraining set in onBatchEnd mid-epoch: the epoch ends unvalidated (fit and fitDataset)',
    run: async (tf) => {
      const [x, y] = data(tf);
      const stopAtFirst = (m: ReturnType<typeof unitModel>) => ({ onBatchEnd: async (b: number) => { if (b === 0) m.stopTraining = true; } });
      const m1 = unitModel(tf);
      const ends: unknown[] = [];
      const h1 = await m1.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0, shuffle: false, validationData: [x, y], callbacks: [stopAtFirst(m1), { onEpochEnd: async (e, logs) => { ends.push([e, { ...logs }]); } }] });
      const m2 = unitModel(tf);
      const h2 = await m2.fitDataset(dataset(tf), { epochs: 2, verbose: 0, validationData: [x, y], callbacks: stopAtFirst(m2) });
      // Stopped in the last batch's onBatchEnd, the epoch was whole and is validated.
      const m3 = unitModel(tf);
      const h3 = await m3.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0, shuffle: false, validationData: [x, y], callbacks: { onBatchEnd: async (b) => { if (b === 1) m3.stopTraining = true; } } });
      // Without batchesPerEpoch, the dataset's end comes with the read after its last batch, which a stop skips.
      const m4 = unitModel(tf);
      const h4 = await m4.fitDataset(dataset(tf), { epochs: 2, verbose: 0, validationData: [x, y], callbacks: { onBatchEnd: async (b) => { if (b === 1) m4.stopTraining = true; } } });
      return [h1.history, ends, h2.history, h3.history, h4.history, m1.getWeights(), m2.getWeights()];
    },
  },
  {
    name: 'stopTraining set in onEpochBegin: that epoch still trains one batch, unvalidated (fit and fitDataset)',
    run: async (tf) => {
      const [x, y] = data(tf);
      const stopAt1 = (m: ReturnType<typeof unitModel>) => ({ onEpochBegin: async (e: number) => { if (e === 1) m.stopTraining = true; } });
      const m1 = unitModel(tf);
      const h1 = await m1.fit(x, y, { epochs: 3, batchSize: 2, verbose: 0, shuffle: false, validationData: [x, y], callbacks: stopAt1(m1) });
      const m2 = unitModel(tf);
      const h2 = await m2.fitDataset(dataset(tf), { epochs: 3, verbose: 0, validationData: [x, y], callbacks: stopAt1(m2) });
      return [h1.epoch, h1.history, m1.getWeights(), h2.epoch, h2.history, m2.getWeights()];
    },
  },
  {
    name: 'a metric given twice gets suffixed keys in fit\'s and fitDataset\'s logs, History and params (metricsNames keeps them)',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mse', 'mse', 'mae'] });
      const batchKeys: string[][] = [];
      const h1 = await m.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0, validationData: [x, y], callbacks: { onBatchEnd: async (_b, logs) => { batchKeys.push(Object.keys(logs ?? {})); } } });
      const h2 = await m.fitDataset(dataset(tf), { epochs: 1, verbose: 0, validationData: [x, y] });
      const h3 = await m.fitDataset(dataset(tf), { epochs: 1, verbose: 0 });
      const b = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], activation: 'sigmoid', kernelInitializer: 'ones' })] });
      b.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['acc', 'accuracy'] });
      const h4 = await b.fit(x, tf.tensor2d([[0], [1], [1], [0]]), { epochs: 1, verbose: 0 });
      return [m.metricsNames, batchKeys, Object.keys(h1.history), h1.history, h1.params.metrics, Object.keys(h2.history), h2.history, h2.params.metrics, Object.keys(h3.history), b.metricsNames, h4.history];
    },
  },
  {
    name: 'evaluate given a sampleWeight',
    deviation: 'TF.js 4.22 takes a sampleWeight in evaluate and weighs nothing (its fit refuses one); tessera refuses it in both, an option it does not carry out',
    run: (tf) => {
      const [x, y] = data(tf);
      return unitModel(tf).evaluate(x, y, { sampleWeight: tf.tensor1d([1, 0, 0, 3]) });
    },
  },
  {
    name: 'callback objects take TF.js\'s nowFunc and nextFrameFunc, and hooks set to undefined',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      let t = 0;
      const seen: string[] = [];
      const clock = () => (t += 100);
      const frame = (tag: string) => () => { seen.push(tag); return Promise.resolve(); };
      // A period of 150 ms on a clock that moves 100 ms at each reading: a yield at every other batch.
      const timed = new tf.CustomCallback({ onYield: async (e, b) => { seen.push(`yield ${e} ${b}`); }, nowFunc: clock, nextFrameFunc: frame('frame') }, 150);
      const perBatch = new tf.CustomCallback({ onEpochEnd: undefined, nextFrameFunc: frame('batch frame') }, 'batch');
      const perEpoch = new tf.CustomCallback({ nextFrameFunc: frame('epoch frame') }, 'epoch');
      const h = await m.fit(x, y, { epochs: 2, batchSize: 1, verbose: 0, shuffle: false, callbacks: [timed, perBatch, perEpoch] });
      // A plain object's nowFunc drives fit's own yieldEvery.
      t = 0;
      const plain: string[] = [];
      await m.fit(x, y, { epochs: 1, batchSize: 1, verbose: 0, yieldEvery: 150, callbacks: { onBatchBegin: undefined, onYield: async (_e, b) => { plain.push(`yield ${b}`); }, nowFunc: clock, nextFrameFunc: () => Promise.resolve() } });
      return [seen, plain, h.history];
    },
  },
  {
    name: 'a plain object\'s hooks run with this as TF.js\'s CustomCallback wrapper: this.params',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      const seen: unknown[] = [];
      await m.fit(x, y, { epochs: 2, verbose: 0, callbacks: { onEpochEnd(this: { params: { epochs: number; metrics: string[] } }, e: number) { seen.push(`${e + 1}/${this.params.epochs}`, this.params.metrics); } } });
      return seen;
    },
  },
  {
    name: 'a CustomCallback yields by its own yieldEvery, not fit\'s: onYield with fit yieldEvery never trains; never with onYield is refused',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      let t = 0;
      const yields: number[] = [];
      const cb = new tf.CustomCallback({ onYield: async (_e, b) => { yields.push(b); }, nowFunc: () => (t += 100), nextFrameFunc: () => Promise.resolve() }, 150);
      const h = await m.fit(x, y, { epochs: 1, batchSize: 1, verbose: 0, shuffle: false, yieldEvery: 'never', callbacks: cb });
      const refused: string[] = [];
      try { new tf.CustomCallback({ onYield: async () => {} }, 'never'); } catch { refused.push('CustomCallback never'); }
      try { await m.fit(x, y, { epochs: 1, verbose: 0, yieldEvery: 'never', callbacks: { onYield: async () => {} } }); } catch { refused.push('fit never with a plain onYield'); }
      return [h.history, yields, refused];
    },
  },
  {
    name: 'trainOnBatch runs from a fit callback (an extra step), as evaluate does',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      const out: unknown[] = [];
      const h = await m.fit(x, y, { epochs: 2, verbose: 0, callbacks: { onEpochEnd: async () => { out.push(await m.trainOnBatch(x, y), m.evaluate(x, y)); } } });
      return [out, h.history, m.getWeights()];
    },
  },
  {
    name: 'stopTraining set in onTrainBegin is reset, so every epoch trains (fit and fitDataset)',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      const stop = { onTrainBegin: async () => { m.stopTraining = true; } };
      const h1 = await m.fit(x, y, { epochs: 2, verbose: 0, shuffle: false, callbacks: stop });
      const h2 = await m.fitDataset(dataset(tf), { epochs: 2, verbose: 0, callbacks: stop });
      return [h1.epoch, h1.history, h2.epoch, h2.history, m.stopTraining];
    },
  },
  {
    name: 'fitDataset hands onBatchBegin the batch index and size',
    run: async (tf) => {
      const m = unitModel(tf);
      const copies: unknown[] = [];
      await m.fitDataset(dataset(tf), { epochs: 1, verbose: 0, callbacks: { onBatchBegin: async (_b, logs) => { copies.push({ ...logs }); } } });
      return copies;
    },
  },
  {
    name: 'fitDataset\'s params.initialEpoch is null even when initialEpoch is given',
    run: async (tf) => {
      const m = unitModel(tf);
      const seen: unknown[] = [];
      const h = await m.fitDataset(dataset(tf), { epochs: 2, initialEpoch: 1, verbose: 0, callbacks: { onTrainBegin() { seen.push((this as unknown as { params: unknown }).params); } } });
      return [h.params, h.epoch, seen];
    },
  },
  {
    name: 'yieldEvery 0 is \'auto\' (125 ms), not every batch',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      let t = 0;
      const yields: number[] = [];
      // A clock moving 50 ms a reading: with 125 ms, a yield at every third batch.
      await m.fit(x, y, { epochs: 2, batchSize: 1, verbose: 0, yieldEvery: 0, callbacks: { onYield: async (_e, b) => { yields.push(b); }, nowFunc: () => (t += 50), nextFrameFunc: () => Promise.resolve() } });
      return yields;
    },
  },
  {
    name: 'classWeight on targets that are not class ids (a regression\'s fractions) is refused',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      const outcomes: string[] = [];
      try { await m.fit(x, y, { epochs: 1, verbose: 0, classWeight: { 0: 1, 1: 2 } }); outcomes.push('fractions: trained'); } catch { outcomes.push('fractions: threw'); }
      const h = await m.fit(x, tf.tensor2d([[0], [1], [1], [0]]), { epochs: 1, verbose: 0, shuffle: false, classWeight: { 0: 1, 1: 2 } });
      return [outcomes, h.history, m.getWeights()];
    },
  },
  {
    name: 'validationData [] is no validation data (validationSplit then applies)',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      const h1 = await m.fit(x, y, { epochs: 1, verbose: 0, shuffle: false, validationData: [] as never });
      const h2 = await m.fit(x, y, { epochs: 1, verbose: 0, shuffle: false, validationData: [] as never, validationSplit: 0.5 });
      return [h1.history, h1.params, h2.history, h2.params];
    },
  },
  {
    name: 'tf.losses.cosineDistance without an axis (as a compile loss) sums over every axis',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      // A cast, as TF.js's types want the axis too.
      m.compile({ optimizer: tf.train.sgd(0.1), loss: tf.losses.cosineDistance as never });
      const h = await m.fit(x, y, { epochs: 2, verbose: 0, shuffle: false });
      const direct = tf.losses.cosineDistance(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[0.5, -1], [2, 0.25]]), undefined as never);
      return [h.history, m.getWeights(), direct];
    },
  },
  {
    name: 'core op functions as metrics are logged under TF.js\'s op names (absoluteDifference__op); function names',
    run: async (tf) => {
      const [x, y] = data(tf);
      const m = unitModel(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: [tf.losses.absoluteDifference, tf.losses.meanSquaredError, tf.metrics.mse, tf.squaredDifference] });
      const h = await m.fit(x, y, { epochs: 1, verbose: 0, shuffle: false });
      const names = [tf.add, tf.matMul, tf.losses.huberLoss, tf.linalg.qr, tf.image.resizeBilinear, tf.tensor, tf.zeros, tf.range, tf.eye, tf.metrics.MAPE, tf.metrics.categoricalAccuracy].map((f) => f.name);
      return [m.metricsNames, Object.keys(h.history), h.history, names];
    },
  },
  {
    name: 'warnings with TF.js\'s words: earlyStopping\'s missing monitor, a dataset running out in fitDataset and evaluateDataset',
    run: async (tf) => {
      const [x, y] = data(tf);
      const warned: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => { warned.push(args.map(String).join(' ')); };
      try {
        const m = unitModel(tf);
        await m.fit(x, y, { epochs: 1, verbose: 0, validationData: [x, y], callbacks: tf.callbacks.earlyStopping({ monitor: 'val_mae' }) });
        await m.fitDataset(dataset(tf), { epochs: 2, batchesPerEpoch: 3, verbose: 0 });
        await m.evaluateDataset(dataset(tf) as never, { batches: 5 });
      } finally {
        console.warn = warn;
      }
      return warned;
    },
  },
  {
    name: 'a softmax classifier\'s predictions print as TF.js\'s, to the last digit',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 5, inputShape: [3], activation: 'softmax', kernelInitializer: 'ones' })] });
      m.setWeights([tf.tensor2d([...Array(15)].map((_, i) => Math.sin(i) * 3), [3, 5]), tf.zeros([5])]);
      (m.predict(tf.tensor2d([...Array(6)].map((_, i) => Math.cos(i * 0.7)), [2, 3])) as ReturnType<typeof tf.zeros>).print();
      // Every element to the bit: a difference of one ulp prints as another last digit.
      const logits = tf.tensor2d([...Array(400)].map((_, i) => 12 * Math.sin(i * 1.7) * Math.cos(i * 0.31)), [100, 4]);
      const ours = tf.softmax(logits).dataSync();
      const asRounded = [...Array(100)].map((_, r) => {
        const row = Array.from(logits.dataSync().slice(4 * r, 4 * r + 4));
        const max = Math.max(...row);
        const e = row.map((v) => Math.fround(Math.exp(Math.fround(v - max))));
        const sum = Math.fround(e.reduce((a, b) => a + b, 0));
        return e.map((v) => Math.fround(v / sum));
      }).flat();
      return asRounded.filter((v, i) => v !== ours[i]).length;
    },
  },
];
