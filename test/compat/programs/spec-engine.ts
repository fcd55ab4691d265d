import type { Program, TF } from '../harness';

// Programs from a sweep of TF.js's engine specs (topology, container, training and callback tests) that tessera
// failed: each is written as those specs call the API.

/** null typed as whatever the argument takes: TF.js's TypeScript types leave null out, its JavaScript takes it. */
const NULL = null as never;

/** A one-unit linear model with all-ones weights, and four rows of data for it. */
const unit = (tf: TF) => {
  const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
  return { m, x: tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]).div(10), y: tf.tensor2d([[1], [2], [3], [4]]).div(10) };
};

/** The same four rows as a dataset of {xs, ys} batches of two. */
const unitDataset = (tf: TF) => tf.data.zip({ xs: tf.data.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]]), ys: tf.data.array([[0.1], [0.2], [0.3], [0.4]]) }).batch(2);

export const specEngine: Program[] = [
  {
    name: "a weight's originalName drops the count that keeps names apart, so a map keyed by it loads into a second model",
    run: (tf) => {
      const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'fc', kernelInitializer: 'ones' })] });
      const m1 = build();
      const m2 = build();
      m1.layers[0].setWeights([tf.tensor2d([[1, 2], [3, 4], [5, 6]]), tf.tensor1d([0.5, -1])]);
      const map: Record<string, ReturnType<typeof tf.ones>> = {};
      for (const w of m1.weights) map[w.originalName] = w.read();
      m2.loadWeights(map);
      return [m2.weights.map((w) => w.originalName), m2.predict(tf.ones([1, 3]))];
    },
  },
  {
    name: 'getLayer(index) with the index as the only argument',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 's1' }), tf.layers.dense({ units: 1, name: 's2' })] });
      return [m.getLayer(0).name, m.getLayer(1).name, m.getLayer('s1', 1).name];
    },
  },
  {
    name: 'compile with metrics null and lossWeights null: no metrics, each loss weighed 1',
    run: async (tf) => {
      const { m, x, y } = unit(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: NULL, lossWeights: NULL });
      const h = await m.fit(x, y, { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return [m.metricsNames, h.history, m.evaluate(x, y)];
    },
  },
  {
    name: 'fit with yieldEvery null yields as auto, and sampleWeight null or undefined is no sample weights',
    run: async (tf) => {
      const { m, x, y } = unit(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h1 = await m.fit(x, y, { epochs: 1, batchSize: 2, shuffle: false, verbose: 0, yieldEvery: NULL });
      const h2 = await m.fit(x, y, { epochs: 1, batchSize: 2, shuffle: false, verbose: 0, sampleWeight: NULL });
      const h3 = await m.fit(x, y, { epochs: 1, batchSize: 2, shuffle: false, verbose: 0, sampleWeight: undefined });
      return [h1.history, h2.history, h3.history];
    },
  },
  {
    name: 'fit with a sampleWeight tensor is refused',
    run: async (tf) => {
      const { m, x, y } = unit(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      return m.fit(x, y, { epochs: 1, verbose: 0, sampleWeight: tf.ones([4]) as never });
    },
  },
  {
    name: 'sequential(null) and sequential({layers: null, name: null}) are empty models with a generated name; model({name: null}) too',
    run: (tf) => {
      const a = tf.sequential(NULL);
      const b = tf.sequential({ layers: NULL, name: NULL });
      const input = tf.input({ shape: [2] });
      const c = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(input) as typeof input, name: NULL });
      return [a.layers.length, b.layers.length, /^sequential_\d+$/.test(a.name), /^sequential_\d+$/.test(b.name), /^model\d+$/.test(c.name)];
    },
  },
  {
    name: 'earlyStopping(null) takes the defaults and earlyStopping({baseline: null}) has no baseline',
    run: async (tf) => {
      const { m, x, y } = unit(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h1 = await m.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, callbacks: [tf.callbacks.earlyStopping(NULL)] });
      const h2 = await m.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, callbacks: [tf.callbacks.earlyStopping({ monitor: 'loss', baseline: NULL })] });
      return [h1.epoch, h2.epoch, h2.history];
    },
  },
  {
    name: 'fitDataset with validationData null and yieldEvery null, evaluateDataset with batches null',
    run: async (tf) => {
      const { m } = unit(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await m.fitDataset(unitDataset(tf), { epochs: 2, validationData: NULL, yieldEvery: NULL, verbose: 0 });
      return [h.history, await m.evaluateDataset(unitDataset(tf) as never, { batches: NULL })];
    },
  },
  {
    name: 'save(handler, null) saves without the optimizer, and loadLayersModel(handler, {strict: null}) loads strictly',
    run: async (tf) => {
      const { m, x } = unit(tf);
      m.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
      let saved: Parameters<typeof tf.io.fromMemory>[0] | null = null;
      const result = await m.save(tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }), NULL);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never), { strict: NULL });
      return [result.modelArtifactsInfo.modelTopologyType, (saved as unknown as { weightSpecs: { name: string }[] }).weightSpecs.map((w) => w.name.split('/').pop()), loaded.predict(x)];
    },
  },
  {
    name: 'loadWeights(map, null) is not strict: a partial map loads',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'lwn', kernelInitializer: 'ones' })] });
      m.loadWeights({ 'lwn/bias': tf.tensor1d([1, -1]) }, NULL);
      return m.predict(tf.ones([1, 2]));
    },
  },
  {
    name: 'a second input of the same name: its tensor name takes a count, its layer name does not',
    run: (tf) => {
      const a = tf.input({ shape: [1], name: 'spece_in' });
      const b = tf.input({ shape: [1], name: 'spece_in' });
      const d = tf.layers.dense({ units: 1, name: 'spece_dd' });
      return [a.name, b.name, a.sourceLayer.name, b.sourceLayer.name, (d.apply(a) as typeof a).name, (d.apply(b) as typeof a).name];
    },
  },
  {
    name: "a dataset's 1-D xs for an input of shape [1] are refused by fitDataset and evaluateDataset (fit makes them a column)",
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones' })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const ds = () => tf.data.zip({ xs: tf.data.array([1, 2, 3, 4]), ys: tf.data.array([[1], [2], [3], [4]]) }).batch(2);
      const threw = async (f: () => Promise<unknown>) => f().then(() => false, () => true);
      const h = await m.fit(tf.tensor1d([1, 2, 3, 4]), tf.tensor2d([[1], [2], [3], [4]]), { epochs: 1, verbose: 0 });
      return [await threw(() => m.fitDataset(ds(), { epochs: 1, verbose: 0 })), await threw(() => m.evaluateDataset(ds() as never)), h.history];
    },
  },
  {
    name: 'metrics.binaryCrossentropy refuses targets whose shape is not the predictions\' (no broadcasting), and takes equal shapes',
    run: (tf) => {
      const p = tf.tensor2d([[0.2, 0.7, 0.4], [0.9, 0.1, 0.5], [0.3, 0.6, 0.8]]);
      let refused = false;
      try {
        tf.metrics.binaryCrossentropy(tf.tensor2d([[1], [0], [1]]), p);
      } catch {
        refused = true;
      }
      return [refused, tf.metrics.binaryCrossentropy(tf.tensor2d([[1, 0, 1], [0, 1, 1], [1, 1, 0]]), p)];
    },
  },
  {
    name: 'fit with a validationSplit that leaves no training sample',
    deviation: 'tessera refuses the split before training (README, bad options); TF.js trains nothing and returns an empty History',
    run: async (tf) => {
      const { m } = unit(tf);
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      return (await m.fit(tf.ones([1, 2]), tf.ones([1, 1]), { validationSplit: 0.5, verbose: 0 })).history;
    },
  },
  {
    name: 'an InputLayer is not trainable and not sparse, refuses batchSize beside batchInputShape, and cannot be applied',
    run: (tf) => {
      const il = tf.layers.inputLayer({ inputShape: [1], name: 'spece_il' });
      const threw = (f: () => unknown) => {
        try {
          f();
          return false;
        } catch {
          return true;
        }
      };
      const m = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [2] }), tf.layers.dense({ units: 1 })] });
      return [il.trainable, (il as unknown as { sparse: boolean }).sparse, il.getConfig(), threw(() => tf.layers.inputLayer({ batchInputShape: [1, 2], batchSize: 5 })),
        threw(() => il.apply(tf.ones([2, 1]))), m.layers.map((l) => l.trainable), m.trainableWeights.length];
    },
  },
  {
    name: 'a Sequential model popped to no layers has no outputs, as a fresh one',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
      const before = m.outputs.map((t) => t.shape);
      m.pop();
      return [before, m.outputs, tf.sequential().outputs];
    },
  },
  {
    name: 'outputShape of a layer applied to inputs giving different output shapes throws; the same shapes twice give it',
    run: (tf) => {
      const d = tf.layers.dense({ units: 3 });
      d.apply(tf.input({ shape: [5, 4] }));
      const one = d.outputShape;
      d.apply(tf.input({ shape: [5, 4] }));
      const same = d.outputShape;
      d.apply(tf.input({ shape: [6, 4] }));
      let threw = false;
      try {
        void d.outputShape;
      } catch {
        threw = true;
      }
      return [one, same, threw];
    },
  },
  {
    name: "a symbolic tensor's inputs and callArgs: what its layer was applied to, and with what (no call arguments here)",
    run: (tf) => {
      const x = tf.input({ shape: [3], name: 'spece_sx' });
      const y = tf.layers.dense({ units: 2, name: 'spece_sd' }).apply(x) as typeof x;
      return [x.inputs.length, x.callArgs, y.inputs.map((t) => t.name), y.callArgs];
    },
  },
];
