import type { Program } from '../harness';

// Programs from this round's sweeps where tessera differed from TF.js: env().platform and env().global, a layer added
// to a Sequential model after compile, sparse metrics given one-hot labels, and (deviations) categorical metrics given
// labels of another shape and a frozen model as a Sequential's first layer; tf.data's byte sources and TextLineDataset.

export const s40Sweep: Program[] = [
  {
    name: "env().platform's text coding, clock and typed-array test, and env().global",
    run: (tf) => {
      const { platform } = tf.env();
      const bytes = platform.encode('héllo ✓', 'utf-8');
      const t0 = platform.now();
      const refused = (f: () => unknown): boolean => {
        try {
          f();
          return false;
        } catch {
          return true;
        }
      };
      return {
        bytes: Array.from(bytes),
        utf8: Array.from(platform.encode('a', 'utf8')),
        back: platform.decode(bytes, 'utf-8'),
        empty: platform.decode(new Uint8Array(0), 'utf-8'),
        clock: typeof t0 === 'number' && platform.now() >= t0,
        typed: [new Float32Array(1), new Int32Array(1), new Uint8Array(1), new Uint8ClampedArray(1), new Float64Array(1), [1]].map((a) => platform.isTypedArray(a)),
        latin1: refused(() => platform.encode('a', 'latin1')),
        fetch: typeof platform.fetch,
        global: tf.env().global === globalThis,
      };
    },
  },
  {
    name: 'a layer added to a Sequential model after compile: fit and evaluate refuse until compile again, then train every layer',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones' })] });
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      model.add(tf.layers.dense({ units: 1, kernelInitializer: 'ones' }));
      const [x, y] = [tf.tensor2d([[1, 2], [3, 4], [0, 1]]), tf.tensor2d([[1], [2], [3]])];
      const refused: string[] = [];
      try {
        await model.fit(x, y, { epochs: 1, verbose: 0 });
      } catch {
        refused.push('fit');
      }
      try {
        model.evaluate(x, y);
      } catch {
        refused.push('evaluate');
      }
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const h = await model.fit(x, y, { epochs: 2, verbose: 0, batchSize: 3 });
      return { refused, loss: h.history.loss, weights: model.getWeights(), evaluated: model.evaluate(x, y) };
    },
  },
  {
    name: 'a sparse metric given one-hot labels: both refuse it (tessera read the one-hot values as class ids)',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax', kernelInitializer: 'ones' })] });
      const [x, oneHot] = [tf.linspace(-1, 1, 12).reshape([4, 3]), tf.tensor2d([[1, 0], [0, 1], [0, 1], [1, 0]])];
      const refused: string[] = [];
      const metrics = { name: 'sparseCategoricalCrossentropy', fn: tf.metrics.sparseCategoricalAccuracy };
      for (const [name, metric] of Object.entries(metrics)) {
        model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: [metric] });
        try {
          await model.fit(x, oneHot, { epochs: 1, batchSize: 4, verbose: 0 });
        } catch {
          refused.push(name);
        }
      }
      // Ids, as [batch] and as [batch, 1], are taken.
      const probs = tf.tensor2d([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.3, 0.7]]);
      return { refused, ids: tf.metrics.sparseCategoricalAccuracy(tf.tensor1d([0, 1, 1, 1]), probs), column: tf.metrics.sparseCategoricalAccuracy(tf.tensor2d([[0], [1], [1], [1]]), probs) };
    },
  },
  {
    name: 'categorical metrics given labels whose shape is not yPred\'s (class ids, or a column against a vector)',
    deviation: "TF.js 4.22 computes these from broadcast or argMax'd tensors of other shapes (an accuracy of class ids against probabilities compares argMax of a [4, 1] column, always 0); tessera refuses yTrue and yPred of different shapes, naming both",
    run: async (tf) => {
      const probs = tf.tensor2d([[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.1, 0.3, 0.6], [0.4, 0.5, 0.1]]);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [3], kernelInitializer: 'ones', activation: 'softmax' })] });
      model.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy', metrics: ['categoricalAccuracy'] });
      const h = await model.fit(tf.linspace(-1, 1, 12).reshape([4, 3]), tf.tensor2d([[0], [1], [2], [1]]), { epochs: 1, verbose: 0 });
      return [h.history, tf.metrics.categoricalAccuracy(tf.tensor2d([[1], [0], [2], [0]]), probs), tf.metrics.categoricalCrossentropy(tf.tensor2d([[1], [0], [1], [0]]), tf.tensor1d([0.9, 0.2, 0.6, 0.4]))];
    },
  },
  {
    name: "a frozen model as a Sequential's first layer",
    deviation: "TF.js 4.22 copies the layers of a model that is a Sequential's first layer into the outer graph, so fit trains them though the model is frozen (trainable false); tessera keeps the model a layer of the outer one and freezes it, as Keras (and as TF.js does for a frozen model anywhere else)",
    run: async (tf) => {
      const base = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones' })] });
      base.trainable = false;
      const model = tf.sequential({ layers: [base, tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      await model.fit(tf.ones([2, 2]), tf.zeros([2, 1]), { epochs: 1, verbose: 0 });
      return [base.getWeights(), model.getWeights()];
    },
  },
  {
    name: 'TextLineDataset and CSVDataset over a FileDataSource of bytes (CRLF, empty lines, lines across chunks), and its chunks',
    run: async (tf) => {
      const bytes = new TextEncoder().encode('a,b\r\n1,2\n\nx é ✓\n3,4\n');
      const lines = (b: Uint8Array, chunkSize?: number) => new tf.data.TextLineDataset(new tf.data.FileDataSource(b, { chunkSize })).toArray();
      const chunks = await new tf.data.FileDataSource(new TextEncoder().encode('abcdefghij'), { chunkSize: 4, offset: 2 }).iterator();
      const first = await chunks.next();
      const table = new tf.data.CSVDataset(new tf.data.FileDataSource(new TextEncoder().encode('x,y,label\n1,2,0\n3,4,1\n')), { columnConfigs: { label: { isLabel: true } } });
      return {
        whole: await lines(bytes), chunked: await lines(bytes, 3), empty: await lines(new Uint8Array(0)), newline: await lines(new TextEncoder().encode('\n')),
        size: new tf.data.TextLineDataset(new tf.data.FileDataSource(bytes)).size,
        first: [first.done, first.value], rest: await chunks.toArray(),
        columns: await table.columnNames(), rows: await table.toArray(),
      };
    },
  },
];
