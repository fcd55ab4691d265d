import type { Scalar, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// A sweep of whole small programs as tfjs-examples and the TF.js guides write them (iris, boston-housing,
// date-conversion-attention, jena-weather, mnist-transfer, custom layers and losses, tf.data pipelines, callbacks,
// saving through withSaveHandler), with seeded initializers, and of less-used op arguments.

type Sym = SymbolicTensor;

const glorot = (tf: TF, seed: number) => tf.initializers.glorotUniform({ seed });

/** n rows of `features` fixed inputs in [-1, 1]. */
const rows = (tf: TF, n: number, features: number) =>
  tf.tensor2d(Array.from({ length: n * features }, (_, i) => Math.sin(1.3 * i + 0.4)), [n, features]);

export const s24Sweep: Program[] = [
  {
    name: 'iris-style classifier: seeded dense layers, adam, categoricalCrossentropy with accuracy, validationData, evaluate and argMax of predict',
    run: async (tf) => {
      const x = rows(tf, 12, 4);
      const labels = tf.tensor1d([0, 1, 2, 0, 1, 2, 2, 1, 0, 0, 1, 2], 'int32');
      const y = tf.oneHot(labels, 3);
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 10, activation: 'sigmoid', inputShape: [4], kernelInitializer: glorot(tf, 1) }));
      model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: glorot(tf, 2) }));
      model.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const logs: string[] = [];
      const h = await model.fit(x.slice(0, 9), y.slice(0, 9), {
        epochs: 4, batchSize: 4, shuffle: false, verbose: 0, validationData: [x.slice(9), y.slice(9)],
        callbacks: { onEpochEnd: async (epoch, l) => { logs.push(`${epoch}:${Object.keys(l ?? {}).join(',')}`); } },
      });
      const ev = model.evaluate(x, y) as Scalar[];
      const pred = (model.predict(x) as Tensor).argMax(-1);
      return { logs, history: h.history, epoch: h.epoch, ev, pred, params: h.params };
    },
  },
  {
    name: 'boston-housing: normalize with moments, linear and multilayer regressors, meanSquaredError, sgd, earlyStopping on val_loss',
    run: async (tf) => {
      const raw = rows(tf, 16, 3).mul(10).add(5);
      const { mean, variance } = tf.moments(raw, 0);
      const x = raw.sub(mean).div(variance.sqrt());
      const y = x.sum(1, true).mul(2).add(1);
      const linear = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 1, kernelInitializer: 'zeros' })] });
      linear.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const mlp = tf.sequential({ layers: [
        tf.layers.dense({ inputShape: [3], units: 5, activation: 'sigmoid', kernelInitializer: 'leCunNormal' as never }),
      ] });
      void mlp;
      const deep = tf.sequential({ layers: [
        tf.layers.dense({ inputShape: [3], units: 6, activation: 'sigmoid', kernelInitializer: tf.initializers.leCunNormal({ seed: 3 }) }),
        tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.leCunNormal({ seed: 4 }) }),
      ] });
      deep.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const h1 = await linear.fit(x, y, { batchSize: 4, epochs: 5, validationSplit: 0.25, shuffle: false, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 1 }) });
      const h2 = await deep.fit(x, y, { batchSize: 8, epochs: 3, validationSplit: 0.25, shuffle: false, verbose: 0 });
      return { mean, variance, h1: h1.history, e1: h1.epoch, h2: h2.history, w: linear.getWeights(), test: deep.evaluate(x, y, { batchSize: 5 }) };
    },
  },
  {
    name: 'stateful lstm: batchInputShape, predict twice, resetStates, and the states getter',
    run: (tf) => {
      const lstm = tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 3, 1], kernelInitializer: glorot(tf, 5), recurrentInitializer: glorot(tf, 6) });
      const model = tf.sequential({ layers: [lstm] });
      const x = tf.tensor3d([[[0.1], [0.2], [0.3]], [[-0.5], [0.4], [0.9]]]);
      const p1 = model.predict(x) as Tensor;
      const p2 = model.predict(x) as Tensor;
      model.resetStates();
      const p3 = model.predict(x) as Tensor;
      lstm.resetStates([tf.ones([2, 2]), tf.zeros([2, 2])]);
      const p4 = model.predict(x) as Tensor;
      return { p1, p2, p3, p4, states: lstm.states };
    },
  },
  {
    name: 'stateful gru and simpleRNN trained with fit on batches of the stateful batch size',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const kind of ['gru', 'simpleRNN'] as const) {
        const opts = { units: 3, stateful: true, batchInputShape: [2, 4, 2], kernelInitializer: glorot(tf, 7), recurrentInitializer: glorot(tf, 8) };
        const rnn = kind === 'gru' ? tf.layers.gru(opts) : tf.layers.simpleRNN(opts);
        const model = tf.sequential({ layers: [rnn, tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 9) })] });
        model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
        const x = tf.tensor3d(Array.from({ length: 16 }, (_, i) => Math.cos(i)), [2, 4, 2]);
        const h = await model.fit(x, tf.tensor2d([[1], [-1]]), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
        out.push(h.history.loss, model.predict(x));
      }
      return out;
    },
  },
  {
    name: 'summary with printFn, lineLength and positions of a functional model with shared layers and several inputs',
    run: (tf) => {
      const a = tf.input({ shape: [4], name: 'left' });
      const b = tf.input({ shape: [4], name: 'right' });
      const shared = tf.layers.dense({ units: 3, name: 'shared' });
      const merged = tf.layers.concatenate({ name: 'cat' }).apply([shared.apply(a) as Sym, shared.apply(b) as Sym]) as Sym;
      const out = tf.layers.dense({ units: 1, name: 'head' }).apply(merged) as Sym;
      const model = tf.model({ inputs: [a, b], outputs: out, name: 'siamese' });
      const lines: string[] = [];
      model.summary(90, [0.4, 0.6, 0.75, 1], (...args: unknown[]) => lines.push(args.join(' ')));
      model.summary(60);
      return lines;
    },
  },
  {
    name: 'summary of nested models: a sequential inside a functional model, and trainable false on the inner one',
    run: (tf) => {
      const inner = tf.sequential({ name: 'inner', layers: [tf.layers.dense({ units: 4, inputShape: [3], name: 'in_d1' }), tf.layers.dense({ units: 2, name: 'in_d2' })] });
      const x = tf.input({ shape: [3], name: 'outer_in' });
      const y = tf.layers.dense({ units: 1, name: 'outer_d' }).apply(inner.apply(x) as Sym) as Sym;
      const outer = tf.model({ inputs: x, outputs: y, name: 'outer' });
      inner.trainable = false;
      outer.summary();
      return [outer.trainableWeights.length, outer.nonTrainableWeights.length, outer.countParams(), outer.layers.map((l) => l.name)];
    },
  },
  {
    name: 'custom layer with getConfig, computeOutputShape and a weight; registered, saved through withSaveHandler and loaded back',
    run: async (tf) => {
      class ScaleLayer extends tf.layers.Layer {
        static className = 'S24ScaleLayer';
        private factor: number;
        private scale!: ReturnType<ScaleLayer['addWeight']>;
        constructor(config: { factor: number; name?: string }) {
          super(config);
          this.factor = config.factor;
        }
        override build(inputShape: number[] | number[][]) {
          const shape = inputShape as number[];
          this.scale = this.addWeight('scale', [shape[shape.length - 1]], 'float32', tf.initializers.constant({ value: this.factor }));
          this.built = true;
        }
        override computeOutputShape(inputShape: number[] | number[][]) { return inputShape; }
        override call(inputs: Tensor | Tensor[]) {
          return tf.tidy(() => (Array.isArray(inputs) ? inputs[0] : inputs).mul(this.scale.read()));
        }
        override getConfig() { return { ...super.getConfig(), factor: this.factor }; }
      }
      tf.serialization.registerClass(ScaleLayer);
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: glorot(tf, 11), name: 's24_scaled_dense' }),
        new ScaleLayer({ factor: 3, name: 'scaler' }),
      ] });
      let saved: unknown = null;
      const result = await model.save(tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
      }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never));
      const x = tf.tensor2d([[1, 2], [-1, 0.5]]);
      const topology = (saved as { modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } } }).modelTopology.config.layers.map((l) => [l.class_name, l.config.factor ?? null]);
      return { topology, result: Object.keys(result), a: model.predict(x) as Tensor, b: loaded.predict(x) as Tensor, names: loaded.weights.map((w) => w.name) };
    },
  },
  {
    name: 'custom loss and metric functions in compile: their names in history and evaluate',
    run: async (tf) => {
      function huberish(yTrue: Tensor, yPred: Tensor) { return tf.tidy(() => tf.losses.huberLoss(yTrue, yPred, undefined, 0.5)); }
      function meanAbs(yTrue: Tensor, yPred: Tensor) { return tf.metrics.meanAbsoluteError(yTrue, yPred); }
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: glorot(tf, 12) })] });
      model.compile({ optimizer: tf.train.rmsprop(0.01), loss: huberish, metrics: [meanAbs, 'mse'] });
      const x = rows(tf, 6, 2);
      const y = x.sum(1, true);
      const h = await model.fit(x, y, { epochs: 3, batchSize: 3, shuffle: false, verbose: 0 });
      return { history: h.history, names: model.metricsNames, ev: model.evaluate(x, y) as Scalar[] };
    },
  },
  {
    name: 'tf.data pipeline: array of objects mapped to {xs, ys}, batch, fitDataset with validation dataset and batchesPerEpoch',
    run: async (tf) => {
      const records = Array.from({ length: 10 }, (_, i) => ({ a: Math.sin(i), b: Math.cos(i), label: i % 2 }));
      const ds = tf.data.array(records).map((r) => {
        const rec = r as { a: number; b: number; label: number };
        return { xs: tf.tensor1d([rec.a, rec.b]), ys: tf.tensor1d([rec.label]) };
      }).batch(4);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [2], kernelInitializer: glorot(tf, 13) })] });
      model.compile({ optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy', metrics: ['acc'] });
      const batchLogs: number[] = [];
      const h = await model.fitDataset(ds, { epochs: 3, validationData: ds.take(1), verbose: 0, callbacks: { onBatchEnd: async (b, l) => { batchLogs.push(b, l!.size); } } });
      const h2 = await model.fitDataset(ds.repeat(), { epochs: 2, batchesPerEpoch: 2, verbose: 0 });
      const ev = await model.evaluateDataset(ds as never, {}) as Scalar[];
      return { h: h.history, batchLogs, h2: h2.history, ev };
    },
  },
  {
    name: 'tf.data: generator, zip, concatenate, filter, skip, take, mapAsync, forEachAsync and toArray',
    run: async (tf) => {
      function* gen() { for (let i = 0; i < 6; i++) yield i; }
      const a = tf.data.generator(gen as never);
      const b = tf.data.array([10, 20, 30, 40, 50, 60]);
      const zipped = tf.data.zip({ a, b }).filter((e) => (e as { a: number }).a % 2 === 0);
      const joined = a.take(2).concatenate(b.skip(4));
      const asyncMapped = b.mapAsync(async (v) => (v as number) / 10);
      const seen: unknown[] = [];
      await joined.forEachAsync((e) => { seen.push(e); });
      const tensors = tf.data.array([[1, 2], [3, 4], [5, 6]]).map((v) => tf.tensor1d(v as number[]).square()).batch(2);
      return { zipped: await zipped.toArray(), seen, asyncMapped: await asyncMapped.toArray(), tensors: await tensors.toArray(), size: [a.size, b.size, joined.size] };
    },
  },
  {
    name: 'polynomial regression with tf.variable coefficients and optimizer.minimize, returning the cost',
    run: (tf) => {
      const a = tf.variable(tf.scalar(0.3));
      const b = tf.variable(tf.scalar(-0.2));
      const c = tf.variable(tf.scalar(0.1));
      const d = tf.variable(tf.scalar(0.5));
      const xs = tf.linspace(-1, 1, 20);
      const ys = xs.pow(3).mul(-0.8).add(xs.square().mul(-0.2)).add(xs.mul(0.9)).add(0.5);
      const predict = (x: Tensor) => tf.tidy(() => a.mul(x.pow(tf.scalar(3, 'int32'))).add(b.mul(x.square())).add(c.mul(x)).add(d));
      const loss = (p: Tensor, l: Tensor) => p.sub(l).square().mean() as Scalar;
      const optimizer = tf.train.sgd(0.5);
      const costs: number[] = [];
      for (let i = 0; i < 15; i++) {
        const cost = optimizer.minimize(() => loss(predict(xs), ys), true);
        costs.push(cost!.dataSync()[0]);
        cost!.dispose();
      }
      return { costs, coeffs: [a, b, c, d], memory: tf.memory().numTensors > 0 };
    },
  },
  {
    name: 'tf.grad, tf.grads, valueAndGrads and customGrad with save: a softplus with its own gradient',
    run: (tf) => {
      const softplus = tf.customGrad((x, save) => {
        const xt = x as Tensor;
        (save as (t: Tensor[]) => void)([xt]);
        return { value: tf.log1p(tf.exp(xt)), gradFunc: (dy: Tensor, saved: Tensor[]) => [dy.mul(tf.sigmoid(saved[0]))] };
      });
      const x = tf.tensor1d([-2, 0, 1.5]);
      const g = tf.grad((t) => (softplus(t) as Tensor).sum())(x);
      const gs = tf.grads((p: Tensor, q: Tensor) => p.mul(q).add(p.square()).sum())([tf.tensor1d([1, 2]), tf.tensor1d([3, -4])]);
      const vg = tf.valueAndGrads((p: Tensor, q: Tensor) => tf.sum(tf.mul(tf.sin(p), tf.cos(q))))([tf.tensor1d([0.5, 1]), tf.tensor1d([0.2, -0.3])]);
      return { y: softplus(x) as Tensor, g, gs, vg };
    },
  },
  {
    name: 'mnist-transfer: freeze the conv base by trainable = false, recompile, fit the head; weights of the frozen layers unchanged',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(tf, 14), name: 'base_conv' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'base_pool' }),
        tf.layers.flatten({ name: 'base_flat' }),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: glorot(tf, 15), name: 'head' }),
      ] });
      const before = model.getLayer('base_conv').getWeights()[0].clone();
      for (const layer of model.layers.slice(0, 3)) layer.trainable = false;
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
      const x = tf.tensor4d(Array.from({ length: 4 * 36 }, (_, i) => Math.abs(Math.sin(i * 0.37))), [4, 6, 6, 1]);
      const y = tf.tensor1d([0, 1, 2, 1]);
      const h = await model.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      const after = model.getLayer('base_conv').getWeights()[0];
      const trunk = tf.model({ inputs: model.inputs, outputs: model.getLayer('base_flat').output as Sym });
      return { h: h.history, same: after.sub(before).abs().max(), trainable: model.trainableWeights.map((w) => w.name), features: trunk.predict(x) as Tensor };
    },
  },
  {
    name: 'stridedSlice with beginMask, endMask, ellipsisMask, newAxisMask and shrinkAxisMask',
    run: (tf) => {
      const t = tf.tensor3d(Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
      const m = tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
      const attempt = (f: () => Tensor) => { try { return f(); } catch { return 'threw'; } };
      return [
        tf.stridedSlice(t, [0, 1, 0], [2, 3, 4], [1, 1, 2]),
        tf.stridedSlice(t, [1, 0, 0], [2, 0, 0], [1, 1, 1], 6, 6),
        tf.stridedSlice(t, [0, 0, 1], [2, 3, 3], [1, 1, 1], 0, 0, 0, 0, 1),
        tf.stridedSlice(t, [0, 1], [0, 2], [1, 1], 0, 0, 1),
        tf.stridedSlice(m, [0, 0], [3, 4], [1, 1], 0, 0, 0, 1),
        tf.stridedSlice(m, [1, 0], [2, 4], [1, 1], 0, 0, 0, 0, 1),
        tf.stridedSlice(m, [-1, -1], [-4, -5], [-1, -2]),
        tf.stridedSlice(m, [0], [1], [1], 0, 0, 0, 0, 1),
        tf.stridedSlice(t, [0, 0, 0], [1, 2, 1], [1, 1, 1], 0, 0, 0, 0, 7),
        tf.stridedSlice([1, 2, 3, 4, 5], [1], [4], [2]),
        attempt(() => tf.stridedSlice(m, [0, 0], [2, 2], [0, 1])),
      ];
    },
  },
  {
    name: 'signal.frame with padEnd and padValue, and the windows applied to the frames',
    run: (tf) => {
      const x = tf.range(0, 10);
      return [
        tf.signal.frame(x, 4, 3),
        tf.signal.frame(x, 4, 3, true),
        tf.signal.frame(x, 4, 3, true, 9),
        tf.signal.frame(x, 3, 5, true, -1),
        tf.signal.frame(x, 12, 2, true),
        tf.signal.frame(x, 4, 3).mul(tf.signal.hannWindow(4)),
        tf.signal.hammingWindow(5),
        tf.signal.hannWindow(1),
      ];
    },
  },
  {
    name: 'losses with labelSmoothing: softmaxCrossEntropy and sigmoidCrossEntropy, and their gradients',
    run: (tf) => {
      const labels = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
      const logits = tf.tensor2d([[0.5, 2, -1], [1.5, 0.2, 0.3]]);
      return [
        tf.losses.softmaxCrossEntropy(labels, logits, undefined, 0.1),
        tf.losses.softmaxCrossEntropy(labels, logits, tf.tensor1d([1, 2]), 0.2, tf.Reduction.SUM),
        tf.losses.sigmoidCrossEntropy(labels, logits, undefined, 0.3),
        tf.losses.sigmoidCrossEntropy(labels, logits, undefined, 0.3, tf.Reduction.NONE),
        tf.grad((l) => tf.losses.softmaxCrossEntropy(labels, l, undefined, 0.1))(logits),
        tf.grad((l) => tf.losses.sigmoidCrossEntropy(labels, l, undefined, 0.25))(logits),
      ];
    },
  },
  {
    name: 'topKCategoricalAccuracy and sparseTopKCategoricalAccuracy metrics, by function and in compile',
    run: async (tf) => {
      const yTrue = tf.tensor2d([[0, 0, 1, 0], [1, 0, 0, 0], [0, 1, 0, 0]]);
      const yPred = tf.tensor2d([[0.1, 0.5, 0.3, 0.1], [0.2, 0.3, 0.4, 0.1], [0.05, 0.05, 0.1, 0.8]]);
      const out: unknown[] = [];
      const m = tf.metrics as unknown as Record<string, (a: Tensor, b: Tensor) => Tensor>;
      for (const name of ['topKCategoricalAccuracy', 'sparseTopKCategoricalAccuracy']) {
        out.push(typeof m[name] === 'function' ? m[name](name.startsWith('sparse') ? tf.tensor1d([2, 0, 1]) : yTrue, yPred) : `no ${name}`);
      }
      return out;
    },
  },
  {
    name: 'save with includeOptimizer: the artifacts\' optimizer weight specs, and loading resumes adam where it stopped',
    run: async (tf) => {
      const build = () => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: glorot(tf, 23), name: 'opt_dense' })] });
        m.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
        return m;
      };
      const x = rows(tf, 6, 3);
      const y = rows(tf, 6, 2);
      const model = build();
      await model.fit(x, y, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      let artifacts: { weightSpecs?: { name: string; shape: number[]; dtype: string; group?: string }[]; trainingConfig?: unknown } = {};
      await model.save(tf.io.withSaveHandler(async (a) => { artifacts = a as typeof artifacts; return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } }; }), { includeOptimizer: true });
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts as never));
      const h = await loaded.fit(x, y, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      const h0 = await model.fit(x, y, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      return { specs: artifacts.weightSpecs!.map((s) => [s.name, s.shape, s.dtype, s.group ?? null]), training: artifacts.trainingConfig as never, h: h.history, h0: h0.history };
    },
  },
  {
    name: 'tf.engine().registeredVariables and disposeVariables around a model and loose variables',
    run: (tf) => {
      const before = Object.keys(tf.engine().registeredVariables).length;
      const v = tf.variable(tf.zeros([2]), true, 's24_loose');
      const names = Object.keys(tf.engine().registeredVariables).filter((n) => n.startsWith('s24_'));
      let again = 'ok';
      try { tf.variable(tf.zeros([2]), true, 's24_loose'); } catch { again = 'threw'; }
      v.dispose();
      const afterDispose = Object.keys(tf.engine().registeredVariables).filter((n) => n.startsWith('s24_'));
      return { grew: Object.keys(tf.engine().registeredVariables).length - before, names, again, afterDispose };
    },
  },
  {
    name: 'reLU layer with maxValue, leakyReLU, elu, thresholdedReLU and prelu with sharedAxes in one conv model',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 2 * 3 * 3 * 2 }, (_, i) => Math.sin(i) * 3), [2, 3, 3, 2]);
      const layers = [
        tf.layers.reLU({ maxValue: 1.5 }),
        tf.layers.leakyReLU({ alpha: 0.25 }),
        tf.layers.thresholdedReLU({ theta: 1.2 }),
        tf.layers.prelu({ sharedAxes: [1, 2], alphaInitializer: tf.initializers.constant({ value: 0.3 }) }),
        tf.layers.prelu({ sharedAxes: 1 } as never),
      ];
      return layers.map((l) => { try { return [l.apply(x) as Tensor, l.getConfig()]; } catch { return 'threw'; } });
    },
  },
  {
    name: 'batchNormalization with momentum, epsilon, and initializers: moving statistics after fit, and predict in inference mode',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: glorot(tf, 31) }),
        tf.layers.batchNormalization({ momentum: 0.5, epsilon: 0.01 }),
        tf.layers.batchNormalization({ movingVarianceInitializer: 'ones', movingMeanInitializer: tf.initializers.constant({ value: 0.2 }) }),
        tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 32) }),
      ] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = rows(tf, 8, 2);
      const h = await model.fit(x, x.sum(1, true), { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
      return { h: h.history, weights: model.getWeights(), trainable: model.weights.map((w) => w.trainable), p: model.predict(x) as Tensor };
    },
  },
  {
    name: 'layerNormalization over several axes, with center and scale off, applied to a 3-D input',
    run: (tf) => {
      const x = tf.tensor3d(Array.from({ length: 2 * 3 * 4 }, (_, i) => Math.cos(i * 0.9) * (i % 5)), [2, 3, 4]);
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      return [
        attempt(() => tf.layers.layerNormalization({ axis: [1, 2] }).apply(x)),
        attempt(() => tf.layers.layerNormalization({ axis: [-2, -1], center: false }).apply(x)),
        attempt(() => tf.layers.layerNormalization({ axis: 1, scale: false, epsilon: 0.1 }).apply(x)),
        attempt(() => { const l = tf.layers.layerNormalization({ axis: [1, 2] }); l.apply(x); return l.getWeights().map((w) => w.shape); }),
      ];
    },
  },
  {
    name: 'bidirectional lstm with every mergeMode, returnSequences and returnState, in a functional model',
    run: (tf) => {
      const x = tf.tensor3d(Array.from({ length: 2 * 3 * 2 }, (_, i) => Math.sin(i + 0.5)), [2, 3, 2]);
      return (['concat', 'sum', 'mul', 'ave', null] as const).map((mergeMode, k) => {
        const inp = tf.input({ shape: [3, 2] });
        const layer = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnSequences: k % 2 === 0, kernelInitializer: glorot(tf, 40 + k), recurrentInitializer: glorot(tf, 50 + k) }) as never, mergeMode: mergeMode as never });
        const out = layer.apply(inp) as Sym | Sym[];
        const model = tf.model({ inputs: inp, outputs: out });
        return { shapes: (Array.isArray(out) ? out : [out]).map((o) => o.shape), pred: model.predict(x) as Tensor | Tensor[] };
      });
    },
  },
  {
    name: 'averagePooling1d and maxPooling1d with padding same and strides other than the pool size; averagePooling2d same at the borders',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]]]);
      const img = tf.tensor4d(Array.from({ length: 25 }, (_, i) => i), [1, 5, 5, 1]);
      return [
        tf.layers.averagePooling1d({ poolSize: 2, strides: 2, padding: 'same' }).apply(x),
        tf.layers.maxPooling1d({ poolSize: 3, strides: 2, padding: 'same' }).apply(x),
        tf.layers.averagePooling1d({ poolSize: 3, strides: 1, padding: 'same' }).apply(x),
        tf.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }).apply(img),
        tf.layers.maxPooling2d({ poolSize: [2, 3], strides: [3, 2], padding: 'same' }).apply(img),
        tf.layers.globalAveragePooling2d({ dataFormat: 'channelsFirst' }).apply(img),
        tf.layers.globalMaxPooling2d({ dataFormat: 'channelsFirst' }).apply(img),
      ] as Tensor[];
    },
  },
  {
    name: 'upSampling2d bilinear and nearest, channelsFirst, and conv2dTranspose with strides and same padding in a decoder',
    run: (tf) => {
      const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]);
      const decoder = tf.sequential({ layers: [
        tf.layers.conv2dTranspose({ inputShape: [2, 2, 2], filters: 3, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: glorot(tf, 60), activation: 'relu' }),
        tf.layers.conv2dTranspose({ filters: 1, kernelSize: [2, 3], strides: [1, 2], padding: 'valid', kernelInitializer: glorot(tf, 61) }),
      ] });
      return [
        tf.layers.upSampling2d({ size: [2, 3], interpolation: 'bilinear' }).apply(x) as Tensor,
        tf.layers.upSampling2d({ size: [2, 2], dataFormat: 'channelsFirst' }).apply(x) as Tensor,
        decoder.predict(x) as Tensor,
        decoder.layers.map((l) => l.outputShape),
      ];
    },
  },
  {
    name: 'depthwiseConv2d and separableConv2d layers with depthMultiplier 2, strides and same padding: weights and outputs',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 5 * 5 * 2 }, (_, i) => Math.cos(i * 0.3)), [1, 5, 5, 2]);
      const dw = tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same', depthwiseInitializer: glorot(tf, 62), useBias: true, biasInitializer: 'ones' });
      const sep = tf.layers.separableConv2d({ filters: 3, kernelSize: [3, 2], depthMultiplier: 2, padding: 'same', depthwiseInitializer: glorot(tf, 63), pointwiseInitializer: glorot(tf, 63), activation: 'tanh' });
      return [dw.apply(x) as Tensor, dw.getWeights().map((w) => w.shape), sep.apply(x) as Tensor, sep.getWeights().map((w) => w.shape), sep.countParams()];
    },
  },
  {
    name: 'conv1d with same padding and strides in a jena-weather style model, fitted for two epochs',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv1d({ inputShape: [6, 2], filters: 3, kernelSize: 2, padding: 'same', strides: 2, activation: 'relu', kernelInitializer: glorot(tf, 65) }),
        tf.layers.conv1d({ filters: 2, kernelSize: 3, padding: 'valid', kernelInitializer: glorot(tf, 66) }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 67) }),
      ] });
      model.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'meanAbsoluteError' });
      const x = tf.tensor3d(Array.from({ length: 3 * 12 }, (_, i) => Math.sin(i * 0.4)), [3, 6, 2]);
      const h = await model.fit(x, tf.tensor2d([[0.5], [-0.2], [0.1]]), { epochs: 2, batchSize: 3, verbose: 0 });
      return { shapes: model.layers.map((l) => l.outputShape), h: h.history, p: model.predict(x) as Tensor };
    },
  },
  {
    name: 'predict and evaluate with batchSize that does not divide the data, and predictOnBatch and trainOnBatch returns',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax', kernelInitializer: glorot(tf, 68) })] });
      model.compile({ optimizer: 'adagrad', loss: 'categoricalCrossentropy', metrics: ['accuracy', 'categoricalCrossentropy'] });
      const x = rows(tf, 7, 3);
      const y = tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1, 0, 0], 'int32'), 2);
      const p = model.predict(x, { batchSize: 3 }) as Tensor;
      const ev = model.evaluate(x, y, { batchSize: 3 }) as Scalar[];
      const tb = await model.trainOnBatch(x, y);
      const pb = model.predictOnBatch(x.slice(0, 2)) as Tensor;
      return { p, ev, tb, pb, names: model.metricsNames };
    },
  },
  {
    name: 'optimizers by string name in compile with tfjs-layers defaults: their getConfig after two fits',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const opt of ['sgd', 'momentum', 'rmsprop', 'adagrad', 'adadelta', 'adam', 'adamax'] as const) {
        const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: glorot(tf, 69) })] });
        try {
          model.compile({ optimizer: opt, loss: 'meanSquaredError' });
        } catch { out.push(`${opt} threw`); continue; }
        const x = rows(tf, 4, 2);
        const h = await model.fit(x, x.sum(1, true), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
        out.push([opt, model.optimizer.getClassName(), model.optimizer.getConfig(), h.history.loss]);
      }
      return out;
    },
  },
  {
    name: 'momentum with nesterov and a clipped-gradient custom loop with clipByNorm-like scaling via tf.variableGrads',
    run: async (tf) => {
      const w = tf.variable(tf.tensor2d([[0.5, -0.3], [0.2, 0.8]]), true, 's24_mw');
      const b = tf.variable(tf.tensor1d([0.1, -0.1]), true, 's24_mb');
      const x = rows(tf, 5, 2);
      const y = rows(tf, 5, 2).mul(-1);
      const opt = tf.train.momentum(0.1, 0.9, true);
      const losses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const { value, grads } = tf.variableGrads(() => x.matMul(w).add(b).sub(y).square().mean() as Scalar);
        const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => g.square().sum())));
        const scale = tf.minimum(1, tf.div(0.5, norm));
        const clipped: Record<string, Tensor> = {};
        for (const [k, g] of Object.entries(grads)) clipped[k] = g.mul(scale);
        opt.applyGradients(clipped);
        losses.push(value.dataSync()[0]);
      }
      return { losses, w, b, config: opt.getConfig(), weights: (await opt.getWeights()).map((v) => v.name) };
    },
  },
  {
    name: 'a two-input two-output model: losses as an array and as a map, metrics per output, fit on maps of tensors by layer name, evaluate',
    run: async (tf) => {
      const build = () => {
        const a = tf.input({ shape: [3], name: 'feat_a' });
        const b = tf.input({ shape: [2], name: 'feat_b' });
        const joined = tf.layers.concatenate().apply([a, b]) as Sym;
        const hidden = tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: glorot(tf, 70), name: 'mio_hidden' }).apply(joined) as Sym;
        const reg = tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 71), name: 'reg_out' }).apply(hidden) as Sym;
        const cls = tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: glorot(tf, 72), name: 'cls_out' }).apply(hidden) as Sym;
        return tf.model({ inputs: [a, b], outputs: [reg, cls] });
      };
      const xa = rows(tf, 6, 3);
      const xb = rows(tf, 6, 2).mul(2);
      const yr = xa.sum(1, true);
      const yc = tf.oneHot(tf.tensor1d([0, 1, 2, 2, 1, 0], 'int32'), 3);
      const m1 = build();
      m1.compile({ optimizer: tf.train.sgd(0.1), loss: ['meanSquaredError', 'categoricalCrossentropy'], metrics: ['mae', 'acc'] as never });
      const h1 = await m1.fit([xa, xb], [yr, yc], { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      const m2 = build();
      m2.compile({ optimizer: tf.train.sgd(0.1), loss: { reg_out: 'meanAbsoluteError', cls_out: 'categoricalCrossentropy' }, metrics: { cls_out: 'accuracy' } as never });
      const h2 = await m2.fit({ feat_a: xa, feat_b: xb }, { reg_out: yr, cls_out: yc }, { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
      return {
        h1: h1.history, h2: h2.history, n1: m1.metricsNames, n2: m2.metricsNames,
        io: [m1.inputNames, m1.outputNames, m1.inputLayers.map((l) => l.name), m1.outputLayers.map((l) => l.name)],
      };
    },
  },
  {
    name: 'model.execute with a named map of inputs and output names of inner layers',
    run: (tf) => {
      const a = tf.input({ shape: [2], name: 'ex_in' });
      const h = tf.layers.dense({ units: 3, kernelInitializer: glorot(tf, 73), name: 'ex_hidden', activation: 'tanh' }).apply(a) as Sym;
      const o = tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 74), name: 'ex_out' }).apply(h) as Sym;
      const model = tf.model({ inputs: a, outputs: o });
      const x = tf.tensor2d([[1, 2], [3, -1]]);
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      return [
        attempt(() => model.execute(x, 'ex_hidden/ex_hidden')),
        attempt(() => model.execute({ ex_in: x }, ['ex_out/ex_out', 'ex_hidden/ex_hidden'])),
        attempt(() => model.execute([x], ['ex_in'])),
        attempt(() => model.execute(x, [])),
        attempt(() => model.execute(x, 'ex_hidden')),
        attempt(() => model.execute(x, 'nope')),
        attempt(() => {
          const before = tf.memory().numTensors;
          const r = model.execute(x, ['ex_out/ex_out']);
          return [tf.memory().numTensors - before, r];
        }),
        attempt(() => {
          const seq = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'ex_s1' }), tf.layers.reLU({ name: 'ex_s2' })] });
          return [seq.execute(x, 'ex_s1/ex_s1'), seq.execute({ [seq.inputs[0].name]: x }, ['ex_s2/ex_s2'])];
        }),
        attempt(() => {
          const inp = tf.input({ shape: [3, 2], name: 'ex_seq_in' });
          const lstm = tf.layers.lstm({ units: 2, returnState: true, kernelInitializer: 'ones', recurrentInitializer: 'ones', name: 'ex_lstm' });
          const outs = lstm.apply(inp) as Sym[];
          const m = tf.model({ inputs: inp, outputs: outs });
          return [outs.map((o) => o.name), m.execute(tf.ones([1, 3, 2]), outs.map((o) => o.name))];
        }),
      ];
    },
  },
  {
    name: 'timeDistributed dense softmax with sparseCategoricalCrossentropy on 3-D labels, and the acc metric per time step',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.simpleRNN({ units: 4, returnSequences: true, inputShape: [3, 2], kernelInitializer: glorot(tf, 75), recurrentInitializer: glorot(tf, 76) }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: glorot(tf, 77) }) }),
      ] });
      model.compile({ optimizer: tf.train.adam(0.05), loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
      const x = tf.tensor3d(Array.from({ length: 4 * 6 }, (_, i) => Math.sin(i * 0.8)), [4, 3, 2]);
      const y = tf.tensor3d([0, 1, 2, 1, 1, 0, 2, 2, 1, 0, 0, 0], [4, 3, 1]);
      const h = await model.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return { h: h.history, ev: model.evaluate(x, y) as Scalar[] };
    },
  },
  {
    name: 'tf.models.modelFromJSON of a model\'s toJSON, and a layer round trip through tf.layers.Layer.fromConfig-style getConfig',
    run: async (tf) => {
      const model = tf.sequential({ name: 'mj_model', layers: [
        tf.layers.dense({ units: 3, inputShape: [2], activation: 'relu', kernelInitializer: 'glorotNormal', kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }), name: 'mj_d1' }),
        tf.layers.dropout({ rate: 0.3, name: 'mj_drop' }),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: 'glorotNormal', biasConstraint: tf.constraints.maxNorm({ maxValue: 2 }), name: 'mj_d2' }),
      ] });
      const json = model.toJSON(null, false) as object;
      const copy = await tf.models.modelFromJSON({ modelTopology: json } as never);
      return { same: JSON.stringify(copy.toJSON(null, false)) === JSON.stringify(json), layers: copy.layers.map((l) => [l.getClassName(), l.name]), json: JSON.stringify((json as { config: unknown }).config) };
    },
  },
  {
    name: 'tf.tidy with a name, tf.keep inside, nested tidies returning objects, and memory() counts',
    run: (tf) => {
      const start = tf.memory();
      let kept: Tensor | null = null;
      const out = tf.tidy('outer', () => {
        const a = tf.ones([3, 3]);
        kept = tf.keep(a.mul(2));
        const inner = tf.tidy(() => ({ x: a.add(1), y: [a.sub(1), tf.scalar(3, 'int32')] }));
        tf.dispose(inner.y[0]);
        return inner;
      });
      const mid = tf.memory();
      tf.dispose(out as never);
      const end = tf.memory();
      return {
        kept, tensors: [mid.numTensors - start.numTensors, end.numTensors - start.numTensors],
        buffers: mid.numDataBuffers - start.numDataBuffers,
        unreliable: end.unreliable ?? null,
      };
    },
  },
  {
    name: 'tensor methods chained as in tutorials: toFloat, reshape, expandDims, squeeze, flatten, asScalar, as1D-as4D, print with verbose',
    run: (tf) => {
      const t = tf.tensor([1, 2, 3, 4, 5, 6], [2, 3], 'int32');
      t.print(true);
      t.toFloat().div(4).print();
      tf.scalar(3.14159265).print(true);
      tf.tensor([true, false, true], [3], 'bool').print(true);
      return [
        t.toFloat().reshape([3, 2]).expandDims(0).squeeze(), t.flatten(), t.sum().asScalar(), t.as1D(), t.as2D(3, 2), t.as3D(1, 2, 3), t.as4D(1, 1, 2, 3),
        t.asType('bool'), t.reshapeAs(tf.zeros([6, 1])), t.toString(true), t.rank, t.size,
      ];
    },
  },
  {
    name: 'toString of wide and long tensors: summarised rows and columns, large and tiny floats, negative int32 alignment',
    run: (tf) => [
      tf.range(0, 40).reshape([2, 20]).toString(),
      tf.range(0, 1200).reshape([40, 30]).toString(),
      tf.tensor1d([1e-8, 12345678, -0.5, 3]).toString(),
      tf.tensor1d([1e20, -2e-20, NaN, Infinity]).toString(),
      tf.tensor2d([[-100, 2], [3, -4000]], [2, 2], 'int32').toString(),
      tf.tensor3d(Array.from({ length: 8 }, (_, i) => i / 3), [2, 2, 2]).toString(true),
      tf.zeros([0, 3]).toString(),
      tf.tensor1d([0.1, 0.25], 'float32').toString(),
    ],
  },
  {
    name: 'binary classifier with binaryAccuracy, precision and recall metrics, classWeight, and a learning-rate schedule in onEpochBegin',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 4, activation: 'relu', inputShape: [3], kernelInitializer: glorot(tf, 80) }),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: glorot(tf, 81) }),
      ] });
      const optimizer = tf.train.rmsprop(0.05);
      model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['binaryAccuracy', tf.metrics.precision, tf.metrics.recall] });
      const x = rows(tf, 10, 3);
      const y = tf.tensor2d([1, 0, 1, 1, 0, 0, 1, 0, 1, 1], [10, 1]);
      const lrs: number[] = [];
      const h = await model.fit(x, y, {
        epochs: 4, batchSize: 5, shuffle: false, verbose: 0, classWeight: { 0: 2, 1: 0.5 },
        callbacks: { onEpochBegin: async (epoch) => { optimizer.learningRate = 0.05 / (1 + epoch); lrs.push(optimizer.learningRate); } },
      });
      return { h: h.history, lrs, names: model.metricsNames };
    },
  },
  {
    name: 'earlyStopping on val_acc in max mode with a baseline, beside a custom callback that records onTrainEnd',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [2], kernelInitializer: glorot(tf, 82) })] });
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const x = rows(tf, 8, 2);
      const y = tf.oneHot(tf.tensor1d([0, 1, 0, 1, 1, 0, 1, 0], 'int32'), 2);
      const events: string[] = [];
      const h = await model.fit(x, y, {
        epochs: 10, batchSize: 4, shuffle: false, verbose: 0, validationSplit: 0.25,
        callbacks: [
          tf.callbacks.earlyStopping({ monitor: 'val_acc', mode: 'max', patience: 2, baseline: 0.9 }),
          new tf.CustomCallback({ onTrainBegin: async () => { events.push('begin'); }, onTrainEnd: async (logs) => { events.push(`end ${JSON.stringify(logs ?? null)}`); } }),
        ],
      });
      return { epochs: h.epoch, h: h.history, events };
    },
  },
  {
    name: 'lstm-text-generation sampling: logits divided by a temperature, softmax, and seeded multinomial draws',
    run: (tf) => {
      const logits = tf.tensor1d([2, 1, 0.5, -1, 0]);
      const sample = (temperature: number, seed: number) => tf.tidy(() => {
        const scaled = logits.div(tf.scalar(temperature));
        return tf.multinomial(scaled as never, 6, seed, false);
      });
      const probs = tf.softmax(logits.div(0.75));
      return [sample(0.5, 7), sample(1.2, 8), tf.multinomial(probs as never, 4, 9, true), tf.multinomial(tf.tensor2d([[1, 2, 3], [3, 2, 1]]), 3, 10), probs];
    },
  },
  {
    name: 'seeded tf.data shuffle, then batch and fitDataset: the order each epoch',
    run: async (tf) => {
      const order: number[][] = [];
      const ds = tf.data.array([0, 1, 2, 3, 4, 5, 6, 7]).shuffle(8, 's24seed').batch(4);
      order.push(...(await ds.toArray()).map((t) => Array.from((t as Tensor).dataSync())));
      order.push(...(await ds.toArray()).map((t) => Array.from((t as Tensor).dataSync())));
      const pairs = tf.data.array([0, 1, 2, 3, 4, 5]).map((i) => ({ xs: tf.tensor1d([i as number, 1]), ys: tf.tensor1d([(i as number) * 2]) })).shuffle(3, 'abc').batch(2);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros' })] });
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const h = await model.fitDataset(pairs, { epochs: 3, verbose: 0 });
      return { order, h: h.history, w: model.getWeights() };
    },
  },
  {
    name: 'fromPixels of a PixelData object (RGBA bytes) with 1, 3 and 4 channels, then resize, normalize and batch',
    run: (tf) => {
      const data = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => (i * 37) % 256);
      const pixels = { data, width: 3, height: 2 };
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      return [
        attempt(() => tf.browser.fromPixels(pixels as never)),
        attempt(() => tf.browser.fromPixels(pixels as never, 1)),
        attempt(() => tf.browser.fromPixels(pixels as never, 4)),
        attempt(() => tf.tidy(() => tf.image.resizeBilinear(tf.browser.fromPixels(pixels as never), [4, 4]).toFloat().div(255).expandDims(0))),
        attempt(() => tf.browser.fromPixels(pixels as never, 2)),
      ];
    },
  },
  {
    name: 'io.encodeWeights and decodeWeights of float32, int32 and bool tensors, and a weightsManifest built by hand for fromMemory',
    run: async (tf) => {
      const named = { a: tf.tensor2d([[1.5, -2], [3, 4]]), b: tf.tensor1d([7, -8], 'int32'), c: tf.tensor1d([true, false, true], 'bool') };
      const { data, specs } = await tf.io.encodeWeights(named);
      const decoded = tf.io.decodeWeights(data, specs);
      return { bytes: data.byteLength, specs, decoded };
    },
  },
  {
    name: 'tf.util helpers: sizeFromShape, flatten with skipTypedArray, arraysEqual, isTypedArray, inferDtype, makeOnesTypedArray, now is a number',
    run: (tf) => {
      const u = tf.util as unknown as Record<string, (...a: unknown[]) => unknown>;
      const call = (name: string, ...args: unknown[]) => (typeof u[name] === 'function' ? u[name](...args) : `no ${name}`);
      return [
        call('sizeFromShape', [2, 3, 4]), call('sizeFromShape', []),
        call('flatten', [[1, [2, 3]], [new Float32Array([4, 5])]]), call('flatten', [[1, 2], new Float32Array([4, 5])], [], true),
        call('arraysEqual', [1, 2], [1, 2]), call('arraysEqual', [1, 2], new Float32Array([1, 2])),
        call('isTypedArray', new Int32Array(2)), call('inferDtype', [true]), call('inferDtype', new Int32Array(1)), call('inferDtype', [[1.5]]),
        call('makeOnesTypedArray', 3, 'int32'), call('makeZerosTypedArray', 2, 'bool'), typeof call('now'),
        call('rightPad', 'ab', 5), call('tensorToString' as never), call('computeStrides', [2, 3, 4]), call('indexToLoc', 7, 3, [12, 4]), call('locToIndex', [1, 2, 3], 3, [12, 4]),
        call('clamp', 0, 5, 3), call('nearestLargerEven', 5), call('sum', [1, 2, 3]), call('distSquared', [1, 2], [3, 5]),
        call('parseAxisParam', -1, [2, 3]), call('squeezeShape', [1, 3, 1, 2]), call('getTypedArrayFromDType', 'int32', 2),
      ].map((v) => (typeof v === 'function' ? 'fn' : v));
    },
  },
  {
    name: 'fashion-mnist-vae: an encoder model with a seeded sampling layer, a decoder model, and a KL + reconstruction loss minimized by rmsprop',
    run: (tf) => {
      class ZLayer extends tf.layers.Layer {
        static className = 'S24ZLayer';
        override computeOutputShape(inputShape: number[] | number[][]) { return (inputShape as number[][])[0]; }
        override call(inputs: Tensor | Tensor[]) {
          const [zMean, zLogVar] = inputs as Tensor[];
          const epsilon = tf.randomNormal(zMean.shape, 0, 1, 'float32', 5);
          return zMean.add(zLogVar.mul(0.5).exp().mul(epsilon));
        }
      }
      const encIn = tf.input({ shape: [6], name: 'vae_enc_in' });
      const h = tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: glorot(tf, 90), name: 'vae_h' }).apply(encIn) as Sym;
      const zMean = tf.layers.dense({ units: 2, kernelInitializer: glorot(tf, 91), name: 'vae_zmean' }).apply(h) as Sym;
      const zLogVar = tf.layers.dense({ units: 2, kernelInitializer: glorot(tf, 92), name: 'vae_zlogvar' }).apply(h) as Sym;
      const z = new ZLayer({ name: 'vae_z' }).apply([zMean, zLogVar]) as Sym;
      const encoder = tf.model({ inputs: encIn, outputs: [zMean, zLogVar, z], name: 'vae_encoder' });
      const decIn = tf.input({ shape: [2], name: 'vae_dec_in' });
      const decOut = tf.layers.dense({ units: 6, activation: 'sigmoid', kernelInitializer: glorot(tf, 93), name: 'vae_dec' }).apply(decIn) as Sym;
      const decoder = tf.model({ inputs: decIn, outputs: decOut, name: 'vae_decoder' });
      const x = rows(tf, 5, 6).abs();
      const opt = tf.train.rmsprop(0.01);
      const losses: number[] = [];
      for (let step = 0; step < 4; step++) {
        const cost = opt.minimize(() => {
          const [m, lv, zz] = encoder.apply(x) as Tensor[];
          const recon = decoder.apply(zz) as Tensor;
          const reconLoss = tf.losses.sigmoidCrossEntropy(x, recon).mul(6);
          const kl = tf.mean(lv.add(1).sub(m.square()).sub(lv.exp()).sum(-1).mul(-0.5));
          return reconLoss.add(kl) as Scalar;
        }, true);
        losses.push(cost!.dataSync()[0]);
      }
      return { losses, weights: encoder.getWeights().concat(decoder.getWeights()), summary: encoder.outputs.map((o) => o.shape) };
    },
  },
  {
    name: 'visualize-convnet: gradient ascent on the input image for one filter of an inner conv layer, then deprocessing',
    run: (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(tf, 94), name: 'vc_conv1' }),
        tf.layers.conv2d({ filters: 2, kernelSize: 2, activation: 'relu', kernelInitializer: glorot(tf, 95), name: 'vc_conv2' }),
      ] });
      const layerOutput = model.getLayer('vc_conv2').output as Sym;
      const aux = tf.model({ inputs: model.inputs, outputs: layerOutput });
      const lossFn = (input: Tensor) => (aux.apply(input, { training: true }) as Tensor).gather([1], 3);
      const gradFunction = tf.grad(lossFn);
      let image = tf.randomUniform([1, 6, 6, 1], 0, 1, 'float32', 3).mul(20).add(128);
      for (let i = 0; i < 5; i++) {
        const scaled = tf.tidy(() => {
          const grads = gradFunction(image);
          const norm = tf.sqrt(tf.mean(tf.square(grads))).add(1e-5);
          return grads.div(norm);
        });
        image = tf.clipByValue(image.add(scaled.mul(10)), 0, 255);
      }
      const deprocessed = tf.tidy(() => {
        const { mean, variance } = tf.moments(image);
        let x = image.sub(mean).div(tf.sqrt(variance).add(1e-5)).mul(0.1).add(0.5);
        x = tf.clipByValue(x, 0, 1).mul(255);
        return tf.clipByValue(x, 0, 255).asType('int32');
      });
      return [image, deprocessed];
    },
  },
  {
    name: 'simple-object-detection: a custom loss weighting the class column and the box columns, fitted with rmsprop',
    run: async (tf) => {
      const LABEL_MULTIPLIER = [8, 1, 1, 1, 1];
      const customLoss = (yTrue: Tensor, yPred: Tensor) => tf.tidy(() => tf.metrics.meanSquaredError(yTrue.mul(LABEL_MULTIPLIER), yPred.mul(LABEL_MULTIPLIER)));
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ inputShape: [5, 5, 1], filters: 2, kernelSize: 2, activation: 'relu', kernelInitializer: glorot(tf, 96) }),
        tf.layers.globalAveragePooling2d({}),
        tf.layers.dense({ units: 5, kernelInitializer: glorot(tf, 97) }),
      ] });
      model.compile({ loss: customLoss, optimizer: tf.train.rmsprop(0.005) });
      const x = tf.tensor4d(Array.from({ length: 3 * 25 }, (_, i) => Math.abs(Math.cos(i))), [3, 5, 5, 1]);
      const y = tf.tensor2d([[1, 0.1, 0.2, 0.6, 0.7], [0, 0.3, 0.3, 0.5, 0.9], [1, 0, 0.5, 0.4, 1]]);
      const h = await model.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return { h: h.history, p: model.predict(x) as Tensor };
    },
  },
  {
    name: 'cart-pole policy gradient: variableGrads of a sigmoid policy\'s log-prob, grads stacked over steps, scaled by discounted rewards, applied',
    run: (tf) => {
      const policy = tf.sequential({ layers: [
        tf.layers.dense({ units: 3, activation: 'elu', inputShape: [4], kernelInitializer: glorot(tf, 98) }),
        tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 99) }),
      ] });
      const opt = tf.train.adamax(0.05);
      const states = rows(tf, 4, 4);
      const actions = [1, 0, 0, 1];
      const gradsPerStep: Record<string, Tensor>[] = [];
      for (let i = 0; i < 4; i++) {
        const { grads } = tf.variableGrads(() => {
          const logits = policy.predict(states.slice(i, 1)) as Tensor;
          const label = tf.tensor2d([[actions[i]]]);
          return tf.losses.sigmoidCrossEntropy(label, logits).asScalar();
        });
        gradsPerStep.push(grads);
      }
      const rewards = [1, 0.9, 0.81, 0.729];
      const rMean = rewards.reduce((a, b) => a + b) / 4;
      const normalized = rewards.map((r) => r - rMean);
      const names = Object.keys(gradsPerStep[0]);
      const combined: Record<string, Tensor> = {};
      for (const name of names) {
        combined[name] = tf.tidy(() => tf.mean(tf.stack(gradsPerStep.map((g, k) => g[name].mul(normalized[k]))), 0));
      }
      opt.applyGradients(combined);
      return { names: names.length, weights: policy.getWeights(), p: tf.sigmoid(policy.predict(states) as Tensor) };
    },
  },
  {
    name: 'mnist-acgan: a discriminator frozen inside a combined model, class embedding multiplied into the latent, trainOnBatch on both',
    run: async (tf) => {
      const latent = tf.input({ shape: [3], name: 'gan_latent' });
      const cls = tf.input({ shape: [1], name: 'gan_cls' });
      const emb = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: 2, outputDim: 3, embeddingsInitializer: glorot(tf, 100), name: 'gan_emb' }).apply(cls) as Sym) as Sym;
      const h = tf.layers.multiply().apply([latent, emb]) as Sym;
      const fake = tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: glorot(tf, 101), name: 'gan_gen_out' }).apply(h) as Sym;
      const generator = tf.model({ inputs: [latent, cls], outputs: fake, name: 'gan_generator' });
      const image = tf.input({ shape: [4], name: 'gan_image' });
      const feat = tf.layers.dense({ units: 3, activation: 'relu', kernelInitializer: glorot(tf, 102), name: 'gan_disc_h' }).apply(image) as Sym;
      const real = tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: glorot(tf, 103), name: 'gan_real' }).apply(feat) as Sym;
      const aux = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: glorot(tf, 104), name: 'gan_aux' }).apply(feat) as Sym;
      const discriminator = tf.model({ inputs: image, outputs: [real, aux], name: 'gan_discriminator' });
      discriminator.compile({ optimizer: tf.train.adam(0.01, 0.5), loss: ['binaryCrossentropy', 'sparseCategoricalCrossentropy'] });
      const zIn = tf.input({ shape: [3], name: 'gan_c_latent' });
      const cIn = tf.input({ shape: [1], name: 'gan_c_cls' });
      const generated = generator.apply([zIn, cIn]) as Sym;
      discriminator.trainable = false;
      const [fakeReal, fakeAux] = discriminator.apply(generated) as Sym[];
      const combined = tf.model({ inputs: [zIn, cIn], outputs: [fakeReal, fakeAux], name: 'gan_combined' });
      combined.compile({ optimizer: tf.train.adam(0.01, 0.5), loss: ['binaryCrossentropy', 'sparseCategoricalCrossentropy'] });
      const z = rows(tf, 4, 3);
      const c = tf.tensor2d([[0], [1], [1], [0]]);
      const realImages = rows(tf, 4, 4).tanh();
      const dLoss = await discriminator.trainOnBatch(tf.concat([realImages, generator.predict([z, c]) as Tensor]), [tf.concat([tf.ones([4, 1]), tf.zeros([4, 1])]), tf.concat([c, c])]);
      const gLoss = await combined.trainOnBatch([z, c], [tf.ones([4, 1]), c]);
      return { dLoss, gLoss, gen: generator.getWeights(), disc: discriminator.getWeights(), counts: [combined.trainableWeights.length, discriminator.trainableWeights.length] };
    },
  },
  {
    name: 'translation seq2seq: an encoder lstm\'s states fed as the decoder\'s initialState, trained, then separate inference models sharing the layers',
    run: async (tf) => {
      const encIn = tf.input({ shape: [3, 4], name: 'tr_enc_in' });
      const encoder = tf.layers.lstm({ units: 3, returnState: true, kernelInitializer: glorot(tf, 110), recurrentInitializer: glorot(tf, 111), name: 'tr_encoder' });
      const [, stateH, stateC] = encoder.apply(encIn) as Sym[];
      const decIn = tf.input({ shape: [2, 5], name: 'tr_dec_in' });
      const decoderLstm = tf.layers.lstm({ units: 3, returnSequences: true, returnState: true, kernelInitializer: glorot(tf, 112), recurrentInitializer: glorot(tf, 113), name: 'tr_decoder' });
      const [decOut] = decoderLstm.apply(decIn, { initialState: [stateH, stateC] }) as Sym[];
      const dense = tf.layers.dense({ units: 5, activation: 'softmax', kernelInitializer: glorot(tf, 114), name: 'tr_dense' });
      const model = tf.model({ inputs: [encIn, decIn], outputs: dense.apply(decOut) as Sym });
      model.compile({ optimizer: 'rmsprop', loss: 'categoricalCrossentropy' });
      const xe = tf.tensor3d(Array.from({ length: 2 * 12 }, (_, i) => Math.sin(i)), [2, 3, 4]);
      const xd = tf.oneHot(tf.tensor2d([[0, 2], [1, 3]], [2, 2], 'int32'), 5).toFloat();
      const yd = tf.oneHot(tf.tensor2d([[2, 4], [3, 4]], [2, 2], 'int32'), 5).toFloat();
      const h = await model.fit([xe, xd], yd, { epochs: 2, batchSize: 2, verbose: 0 });
      const encoderModel = tf.model({ inputs: encIn, outputs: [stateH, stateC] });
      const hIn = tf.input({ shape: [3], name: 'tr_h_in' });
      const cIn = tf.input({ shape: [3], name: 'tr_c_in' });
      const [o2, h2, c2] = decoderLstm.apply(decIn, { initialState: [hIn, cIn] }) as Sym[];
      const decoderModel = tf.model({ inputs: [decIn, hIn, cIn], outputs: [dense.apply(o2) as Sym, h2, c2] });
      const states = encoderModel.predict(xe) as Tensor[];
      return { h: h.history, states, step: decoderModel.predict([xd, ...states]) as Tensor[] };
    },
  },
  {
    name: 'addition-rnn: one-hot encoded digit strings, lstm encoder, repeatVector, lstm decoder with returnSequences, timeDistributed softmax',
    run: async (tf) => {
      const chars = '0123456789+ ';
      const encode = (s: string, len: number) => tf.oneHot(tf.tensor1d(s.padEnd(len).split('').map((ch) => chars.indexOf(ch)), 'int32'), chars.length);
      const questions = ['1+2', '12+3', '4+45'];
      const answers = ['3', '15', '49'];
      const x = tf.stack(questions.map((q) => encode(q, 5))).toFloat();
      const y = tf.stack(answers.map((a) => encode(a, 3))).toFloat();
      const model = tf.sequential({ layers: [
        tf.layers.lstm({ units: 6, inputShape: [5, chars.length], kernelInitializer: glorot(tf, 120), recurrentInitializer: glorot(tf, 121) }),
        tf.layers.repeatVector({ n: 3 }),
        tf.layers.lstm({ units: 6, returnSequences: true, kernelInitializer: glorot(tf, 122), recurrentInitializer: glorot(tf, 123) }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: chars.length, kernelInitializer: glorot(tf, 124) }) }),
        tf.layers.activation({ activation: 'softmax' }),
      ] });
      model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
      const h = await model.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      const decoded = (model.predict(x) as Tensor).argMax(-1).arraySync() as number[][];
      return { h: h.history, decoded: decoded.map((r) => r.map((i) => chars[i]).join('')) };
    },
  },
  {
    name: 'a tf.Callback subclass that reads this.params and this.model, and stops training from onBatchEnd',
    run: async (tf) => {
      const seen: unknown[] = [];
      class StopAfter extends tf.Callback {
        constructor(private readonly limit: number) { super(); }
        override async onTrainBegin() { seen.push(['params', this.params]); }
        override async onBatchEnd(batch: number, logs?: Record<string, unknown>) {
          seen.push([batch, Object.keys(logs ?? {}).sort()]);
          if (batch + 1 >= this.limit) this.model.stopTraining = true;
        }
        override async onEpochEnd(epoch: number) { seen.push(['epoch', epoch]); }
      }
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: glorot(tf, 130) })] });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mae'] });
      const x = rows(tf, 8, 2);
      const h = await model.fit(x, x.sum(1, true), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, callbacks: [new StopAfter(3)] });
      return { seen, h: h.history, epoch: h.epoch };
    },
  },
  {
    name: 'a Sequential grown with add() and shrunk with pop(): outputs, summary and predict after each change',
    deviation: "TF.js 4.22's Sequential builds the model predict runs once, at its first predict, and keeps it: after a later pop() or add() predict still runs the old layers ([1, 1] here where the model now ends in 2 units); tessera predicts with the layers the model has, as Keras does",
    run: (tf) => {
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'ones', name: 'ap_d1' }));
      model.add(tf.layers.dense({ units: 2, kernelInitializer: 'ones', name: 'ap_d2' }));
      model.add(tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'ap_d3' }));
      const x = tf.tensor2d([[1, 2]]);
      const p3 = model.predict(x) as Tensor;
      model.pop();
      const p2 = model.predict(x) as Tensor;
      model.summary();
      model.add(tf.layers.activation({ activation: 'softmax', name: 'ap_sm' }));
      const p4 = model.predict(x) as Tensor;
      return { p3, p2, p4, shapes: [model.outputs[0].shape, model.layers.map((l) => l.name)] };
    },
  },
  {
    name: 'a custom layer with a non-trainable weight it updates in call, a trainable one, and its own static fromConfig, saved and loaded',
    run: async (tf) => {
      class Counter extends tf.layers.Layer {
        static className = 'S24Counter';
        private count!: ReturnType<Counter['addWeight']>;
        private gain!: ReturnType<Counter['addWeight']>;
        constructor(private readonly cfg: { start: number; name?: string }) { super(cfg); }
        override build() {
          this.count = this.addWeight('count', [], 'float32', tf.initializers.constant({ value: this.cfg.start }), undefined, false);
          this.gain = this.addWeight('gain', [1], 'float32', tf.initializers.ones(), tf.regularizers.l2({ l2: 0.5 }));
          this.built = true;
        }
        override call(inputs: Tensor | Tensor[]) {
          const x = Array.isArray(inputs) ? inputs[0] : inputs;
          return tf.tidy(() => x.mul(this.gain.read()).add(this.count.read()));
        }
        override getConfig() { return { ...super.getConfig(), start: this.cfg.start }; }
        static override fromConfig<T extends object>(cls: new (c: never) => T, config: Record<string, unknown>): T {
          return new cls({ ...config, start: (config.start as number) + 0 } as never);
        }
      }
      tf.serialization.registerClass(Counter as never);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones' }), new Counter({ start: 0.5, name: 's24_counter' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = rows(tf, 4, 2);
      const h = await model.fit(x, tf.ones([4, 2]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      let saved: unknown;
      await model.save(tf.io.withSaveHandler(async (a) => { saved = a; return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } }; }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never));
      return {
        h: h.history, trainable: model.trainableWeights.length, nonTrainable: model.nonTrainableWeights.map((w) => w.shape), losses: model.losses.length,
        a: model.predict(x) as Tensor, b: loaded.predict(x) as Tensor, cfg: loaded.layers[1].getConfig().start,
      };
    },
  },
  {
    name: 'a custom layer with two outputs: computeOutputShape as a list, used in a functional model; a masking-aware layer passing its mask on',
    run: (tf) => {
      class SplitHalves extends tf.layers.Layer {
        static className = 'S24SplitHalves';
        override computeOutputShape(inputShape: number[] | number[][]) {
          const s = inputShape as number[];
          return [[s[0], s[1] / 2], [s[0], s[1] / 2]];
        }
        override call(inputs: Tensor | Tensor[]) {
          const x = Array.isArray(inputs) ? inputs[0] : inputs;
          return tf.split(x, 2, 1);
        }
      }
      class PassMask extends tf.layers.Layer {
        static className = 'S24PassMask';
        constructor() { super({}); this.supportsMasking = true; }
        override call(inputs: Tensor | Tensor[]) { return (Array.isArray(inputs) ? inputs[0] : inputs).mul(2); }
      }
      const inp = tf.input({ shape: [4] });
      const [left, right] = new SplitHalves({}).apply(inp) as Sym[];
      const model = tf.model({ inputs: inp, outputs: [left, tf.layers.add().apply([left, right]) as Sym] });
      const seqIn = tf.input({ shape: [3] });
      const emb = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, embeddingsInitializer: 'ones' }).apply(seqIn) as Sym;
      const passed = new PassMask().apply(emb) as Sym;
      const rnn = tf.layers.simpleRNN({ units: 1, kernelInitializer: 'ones', recurrentInitializer: 'ones' }).apply(passed) as Sym;
      const masked = tf.model({ inputs: seqIn, outputs: rnn });
      return { shapes: model.outputs.map((o) => o.shape), p: model.predict(tf.tensor2d([[1, 2, 3, 4]])) as Tensor[], m: masked.predict(tf.tensor2d([[1, 2, 0], [3, 0, 0]])) as Tensor };
    },
  },
  {
    name: 'a Sequential without an input shape: built by its first predict, summary after, and model.build with a batch shape',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, kernelInitializer: 'ones', name: 'lb_d1' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'lb_d2' })] });
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      const before = attempt(() => model.countParams());
      const p = model.predict(tf.tensor2d([[1, 2, 3]])) as Tensor;
      model.summary();
      const built = tf.sequential({ layers: [tf.layers.dense({ units: 2, kernelInitializer: 'ones', name: 'lb_d3' })] });
      const b = attempt(() => { built.build([null, 4]); return built.countParams(); });
      return { before, p, params: model.countParams(), b, shape: attempt(() => model.outputs[0].shape) };
    },
  },
  {
    name: 'image.transform with projective matrices under every interpolation and fillMode, and rotateWithOffset with a fill and a centre',
    run: (tf) => {
      const img = tf.tensor4d(Array.from({ length: 2 * 4 * 5 * 2 }, (_, i) => (i * 7) % 23), [2, 4, 5, 2]);
      const m = tf.tensor2d([[1, 0.2, -1, 0.1, 0.9, 0.5, 0.01, 0, 0], [0.8, 0, 1, 0, 1.1, -0.5, 0, 0.02, 0]]);
      const out: unknown[] = [];
      for (const interpolation of ['nearest', 'bilinear'] as const) {
        for (const fillMode of ['constant', 'reflect', 'wrap', 'nearest'] as const) {
          out.push(tf.image.transform(img, m, interpolation, fillMode, 3, [3, 6]));
        }
      }
      const one = tf.tensor4d(Array.from({ length: 5 * 5 * 3 }, (_, i) => i % 11), [1, 5, 5, 3]);
      out.push(tf.image.rotateWithOffset(one, 0.7), tf.image.rotateWithOffset(one, -1.2, [10, 20, 30], [1, 3]), tf.image.rotateWithOffset(one, Math.PI / 2, 255, 0.25));
      return out;
    },
  },
  {
    name: 'cropAndResize with nearest and bilinear, flipped and out-of-image boxes, extrapolationValue; threshold with otsu, inverted and a ratio',
    run: (tf) => {
      const img = tf.tensor4d(Array.from({ length: 2 * 4 * 4 * 1 }, (_, i) => i), [2, 4, 4, 1]);
      const boxes = tf.tensor2d([[0, 0, 1, 1], [0.75, 0.8, 0.1, 0.2], [-0.5, 0.2, 0.6, 1.4], [0.3, 0.3, 0.3, 0.3]]);
      const ind = tf.tensor1d([0, 1, 1, 0], 'int32');
      const rgb = tf.tensor3d(Array.from({ length: 3 * 3 * 3 }, (_, i) => (i * 29) % 256), [3, 3, 3], 'int32');
      return [
        tf.image.cropAndResize(img, boxes, ind, [3, 2]),
        tf.image.cropAndResize(img, boxes, ind, [2, 3], 'nearest', -1),
        tf.image.cropAndResize(img, boxes, ind, [1, 1], 'bilinear', 9),
        tf.image.threshold(rgb),
        tf.image.threshold(rgb, 'otsu'),
        tf.image.threshold(rgb, 'binary', true, 0.3),
        tf.image.threshold(rgb, 'otsu', true),
      ];
    },
  },
  {
    name: 'nonMaxSuppressionPadded and its async form, nonMaxSuppressionWithScore with a soft sigma, and the async forms',
    run: async (tf) => {
      const boxes = tf.tensor2d([[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1, 11], [0, 10.1, 1, 11.1], [0, 100, 1, 101]]);
      const scores = tf.tensor1d([0.9, 0.75, 0.6, 0.95, 0.5, 0.3]);
      const padded = tf.image.nonMaxSuppressionPadded(boxes, scores, 5, 0.5, 0.4, true);
      const paddedAsync = await tf.image.nonMaxSuppressionPaddedAsync(boxes, scores, 2, 0.5, 0.0, false);
      const soft = tf.image.nonMaxSuppressionWithScore(boxes, scores, 6, 0.5, 0.2, 0.5);
      const softAsync = await tf.image.nonMaxSuppressionWithScoreAsync(boxes, scores, 3, 0.7, 0, 0.3);
      const plain = await tf.image.nonMaxSuppressionAsync(boxes, scores, 4, 0.3, 0.55);
      return { padded, paddedAsync, soft, softAsync, plain };
    },
  },
  {
    name: 'linalg.qr of tall, wide and batched matrices with and without fullMatrices, and gramSchmidt of a list and a matrix',
    run: (tf) => {
      const tall = tf.tensor2d([[1, 2], [3, 4], [5, 7]]);
      const wide = tf.tensor2d([[2, -1, 0], [1, 3, 1]]);
      const batch = tf.tensor3d([[[1, 2], [3, 4]], [[0, 1], [1, 0]]]);
      const abs = (ts: Tensor[]) => ts.map((t) => t.abs());
      return [
        abs(tf.linalg.qr(tall)), abs(tf.linalg.qr(tall, true)), abs(tf.linalg.qr(wide)), abs(tf.linalg.qr(batch)),
        tf.linalg.qr(tall)[0].matMul(tf.linalg.qr(tall)[1]),
        tf.linalg.gramSchmidt([tf.tensor1d([1, 1, 0]), tf.tensor1d([1, 0, 1])]), tf.linalg.gramSchmidt(tf.tensor2d([[3, 1], [2, 2]])),
        tf.linalg.bandPart(tf.ones([3, 4]), 1, -1), tf.linalg.bandPart(tf.ones([2, 3, 3]), 0, 0),
      ];
    },
  },
  {
    name: 'fitDataset on a two-input two-output model: xs as a map by input name, ys as an array, and evaluateDataset',
    run: async (tf) => {
      const a = tf.input({ shape: [2], name: 'fd_a' });
      const b = tf.input({ shape: [1], name: 'fd_b' });
      const joined = tf.layers.concatenate().apply([a, b]) as Sym;
      const o1 = tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 140), name: 'fd_o1' }).apply(joined) as Sym;
      const o2 = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: glorot(tf, 141), name: 'fd_o2' }).apply(joined) as Sym;
      const model = tf.model({ inputs: [a, b], outputs: [o1, o2] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: ['meanSquaredError', 'categoricalCrossentropy'] });
      const n = 6;
      const ds = tf.data.array(Array.from({ length: n }, (_, i) => i)).map((i) => {
        const k = i as number;
        return { xs: { fd_a: tf.tensor1d([Math.sin(k), Math.cos(k)]), fd_b: tf.tensor1d([k / n]) }, ys: [tf.tensor1d([k % 2]), tf.oneHot(k % 2, 2)] };
      }).batch(3);
      const h = await model.fitDataset(ds, { epochs: 2, verbose: 0 });
      const ev = await model.evaluateDataset(ds as never, {}) as Scalar[];
      return { h: h.history, ev: ev.slice(0, 1), w: model.getWeights() };
    },
  },
  {
    name: 'datasets of nested elements: batch of objects of arrays, unbatch-free flattening with map, zip of arrays, and concatenate of batched',
    run: async (tf) => {
      const nested = tf.data.array([{ a: [1, 2], b: { c: 3 } }, { a: [4, 5], b: { c: 6 } }, { a: [7, 8], b: { c: 9 } }]).batch(2);
      const zipped = tf.data.zip([tf.data.array([[1, 0], [2, 0], [3, 0]]), tf.data.array([[4, 7], [5, 8], [6, 9]])]).batch(2);
      const joined = tf.data.array([1, 2, 3]).batch(2).concatenate(tf.data.array([4, 5]).batch(3));
      const repeated = tf.data.array([1, 2]).repeat(3).take(5).batch(2, false);
      const skipped = tf.data.array([1, 2, 3, 4, 5]).skip(2).batch(2, true);
      return { nested: await nested.toArray(), zipped: await zipped.toArray(), joined: await joined.toArray(), repeated: await repeated.toArray(), skipped: await skipped.toArray(), sizes: [nested.size, zipped.size, joined.size, repeated.size, skipped.size] };
    },
  },
  {
    name: 'an embedding given ids past inputDim; a dense given int32 input; losses given int32 labels',
    run: (tf) => {
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      const emb = tf.layers.embedding({ inputDim: 4, outputDim: 2, embeddingsInitializer: glorot(tf, 150) });
      const dense = tf.layers.dense({ units: 1, kernelInitializer: 'ones' });
      const labels = tf.tensor2d([[0, 1], [1, 0]], [2, 2], 'int32');
      const preds = tf.tensor2d([[0.3, 0.7], [0.6, 0.4]]);
      return [
        attempt(() => emb.apply(tf.tensor2d([[5, 1]], [1, 2], 'int32'))),
        attempt(() => dense.apply(tf.tensor2d([[1, 2]], [1, 2], 'int32'))),
        attempt(() => tf.losses.softmaxCrossEntropy(labels, preds)),
        attempt(() => tf.losses.meanSquaredError(labels, preds)),
        attempt(() => tf.losses.logLoss(labels, preds)),
        attempt(() => tf.metrics.categoricalAccuracy(labels, preds)),
        attempt(() => tf.metrics.binaryCrossentropy(labels, preds)),
      ];
    },
  },
  {
    name: 'argument forms TF.js takes: 1-D sizes as one-element arrays, padding pairs, inputDim with batchSize, activation and initializers as null',
    run: (tf) => {
      const x1 = tf.tensor3d(Array.from({ length: 8 }, (_, i) => i), [1, 4, 2]);
      const x2 = tf.tensor4d(Array.from({ length: 9 }, (_, i) => i), [1, 3, 3, 1]);
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      const make = (f: () => { apply(x: Tensor): unknown; getConfig(): object }, x: Tensor) => attempt(() => { const l = f(); return [l.apply(x), JSON.stringify({ ...l.getConfig(), name: null })]; });
      return [
        make(() => tf.layers.conv1d({ filters: 1, kernelSize: [2], strides: [2], dilationRate: [1], kernelInitializer: 'ones' }), x1),
        make(() => tf.layers.maxPooling1d({ poolSize: [2], strides: [1] }), x1),
        make(() => tf.layers.averagePooling1d({ poolSize: 3, strides: null } as never), x1),
        make(() => tf.layers.zeroPadding2d({ padding: [[1, 0], [0, 2]] }), x2),
        make(() => tf.layers.zeroPadding2d({ padding: [1, 2] }), x2),
        make(() => tf.layers.cropping2D({ cropping: 1 }), x2),
        make(() => tf.layers.cropping2D({ cropping: [1, 0] }), x2),
        make(() => tf.layers.conv2d({ filters: 1, kernelSize: [2, 1], strides: 1, padding: 'same', kernelInitializer: 'ones', activation: null } as never), x2),
        make(() => tf.layers.dense({ units: 2, inputDim: 2, batchSize: 1, kernelInitializer: 'ones' }), x1),
        make(() => tf.layers.maxPooling2d({ poolSize: [3, 3], strides: null, padding: 'valid' } as never), x2),
        make(() => tf.layers.globalAveragePooling1d({ name: 'gap_forms' }), x1),
        make(() => tf.layers.permute({ dims: [2, 1] }), x1),
      ];
    },
  },
  {
    name: 'fit on int32 and bool data: int32 features into dense, int32 targets with meanSquaredError, bool targets with binaryCrossentropy',
    run: async (tf) => {
      const attempt = async (f: () => Promise<unknown>) => { try { return await f(); } catch { return 'threw'; } };
      const build = (loss: string, act?: 'sigmoid') => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', activation: act })] });
        m.compile({ optimizer: tf.train.sgd(0.01), loss });
        return m;
      };
      const xi = tf.tensor2d([[1, 2], [3, 4], [0, -1]], [3, 2], 'int32');
      const xf = xi.toFloat().div(4);
      return [
        await attempt(async () => (await build('meanSquaredError').fit(xi, tf.tensor2d([[1], [2], [3]]), { epochs: 2, verbose: 0 })).history),
        await attempt(async () => (await build('meanSquaredError').fit(xf, tf.tensor2d([[1], [2], [3]], [3, 1], 'int32'), { epochs: 2, verbose: 0 })).history),
        await attempt(async () => (await build('binaryCrossentropy', 'sigmoid').fit(xf, tf.tensor2d([[1], [0], [1]], [3, 1], 'bool'), { epochs: 2, verbose: 0 })).history),
        await attempt(async () => build('meanSquaredError').evaluate(xi, tf.tensor2d([[1], [2], [3]], [3, 1], 'int32'))),
        await attempt(async () => build('meanSquaredError').predict(xi)),
      ];
    },
  },
  {
    name: 'a dense given only inputDim: its config and model.json carry batchInputShape without a dtype, and the saved model loads and predicts',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputDim: 3, kernelInitializer: glorot(tf, 160), name: 'idim_d' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'idim_o' })] });
      let saved: { modelTopology?: unknown } = {};
      await model.save(tf.io.withSaveHandler(async (a) => { saved = a; return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } }; }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never));
      const x = tf.tensor2d([[1, 2, 3]]);
      return {
        config: JSON.stringify(model.layers[0].getConfig()), json: JSON.stringify((saved.modelTopology as { config: { layers: { config: object }[] } }).config.layers[0].config),
        loadedConfig: JSON.stringify(loaded.layers[0].getConfig()), a: model.predict(x) as Tensor, b: loaded.predict(x) as Tensor,
      };
    },
  },
  {
    name: 'jena-weather: a generator dataset of [lookback, features] windows, a GRU regressor, fitDataset with validationData, validationBatches and batch logs',
    run: async (tf) => {
      const series = Array.from({ length: 40 }, (_, i) => [Math.sin(i * 0.3), Math.cos(i * 0.2)]);
      const windows = (start: number, end: number) => tf.data.generator(function* () {
        for (let i = start; i < end; i++) yield { xs: tf.tensor2d(series.slice(i, i + 4)), ys: tf.tensor1d([series[i + 4][0]]) };
      } as never).batch(3);
      const model = tf.sequential({ layers: [
        tf.layers.gru({ units: 4, inputShape: [4, 2], kernelInitializer: glorot(tf, 170), recurrentInitializer: glorot(tf, 171) }),
        tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 172) }),
      ] });
      model.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'meanAbsoluteError' });
      const logs: string[] = [];
      const h = await model.fitDataset(windows(0, 12), {
        epochs: 2, verbose: 0, validationData: windows(20, 32), validationBatches: 2,
        callbacks: { onBatchEnd: async (b, l) => { logs.push(`${b}:${Object.keys(l ?? {}).sort().join(',')}`); } },
      });
      const baseline = tf.tidy(() => tf.mean(tf.abs(tf.tensor1d(series.slice(24, 33).map((r) => r[0])).sub(tf.tensor1d(series.slice(23, 32).map((r) => r[0]))))));
      return { h: h.history, logs, baseline };
    },
  },
  {
    name: 'sentiment inference: padSequences by hand with slice and concat, a saved embedding-conv1d model loaded and predicting with metadata',
    run: async (tf) => {
      const maxLen = 6;
      const pad = (ids: number[]) => (ids.length >= maxLen ? ids.slice(ids.length - maxLen) : [...new Array(maxLen - ids.length).fill(0), ...ids]);
      const model = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 10, outputDim: 3, inputLength: maxLen, embeddingsInitializer: glorot(tf, 173) }),
        tf.layers.conv1d({ filters: 2, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(tf, 174) }),
        tf.layers.globalMaxPool1d({}),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: glorot(tf, 175) }),
      ] });
      model.setUserDefinedMetadata({ vocabulary: { good: 1, bad: 2 }, maxLen });
      let saved: unknown;
      await model.save(tf.io.withSaveHandler(async (a) => { saved = a; return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } }; }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never));
      const inputs = tf.tensor2d([pad([1, 4, 2]), pad([3, 3, 3, 3, 3, 3, 3, 9]), pad([])]);
      return { meta: loaded.getUserDefinedMetadata() as never, p: loaded.predict(inputs) as Tensor, same: (model.predict(inputs) as Tensor).sub(loaded.predict(inputs) as Tensor).abs().max() };
    },
  },
];
