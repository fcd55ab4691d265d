import type { Logs, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// tfjs-layers programs as tutorials and answers write them: functional models of several inputs and outputs compiled
// with losses, metrics and loss weights by output name, fit options and callbacks, evaluate's results, and the less
// common layers at training and at inference.

type Sym = SymbolicTensor;
const num = (logs: Logs | undefined) => Object.fromEntries(Object.entries(logs ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]));
const grid = (tf: TF, rows: number, cols: number, f = 0.37) => tf.tensor2d(Array.from({ length: rows * cols }, (_, i) => Math.cos(i * f)), [rows, cols]);
const attempt = (f: () => unknown) => { try { return f(); } catch (e) { return `threw ${(e as Error).constructor.name}`; } };

/** Two inputs (a: 3 features, b: 2) and two named outputs (reg: 1 unit, cls: 2-class softmax), fixed weights. */
function twoByTwo(tf: TF) {
  const a = tf.input({ shape: [3], name: 'a' });
  const b = tf.input({ shape: [2], name: 'b' });
  const cat = tf.layers.concatenate({ name: 'cat' }).apply([a, b]) as Sym;
  const h = tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: tf.initializers.constant({ value: 0.1 }), name: 'h' }).apply(cat) as Sym;
  const reg = tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'reg' }).apply(h) as Sym;
  const cls = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.constant({ value: 0.2 }), biasInitializer: tf.initializers.constant({ value: 0.1 }), name: 'cls' }).apply(h) as Sym;
  return tf.model({ inputs: [a, b], outputs: [reg, cls], name: 'two_by_two' });
}
const twoData = (tf: TF, n = 6) => ({
  a: grid(tf, n, 3), b: grid(tf, n, 2, 0.71),
  reg: grid(tf, n, 1, 0.5), cls: tf.oneHot(tf.tensor1d(Array.from({ length: n }, (_, i) => i % 2), 'int32'), 2).toFloat(),
});

export const s11Layers: Program[] = [
  {
    name: 'two inputs and two outputs: losses and metrics keyed by output name, fit with named maps; history, predict',
    run: async (tf) => {
      const m = twoByTwo(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: { reg: 'meanSquaredError', cls: 'categoricalCrossentropy' }, metrics: { cls: 'accuracy', reg: ['mae'] } });
      const d = twoData(tf);
      const h = await m.fit({ a: d.a, b: d.b }, { reg: d.reg, cls: d.cls }, { epochs: 3, batchSize: 3, shuffle: false, verbose: 0 });
      return { keys: Object.keys(h.history).sort(), history: h.history, names: m.metricsNames, outNames: m.outputNames, pred: m.predict([d.a, d.b]) };
    },
  },
  {
    name: 'lossWeights (by output name and as an array) weigh each output\'s loss in the total that fit minimizes',
    deviation: "TF.js 4.22's compile takes lossWeights and drops them (a TODO in its source): its total loss is the plain sum of the outputs' losses; tessera weighs them, as Keras does",
    run: async (tf) => {
      const d = twoData(tf);
      const out: unknown[] = [];
      for (const lossWeights of [{ reg: 0.5, cls: 2 }, [1, 0.25]]) {
        const m = twoByTwo(tf);
        m.compile({ optimizer: tf.train.sgd(0.1), loss: ['meanSquaredError', 'categoricalCrossentropy'], lossWeights });
        out.push((await m.fit([d.a, d.b], [d.reg, d.cls], { epochs: 2, batchSize: 6, shuffle: false, verbose: 0 })).history);
      }
      return out;
    },
  },
  {
    name: 'two outputs with losses and lossWeights as arrays, metrics as an array for every output',
    run: async (tf) => {
      const m = twoByTwo(tf);
      m.compile({ optimizer: tf.train.adam(0.05), loss: ['meanAbsoluteError', 'binaryCrossentropy'], metrics: ['mse', 'accuracy'] });
      const d = twoData(tf);
      const h = await m.fit([d.a, d.b], [d.reg, d.cls], { epochs: 2, batchSize: 6, shuffle: false, verbose: 0 });
      return { history: h.history, names: m.metricsNames, pred: m.predict([d.a, d.b]) };
    },
  },
  {
    name: 'one loss for two outputs is used for both; a loss array of the wrong length throws',
    run: async (tf) => {
      const m = twoByTwo(tf);
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const d = twoData(tf);
      const first = await m.fit([d.a, d.b], [d.reg, d.cls], { epochs: 1, batchSize: 6, shuffle: false, verbose: 0 });
      const badLen = attempt(() => twoByTwo(tf).compile({ optimizer: 'sgd', loss: ['meanSquaredError'] })) !== undefined;
      return { history: first.history, names: m.metricsNames, badLen };
    },
  },
  {
    name: 'trainOnBatch of a two-output model returns the total loss, a loss per output, then the metrics',
    run: async (tf) => {
      const m = twoByTwo(tf);
      m.compile({ optimizer: tf.train.sgd(0.2), loss: ['meanSquaredError', 'categoricalCrossentropy'], metrics: ['accuracy'] });
      const d = twoData(tf);
      const t1 = await m.trainOnBatch([d.a, d.b], [d.reg, d.cls]);
      const t2 = await m.trainOnBatch({ a: d.a, b: d.b }, { reg: d.reg, cls: d.cls });
      return { t1, t2 };
    },
  },
  {
    name: 'fit with validationSplit, validationData as an array, and batchSize larger than the data',
    run: async (tf) => {
      const mk = () => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], kernelInitializer: tf.initializers.constant({ value: 0.2 }), name: 'vs' })] });
        m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mae'] });
        return m;
      };
      const x = grid(tf, 10, 3);
      const y = grid(tf, 10, 1, 0.9);
      const h1 = await mk().fit(x, y, { epochs: 2, batchSize: 4, validationSplit: 0.3, shuffle: false, verbose: 0 });
      const h2 = await mk().fit(x, y, { epochs: 2, batchSize: 100, validationData: [x.slice(0, 3), y.slice(0, 3)], verbose: 0 });
      const h3 = await mk().fit(x, y, { epochs: 0, verbose: 0 });
      return [h1.history, h1.epoch, h2.history, h2.params, h3.history, h3.epoch];
    },
  },
  {
    name: 'classWeight weighs each sample by its class in the loss',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], activation: 'softmax', kernelInitializer: tf.initializers.constant({ value: 0.3 }), name: 'cw' })] });
      m.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const x = grid(tf, 6, 2);
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 0, 1], 'int32'), 3).toFloat();
      const h = await m.fit(x, y, { epochs: 3, batchSize: 6, classWeight: { 0: 1, 1: 5, 2: 0.5 }, verbose: 0 });
      return { h: h.history, w: m.getWeights() };
    },
  },
  {
    name: 'callbacks as object literals: every hook\'s arguments and logs, async hooks awaited in order',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', name: 'cb' })] });
      m.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError', metrics: ['mse'] });
      const seen: unknown[] = [];
      const h = await m.fit(grid(tf, 5, 2), grid(tf, 5, 1, 0.3), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0, validationData: [grid(tf, 2, 2), grid(tf, 2, 1)], callbacks: {
        onTrainBegin: async (logs) => { seen.push(['trainBegin', num(logs)]); },
        onEpochBegin: async (epoch, logs) => { seen.push(['epochBegin', epoch, num(logs)]); },
        onBatchBegin: async (batch, logs) => { seen.push(['batchBegin', batch, num(logs)]); },
        onBatchEnd: async (batch, logs) => { await new Promise((r) => setTimeout(r, 1)); seen.push(['batchEnd', batch, num(logs)]); },
        onEpochEnd: async (epoch, logs) => { seen.push(['epochEnd', epoch, num(logs)]); },
        onTrainEnd: async (logs) => { seen.push(['trainEnd', num(logs)]); },
      } });
      return { seen, h: h.history };
    },
  },
  {
    name: 'an array of callbacks: earlyStopping on val_loss with minDelta next to a custom one; stopTraining set by a callback',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros', name: 'es' })] });
      m.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const epochs: number[] = [];
      const h = await m.fit(grid(tf, 6, 2), grid(tf, 6, 1, 0.3), { epochs: 30, batchSize: 6, verbose: 0, validationSplit: 0.5, callbacks: [
        tf.callbacks.earlyStopping({ monitor: 'val_loss', minDelta: 0.05, patience: 2 }),
        new tf.CustomCallback({ onEpochEnd: (e: number) => { epochs.push(e); } }),
      ] });
      const m2 = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'es2' })] });
      m2.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const h2 = await m2.fit(grid(tf, 4, 2), grid(tf, 4, 1), { epochs: 10, verbose: 0, callbacks: { onEpochEnd: (e: number) => { if (e === 2) m2.stopTraining = true; } } });
      return { epochs, h: h.history, e2: h2.epoch };
    },
  },
  {
    name: 'earlyStopping with mode max on a metric, baseline, and a monitor no log has',
    run: async (tf) => {
      const mk = () => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], activation: 'softmax', kernelInitializer: 'zeros', name: 'em' })] });
        m.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
        return m;
      };
      const x = grid(tf, 4, 2);
      const y = tf.oneHot(tf.tensor1d([0, 1, 1, 0], 'int32'), 2).toFloat();
      const h = await mk().fit(x, y, { epochs: 8, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'acc', mode: 'max', patience: 1 }) });
      const h2 = await mk().fit(x, y, { epochs: 8, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'loss', baseline: 0.1, patience: 2 }) });
      const h3 = await mk().fit(x, y, { epochs: 3, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'val_acc' }) });
      return [h.epoch, h2.epoch, h3.epoch];
    },
  },
  {
    name: 'every loss name compile takes, evaluated on one model',
    run: (tf) => {
      const names = ['meanSquaredError', 'meanAbsoluteError', 'meanAbsolutePercentageError', 'meanSquaredLogarithmicError', 'squaredHinge', 'hinge',
        'categoricalHinge', 'logcosh', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'binaryCrossentropy', 'kullbackLeiblerDivergence',
        'poisson', 'cosineProximity', 'mse', 'MSE', 'mae', 'MAE', 'mape', 'MAPE', 'msle', 'MSLE', 'kld', 'KLD', 'cosine'];
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], activation: 'softmax', kernelInitializer: tf.initializers.constant({ value: 0.4 }), name: 'ln' })] });
      const x = grid(tf, 4, 2);
      const y = tf.tensor2d([[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]]);
      const sparse = tf.tensor2d([[1], [0], [2], [1]]);
      return names.map((loss) => {
        try {
          m.compile({ optimizer: 'sgd', loss });
          return [loss, m.evaluate(x, loss === 'sparseCategoricalCrossentropy' ? sparse : y)];
        } catch (e) {
          return [loss, 'threw'];
        }
      });
    },
  },
  {
    name: 'a custom loss function and metrics by tf.metrics function: history keys and values',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], activation: 'sigmoid', kernelInitializer: tf.initializers.constant({ value: 0.3 }), name: 'cl' })] });
      const myLoss = (yTrue: ReturnType<typeof tf.tensor>, yPred: ReturnType<typeof tf.tensor>) => tf.mean(tf.abs(tf.sub(yTrue, yPred)).pow(3));
      m.compile({ optimizer: tf.train.sgd(0.3), loss: myLoss, metrics: [tf.metrics.binaryAccuracy, tf.metrics.precision, tf.metrics.recall, tf.metrics.categoricalAccuracy, 'categoricalCrossentropy'] });
      const y = tf.tensor2d([[1, 0], [0, 1], [1, 1], [0, 0]]);
      const h = await m.fit(grid(tf, 4, 2), y, { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return { h: h.history, names: m.metricsNames, ev: m.evaluate(grid(tf, 4, 2), y) };
    },
  },
  {
    name: 'summary with lineLength and positions (fractions and columns), of a sequential and a functional model',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 4, inputShape: [3], name: 'sp_d1' }), tf.layers.reshape({ targetShape: [2, 2], name: 'sp_rs' }),
        tf.layers.permute({ dims: [2, 1], name: 'sp_pm' }), tf.layers.flatten({ name: 'sp_f' }),
      ], name: 'sp_seq' });
      m.summary(60);
      m.summary(70, [0.3, 0.6, 1]);
      m.summary(undefined, [20, 45, 60]);
      const a = tf.input({ shape: [2], name: 'sp_a' });
      const b = tf.input({ shape: [2], name: 'sp_b' });
      const out = tf.layers.add({ name: 'sp_add' }).apply([a, b]) as Sym;
      tf.model({ inputs: [a, b], outputs: out, name: 'sp_fn' }).summary(90, [0.25, 0.5, 0.7, 1]);
    },
  },
  {
    name: 'a model used as a layer: shared inner weights, getLayer by name and index, frozen inner model then compile',
    run: async (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'nm_d' })], name: 'nm_inner' });
      const x1 = tf.input({ shape: [3], name: 'nm_x1' });
      const x2 = tf.input({ shape: [3], name: 'nm_x2' });
      const y = tf.layers.concatenate({ name: 'nm_cat' }).apply([inner.apply(x1) as Sym, inner.apply(x2) as Sym]) as Sym;
      const out = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.constant({ value: 0.5 }), name: 'nm_out' }).apply(y) as Sym;
      const outer = tf.model({ inputs: [x1, x2], outputs: out, name: 'nm_outer' });
      const names = [outer.getLayer('nm_inner').name, outer.getLayer(undefined, 2).name, outer.layers.map((l) => l.name), outer.countParams()];
      outer.getLayer('nm_inner').trainable = false;
      outer.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const before = outer.trainableWeights.map((w) => w.name);
      const h = await outer.fit([grid(tf, 4, 3), grid(tf, 4, 3, 0.2)], grid(tf, 4, 1, 0.9), { epochs: 2, batchSize: 4, verbose: 0 });
      outer.summary();
      return { names, before, h: h.history, inner: inner.getWeights(), outerW: outer.getWeights(), concrete: inner.apply(tf.ones([1, 3])) };
    },
  },
  {
    name: 'summary of a model added to a sequential model after a layer, and of a two-output model used as a layer',
    run: (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [4], name: 'ms_d' })], name: 'ms_inner' });
      const seq = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [3], name: 'ms_first' }), inner], name: 'ms_seq' });
      seq.summary();
      const i = tf.input({ shape: [3], name: 'ms_i' });
      const two = tf.model({ inputs: i, outputs: [tf.layers.dense({ units: 1, name: 'ms_a' }).apply(i) as Sym, tf.layers.dense({ units: 2, name: 'ms_b' }).apply(i) as Sym], name: 'ms_two' });
      const j = tf.input({ shape: [3], name: 'ms_j' });
      const [p, q] = two.apply(j) as Sym[];
      tf.model({ inputs: j, outputs: tf.layers.concatenate({ name: 'ms_cat' }).apply([p, q]) as Sym, name: 'ms_outer' }).summary();
      // Models of two layers, of an inputLayer and a layer, and of three layers less one popped, applied to an input.
      const deep = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [3], name: 'ms_e1' }), tf.layers.dense({ units: 2, name: 'ms_e2' })], name: 'ms_deep' });
      const fed = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3], name: 'ms_feed' }), tf.layers.dense({ units: 2, name: 'ms_f1' })], name: 'ms_fed' });
      const popped = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'ms_p1' }), tf.layers.dense({ units: 5, name: 'ms_p2' })], name: 'ms_popped' });
      popped.pop();
      const k = tf.input({ shape: [3], name: 'ms_k' });
      const outs = [deep, fed, popped].map((m) => m.apply(k) as Sym);
      tf.model({ inputs: k, outputs: outs, name: 'ms_many' }).summary();
      return [seq.outputShape, p.shape, q.shape];
    },
  },
  {
    name: 'layer.getWeights/setWeights with wrong counts or shapes throw; setWeights then predict',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'gw_d' }), tf.layers.prelu({ name: 'gw_p' })] });
      const d = m.getLayer('gw_d');
      d.setWeights([tf.tensor2d([[1, -2], [3, 4]]), tf.tensor1d([0.5, -0.5])]);
      m.getLayer('gw_p').setWeights([tf.tensor1d([0.1, 0.2])]);
      const wrongCount = attempt(() => d.setWeights([tf.ones([2, 2])]));
      const wrongShape = attempt(() => d.setWeights([tf.ones([2, 3]), tf.ones([2])]));
      return { wrongCount: wrongCount !== undefined, wrongShape: wrongShape !== undefined, w: d.getWeights(), p: m.getLayer('gw_p').getWeights(), pred: m.predict(tf.tensor2d([[1, 1], [-1, 0.5]])) };
    },
  },
  {
    name: 'less common layers at inference: gaussianNoise, gaussianDropout, alphaDropout, spatialDropout1d pass through; thresholdedReLU, softmax, elu alpha, prelu, leakyReLU, reLU',
    run: (tf) => {
      const x = tf.tensor3d([[[1, -2, 3], [-0.5, 0.25, 2]], [[0, 4, -1], [2, -3, 0.5]]]);
      return [
        tf.layers.gaussianNoise({ stddev: 1 }).apply(x), tf.layers.gaussianDropout({ rate: 0.5 }).apply(x), tf.layers.alphaDropout({ rate: 0.5 }).apply(x),
        tf.layers.spatialDropout1d({ rate: 0.5 }).apply(x), tf.layers.thresholdedReLU({ theta: 0.3 }).apply(x),
        tf.layers.softmax({ axis: 2 }).apply(x), tf.layers.softmax().apply(tf.reshape(x, [4, 3])), tf.layers.elu().apply(x), tf.layers.leakyReLU({ alpha: 0.2 }).apply(x),
        tf.layers.prelu({ alphaInitializer: tf.initializers.constant({ value: 0.25 }), sharedAxes: [1] }).apply(x), tf.layers.reLU({ maxValue: 2 }).apply(x),
      ];
    },
  },
  {
    name: 'dropout-like layers in training (apply with training: true): rate 0 is the identity, shapes kept, gaussianNoise of stddev 0',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3, 4], [5, 6, -7, 8]]);
      const x3 = tf.reshape(x, [2, 2, 2]);
      return [
        tf.layers.dropout({ rate: 0 }).apply(x, { training: true }), tf.layers.gaussianNoise({ stddev: 0 }).apply(x, { training: true }),
        tf.layers.spatialDropout1d({ rate: 0 }).apply(x3, { training: true }), (tf.layers.dropout({ rate: 0.5 }).apply(x, { training: true }) as ReturnType<typeof tf.ones>).shape,
        (tf.layers.alphaDropout({ rate: 0.3 }).apply(x, { training: true }) as ReturnType<typeof tf.ones>).shape,
      ];
    },
  },
  {
    name: 'cropping2D, zeroPadding2d with asymmetric pads, upSampling2d nearest and bilinear, averagePooling3d, globalAveragePooling1d',
    run: (tf) => {
      const img = tf.reshape(tf.range(0, 2 * 4 * 5 * 2), [2, 4, 5, 2]);
      const vol = tf.reshape(tf.range(0, 2 * 4 * 4 * 4), [1, 4, 4, 4, 2]);
      return [
        tf.layers.cropping2D({ cropping: [[1, 0], [2, 1]] }).apply(img), tf.layers.cropping2D({ cropping: 1 }).apply(img),
        tf.layers.zeroPadding2d({ padding: [[0, 1], [2, 0]] }).apply(img), tf.layers.zeroPadding2d({ padding: [1, 2] }).apply(img),
        tf.layers.upSampling2d({ size: [2, 1] }).apply(img), tf.layers.upSampling2d({ size: [2, 3], interpolation: 'bilinear' }).apply(img),
        tf.layers.averagePooling3d({ poolSize: 2 }).apply(vol), tf.layers.averagePooling3d({ poolSize: [2, 2, 2], strides: 1, padding: 'same' }).apply(vol),
        tf.layers.globalAveragePooling1d().apply(tf.reshape(img, [2, 20, 2])), tf.layers.maxPooling3d({ poolSize: 2 }).apply(vol),
      ];
    },
  },
  {
    name: 'conv2dTranspose with strides and same padding, separableConv2d with depthMultiplier, depthwiseConv2d, fixed weights',
    run: (tf) => {
      const img = tf.reshape(tf.range(0, 2 * 4 * 4 * 2).div(10), [2, 4, 4, 2]);
      const one = tf.initializers.constant({ value: 0.1 });
      return [
        tf.layers.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: one, biasInitializer: 'ones' }).apply(img),
        tf.layers.conv2dTranspose({ filters: 1, kernelSize: [2, 3], strides: [1, 2], padding: 'valid', kernelInitializer: one, activation: 'relu' }).apply(img),
        tf.layers.separableConv2d({ filters: 2, kernelSize: 2, depthMultiplier: 2, depthwiseInitializer: one, pointwiseInitializer: one, padding: 'same' }).apply(img),
        tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 3, depthwiseInitializer: one, strides: 2 }).apply(img),
      ];
    },
  },
  {
    name: 'layerNormalization over several axes with a fixed gamma and beta, batchNormalization with center and scale off',
    run: (tf) => {
      const x = tf.reshape(tf.range(0, 24).square().div(50), [2, 3, 4]);
      const ln = tf.layers.layerNormalization({ axis: [1, 2], epsilon: 1e-3 });
      const a = ln.apply(x);
      const ln2 = tf.layers.layerNormalization({ axis: -1, center: false, scale: false });
      const bn = tf.layers.batchNormalization({ center: false, scale: false, axis: 1 });
      return [a, ln.getWeights().map((w) => w.shape), ln2.apply(x), ln2.getWeights().length, bn.apply(x), bn.getWeights().map((w) => w.shape)];
    },
  },
  {
    name: 'batchNormalization and dropout in fit (training) versus predict and evaluate (inference)',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: tf.initializers.constant({ value: 0.4 }), name: 'bt_d' }),
        tf.layers.batchNormalization({ momentum: 0.5, name: 'bt_bn' }),
        tf.layers.dropout({ rate: 0, name: 'bt_dr' }),
        tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'bt_o' }),
      ] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = grid(tf, 6, 2);
      const y = grid(tf, 6, 1, 0.8);
      const h = await m.fit(x, y, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      return { h: h.history, bn: m.getLayer('bt_bn').getWeights(), pred: m.predict(x), ev: m.evaluate(x, y) };
    },
  },
  {
    name: 'toJSON and models.modelFromJSON of a model of less common layers: configs and the same predictions after setWeights',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 2, inputShape: [5, 5, 1], name: 'mj_c', kernelInitializer: tf.initializers.constant({ value: 0.3 }), kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }), biasConstraint: 'nonNeg' }),
        tf.layers.zeroPadding2d({ padding: 1, name: 'mj_zp' }), tf.layers.cropping2D({ cropping: [[1, 1], [0, 2]], name: 'mj_cr' }),
        tf.layers.upSampling2d({ size: [2, 2], name: 'mj_up' }),
        tf.layers.globalAveragePooling2d({ name: 'mj_g' }), tf.layers.gaussianNoise({ stddev: 0.2, name: 'mj_gn' }),
        tf.layers.thresholdedReLU({ theta: 0.1, name: 'mj_t' }), tf.layers.repeatVector({ n: 2, name: 'mj_rv' }), tf.layers.spatialDropout1d({ rate: 0.1, name: 'mj_sd' }),
        tf.layers.reshape({ targetShape: [-1], name: 'mj_rs' }), tf.layers.softmax({ axis: -1, name: 'mj_sm' }),
      ] });
      const json = m.toJSON(null, false) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
      const copy = await tf.models.modelFromJSON(json as never);
      copy.setWeights(m.getWeights());
      const x = tf.reshape(tf.range(0, 50).div(50), [2, 5, 5, 1]);
      // model.json's configs are compared as getConfig gives them (tessera writes every layer's dtype and initializers by their class names there).
      return { classes: json.config.layers.map((l) => l.class_name), configs: copy.layers.map((l) => l.getConfig()), same: copy.predict(x), pred: m.predict(x), names: copy.layers.map((l) => l.name) };
    },
  },
  {
    name: 'getConfig then the class\'s static fromConfig, and the factory given the config, give the same config for less common layers',
    run: (tf) => {
      const layers = [
        tf.layers.gaussianNoise({ stddev: 0.3 }), tf.layers.gaussianDropout({ rate: 0.2 }), tf.layers.cropping2D({ cropping: [[1, 2], [3, 4]] }), tf.layers.zeroPadding2d({ padding: [1, 2] }),
        tf.layers.upSampling2d({ size: [2, 2], interpolation: 'bilinear' }), tf.layers.averagePooling3d({ poolSize: [1, 2, 2] }),
        tf.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, kernelInitializer: 'glorotNormal' }),
        tf.layers.separableConv2d({ filters: 2, kernelSize: 3, depthwiseInitializer: 'heNormal', pointwiseInitializer: 'heNormal', depthMultiplier: 1 }),
        tf.layers.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2, depthwiseInitializer: 'glorotNormal' }), tf.layers.layerNormalization({ axis: -1, epsilon: 0.01 }),
        tf.layers.layerNormalization({ axis: [1, 2] }),
        tf.layers.permute({ dims: [2, 1] }), tf.layers.repeatVector({ n: 3 }), tf.layers.reshape({ targetShape: [3, -1] }),
        tf.layers.thresholdedReLU({ theta: 0.5 }), tf.layers.softmax({ axis: 1 }), tf.layers.prelu({ sharedAxes: [1, 2] }), tf.layers.elu(),
        tf.layers.leakyReLU({ alpha: 0.1 }), tf.layers.reLU({ maxValue: 6 }),
      ];
      return layers.map((l) => {
        const cls = l.constructor as unknown as { fromConfig(c: unknown, config: object): { getConfig(): object; name: string } };
        // TF.js's fromConfig writes into the config it is given, so the program keeps a copy (as saving would).
        const config = l.getConfig();
        const saved = JSON.parse(JSON.stringify(config)) as object;
        const copy = cls.fromConfig(cls, config);
        return [l.getClassName(), saved, JSON.parse(JSON.stringify(copy.getConfig())) as object, copy.name === l.name];
      });
    },
  },
  {
    name: 'a softmax layer along a middle axis of a rank-3 input',
    deviation: "TF.js 4.22's Softmax layer calls tf.softmax, which refuses any axis but the last (it throws at apply); tessera's layer normalizes along the given axis, as Keras's does",
    run: (tf) => tf.layers.softmax({ axis: 1 }).apply(tf.tensor3d([[[1, -2, 3], [-0.5, 0.25, 2]], [[0, 4, -1], [2, -3, 0.5]]])),
  },
  {
    name: 'separableConv2d takes its pointwiseInitializer for the pointwise kernel',
    deviation: "TF.js 4.22's SeparableConv initializes the pointwise kernel with depthwiseInitializer (its constructor reads the wrong option), so pointwiseInitializer has no effect; tessera uses it, as Keras does",
    run: (tf) => {
      const l = tf.layers.separableConv2d({ filters: 2, kernelSize: 2, depthwiseInitializer: tf.initializers.constant({ value: 0.1 }), pointwiseInitializer: 'ones' });
      return [l.apply(tf.ones([1, 3, 3, 2])), l.getWeights()];
    },
  },
  {
    name: 'batchNormalization with center false (no beta) in training',
    deviation: "TF.js 4.22's BatchNormalization reads its beta in training even when center is false and crashes (\"Cannot read properties of undefined (reading 'read')\"); tessera normalizes without an offset, as Keras does",
    run: (tf) => tf.layers.batchNormalization({ center: false, axis: 1 }).apply(tf.reshape(tf.range(0, 12).square(), [2, 3, 2]), { training: true }),
  },
  {
    name: 'reshape with -1 in a sequential model gives the inferred dim to the next layers (summary, flatten, dense)',
    deviation: "TF.js 4.22's Reshape.computeOutputShape leaves a -1 dim unknown whenever any input dim (the batch dim always) is unknown, so a flatten or dense after it throws; tessera infers it, as Keras does",
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 6, inputShape: [3], name: 'r1_d' }), tf.layers.reshape({ targetShape: [2, -1], name: 'r1_rs' }),
        tf.layers.flatten({ name: 'r1_f' }), tf.layers.dense({ units: 1, name: 'r1_o' })] });
      m.summary();
      return m.outputShape;
    },
  },
  {
    name: 'an elu layer with a non-default alpha',
    deviation: "TF.js 4.22's ELU layer refuses any alpha but 1 (\"Non-default alpha value (0.5) is not supported by the ELU layer yet\"); tessera scales the negative side by it, as Keras does",
    run: (tf) => tf.layers.elu({ alpha: 0.5 }).apply(tf.tensor1d([-2, -0.5, 0, 1.5])),
  },
  {
    name: 'separableConv2d with depthMultiplier 2: its config, and a copy made from that config',
    deviation: "TF.js 4.22's SeparableConv getConfig leaves out depthMultiplier, so a copy (or a saved and loaded model) gets depthMultiplier 1 and depthwise kernels of the wrong shape; tessera writes it, as Keras does",
    run: (tf) => {
      const l = tf.layers.separableConv2d({ filters: 2, kernelSize: 2, depthMultiplier: 2, depthwiseInitializer: 'heNormal', pointwiseInitializer: 'heNormal', name: 'sdm' });
      const copy = tf.layers.separableConv2d(l.getConfig() as never);
      copy.apply(tf.ones([1, 3, 3, 2]));
      return [l.getConfig(), copy.getWeights().map((w) => w.shape)];
    },
  },
  {
    name: 'fit with epochs 0 trains nothing: an empty history, the same weights, and onTrainBegin and onTrainEnd called',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', name: 'e0' })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const calls: string[] = [];
      const h = await m.fit(grid(tf, 4, 2), grid(tf, 4, 1), { epochs: 0, verbose: 0, callbacks: { onTrainBegin: () => { calls.push('begin'); }, onEpochEnd: () => { calls.push('epoch'); }, onTrainEnd: () => { calls.push('end'); } } });
      return { history: h.history, epoch: h.epoch, calls, w: m.getWeights() };
    },
  },
  {
    name: 'layerNormalization\'s config keeps a number axis as a number until the layer is built, then writes the axes resolved',
    run: (tf) => {
      const a = tf.layers.layerNormalization({ axis: -1 });
      const b = tf.layers.layerNormalization({ axis: [1, -1] });
      // As text: TF.js's config hands out the layer's own axis array, which building rewrites.
      const before = JSON.stringify([a.getConfig().axis, b.getConfig().axis, tf.layers.layerNormalization().getConfig().axis]);
      a.apply(tf.ones([2, 3, 4]));
      b.apply(tf.ones([2, 3, 4]));
      return [before, a.getConfig().axis, b.getConfig().axis];
    },
  },
  {
    name: 'reshape with -1: its config and model.json write the inferred dim as null, and a copy from either reshapes the same',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.reshape({ targetShape: [2, -1], inputShape: [6], name: 'rn_rs' })] });
      const json = m.toJSON(null, false) as { config: { layers: { config: Record<string, unknown> }[] } };
      const copy = await tf.models.modelFromJSON(json as never);
      const again = tf.layers.reshape(m.layers[0].getConfig() as never);
      const x = tf.range(0, 12).reshape([2, 6]);
      return [m.layers[0].getConfig().targetShape, json.config.layers[0].config.target_shape, copy.predict(x), again.apply(x), copy.layers[0].getConfig().targetShape];
    },
  },
  {
    name: 'separableConv2d\'s config (depthMultiplier 1), and a copy made from it',
    run: (tf) => {
      const l = tf.layers.separableConv2d({ filters: 2, kernelSize: 2, depthwiseInitializer: 'heNormal', pointwiseInitializer: 'heNormal', name: 'sc1' });
      const copy = tf.layers.separableConv2d(l.getConfig() as never);
      copy.apply(tf.ones([1, 3, 3, 2]));
      return [l.getConfig(), copy.getWeights().map((w) => w.shape)];
    },
  },
  {
    name: 'spatialDropout1d\'s config after a model.json round trip has noiseShape and seed',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.spatialDropout1d({ rate: 0.3, inputShape: [3, 2], name: 'sd1' })] });
      const copy = await tf.models.modelFromJSON(m.toJSON(null, false) as never);
      const json = JSON.parse(m.toJSON() as string) as { config: { layers: { config: Record<string, unknown> }[] } };
      const { dtype: _d, ...saved } = json.config.layers[0].config;
      return [copy.layers[0].getConfig(), saved];
    },
  },
  {
    name: 'freezing a layer after compile: without compiling again, and after compiling again',
    run: async (tf) => {
      const mk = () => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'fz_a' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'fz_b' })] });
        m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
        return m;
      };
      const x = grid(tf, 4, 2);
      const y = grid(tf, 4, 1, 0.6);
      const stale = mk();
      stale.layers[0].trainable = false;
      await stale.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
      const fresh = mk();
      fresh.layers[0].trainable = false;
      fresh.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      await fresh.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
      const whole = mk();
      whole.trainable = false;
      whole.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const nothing = await whole.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 }).then(() => 'trained', () => 'threw');
      return [stale.getWeights(), fresh.getWeights(), stale.trainableWeights.length, whole.trainableWeights.length, nothing];
    },
  },
  {
    name: 'fit twice continues training; the second History counts its epochs from 0; model.apply on a tensor and with training',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros', name: 'ft' })] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mae', 'mse'] });
      const x = grid(tf, 4, 2);
      const y = grid(tf, 4, 1, 0.6);
      const h1 = await m.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, shuffle: false });
      const h2 = await m.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, shuffle: false, initialEpoch: 1 });
      const inference = m.apply(x) as ReturnType<typeof tf.ones>;
      const dropped = tf.sequential({ layers: [tf.layers.dropout({ rate: 0.5, inputShape: [2], name: 'ft_dr' })] });
      const trained = dropped.apply(x, { training: true }) as ReturnType<typeof tf.ones>;
      return [h1.epoch, h2.epoch, h2.history, inference, trained.shape, m.evaluate(x, y, { batchSize: 3 })];
    },
  },
  {
    name: 'getLayer by a name or index that is not there, and by neither, throws',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'gl' })] });
      return [attempt(() => m.getLayer('nope')) !== undefined, attempt(() => m.getLayer(undefined, 5)) !== undefined, attempt(() => m.getLayer()) !== undefined, m.getLayer('gl').name, m.getLayer(undefined, 0).name];
    },
  },
  {
    name: 'fit given sampleWeight or three-part validationData',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'rb' })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const x = grid(tf, 4, 2);
      const y = grid(tf, 4, 1);
      const tryFit = async (args: object) => m.fit(x, y, { epochs: 1, verbose: 0, ...args }).then(() => 'trained', () => 'threw');
      // (earlyStopping with restoreBestWeights, which TF.js refuses, is s28-layers' marked deviation.)
      return [await tryFit({ sampleWeight: tf.ones([4]) }), await tryFit({ validationData: [x, y, tf.ones([4])] })];
    },
  },
  {
    name: 'a regression tutorial: normalize, fit with validationSplit and an onEpochEnd that logs, evaluate, predict on new data',
    run: async (tf) => {
      const raw = tf.tensor2d([[1, 50], [2, 60], [3, 55], [4, 80], [5, 90], [6, 70], [7, 85], [8, 95], [9, 100], [10, 75]]);
      const labels = tf.tensor2d([[3], [5], [6], [9], [11], [10], [13], [15], [17], [14]]);
      const { mean, variance } = tf.moments(raw, 0);
      const norm = raw.sub(mean).div(variance.sqrt());
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 8, activation: 'relu', inputShape: [2], kernelInitializer: tf.initializers.constant({ value: 0.2 }), name: 'rg_h' }));
      model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.constant({ value: 0.5 }), name: 'rg_o' }));
      model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError', metrics: ['mae'] });
      await model.fit(norm, labels, { epochs: 5, batchSize: 4, validationSplit: 0.2, shuffle: false, verbose: 0, callbacks: {
        onEpochEnd: (epoch, logs) => { console.log(`Epoch ${epoch}: loss = ${logs?.loss.toFixed(2)}, val_mae = ${logs?.val_mae.toFixed(2)}`); },
      } });
      const [loss, mae] = model.evaluate(norm, labels) as ReturnType<typeof tf.scalar>[];
      console.log(`test loss ${loss.dataSync()[0].toFixed(2)} mae ${mae.dataSync()[0].toFixed(2)}`);
      return (model.predict(tf.tensor2d([[0.5, -0.5]])) as ReturnType<typeof tf.ones>).dataSync();
    },
  },
  {
    name: 'a two-output model saved with its optimizer through withSaveHandler, loaded with fromMemory, trains on with its compile settings',
    run: async (tf) => {
      const m = twoByTwo(tf);
      m.compile({ optimizer: tf.train.adam(0.01), loss: ['meanSquaredError', 'categoricalCrossentropy'], metrics: ['accuracy'] });
      const d = twoData(tf);
      await m.fit([d.a, d.b], [d.reg, d.cls], { epochs: 1, batchSize: 6, shuffle: false, verbose: 0 });
      let artifacts: unknown = null;
      const saved = await m.save(tf.io.withSaveHandler(async (a) => { artifacts = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }), { includeOptimizer: true });
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts as never));
      const h = await loaded.fit([d.a, d.b], [d.reg, d.cls], { epochs: 1, batchSize: 6, shuffle: false, verbose: 0 });
      const orig = await m.fit([d.a, d.b], [d.reg, d.cls], { epochs: 1, batchSize: 6, shuffle: false, verbose: 0 });
      return { type: saved.modelArtifactsInfo.modelTopologyType, names: loaded.outputNames, inputs: loaded.inputNames, h: h.history, orig: orig.history, pred: loaded.predict([d.a, d.b]) };
    },
  },
  {
    name: 'tf.losses functions as compile losses (meanSquaredError, absoluteDifference, huberLoss, logLoss, hingeLoss, sigmoidCrossEntropy, softmaxCrossEntropy, cosineDistance)',
    run: async (tf) => {
      const x = grid(tf, 4, 2);
      const y = tf.tensor2d([[1, 0], [0, 1], [1, 0], [1, 0]]);
      type L = (a: ReturnType<typeof tf.ones>, b: ReturnType<typeof tf.ones>) => ReturnType<typeof tf.ones>;
      const losses: [string, L][] = [
        ['mse', (a, b) => tf.losses.meanSquaredError(a, b)], ['abs', (a, b) => tf.losses.absoluteDifference(a, b)], ['huber', (a, b) => tf.losses.huberLoss(a, b)],
        ['log', (a, b) => tf.losses.logLoss(a, tf.sigmoid(b))], ['hinge', (a, b) => tf.losses.hingeLoss(a, b)], ['sce', (a, b) => tf.losses.sigmoidCrossEntropy(a, b)],
        ['softmax', (a, b) => tf.losses.softmaxCrossEntropy(a, b)], ['cos', (a, b) => tf.losses.cosineDistance(a, b, 1)],
      ];
      const out: unknown[] = [];
      for (const [name, loss] of losses) {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: tf.initializers.constant({ value: 0.3 }), name: `tl_${name}` })] });
        m.compile({ optimizer: tf.train.sgd(0.1), loss });
        out.push([name, (await m.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0 })).history.loss]);
      }
      return out;
    },
  },
  {
    name: 'tf.metrics functions called directly on tensors',
    run: (tf) => {
      const yTrue = tf.tensor2d([[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]]);
      const yPred = tf.tensor2d([[0.1, 0.7, 0.2], [0.3, 0.4, 0.3], [0.2, 0.2, 0.6], [0.5, 0.3, 0.2]]);
      const bTrue = tf.tensor1d([1, 0, 1, 1, 0]);
      const bPred = tf.tensor1d([0.8, 0.6, 0.3, 0.9, 0.1]);
      return [
        tf.metrics.categoricalAccuracy(yTrue, yPred), tf.metrics.binaryAccuracy(bTrue, bPred), tf.metrics.precision(bTrue, bPred.round()), tf.metrics.recall(bTrue, bPred.round()),
        tf.metrics.meanSquaredError(yTrue, yPred), tf.metrics.MSE(yTrue, yPred), tf.metrics.meanAbsoluteError(yTrue, yPred),
        tf.metrics.meanAbsolutePercentageError(yTrue.add(1), yPred), tf.metrics.MAPE(yTrue.add(1), yPred), tf.metrics.cosineProximity(yTrue, yPred),
        tf.metrics.categoricalCrossentropy(yTrue, yPred), tf.metrics.binaryCrossentropy(bTrue, bPred), tf.metrics.sparseCategoricalAccuracy(tf.tensor1d([1, 0, 2, 0]), yPred),
        tf.metrics.r2Score(tf.tensor1d([1, 2, 3, 4]), tf.tensor1d([1.1, 1.9, 3.2, 3.7])),
      ];
    },
  },
  {
    name: 'optimizers by name in compile (sgd, adam, rmsprop, adagrad, adadelta, adamax): losses and weights after fit',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const optimizer of ['sgd', 'adam', 'rmsprop', 'adagrad', 'adadelta', 'adamax']) {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: tf.initializers.constant({ value: 0.3 }), name: `on_${optimizer}` })] });
        m.compile({ optimizer, loss: 'meanSquaredError' });
        const h = await m.fit(grid(tf, 4, 2), grid(tf, 4, 1, 0.7), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
        out.push([optimizer, h.history.loss, m.getWeights(), m.optimizer?.getClassName()]);
      }
      return out;
    },
  },
  {
    name: 'activation names on dense layers and activation layers (selu, softplus, softsign, hardSigmoid, swish, mish, gelu, relu6, linear, elu, tanh, sigmoid, softmax)',
    run: (tf) => {
      const x = tf.tensor2d([[-2, -0.5, 0, 0.5, 3]]);
      const names = ['selu', 'softplus', 'softsign', 'hardSigmoid', 'swish', 'mish', 'gelu', 'gelu_new', 'relu6', 'linear', 'elu', 'tanh', 'sigmoid', 'softmax', 'relu', 'logSigmoid'];
      return names.map((activation) => {
        try {
          const dense = tf.layers.dense({ units: 5, activation: activation as never, kernelInitializer: 'identity', useBias: false });
          return [activation, tf.layers.activation({ activation: activation as never }).apply(x), dense.apply(x), dense.getConfig().activation];
        } catch (e) {
          return [activation, 'threw'];
        }
      });
    },
  },
  {
    name: 'l1l2 defaults, and constraints by name and instance (nonNeg, unitNorm, maxNorm, minMaxNorm): configs, class names and one fit step',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: tf.initializers.constant({ value: 0.5 }), kernelConstraint: 'nonNeg', name: 'ar_1' }),
        tf.layers.dense({ units: 1, kernelInitializer: 'ones', kernelRegularizer: tf.regularizers.l1l2(), biasConstraint: 'maxNorm', kernelConstraint: tf.constraints.minMaxNorm({ minValue: 0.5, maxValue: 1, axis: 0 }), name: 'ar_2' }),
      ] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      // One step: TF.js projects onto the constraints only when weights are set (see layers-more's deviation), so later losses differ.
      const h = await m.fit(grid(tf, 4, 2), grid(tf, 4, 1, 0.7), { epochs: 1, batchSize: 4, verbose: 0 });
      const c = [tf.constraints.unitNorm({ axis: 0 }), tf.constraints.maxNorm({ maxValue: 2 }), tf.constraints.nonNeg(), tf.constraints.minMaxNorm({ rate: 0.5 })].map((k) => [k.getClassName(), k.getConfig(), k.apply(tf.tensor2d([[3, -4], [0, 1]]))]);
      return { h: h.history, configs: m.layers.map((l) => l.getConfig()), c, l1l2: [tf.regularizers.l1l2().getConfig(), tf.regularizers.l1l2().getClassName(), tf.regularizers.l2().getClassName()] };
    },
  },
  {
    name: 'a dense layer with an activityRegularizer in fit',
    deviation: "TF.js 4.22 refuses to apply a layer that has an activityRegularizer (\"Layer invocation in the presence of activity regularizer(s) is not supported yet\"); tessera adds the penalty on the layer's output to the loss, as Keras does",
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', activityRegularizer: tf.regularizers.l1({ l1: 0.1 }), name: 'dar' })] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      return (await m.fit(grid(tf, 4, 2), grid(tf, 4, 2, 0.6), { epochs: 2, batchSize: 4, verbose: 0 })).history;
    },
  },
  {
    name: 'a model of inputs: [a] and outputs: [o]: predict, evaluate, fit with a named map, inputNames and outputNames, weight names',
    run: async (tf) => {
      const a = tf.input({ shape: [2], name: 'lone_in' });
      const o = tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'lone_out' }).apply(a) as Sym;
      const m = tf.model({ inputs: [a], outputs: [o] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = grid(tf, 4, 2);
      const y = grid(tf, 4, 1, 0.6);
      const h = await m.fit({ lone_in: x }, { lone_out: y }, { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      const pred = m.predict(x);
      return { isArray: Array.isArray(pred), pred, ev: m.evaluate(x, y), h: h.history, names: [m.inputNames, m.outputNames, m.weights.map((w) => w.name), m.inputs.map((t) => t.shape), m.outputs.map((t) => t.shape)] };
    },
  },
  {
    name: 'evaluate without metrics returns one scalar, with three metrics an array; predict with batchSize and predictOnBatch agree',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax', kernelInitializer: tf.initializers.constant({ value: 0.1 }), name: 'ev' })] });
      const x = grid(tf, 5, 3);
      const y = tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1], 'int32'), 2).toFloat();
      m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
      const one = m.evaluate(x, y, { batchSize: 2 });
      m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['accuracy', 'mse', tf.metrics.categoricalCrossentropy] });
      return [one, m.evaluate(x, y, { batchSize: 2 }), m.metricsNames, m.predict(x, { batchSize: 2 }), m.predictOnBatch(x)];
    },
  },
  {
    name: 'timeDistributed over conv2d, then batchNormalization, in a fitted model; weights and predictions',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.timeDistributed({ layer: tf.layers.conv2d({ filters: 2, kernelSize: 2, kernelInitializer: tf.initializers.constant({ value: 0.2 }), name: 'td_c' }), inputShape: [2, 3, 3, 1], name: 'td' }),
        tf.layers.reshape({ targetShape: [2, 8], name: 'td_r' }),
        tf.layers.batchNormalization({ momentum: 0.5, name: 'td_bn' }),
        tf.layers.flatten({ name: 'td_f' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'td_o' }),
      ] });
      m.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const x = tf.reshape(tf.range(0, 4 * 18).div(40).sin(), [4, 2, 3, 3, 1]);
      const y = grid(tf, 4, 1, 0.9);
      const h = await m.fit(x, y, { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return { h: h.history, bn: m.getLayer('td_bn').getWeights(), pred: m.predict(x), shapes: m.layers.map((l) => l.outputShape) };
    },
  },
  {
    name: 'merge layers applied to concrete tensors of different batch sizes or shapes throw; concatenate of mismatched symbolic shapes throws',
    run: (tf) => {
      const a = tf.ones([2, 3]);
      return [
        attempt(() => tf.layers.add().apply([a, tf.ones([2, 4])])) !== undefined,
        attempt(() => tf.layers.concatenate().apply([tf.input({ shape: [2, 3] }), tf.input({ shape: [4, 3] })])) !== undefined,
        attempt(() => tf.layers.multiply().apply([a])) !== undefined,
        tf.layers.concatenate({ axis: 1 }).apply([tf.input({ shape: [2, 3] }), tf.input({ shape: [4, 3] })]) instanceof Object,
        tf.layers.average().apply([a, a.mul(3)]),
      ];
    },
  },
  {
    name: 'weights of a layer by name after training, layer.weights/trainableWeights/nonTrainableWeights, variable trainable flags, countParams',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'ones', name: 'wv_d' }),
        tf.layers.batchNormalization({ name: 'wv_bn' }),
        tf.layers.dense({ units: 1, useBias: false, kernelInitializer: 'ones', name: 'wv_o' }),
      ] });
      const bn = m.getLayer('wv_bn');
      return [
        m.weights.map((w) => [w.name, w.shape, w.trainable]), bn.trainableWeights.map((w) => w.name), bn.nonTrainableWeights.map((w) => w.name),
        m.countParams(), bn.countParams(), m.layers.map((l) => l.countParams()), m.trainableWeights.length, m.nonTrainableWeights.length,
      ];
    },
  },
  {
    name: 'batchNormalization over axis 1 of a rank-3 input in fit',
    deviation: "TF.js 4.22's BatchNormalization in training with an axis other than the last throws (\"Size(32) must match the product of shape 1,2,1\"); tessera normalizes over the other axes, as Keras does (its output and input gradient checked against the formula)",
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 8, inputShape: [2, 4], kernelInitializer: tf.initializers.constant({ value: 0.2 }), name: 'b1_d' }),
        tf.layers.batchNormalization({ axis: 1, momentum: 0.5, name: 'b1_bn' }), tf.layers.flatten({ name: 'b1_f' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'b1_o' }),
      ] });
      m.compile({ optimizer: tf.train.sgd(0.001), loss: 'meanSquaredError' });
      const x = tf.reshape(tf.range(0, 32).div(10).sin(), [4, 2, 4]);
      const h = await m.fit(x, grid(tf, 4, 1, 0.9), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return { h: h.history, bn: m.getLayer('b1_bn').getWeights() };
    },
  },
  {
    name: 'the artifacts save hands to a handler: keys, format, weight specs (with the optimizer\'s after fit), training config, byte length',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'ar_d' }), tf.layers.batchNormalization({ name: 'ar_bn' })] });
      m.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae', 'accuracy'] });
      await m.fit(grid(tf, 4, 3), grid(tf, 4, 2), { epochs: 1, verbose: 0 });
      const seen: Record<string, unknown>[] = [];
      for (const includeOptimizer of [false, true]) {
        await m.save(tf.io.withSaveHandler(async (a) => {
          const art = a as unknown as Record<string, unknown> & { weightSpecs: { name: string; shape: number[]; dtype: string }[]; weightData: ArrayBuffer };
          seen.push({ keys: Object.keys(art).sort(), format: art.format, generatedBy: typeof art.generatedBy, convertedBy: art.convertedBy, training: art.trainingConfig,
            specs: art.weightSpecs.map((w) => [w.name, w.shape, w.dtype]), bytes: art.weightData.byteLength });
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }), { includeOptimizer });
      }
      return seen;
    },
  },
  {
    name: 'a model saved before compile, or compiled but saved without its optimizer, loads uncompiled (fit throws); one saved with it fits',
    run: async (tf) => {
      const save = async (m: ReturnType<typeof tf.sequential>, includeOptimizer = false) => {
        let art: unknown = null;
        await m.save(tf.io.withSaveHandler(async (a) => { art = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }), { includeOptimizer });
        return tf.loadLayersModel(tf.io.fromMemory(art as never));
      };
      const bare = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', name: 'un_d' })] });
      const loadedBare = await save(bare);
      const fitBare = await loadedBare.fit(grid(tf, 2, 2), grid(tf, 2, 1), { epochs: 1, verbose: 0 }).then(() => 'trained', () => 'threw');
      const compiled = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', name: 'co_d' })] });
      compiled.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanAbsoluteError', metrics: ['mse'] });
      const without = await save(compiled);
      const fitWithout = await without.fit(grid(tf, 2, 2), grid(tf, 2, 1), { epochs: 1, verbose: 0 }).then(() => 'trained', () => 'threw');
      const loaded = await save(compiled, true);
      const h = await loaded.fit(grid(tf, 2, 2), grid(tf, 2, 1), { epochs: 2, verbose: 0 });
      return [fitBare, fitWithout, h.history, loaded.getWeights(), loaded.optimizer?.getClassName()];
    },
  },
  {
    name: 'stopTraining set in onBatchEnd stops within the epoch; a callback that throws rejects fit; a tf.Callback subclass reads this.params and this.model',
    run: async (tf) => {
      const mk = (name: string) => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', name })] });
        m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
        return m;
      };
      const x = grid(tf, 6, 2);
      const y = grid(tf, 6, 1, 0.4);
      const seen: unknown[] = [];
      const a = mk('st_a');
      const h = await a.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, callbacks: {
        onBatchEnd: (batch) => { seen.push(['batch', batch]); if (batch === 1) a.stopTraining = true; },
        onEpochEnd: (epoch, logs) => { seen.push(['epoch', epoch, num(logs)]); },
      } });
      const b = mk('st_b');
      const failed = await b.fit(x, y, { epochs: 2, verbose: 0, callbacks: { onEpochEnd: () => { throw new Error('stop here'); } } }).then(() => 'trained', (e: Error) => e.message);
      class Recorder extends tf.Callback {
        log: unknown[] = [];
        override async onEpochEnd(epoch: number, logs?: Logs) {
          // The keys only: TF.js hands a subclass the logs as scalar tensors (an object-literal callback gets numbers).
          this.log.push([epoch, Object.keys(logs ?? {}), this.params.epochs, this.params.samples, this.params.batchSize, this.params.metrics, this.model !== undefined]);
        }
      }
      const rec = new Recorder();
      const c = mk('st_c');
      await c.fit(x, y, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0, callbacks: [rec] });
      return { seen, h: h.history, epochs: h.epoch, failed, w: b.getWeights(), rec: rec.log };
    },
  },
  {
    name: 'channelsFirst image layers (conv2d, maxPooling2d, averagePooling2d, zeroPadding2d, cropping2D, upSampling2d, global pooling, flatten) in a model: summary and predict',
    run: (tf) => {
      const one = tf.initializers.constant({ value: 0.1 });
      const m = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 2, dataFormat: 'channelsFirst', inputShape: [1, 5, 5], kernelInitializer: one, biasInitializer: 'ones', name: 'cf_c' }),
        tf.layers.zeroPadding2d({ padding: 1, dataFormat: 'channelsFirst', name: 'cf_zp' }),
        tf.layers.maxPooling2d({ poolSize: 2, dataFormat: 'channelsFirst', name: 'cf_mp' }),
        tf.layers.upSampling2d({ size: [2, 2], dataFormat: 'channelsFirst', name: 'cf_up' }),
        tf.layers.cropping2D({ cropping: [[1, 0], [0, 1]], dataFormat: 'channelsFirst', name: 'cf_cr' }),
        tf.layers.averagePooling2d({ poolSize: 2, strides: 1, dataFormat: 'channelsFirst', name: 'cf_ap' }),
        tf.layers.flatten({ dataFormat: 'channelsFirst', name: 'cf_f' }),
      ] });
      m.summary();
      const x = tf.reshape(tf.range(0, 50).div(25).cos(), [2, 1, 5, 5]);
      const g = tf.layers.globalAveragePooling2d({ dataFormat: 'channelsFirst' }).apply(x);
      const gm = tf.layers.globalMaxPooling2d({ dataFormat: 'channelsFirst' }).apply(x);
      return [m.predict(x), g, gm, m.layers.map((l) => l.getConfig().dataFormat)];
    },
  },
  {
    name: 'dense on a rank-3 input acts on the last axis; fit of permute, repeatVector and flatten around it; summary',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 3, inputShape: [4, 2], kernelInitializer: tf.initializers.constant({ value: 0.25 }), activation: 'tanh', name: 'r3_d' }),
        tf.layers.permute({ dims: [2, 1], name: 'r3_p' }), tf.layers.flatten({ name: 'r3_f' }), tf.layers.repeatVector({ n: 2, name: 'r3_rv' }),
        tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'r3_o' }), tf.layers.flatten({ name: 'r3_f2' }),
      ] });
      m.summary();
      m.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const x = tf.reshape(tf.range(0, 24).div(12).sin(), [3, 4, 2]);
      const h = await m.fit(x, grid(tf, 3, 2, 0.4), { epochs: 2, batchSize: 3, verbose: 0 });
      return [h.history, m.predict(x), m.getWeights()[0]];
    },
  },
  {
    name: 'a batch size the first layer declares (batchSize, batchInputShape) shows in the summary and in each layer\'s outputShape',
    run: (tf) => {
      const a = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], batchSize: 4, kernelInitializer: 'ones', name: 'bd_d' }), tf.layers.dense({ units: 1, name: 'bd_o' })] });
      a.summary();
      const b = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 2, batchInputShape: [2, 4, 4, 1], name: 'bd_c' }), tf.layers.flatten({ name: 'bd_f' }), tf.layers.dense({ units: 3, name: 'bd_e' }),
      ] });
      b.summary();
      return [a.layers.map((l) => l.outputShape), b.layers.map((l) => l.outputShape), a.inputs[0].shape, b.outputs[0].shape, a.predict(tf.ones([4, 3])).shape];
    },
  },
  {
    name: 'a custom layer registered with SerializationMap.register loads in a saved model; getRegisteredName',
    run: async (tf) => {
      class Doubler extends tf.layers.Layer {
        static className = 'S11Doubler';
        override call(inputs: Tensor | Tensor[]): Tensor {
          return (Array.isArray(inputs) ? inputs[0] : inputs).mul(2);
        }
      }
      class Halver extends tf.layers.Layer {
        static className = 'S11Halver';
        override call(inputs: Tensor | Tensor[]): Tensor {
          return (Array.isArray(inputs) ? inputs[0] : inputs).div(2);
        }
      }
      tf.serialization.SerializationMap.register(Doubler);
      tf.serialization.registerClass(Halver, 'Pkg', 'Half');
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'd' }), new Doubler({}), new Halver({})] });
      let saved: unknown = null;
      await model.save(tf.io.withSaveHandler(async (a) => { saved = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never));
      const map = tf.serialization.SerializationMap.getMap();
      return {
        before: model.predict(tf.tensor2d([[1, 2]])), after: loaded.predict(tf.tensor2d([[1, 2]])), layers: loaded.layers.map((l) => l.getClassName()),
        inMap: [map.classNameMap.S11Doubler?.[0] === Doubler, map.classNameMap.S11Halver?.[0] === Halver, map === tf.serialization.SerializationMap.getMap()],
        names: [tf.serialization.getRegisteredName(Halver), tf.serialization.getRegisteredName(Doubler)],
      };
    },
  },
];
