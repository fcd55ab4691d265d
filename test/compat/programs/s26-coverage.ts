import type { Scalar, SymbolicTensor, Tensor, Tensor4D } from '../../../src/index';
import type { Program, TF } from '../harness';

// Coverage of TF.js 4.22's public surface that no earlier program called: each name found by walking TF.js's exported
// namespaces, Tensor's prototype and the model, layer and optimizer objects, and checking the programs for a call.
// Each is called as TF.js's docs and tests call it, with the less-used argument forms (optional args omitted or given,
// negative axes, int32 inputs, scalars) and the chained Tensor method beside the tf.* function.

type Sym = SymbolicTensor;

/** Whether f throws, and nothing else: the messages differ between the libraries. */
const throws = (f: () => unknown): boolean => {
  try { f(); return false; } catch { return true; }
};

/** A layer's config without its name, which counts the layers of its class made so far in the whole run. */
const unnamed = (l: { getConfig(): Record<string, unknown> }) => {
  const { name: _name, ...rest } = l.getConfig();
  return rest;
};

/** Each call's result, or 'threw' for those that throw (the messages differ between the libraries). */
const each = (fs: (() => unknown)[]): unknown[] => fs.map((f) => {
  try { return f(); } catch { return 'threw'; }
});

const direct: Program[] = [
  {
    name: 'tf.op wraps a function as a named op: its name, result, gradient through it, intermediates disposed, and a bad object throws',
    run: (tf) => {
      const sq = tf.op({ squarePlusOne_: (x: Tensor) => x.square().add(1) });
      const norm = tf.op({ myNorm: (x: Tensor, axis: number) => x.square().sum(axis).sqrt() });
      const start = tf.memory().numTensors;
      const x = tf.tensor1d([1, -2, 3]);
      const y = sq(x);
      const n = norm(tf.tensor2d([[3, 4], [6, 8]]), 1);
      const made = tf.memory().numTensors - start;
      return [
        sq.name, norm.name, tf.OP_SCOPE_SUFFIX, y, n, made, tf.grad((t: Tensor) => sq(t).sum())(x),
        throws(() => tf.op({ a: (t: Tensor) => t, b: (t: Tensor) => t })), throws(() => tf.op({})), throws(() => tf.op({ bad: (() => { throw new Error('inside'); }) as (t: Tensor) => Tensor })(x)),
      ];
    },
  },
  {
    name: 'tf.acos, tf.atan and tf.neg called directly, on float32, int32 and scalar inputs, and out of their domain',
    run: (tf) => [
      tf.acos(tf.tensor1d([-1, -0.5, 0, 0.5, 1, 2])), tf.atan(tf.tensor1d([-10, -1, 0, 1, 10])), tf.neg(tf.tensor1d([1, -2, 0])),
      tf.acos(tf.scalar(0)), tf.atan(tf.tensor1d([1, 2], 'int32')), tf.neg(tf.tensor1d([3, -4], 'int32')), tf.neg(5), tf.atan([0.5, -0.5]),
    ],
  },
  {
    name: 'tf.greater, greaterEqual, less, lessEqual, notEqual called directly: broadcasting a scalar, number arguments, int32 against float32',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const b = tf.tensor1d([2, 5, 3]);
      const i = tf.tensor1d([1, 2, 3], 'int32');
      return [
        tf.greater(a, b), tf.greaterEqual(a, b), tf.less(a, 3), tf.lessEqual(a, tf.scalar(4)), tf.notEqual(a, b),
        tf.greater(i, 2), tf.less(i, tf.tensor1d([1.5, 2.5, 2.5])), tf.notEqual(i, i), tf.greaterEqual([1, 2], [2, 2]), tf.lessEqual(3, [2, 3, 4]), tf.less([[1], [5]], [2, 4]), tf.notEqual([1, 2], 2),
        tf.atan2([1, -1], [[1], [-1]]), tf.squaredDifference([1, 2, 3], 2),
      ];
    },
  },
  {
    name: 'chained atan2, broadcastTo, step, mirrorPad and unsortedSegmentSum on a tensor, with the argument forms TF.js takes',
    run: (tf) => {
      const y = tf.tensor1d([1, -1, 0, 2]);
      const x = tf.tensor1d([1, 1, -1, 0]);
      const m = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [
        y.atan2(x), y.atan2(tf.scalar(2)), tf.tensor1d([1, 2]).broadcastTo([2, 3, 2]), tf.scalar(7).broadcastTo([2]), y.step(), y.step(0.3),
        m.mirrorPad([[1, 1], [1, 1]], 'reflect'), m.mirrorPad([[0, 0], [2, 0]], 'symmetric'),
        m.unsortedSegmentSum(tf.tensor1d([1, 1], 'int32'), 3), y.unsortedSegmentSum(tf.tensor1d([0, 2, 0, 2], 'int32'), 3),
      ];
    },
  },
  {
    name: 'unsortedSegmentSum of int32 data keeps int32',
    deviation: "TF.js's cpu kernel multiplies by a float32 mask, so int32 data comes back float32 (its webgl kernel and TensorFlow keep int32); tessera keeps the data's dtype on every backend",
    run: (tf) => [tf.tensor1d([1, 2, 3, 4], 'int32').unsortedSegmentSum(tf.tensor1d([0, 0, 1, 1], 'int32'), 2)],
  },
  {
    name: 'chained stack and unstack: x.stack(y), x.stack([y, z], -1), x.unstack(), x.unstack(-1) and x.unstack(1)',
    run: (tf) => {
      const a = tf.tensor1d([1, 2]);
      const b = tf.tensor1d([3, 4]);
      const m = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [a.stack(b), a.stack([b, a], -1), a.stack(b, 1), m.unstack(), m.unstack(-1), m.unstack(1), m.toInt().unstack(0), tf.scalar(1).stack(tf.scalar(2))];
    },
  },
  {
    name: 'chained conv1d, conv2dTranspose, separableConv2d and dilation2d with strides, padding and dilations given and omitted',
    run: (tf) => {
      const x1 = tf.tensor3d([[[1], [2], [3], [4], [5]]]);
      const f1 = tf.tensor3d([[[1, 0]], [[0, 1]], [[1, 1]]]);
      const x2 = tf.tensor4d(Array.from({ length: 16 }, (_, i) => i / 4), [1, 4, 4, 1]);
      const dw = tf.tensor4d([1, 0, 0, 1], [2, 2, 1, 1]);
      const pw = tf.tensor4d([1, -1], [1, 1, 1, 2]);
      const ft = tf.tensor4d([1, 2, 3, 4], [2, 2, 1, 1]);
      return [
        x1.conv1d(f1, 1, 'valid'), x1.conv1d(f1, 2, 'same'), x1.conv1d(f1, 1, 'valid', 'NWC', 2),
        x2.conv2dTranspose(ft, [1, 8, 8, 1], 2, 'same'), x2.conv2dTranspose(ft, [1, 5, 5, 1], 1, 'valid'),
        x2.separableConv2d(dw, pw, 1, 'valid'), x2.separableConv2d(dw, pw, [2, 2], 'same'),
        x2.dilation2d(tf.tensor3d([[[0], [1]], [[1], [0]]]), 1, 'valid'), x2.dilation2d(tf.tensor3d([[[0], [1]], [[1], [0]]]), 2, 'same'),
      ];
    },
  },
  {
    name: 'as1D..as5D reshapes of a 24-element tensor, and the shapes and ranks they give; as5D of a scalar-sized tensor',
    run: (tf) => {
      const x = tf.range(0, 24);
      return [x.as2D(4, 6), x.as3D(2, 3, 4).shape, x.as4D(1, 2, 3, 4).rank, x.as5D(1, 2, 3, 2, 2), tf.scalar(3).as5D(1, 1, 1, 1, 1), x.as5D(2, 3, 4, 1, 1).as1D().shape, throws(() => x.as5D(2, 2, 2, 2, 2))];
    },
  },
  {
    name: 'isDisposed of a tensor, a variable, a slice of a disposed tensor and a tensor kept out of tidy',
    run: (tf) => {
      const a = tf.tensor1d([1, 2, 3]);
      const v = tf.variable(tf.zeros([2]));
      const before = [a.isDisposed, v.isDisposed];
      a.dispose();
      v.dispose();
      let inner: Tensor | null = null;
      const kept = tf.tidy(() => { inner = tf.ones([2]); return tf.keep(tf.zeros([1])); });
      return [before, a.isDisposed, v.isDisposed, (inner as Tensor | null)?.isDisposed, kept.isDisposed, throws(() => a.slice(0, 1))];
    },
  },
];

const layers: Program[] = [
  {
    name: 'tf.layers.avgPool1d and avgPooling1d, maxPool1d with poolSize, strides and padding given and omitted: shapes and values',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]]]);
      const ls = [
        tf.layers.avgPool1d({ poolSize: 2 }), tf.layers.avgPooling1d({ poolSize: 3, strides: 1, padding: 'same' }), tf.layers.maxPool1d({ poolSize: 2, strides: 1 }),
        tf.layers.maxPool1d({ poolSize: [3], padding: 'same' }), tf.layers.avgPool1d({ poolSize: 2, strides: 3 }),
      ];
      return ls.map((l) => [l.apply(x), l.computeOutputShape([null, 5, 2]), l.getClassName(), unnamed(l)]);
    },
  },
  {
    name: 'tf.layers.avgPool2d and avgPooling2d with channelsFirst and channelsLast, and tf.layers.globalMaxPool2d: values and configs',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 32 }, (_, i) => (i * 7) % 11), [1, 4, 4, 2]);
      const ls = [
        tf.layers.avgPool2d({ poolSize: 2 }), tf.layers.avgPooling2d({ poolSize: [2, 1], strides: [1, 2], padding: 'same' }),
        tf.layers.avgPool2d({ poolSize: 3, strides: 1, padding: 'valid' }), tf.layers.globalMaxPool2d({}), tf.layers.globalMaxPool2d({ dataFormat: 'channelsFirst' }),
      ];
      return ls.map((l) => [l.apply(x), l.getClassName(), unnamed(l)]);
    },
  },
  {
    name: 'tf.layers.conv3dTranspose in a model: output shape for same and valid padding, strides, weights shapes and config',
    run: (tf) => {
      const l = tf.layers.conv3dTranspose({ filters: 2, kernelSize: 2, strides: 2, padding: 'same', kernelInitializer: 'ones', inputShape: [2, 2, 2, 1] });
      const m = tf.sequential({ layers: [l] });
      const v = tf.layers.conv3dTranspose({ filters: 1, kernelSize: [2, 1, 3], kernelInitializer: 'ones', useBias: false });
      const x = tf.ones([1, 2, 2, 2, 1]);
      return [m.outputs[0].shape, m.predict(x), l.getWeights().map((w) => w.shape), v.apply(x), v.computeOutputShape([null, 2, 2, 2, 1]), unnamed(l)];
    },
  },
  {
    name: 'a custom RNN cell class given to tf.layers.RNN (new tf.layers.RNN) and tf.layers.rnn; returnSequences, returnState',
    run: (tf) => {
      const cell = tf.layers.simpleRNNCell({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros' });
      const r = new tf.layers.RNN({ cell, returnSequences: true });
      const x = tf.tensor3d([[[1], [2], [3]]]);
      const s = tf.layers.rnn({ cell: tf.layers.simpleRNNCell({ units: 1, kernelInitializer: 'ones', recurrentInitializer: 'ones', activation: 'linear' }), returnState: true });
      const out = s.apply(x) as Tensor[];
      return [r.apply(x), out, r.getClassName(), r instanceof tf.layers.RNN, s instanceof tf.RNN, r.computeOutputShape([null, 3, 1])];
    },
  },
  {
    name: 'tf.layers.convLstm2dCell: its class name, state size and config; tf.layers.rnn refuses it over 5-D input (TF.js wants convLstm2d)',
    run: (tf) => {
      const cell = tf.layers.convLstm2dCell({ filters: 2, kernelSize: 2, padding: 'same', strides: 1, dilationRate: 1 });
      const c = cell.getConfig();
      return [cell.getClassName(), cell.stateSize, c.filters, c.kernelSize, c.padding, c.dataFormat, c.recurrentActivation, c.unitForgetBias, throws(() => tf.layers.rnn({ cell }).apply(tf.ones([1, 2, 3, 3, 1])))];
    },
  },
  {
    name: 'tf.initializers.glorotNormal and zeros: statistics of a seeded glorotNormal, zeros of int32, configs and class names',
    run: (tf) => {
      const g = tf.initializers.glorotNormal({ seed: 3 });
      const w = g.apply([200, 100]);
      const z = tf.initializers.zeros();
      const [mean, std] = [w.mean().dataSync()[0], tf.moments(w).variance.sqrt().dataSync()[0]];
      return [w.shape, Math.abs(mean) < 0.01, Math.abs(std - Math.sqrt(2 / 300)) < 0.01, z.apply([2, 2]), z.apply([3], 'int32'), g.getConfig(), z.getConfig(), g.getClassName(), z.getClassName()];
    },
  },
  {
    name: 'tf.metrics.mape and its aliases against hand values, with zero targets, as a compile metric',
    run: async (tf) => {
      const yt = tf.tensor2d([[1, 2], [0, 4]]);
      const yp = tf.tensor2d([[1.5, 1], [1, 4]]);
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones' })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mape'] });
      const h = await m.fit(tf.tensor2d([[1], [2]]), tf.tensor2d([[2], [3]]), { epochs: 1, verbose: 0 });
      return [tf.metrics.mape(yt, yp), tf.metrics.MAPE(yt, yp), tf.metrics.meanAbsolutePercentageError(yt, yp), Object.keys(h.history), h.history.mape];
    },
  },
  {
    name: 'layer properties a program reads: name, trainable, weights, inputSpec, outputShape, stateful, built, getInputAt; a regularized, constrained config',
    run: (tf) => {
      const d = tf.layers.dense({ units: 2, inputShape: [3], name: 'dd', kernelInitializer: 'glorotUniform', biasConstraint: 'nonNeg', biasRegularizer: 'l1l2', kernelRegularizer: tf.regularizers.l1({ l1: 0.1 }) });
      const m = tf.sequential({ layers: [d, tf.layers.dense({ units: 1, trainable: false, kernelInitializer: 'glorotUniform', name: 'dd2' })], name: 'lp26' });
      const l2 = m.layers[1];
      return [
        d.name, d.trainable, l2.trainable, d.weights.map((w) => [w.name, w.shape, w.trainable]), l2.weights.map((w) => w.trainable), d.inputSpec, d.outputShape,
        d.stateful, m.stateful, d.built, d.dtype, (d.getInputAt(0) as Sym).shape, (d.getOutputAt(0) as Sym).shape, m.getConfig(),
      ];
    },
  },
];

const environment: Program[] = [
  {
    name: 'tf.backend() and await tf.ready() as a program starts; tf.engine().backendName names the backend',
    run: async (tf) => {
      await tf.ready();
      return [typeof tf.backend(), tf.backend() === tf.engine().backend, tf.engine().backendName];
    },
  },
  {
    name: 'tf.getBackend() after tf.ready()',
    deviation: 'getBackend() describes what runs (threads, SIMD), a deliberate deviation in DESIGN.md; engine().backendName gives the bare name',
    run: async (tf) => {
      await tf.ready();
      return tf.getBackend();
    },
  },
  {
    name: 'tf.disposeVariables frees every variable: numTensors before and after, a variable used after it throws',
    run: (tf) => {
      tf.disposeVariables();
      const start = tf.memory().numTensors;
      tf.variable(tf.tensor1d([1, 2]), true, 'v26');
      tf.variable(tf.scalar(3));
      const mid = tf.memory().numTensors - start;
      tf.disposeVariables();
      // TF.js frees the data but leaves v.isDisposed false (its engine skips the flag), so isDisposed is not compared.
      return [mid, tf.memory().numTensors - start, throws(() => tf.variable(tf.scalar(1), true, 'v26'))];
    },
  },
  {
    name: 'tf.deprecationWarn prints through console.warn, not console.log; disableDeprecationWarnings quiets it',
    run: (tf) => {
      const warned: string[] = [];
      const warn = console.warn;
      console.warn = (...a: unknown[]) => { warned.push(a.map(String).join(' ')); };
      try {
        tf.deprecationWarn('old thing');
        tf.disableDeprecationWarnings();
        tf.deprecationWarn('older thing');
      } finally {
        console.warn = warn;
        tf.env().set('DEPRECATION_WARNINGS_ENABLED', true);
      }
      return [warned.length, warned[0]?.includes('old thing')];
    },
  },
  {
    name: 'tf.version holds tfjs-core, tfjs-layers and tfjs-backend-cpu version strings; tf.Rank values',
    run: (tf) => {
      const v = tf.version as Record<string, string>;
      return [typeof v['tfjs-core'], typeof v['tfjs-layers'], typeof v['tfjs-backend-cpu'], typeof tf.version_core, typeof tf.version_layers, tf.Rank.R0, tf.Rank.R1, tf.Rank.R2, tf.Rank.R6];
    },
  },
  {
    name: 'tf.env() flags a program reads and sets: IS_BROWSER, IS_NODE, DEBUG, PROD, WEBGL_VERSION absent on cpu; get of an unknown flag throws',
    run: (tf) => {
      const e = tf.env();
      const debug = e.getBool('DEBUG');
      const out = [e.getBool('IS_BROWSER'), e.getBool('IS_NODE'), debug, e.getBool('PROD'), e.get('IS_TEST'), throws(() => e.get('NO_SUCH_FLAG_26')), e instanceof tf.Environment];
      return out;
    },
  },
];

const modelSurface: Program[] = [
  {
    name: 'model.getInputAt and getOutputAt of its own node and of an application, isTraining, stateful; symbolic tensor nodeIndex and tensorIndex',
    run: (tf) => {
      const inp = tf.input({ shape: [3], name: 'in26' });
      const d = tf.layers.dense({ units: 2, name: 'd26' });
      const y = d.apply(inp) as Sym;
      const m = tf.model({ inputs: inp, outputs: y });
      const s = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
      const outer = tf.input({ shape: [3] });
      const applied = m.apply(outer) as Sym;
      return [
        applied.shape, m.getInputAt(1) === outer, m.getOutputAt(1) === applied, m.getOutputAt(0) === y, throws(() => m.getInputAt(2)), (m.getInputAt(0) as Sym).shape, (d.getOutputAt(0) as Sym).shape,
        m.isTraining, m.stateful, s.stateful, y.nodeIndex, y.tensorIndex, inp.nodeIndex, inp.tensorIndex, (s.getInputAt(0) as Sym).shape, (s.getOutputAt(0) as Sym).shape,
      ];
    },
  },
  {
    name: 'adam and sgd properties a program reads: learningRate, beta1, beta2, epsilon, iterations and getConfig, after a minimize',
    run: (tf) => {
      const a = tf.train.adam(0.01, 0.8, 0.9);
      const b = tf.train.adam();
      const s = tf.train.sgd(0.3);
      const x = tf.variable(tf.scalar(2));
      a.minimize(() => x.square() as Scalar);
      return [a.learningRate, a.beta1, a.beta2, a.epsilon, b.beta1, b.beta2, b.epsilon, b.learningRate, a.iterations, b.iterations, s.learningRate, a.getConfig(), b.getConfig(), s.getConfig()];
    },
  },
  {
    name: 'optimizer.getWeights after minimize: names and values of adam slots and iterations; setWeights round trip on a fresh adam',
    run: async (tf) => {
      const a = tf.train.adam(0.1);
      const x = tf.variable(tf.tensor1d([1, -2]), true, 'x26w');
      a.minimize(() => x.square().sum() as Scalar);
      a.minimize(() => x.square().sum() as Scalar);
      const ws = await a.getWeights();
      const b = tf.train.adam(0.1);
      await b.setWeights(ws);
      b.minimize(() => x.square().sum() as Scalar);
      return [ws.map((w) => w.name), ws.map((w) => w.tensor), b.iterations, x];
    },
  },
];

const callbacks: Program[] = [
  {
    name: 'new tf.EarlyStopping and tf.callbacks.earlyStopping given to fit: epochs run with patience, minDelta, mode and baseline',
    run: async (tf) => {
      const make = () => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros' })] });
        m.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
        return m;
      };
      const x = tf.tensor2d([[1], [2], [3]]);
      const y = tf.tensor2d([[2], [4], [6]]);
      const h1 = await make().fit(x, y, { epochs: 20, verbose: 0, callbacks: [new tf.EarlyStopping({ monitor: 'loss', minDelta: 1, patience: 1 })] });
      const h2 = await make().fit(x, y, { epochs: 20, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'loss', mode: 'min', baseline: 0.1, patience: 2 }) });
      const h3 = await make().fit(x, y, { epochs: 5, verbose: 0, validationSplit: 0.34, callbacks: [tf.callbacks.earlyStopping()] });
      return [h1.epoch, h2.epoch, h3.epoch, h1.history.loss];
    },
  },
  {
    name: 'the History object fit returns: instance of tf.History, epoch list, history keys with metrics and validation, params',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', activation: 'sigmoid' })] });
      m.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const h = await m.fit(tf.tensor2d([[1, 0], [0, 1], [1, 1], [0, 0]]), tf.tensor2d([[1], [0], [1], [0]]), { epochs: 2, batchSize: 2, verbose: 0, validationData: [tf.tensor2d([[1, 1]]), tf.tensor2d([[1]])] });
      return [h instanceof tf.History, h.epoch, Object.keys(h.history).sort(), h.params, h.history.val_acc];
    },
  },
  {
    name: 'a subclass of tf.Callback in fit: the order of hooks and the logs keys each one gets',
    run: async (tf) => {
      const seen: string[] = [];
      class Rec extends tf.Callback {
        override async onTrainBegin(logs?: Record<string, unknown>) { seen.push(`trainBegin ${Object.keys(logs ?? {})}`); }
        override async onEpochBegin(e: number) { seen.push(`epochBegin ${e}`); }
        override async onBatchEnd(b: number, logs?: Record<string, unknown>) { seen.push(`batchEnd ${b} ${Object.keys(logs ?? {}).sort()}`); }
        override async onEpochEnd(e: number, logs?: Record<string, unknown>) { seen.push(`epochEnd ${e} ${Object.keys(logs ?? {}).sort()}`); }
        override async onTrainEnd() { seen.push('trainEnd'); }
      }
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mae'] });
      await m.fit(tf.tensor2d([[1], [2], [3]]), tf.tensor2d([[1], [2], [3]]), { epochs: 2, batchSize: 2, verbose: 0, callbacks: [new Rec()] });
      return seen;
    },
  },
];

const util: Program[] = [
  {
    name: 'tf.util.assertNonNull, assertNonNegativeIntegerDimensions, swap, createScalarValue and hasEncodingLoss',
    run: (tf) => {
      const arr = [1, 2, 3];
      tf.util.swap(arr, 0, 2);
      return [
        throws(() => tf.util.assertNonNull(null)), throws(() => tf.util.assertNonNull(undefined)), throws(() => tf.util.assertNonNull(0)),
        throws(() => tf.util.assertNonNegativeIntegerDimensions([2, 3])), throws(() => tf.util.assertNonNegativeIntegerDimensions([2, -1])), throws(() => tf.util.assertNonNegativeIntegerDimensions([1.5])),
        arr, tf.util.createScalarValue(3 as never, 'float32'), tf.util.createScalarValue(2 as never, 'int32'),
        tf.util.hasEncodingLoss('float32', 'int32'), tf.util.hasEncodingLoss('int32', 'float32'), tf.util.hasEncodingLoss('bool', 'int32'), tf.util.hasEncodingLoss('float32', 'float32'), tf.util.hasEncodingLoss('int32', 'bool'),
      ];
    },
  },
  {
    name: 'tf.util.checkConversionForErrors on finite and non-finite values, tf.util.randUniform range, bytesFromStringArray sizes',
    run: (tf) => {
      const r = Array.from({ length: 50 }, () => tf.util.randUniform(2, 3));
      return [
        throws(() => tf.util.checkConversionForErrors([1, 2.5], 'float32')), throws(() => tf.util.checkConversionForErrors([1, NaN], 'float32')),
        throws(() => tf.util.checkConversionForErrors([Infinity], 'int32')), r.every((v) => v >= 2 && v < 3), tf.util.bytesFromStringArray([new Uint8Array(3), new Uint8Array(5)]),
      ];
    },
  },
  {
    name: 'tf.util helpers programs use: sizeFromShape, arraysEqual, flatten, shuffle keeps elements, inferDtype, isTypedArray, now is a number',
    run: (tf) => {
      const a = [1, 2, 3, 4, 5];
      tf.util.shuffle(a);
      return [
        tf.util.sizeFromShape([2, 3, 4]), tf.util.sizeFromShape([]), tf.util.arraysEqual([1, 2], [1, 2]), tf.util.arraysEqual([1], [1, 2]), tf.util.flatten([[1, [2]], [3]]),
        [...a].sort(), tf.util.inferDtype([1, 2]), tf.util.inferDtype([true]), tf.util.isTypedArray(new Float32Array(1)), tf.util.isTypedArray([1]), typeof tf.util.now(),
        tf.util.encodeString('hi'), tf.util.decodeString(new Uint8Array([104, 105])), tf.util.clamp(0, 5, 3), tf.util.nearestLargerEven(3), tf.util.distSquared([0, 0], [3, 4]),
      ];
    },
  },
];

const io: Program[] = [
  {
    name: 'tf.io.browserHTTPRequest with a fetchFunc: save posts the model as form data, load reads model.json and the weights relative to it with requestInit',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', biasInitializer: 'zeros', name: 'http26' })] });
      let posted: { url: string; method?: string; parts: boolean[] } | null = null;
      let json = '';
      let bin = new ArrayBuffer(0);
      const saveFetch = async (url: string, init: { method?: string; body: FormData }) => {
        posted = { url, method: init.method, parts: [init.body.has('model.json'), init.body.has('model.weights.bin')] };
        json = await (init.body.get('model.json') as Blob).text();
        bin = await (init.body.get('model.weights.bin') as Blob).arrayBuffer();
        return new Response('{}', { status: 200 });
      };
      await m.save(tf.io.browserHTTPRequest('http://host26/upload', { fetchFunc: saveFetch as never, requestInit: { method: 'PUT' } }));
      const asked: string[] = [];
      const loadFetch = async (url: string, init?: { headers?: Record<string, string> }) => {
        asked.push(`${url} ${init?.headers?.x ?? ''}`);
        return url.endsWith('model.json') ? new Response(json.replace('model.weights.bin', 'w26.bin'), { status: 200 }) : new Response(bin, { status: 200 });
      };
      const back = await tf.loadLayersModel(tf.io.http('http://host26/dir/model.json', { fetchFunc: loadFetch as never, requestInit: { headers: { x: 'y' } } }));
      return [posted, asked, back.predict(tf.tensor2d([[1, 2]])), Object.keys(JSON.parse(json)).sort()];
    },
  },
  {
    name: 'tf.io.registerLoadRouter and registerSaveRouter for a custom scheme; save and load go through them; getLoadHandlers and getSaveHandlers',
    run: async (tf) => {
      let stored: unknown = null;
      const scheme = 'mem26://';
      tf.io.registerSaveRouter((url: string | string[]) => (typeof url === 'string' && url.startsWith(scheme) ? { save: async (a: unknown) => { stored = a; return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' as const } }; } } : null) as never);
      tf.io.registerLoadRouter((url: string | string[]) => (typeof url === 'string' && url.startsWith(scheme) ? { load: async () => stored } : null) as never);
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
      await m.save(`${scheme}a`);
      const back = await tf.loadLayersModel(`${scheme}a`);
      return [tf.io.getSaveHandlers(`${scheme}a`).length, tf.io.getLoadHandlers(`${scheme}b`).length, tf.io.getLoadHandlers('nothere26://x').length, back.predict(tf.ones([1, 3])), back.layers.map((l) => l.getClassName())];
    },
  },
  {
    name: 'tf.io.listModels, copyModel, moveModel and removeModel in Node, where no model store is registered',
    run: async (tf) => {
      const tries = async (f: () => Promise<unknown>) => { try { return await f(); } catch { return 'threw'; } };
      return [await tries(() => tf.io.listModels()), await tries(() => tf.io.copyModel('localstorage://a', 'localstorage://b')), await tries(() => tf.io.moveModel('indexeddb://a', 'indexeddb://b')), await tries(() => tf.io.removeModel('localstorage://a'))];
    },
  },
  {
    name: 'tf.io.weightsLoaderFactory with a fetch of ArrayBuffers: float32 and int32 weights by name, two groups, a missing name',
    run: async (tf) => {
      const f32 = new Float32Array([1, 2, 3, 4, 5, 6]).buffer;
      const i32 = new Int32Array([7, 8]).buffer;
      const manifest = [
        { paths: ['g1'], weights: [{ name: 'a', shape: [2, 2], dtype: 'float32' as const }, { name: 'b', shape: [2], dtype: 'float32' as const }] },
        { paths: ['g2'], weights: [{ name: 'c', shape: [2], dtype: 'int32' as const }] },
      ];
      const fetched: string[][] = [];
      const load = tf.io.weightsLoaderFactory(async (paths: string[]) => { fetched.push(paths); return paths.map((p) => (p.endsWith('g1') ? f32 : i32)); });
      const got = await load(manifest, 'root', ['a', 'c']);
      let missing = 'no';
      try { await load(manifest, 'root', ['zz']); } catch { missing = 'threw'; }
      return [Object.keys(got).sort(), got.a, got.c, fetched, missing];
    },
  },
  {
    name: 'tf.io.getModelArtifactsForJSON and getModelArtifactsForJSONSync from a model.json object and its weight data',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', biasInitializer: 'ones' })] });
      let saved: { modelTopology?: unknown; weightSpecs?: unknown; weightData?: ArrayBuffer } = {};
      await m.save(tf.io.withSaveHandler(async (a) => { saved = a as typeof saved; return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } }; }));
      const json = { modelTopology: saved.modelTopology as object, weightsManifest: [{ paths: ['w.bin'], weights: saved.weightSpecs as never }], format: 'layers-model', generatedBy: 'x', convertedBy: null };
      const art = await tf.io.getModelArtifactsForJSON(json as never, async (manifest) => [(manifest[0].weights as never), saved.weightData as ArrayBuffer] as never);
      const sync = tf.io.getModelArtifactsForJSONSync(json as never, saved.weightSpecs as never, saved.weightData as ArrayBuffer);
      const back = await tf.loadLayersModel(tf.io.fromMemory(sync));
      return [Object.keys(art).sort(), art.format, art.generatedBy, (art.weightSpecs as unknown[]).length, Object.keys(sync).sort(), back.predict(tf.ones([1, 2]))];
    },
  },
  {
    name: 'tf.io.CompositeArrayBuffer: byteLength, slice across parts, join of buffers, from a single buffer',
    run: (tf) => {
      const a = new Uint8Array([1, 2, 3]).buffer;
      const b = new Uint8Array([4, 5]).buffer;
      const c = new tf.io.CompositeArrayBuffer([a, b]);
      const one = new tf.io.CompositeArrayBuffer(a);
      return [c.byteLength, Array.from(new Uint8Array(c.slice(1, 4))), Array.from(new Uint8Array(c.slice())), Array.from(new Uint8Array(tf.io.CompositeArrayBuffer.join([a, b]))), one.byteLength, Array.from(new Uint8Array(one.slice(2)))];
    },
  },
  {
    name: 'tf.io.decodeWeightsStream from a ReadableStream of chunks split inside a weight',
    run: async (tf) => {
      const bytes = new Uint8Array(new Float32Array([1.5, -2, 3, 4]).buffer);
      const stream = new ReadableStream<Uint8Array>({
        start(ctl) { ctl.enqueue(bytes.slice(0, 6)); ctl.enqueue(bytes.slice(6)); ctl.close(); },
      });
      const got = await tf.io.decodeWeightsStream(stream as never, [{ name: 'w', shape: [2], dtype: 'float32' }, { name: 'v', shape: [2], dtype: 'float32' }]);
      return [Object.keys(got), got.w, got.v];
    },
  },
];

const argForms: Program[] = [
  {
    name: 'tf.losses.sigmoidCrossEntropy and softmaxCrossEntropy with labelSmoothing, weights and reductions; cosineDistance on an axis',
    run: (tf) => {
      const yt = tf.tensor2d([[1, 0, 0], [0, 0, 1]]);
      const logits = tf.tensor2d([[2, -1, 0.5], [0.1, 0.2, 3]]);
      const w = tf.tensor1d([1, 3]);
      return [
        tf.losses.sigmoidCrossEntropy(yt, logits), tf.losses.sigmoidCrossEntropy(yt, logits, undefined, 0.2), tf.losses.sigmoidCrossEntropy(yt, logits, tf.scalar(2), 0, tf.Reduction.SUM),
        tf.losses.softmaxCrossEntropy(yt, logits), tf.losses.softmaxCrossEntropy(yt, logits, w, 0.1), tf.losses.softmaxCrossEntropy(yt, logits, undefined, 0, tf.Reduction.NONE),
        tf.losses.cosineDistance(yt, logits.softmax(), 1), tf.losses.cosineDistance(yt, logits.softmax(), 0, undefined, tf.Reduction.NONE), tf.losses.computeWeightedLoss(tf.tensor1d([1, 2, 3]), tf.tensor1d([0, 1, 1])),
      ];
    },
  },
  {
    name: 'tf.metrics on one batch: binaryAccuracy, categoricalAccuracy, sparseCategoricalAccuracy, precision, recall, cosineProximity, MSE aliases',
    run: (tf) => {
      const yt = tf.tensor2d([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]);
      const yp = tf.tensor2d([[0.7, 0.2, 0.1], [0.6, 0.3, 0.1], [0.1, 0.2, 0.7], [0.2, 0.5, 0.3]]);
      const bt = tf.tensor1d([1, 0, 1, 1]);
      const bp = tf.tensor1d([0.9, 0.4, 0.3, 0.8]);
      return [
        tf.metrics.binaryAccuracy(bt, bp), tf.metrics.categoricalAccuracy(yt, yp), tf.metrics.sparseCategoricalAccuracy(tf.tensor1d([0, 1, 2, 1]), yp),
        tf.metrics.precision(bt, bp.round()), tf.metrics.recall(bt, bp.round()), tf.metrics.cosineProximity(yt, yp), tf.metrics.MSE(yt, yp), tf.metrics.mse(yt, yp),
        tf.metrics.meanSquaredError(yt, yp), tf.metrics.binaryCrossentropy(bt, bp), tf.metrics.categoricalCrossentropy(yt, yp),
        tf.losses.meanSquaredError(yt, yp),
      ];
    },
  },
  {
    name: 'tf.image.resizeBilinear and resizeNearestNeighbor with alignCorners and halfPixelCenters, on 3-D and 4-D int32 images',
    run: (tf) => {
      const img = tf.tensor3d([[[1], [2], [3]], [[4], [5], [6]]]);
      const b = img.expandDims(0).toInt() as InstanceType<TF['Tensor']>;
      return [
        tf.image.resizeBilinear(img, [4, 5]), tf.image.resizeBilinear(img, [3, 4], true), tf.image.resizeBilinear(img, [4, 4], false, true),
        tf.image.resizeNearestNeighbor(img, [4, 5]), tf.image.resizeNearestNeighbor(img, [3, 4], true), tf.image.resizeNearestNeighbor(img, [4, 4], false, true),
        tf.image.resizeBilinear(b as never, [1, 2]), tf.image.resizeNearestNeighbor(b as never, [3, 3]),
      ];
    },
  },
  {
    name: 'tf.image.transform with nearest and bilinear, each fillMode, a fillValue and outputShape; rotateWithOffset with center and fill',
    run: (tf) => {
      const img = tf.tensor4d(Array.from({ length: 16 }, (_, i) => i + 1), [1, 4, 4, 1]);
      const t = tf.tensor2d([[1, 0.2, -1, 0.1, 1, 0.5, 0, 0]]);
      return [
        ...(['constant', 'reflect', 'wrap', 'nearest'] as const).map((m) => tf.image.transform(img, t, 'bilinear', m, 9)),
        tf.image.transform(img, t, 'nearest'), tf.image.transform(img, t, 'nearest', 'constant', 0, [3, 5]),
        tf.image.rotateWithOffset(img, Math.PI / 2), tf.image.rotateWithOffset(img, 0.5, 7, [1, 2]), tf.image.rotateWithOffset(img, 1, [5, 6, 7], 0.25), tf.image.flipLeftRight(img),
      ];
    },
  },
  {
    name: 'tf.image.cropAndResize with nearest and extrapolationValue, boxes outside the image; grayscaleToRGB and rgbToGrayscale',
    run: (tf) => {
      const img = tf.tensor4d(Array.from({ length: 2 * 3 * 3 }, (_, i) => i), [2, 3, 3, 1]);
      const boxes = tf.tensor2d([[0, 0, 1, 1], [-0.5, 0.2, 0.8, 1.5], [0.5, 0.5, 0.5, 0.5]]);
      const ind = tf.tensor1d([0, 1, 0], 'int32');
      const rgb = tf.tensor3d([[[10, 20, 30], [255, 0, 0]]]);
      return [
        tf.image.cropAndResize(img, boxes, ind, [2, 2]), tf.image.cropAndResize(img, boxes, ind, [3, 2], 'nearest', 5),
        tf.image.grayscaleToRGB(tf.tensor3d([[[1], [2]]])), tf.image.grayscaleToRGB(tf.tensor4d([1, 2], [1, 1, 2, 1]).toInt() as never), tf.image.rgbToGrayscale(rgb), tf.image.rgbToGrayscale(rgb.toInt() as never),
      ];
    },
  },
  {
    name: 'tf.image.nonMaxSuppression with maxOutputSize, iouThreshold and scoreThreshold; padded, withScore softNmsSigma, async forms',
    run: async (tf) => {
      const boxes = tf.tensor2d([[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1, 11], [0, 10.1, 1, 11.1], [0, 100, 1, 101]]);
      const scores = tf.tensor1d([0.9, 0.75, 0.6, 0.95, 0.5, 0.3]);
      const ws = tf.image.nonMaxSuppressionWithScore(boxes, scores, 3, 0.5, 0, 0.5);
      const pad = tf.image.nonMaxSuppressionPadded(boxes, scores, 5, 0.5, 0.4, true);
      const wsa = await tf.image.nonMaxSuppressionWithScoreAsync(boxes, scores, 6, 1, 0.1, 0.3);
      return [
        tf.image.nonMaxSuppression(boxes, scores, 3), tf.image.nonMaxSuppression(boxes, scores, 6, 0.5, 0.55), tf.image.nonMaxSuppression(boxes, scores, 2, 0.9),
        ws.selectedIndices, ws.selectedScores, pad.selectedIndices, pad.validOutputs, await tf.image.nonMaxSuppressionAsync(boxes, scores, 4, 0.3, 0.2), wsa.selectedIndices, wsa.selectedScores,
        (await tf.image.nonMaxSuppressionPaddedAsync(boxes, scores, 2)).validOutputs,
      ];
    },
  },
  {
    name: 'tf.image.threshold binary and otsu, inverted, on a 3-channel and a 1-channel int32 image',
    run: (tf) => {
      const rgb = tf.tensor3d([[[10, 200, 30], [255, 255, 255]], [[0, 0, 0], [90, 120, 150]]], undefined, 'int32');
      const g = tf.tensor3d([[[10], [240]], [[100], [130]]], undefined, 'int32');
      return [tf.image.threshold(rgb), tf.image.threshold(rgb, 'binary', true, 0.3), tf.image.threshold(rgb, 'otsu'), tf.image.threshold(g, 'otsu', true), tf.image.threshold(g, 'binary', false, 0.45)];
    },
  },
  {
    name: 'tf.linalg.bandPart with -1 bounds and on a batch, gramSchmidt of vectors and a matrix, qr reduced and full on a tall matrix',
    run: (tf) => {
      const m = tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
      const [q, r] = tf.linalg.qr(tf.tensor2d([[1, 2], [3, 4], [5, 6]]));
      const [qf, rf] = tf.linalg.qr(tf.tensor2d([[1, 2], [3, 4], [5, 6]]), true);
      return [
        tf.linalg.bandPart(m, 1, -1), tf.linalg.bandPart(m, -1, 0), tf.linalg.bandPart(m, 0, 0), tf.linalg.bandPart(m.expandDims(0).tile([2, 1, 1]), 1, 1),
        tf.linalg.gramSchmidt([tf.tensor1d([1, 1]), tf.tensor1d([1, 0])]), tf.linalg.gramSchmidt(tf.tensor2d([[3, 4], [1, 0]])), q.abs(), r.abs(), qf.shape, rf.shape, qf.matMul(rf),
      ];
    },
  },
  {
    name: 'tf.signal.frame with padEnd and a padValue, hannWindow and hammingWindow of odd and even lengths and of 1',
    run: (tf) => {
      const x = tf.range(0, 7);
      return [tf.signal.frame(x, 3, 2), tf.signal.frame(x, 3, 2, true), tf.signal.frame(x, 4, 3, true, 9), tf.signal.frame(x, 2, 5), tf.signal.hannWindow(5), tf.signal.hannWindow(4), tf.signal.hammingWindow(5), tf.signal.hammingWindow(1), tf.signal.hannWindow(1)];
    },
  },
  {
    name: 'tf.math.confusionMatrix with int32 labels and predictions, 1 and several classes; misuse throws',
    run: (tf) => {
      const l = tf.tensor1d([0, 1, 2, 1, 0], 'int32');
      const p = tf.tensor1d([0, 2, 2, 1, 1], 'int32');
      return [tf.math.confusionMatrix(l, p, 3), tf.math.confusionMatrix(l, p, 4), throws(() => tf.math.confusionMatrix(tf.tensor1d([0], 'int32'), tf.tensor1d([0], 'int32'), 1)), throws(() => tf.math.confusionMatrix(l, tf.tensor1d([0, 1], 'int32'), 3))];
    },
  },
];

const chained: Program[] = [
  {
    name: 'chained unary math on int32 and scalar tensors: acosh, asinh, atanh, erf, expm1, log1p, reciprocal, rsqrt, sinh, cosh, tan, ceil, floor, round, sign',
    run: (tf) => {
      const i = tf.tensor1d([1, 2, 3], 'int32');
      const s = tf.scalar(0.5);
      return each([
        () => i.acosh(), () => i.asinh(), () => s.atanh(), () => i.erf(), () => i.expm1(), () => i.log1p(), () => i.reciprocal(), () => i.rsqrt(), () => s.sinh(), () => s.cosh(), () => i.tan(), () => i.ceil(), () => i.floor(), () => i.round(), () => tf.tensor1d([-2, 0, 3], 'int32').sign(),
        () => tf.tensor1d([-1.5, -0.5, 0.5, 1.5, 2.5]).round(), () => s.isNaN(), () => i.isFinite(), () => tf.tensor1d([Infinity, -Infinity, 1]).isInf(), () => i.sigmoid(), () => i.softplus(), () => i.logSigmoid(), () => i.exp(), () => i.log(), () => i.sqrt(), () => i.square(),
      ]);
    },
  },
  {
    name: 'chained binary ops with a number, a nested array and an int32 scalar: divNoNan, floorDiv, mod, maximum, minimum, pow, squaredDifference, atan2',
    run: (tf) => {
      const x = tf.tensor1d([-7, 0, 5, 9]);
      const i = tf.tensor1d([-7, 0, 5, 9], 'int32');
      return [
        x.divNoNan(tf.tensor1d([2, 0, 0, 3])), i.divNoNan(tf.tensor1d([2, 0, 0, 3], 'int32')), x.floorDiv(tf.scalar(2)), i.floorDiv(tf.scalar(-2, 'int32')), x.mod(tf.scalar(3)), i.mod(tf.scalar(-3, 'int32')),
        x.maximum(tf.scalar(1)), i.minimum(tf.scalar(1, 'int32')), x.pow(tf.scalar(2)), i.pow(tf.scalar(3, 'int32')), x.squaredDifference(tf.scalar(1)), x.atan2(tf.tensor1d([1, -1, 0, 2])),
        x.add(tf.tensor2d([[1], [2]])), i.sub(tf.scalar(1, 'int32')), i.mul(tf.scalar(2, 'int32')), i.div(tf.scalar(2, 'int32')),
      ];
    },
  },
  {
    name: 'chained reductions and arg ops on int32 and bool: sum, prod, mean, min, max, argMax, argMin, all, any, logSumExp, norm, euclideanNorm with axes',
    run: (tf) => {
      const i = tf.tensor2d([[3, -1, 2], [0, 4, -5]], undefined, 'int32');
      const b = tf.tensor2d([[true, false, true], [true, true, true]]);
      return each([
        () => i.sum(), () => i.sum(-1, true), () => i.prod(0), () => i.mean(1), () => i.min(-2), () => i.max([0, 1]), () => i.argMax(), () => i.argMin(-1), () => b.all(1), () => b.any(), () => b.all(),
        () => b.sum(0), () => b.toInt().max(), () => i.logSumExp(), () => i.logSumExp(-1), () => i.norm(), () => i.norm(1, 0), () => i.norm(Infinity, -1, true), () => i.euclideanNorm(1),
        () => i.toFloat().norm('euclidean', [0, 1], true), () => i.toFloat().euclideanNorm(-1, true),
      ]);
    },
  },
  {
    name: 'chained shape ops: reshapeAs, flatten, squeeze with negative axis, expandDims, tile of int32, transpose of bool, reverse, pad of int32, slice, split, concat',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 2]], [[3, 4]], [[5, 6]]]);
      const i = x.toInt();
      return [
        x.reshapeAs(tf.zeros([2, 3])), x.flatten(), x.squeeze([-2]), x.expandDims(-1).shape, i.tile([1, 2, 2]), x.greater(2).transpose([2, 0, 1]), x.reverse([0, -1]),
        i.pad([[0, 1], [1, 0], [0, 0]], 7), x.slice([1], [2]), x.split(3), x.split([1, 1], -1), x.concat(x, -1).shape, x.concat([x, x]).shape, i.stridedSlice([0, 0, 1], [3, 1, 2], [2, 1, 1]),
      ];
    },
  },
  {
    name: 'chained gather with axis and batchDims, oneHot of int32, topk of int32 with k, unique with axis, where, zerosLike, onesLike and clone of bool',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const idx = tf.tensor2d([[2, 0], [1, 1]], undefined, 'int32');
      const cls = tf.tensor1d([2, 0, 1], 'int32');
      const t = tf.tensor1d([5, 1, 5, 3], 'int32').topk(2);
      const u = tf.tensor2d([[1, 2], [1, 2], [3, 4]]).unique(0);
      const b = tf.tensor1d([true, false]);
      return [
        x.gather(idx, 1, 1), x.gather(tf.tensor1d([1], 'int32'), -1), x.gather([0, 0, 1]), cls.oneHot(3), cls.oneHot(4, 2, -1), t.values, t.indices, u.values, u.indices,
        tf.tensor1d([1, 2]).where(b, tf.tensor1d([3, 4])), b.zerosLike(), b.onesLike(), b.clone(), x.toBool(), tf.tensor1d([0, 2]).toBool(),
      ];
    },
  },
  {
    name: 'chained image and pooling methods: resizeBilinear, resizeNearestNeighbor, maxPool, avgPool, pool, localResponseNormalization, depthToSpace, spaceToBatchND, batchToSpaceND',
    run: (tf) => {
      const img = tf.tensor4d(Array.from({ length: 32 }, (_, i) => (i % 7) - 3), [1, 4, 4, 2]);
      return [
        img.resizeBilinear([2, 3]), img.resizeBilinear([3, 3], true), img.resizeNearestNeighbor([5, 5], false, true), img.maxPool(2, 2, 'valid'), img.avgPool([3, 3], 1, 'same'),
        img.pool([2, 2], 'avg', 'valid', 1, 2), img.pool(2, 'max', 'same', [2, 2]), img.localResponseNormalization(1, 2, 0.5, 0.75), throws(() => img.depthToSpace(1)), tf.ones([1, 2, 2, 4]).as4D(1, 2, 2, 4).depthToSpace(2, 'NHWC'),
        img.spaceToBatchND([2, 2], [[0, 0], [0, 0]]).shape, img.spaceToBatchND([2, 2], [[0, 0], [0, 0]]).batchToSpaceND([2, 2], [[0, 0], [0, 0]]),
      ];
    },
  },
  {
    name: 'chained conv2d, depthwiseConv2d and batchNorm with strides, dilations, NHWC and optional offset and scale',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 25 }, (_, i) => i / 5), [1, 5, 5, 1]);
      const f = tf.tensor4d([1, 0, -1, 2, 0, -2, 1, 0, -1], [3, 3, 1, 1]);
      const dw = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 1, 2]);
      const m = tf.tensor1d([1]);
      const v = tf.tensor1d([4]);
      return [
        x.conv2d(f, 1, 'valid'), x.conv2d(f, 2, 'same'), x.conv2d(f, 1, 'same', 'NHWC', 2), x.depthwiseConv2d(dw, 1, 'valid'), x.depthwiseConv2d(dw, [2, 2], 'same'),
        x.batchNorm(m, v), x.batchNorm(m, v, tf.tensor1d([0.5]), tf.tensor1d([2]), 0.1), tf.tensor2d([[1, 2], [3, 4]]).batchNorm(tf.tensor1d([1, 2]), tf.tensor1d([1, 1]), undefined, tf.tensor1d([3])),
      ];
    },
  },
  {
    name: 'chained activations with their arguments: relu6, leakyRelu default and given alpha, prelu with a per-channel alpha, elu, selu, softmax and logSoftmax on an axis',
    run: (tf) => {
      const x = tf.tensor2d([[-2, -0.5, 0.5], [3, 7, -9]]);
      return [x.relu6(), x.leakyRelu(), x.leakyRelu(0.3), x.prelu(tf.tensor1d([0.1, 0.2, 0.3])), x.elu(), x.selu(), x.softmax(), x.softmax(-1), x.logSoftmax(1), x.toInt().relu6(), x.toInt().leakyRelu(0.5), throws(() => x.softmax(0))];
    },
  },
  {
    name: 'a buffer from bufferSync, written with set, leaves its tensor as it was',
    deviation: "TF.js's cpu backend hands bufferSync the tensor's own array, so a set on the buffer changes the immutable tensor (x.buffer() and every later read see it); tessera's buffer is a copy, as TF.js documents",
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3]);
      x.bufferSync().set(9, 1);
      return x;
    },
  },
  {
    name: 'buffer and bufferSync from a tensor: get, set, toTensor, values, strides; asScalar, asType and variable() from a tensor',
    run: async (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]], undefined, 'int32');
      const b = x.bufferSync();
      b.set(9, 0, 1);
      const ab = await x.buffer();
      const v = x.toFloat().variable(false, 'from26');
      return [b.get(1, 2), b.get(0, 1), b.toTensor(), b.strides, b.dtype, ab.shape, tf.tensor1d([4]).asScalar(), v.trainable, v.name, v.dtype, b.locToIndex([1, 1]), b.indexToLoc(4), tf.tensor1d([1, 2], 'int32').asType('float32')];
    },
  },
];

/** Each layer factory with its fewest arguments, applied to a symbolic input: class, output shape, weights, config. */
const layerSweep = (tf: TF, entries: [string, (n: string) => InstanceType<TF['layers']['Layer']>, number[]][]) =>
  entries.map(([name, make, shape]) => {
    try {
      const l = make(`s26_${name}`);
      const y = l.apply(tf.input({ shape })) as Sym;
      return [name, l.getClassName(), y.shape, y.dtype, l.getWeights().map((w) => w.shape), l.countParams(), l.getConfig()];
    } catch (e) {
      return [name, 'threw'];
    }
  });

const sweeps: Program[] = [
  {
    name: 'the symbolic output shape of tf.layers.reshape with a -1 in targetShape',
    deviation: "TF.js's Reshape gives up on the -1 when any input dim is unknown, the batch's always is, so its symbolic shape is [null, null, 2] (and a flatten after it throws); tessera solves the -1 from the known dims, as Keras",
    run: (tf) => (tf.layers.reshape({ targetShape: [-1, 2] }).apply(tf.input({ shape: [2, 3, 4] })) as Sym).shape,
  },
  {
    name: 'the symbolic output shape of tf.layers.resizing on a batch of images',
    deviation: "TF.js's Resizing.computeOutputShape drops the batch axis and takes the channels from the width ([3, 5, 2] for [null, 2, 2, 1]); tessera gives [null, 3, 5, 1], the shape its apply gives",
    run: (tf) => (tf.layers.resizing({ height: 3, width: 5 }).apply(tf.input({ shape: [2, 2, 1] })) as Sym).shape,
  },
  {
    name: 'tf.layers.resizing applied to a batch and to one image: values and shapes, nearest and bilinear',
    run: (tf) => {
      const img = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
      return [tf.layers.resizing({ height: 3, width: 4 }).apply(img), tf.layers.resizing({ height: 1, width: 3, interpolation: 'nearest' }).apply(img), tf.layers.resizing({ height: 4, width: 4 }).apply(tf.tensor3d([1, 2, 3, 4], [2, 2, 1]))];
    },
  },
  {
    name: 'every pooling, reshaping and padding layer factory with its fewest arguments: class name, output shape and config',
    run: (tf) => {
      const L = tf.layers;
      return layerSweep(tf, [
        ['averagePooling1d', (n) => L.averagePooling1d({ name: n }), [6, 2]], ['averagePooling2d', (n) => L.averagePooling2d({ poolSize: 2, name: n }), [4, 4, 1]],
        ['averagePooling3d', (n) => L.averagePooling3d({ poolSize: 2, name: n }), [2, 4, 4, 1]], ['avgPool3d', (n) => L.avgPool3d({ poolSize: [1, 2, 2], name: n }), [2, 4, 4, 1]],
        ['maxPooling1d', (n) => L.maxPooling1d({ name: n }), [6, 2]], ['maxPooling2d', (n) => L.maxPooling2d({ poolSize: 2, name: n }), [4, 4, 1]], ['maxPooling3d', (n) => L.maxPooling3d({ poolSize: 2, name: n }), [2, 4, 4, 1]],
        ['maxPool2d', (n) => L.maxPool2d({ poolSize: 3, strides: 2, padding: 'same', name: n }), [5, 5, 2]], ['globalAveragePooling1d', (n) => L.globalAveragePooling1d({ name: n }), [3, 2]],
        ['globalAveragePooling2d', (n) => L.globalAveragePooling2d({ name: n }), [3, 3, 2]], ['globalMaxPool1d', (n) => L.globalMaxPool1d({ name: n }), [3, 2]], ['globalMaxPooling1d', (n) => L.globalMaxPooling1d({ name: n }), [3, 2]],
        ['globalMaxPooling2d', (n) => L.globalMaxPooling2d({ name: n }), [3, 3, 2]], ['flatten', (n) => L.flatten({ name: n }), [2, 3, 4]], ['reshape', (n) => L.reshape({ targetShape: [4, 6], name: n }), [2, 3, 4]],
        ['permute', (n) => L.permute({ dims: [2, 1], name: n }), [2, 3]], ['repeatVector', (n) => L.repeatVector({ n: 3, name: n }), [2]], ['cropping2D', (n) => L.cropping2D({ cropping: 1, name: n }), [4, 4, 1]],
        ['zeroPadding2d', (n) => L.zeroPadding2d({ name: n }), [2, 2, 1]], ['upSampling2d', (n) => L.upSampling2d({ name: n }), [2, 2, 1]],
        ['centerCrop', (n) => L.centerCrop({ height: 2, width: 2, name: n }), [4, 3, 1]], ['rescaling', (n) => L.rescaling({ scale: 1 / 255, name: n }), [2]],
      ]);
    },
  },
  {
    name: 'every activation, noise, dropout and normalization layer factory with its fewest arguments: class name, output shape and config',
    run: (tf) => {
      const L = tf.layers;
      return layerSweep(tf, [
        ['activation', (n) => L.activation({ activation: 'tanh', name: n }), [3]], ['elu', (n) => L.elu({ name: n }), [3]], ['leakyReLU', (n) => L.leakyReLU({ name: n }), [3]],
        ['prelu', (n) => L.prelu({ name: n }), [2, 3]], ['reLU', (n) => L.reLU({ name: n }), [3]], ['softmax', (n) => L.softmax({ name: n }), [3]], ['thresholdedReLU', (n) => L.thresholdedReLU({ name: n }), [3]],
        ['dropout', (n) => L.dropout({ rate: 0.5, name: n }), [3]], ['alphaDropout', (n) => L.alphaDropout({ rate: 0.1, name: n }), [3]], ['gaussianDropout', (n) => L.gaussianDropout({ rate: 0.1, name: n }), [3]],
        ['gaussianNoise', (n) => L.gaussianNoise({ stddev: 0.2, name: n }), [3]], ['spatialDropout1d', (n) => L.spatialDropout1d({ rate: 0.2, name: n }), [2, 3]],
        ['batchNormalization', (n) => L.batchNormalization({ name: n }), [2, 3]], ['layerNormalization', (n) => L.layerNormalization({ name: n }), [2, 3]], ['masking', (n) => L.masking({ name: n }), [2, 3]],
      ]);
    },
  },
  {
    name: 'every kernel layer factory with its fewest arguments (initializers named, TF.js defaults to glorotNormal): class name, output shape, weights and config',
    run: (tf) => {
      const L = tf.layers;
      const k = { kernelInitializer: 'glorotUniform' } as const;
      return layerSweep(tf, [
        ['dense', (n) => L.dense({ units: 2, ...k, name: n }), [3]], ['conv1d', (n) => L.conv1d({ filters: 2, kernelSize: 2, ...k, name: n }), [5, 1]],
        ['conv2d', (n) => L.conv2d({ filters: 2, kernelSize: 3, ...k, name: n }), [4, 4, 1]], ['conv2dTranspose', (n) => L.conv2dTranspose({ filters: 2, kernelSize: 3, ...k, name: n }), [4, 4, 1]],
        ['conv3d', (n) => L.conv3d({ filters: 2, kernelSize: 2, ...k, name: n }), [3, 3, 3, 1]], ['depthwiseConv2d', (n) => L.depthwiseConv2d({ kernelSize: 2, depthwiseInitializer: 'glorotUniform', name: n }), [3, 3, 2]],
        ['separableConv2d', (n) => L.separableConv2d({ filters: 2, kernelSize: 2, name: n }), [3, 3, 2]], ['embedding', (n) => L.embedding({ inputDim: 5, outputDim: 2, name: n }), [4]],
        ['simpleRNN', (n) => L.simpleRNN({ units: 2, name: n }), [3, 2]], ['gru', (n) => L.gru({ units: 2, name: n }), [3, 2]], ['lstm', (n) => L.lstm({ units: 2, name: n }), [3, 2]],
        ['convLstm2d', (n) => L.convLstm2d({ filters: 2, kernelSize: 2, ...k, name: n }), [2, 3, 3, 1]],
        ['bidirectional', (n) => L.bidirectional({ layer: L.lstm({ units: 2, name: 'bi_inner26' }) as never, name: n }), [3, 2]], ['timeDistributed', (n) => L.timeDistributed({ layer: L.dense({ units: 2, ...k, name: 'td_inner26' }), name: n }), [3, 2]],
        ['rnn', (n) => L.rnn({ cell: L.gruCell({ units: 2, name: 'gru_cell26' }), name: n }), [3, 2]], ['stackedRNNCells', (n) => L.rnn({ cell: L.stackedRNNCells({ cells: [L.lstmCell({ units: 2, name: 'c26a' }), L.simpleRNNCell({ units: 1, name: 'c26b' })], name: 'stacked26' }), name: n }), [3, 2]],
        ['categoryEncoding', (n) => L.categoryEncoding({ numTokens: 4, name: n }), [3]],
      ]);
    },
  },
  {
    name: 'merge layer factories on two symbolic inputs with their fewest arguments: add, average, concatenate, dot, maximum, minimum, multiply',
    run: (tf) => {
      const L = tf.layers;
      const a = tf.input({ shape: [3] });
      const b = tf.input({ shape: [3] });
      const ls = [L.add({ name: 'm26a' }), L.average({ name: 'm26b' }), L.concatenate({ name: 'm26c' }), L.dot({ axes: 1, name: 'm26d' }), L.dot({ axes: -1, normalize: true, name: 'm26e' }), L.maximum({ name: 'm26f' }), L.minimum({ name: 'm26g' }), L.multiply({ name: 'm26h' })];
      return ls.map((l) => {
        const y = l.apply([a, b]) as Sym;
        const v = l.apply([tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[3, -1, 0.5]])]) as Tensor;
        return [l.getClassName(), y.shape, v, l.getConfig()];
      });
    },
  },
];

const more: Program[] = [
  {
    name: 'a layer weight as tf.LayerVariable: read(), write() of a new value, originalName, name, shape, dtype, trainable; write of a wrong shape throws',
    run: (tf) => {
      const d = tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'lv26' });
      tf.sequential({ layers: [d] });
      const k = d.weights[0];
      const before = k.read();
      k.write(tf.tensor2d([[1, 2], [3, 4]]));
      return [k instanceof tf.LayerVariable, k.originalName, k.name, k.shape, k.dtype, k.trainable, before, k.read(), d.apply(tf.tensor2d([[1, 1]])), throws(() => k.write(tf.zeros([3])))];
    },
  },
  {
    name: 'every optimizer with its optional arguments given: rmsprop centered with momentum, adagrad with an initial accumulator, adadelta, adamax with decay, momentum with nesterov',
    run: (tf) => {
      const opts = [
        tf.train.rmsprop(0.01, 0.8, 0.5, 1e-6, true), tf.train.adagrad(0.2, 0.5), tf.train.adadelta(1, 0.9, 1e-5), tf.train.adamax(0.05, 0.8, 0.95, 1e-6, 0.1), tf.train.momentum(0.1, 0.9, true), tf.train.sgd(0.1),
      ];
      return opts.map((o) => {
        const x = tf.variable(tf.tensor1d([1, -2, 3]));
        for (let i = 0; i < 3; i++) o.minimize(() => x.square().sum().add(x.sum()) as Scalar);
        return [o.getClassName(), o.getConfig(), x];
      });
    },
  },
  {
    name: 'optimizer.minimize with returnCost and a varList, computeGradients and applyGradients with a map and with a named list',
    run: (tf) => {
      const a = tf.variable(tf.scalar(2), true, 'a26');
      const b = tf.variable(tf.scalar(-1), true, 'b26');
      const o = tf.train.sgd(0.1);
      const f = () => a.mul(a).add(b.mul(3)) as Scalar;
      const cost = o.minimize(f, true, [a]);
      const { value, grads } = o.computeGradients(f);
      o.applyGradients(grads);
      o.applyGradients([{ name: 'b26', tensor: tf.scalar(10) }]);
      return [cost, value, Object.keys(grads).sort(), a, b, o.minimize(f)];
    },
  },
  {
    name: 'model.evaluate with batchSize and several metrics gives a list; predict with batchSize; predictOnBatch; evaluate of one output without metrics gives a scalar',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', activation: 'softmax' })] });
      m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['accuracy', 'mse'] });
      const x = tf.tensor2d([[1, 0], [0, 1], [2, 1], [0.5, 0.5], [1, 3]]);
      const y = tf.tensor2d([[1, 0], [0, 1], [1, 0], [0, 1], [0, 1]]);
      const e = m.evaluate(x, y, { batchSize: 2 }) as Tensor[];
      const n = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
      n.compile({ optimizer: 'sgd', loss: 'meanAbsoluteError' });
      return [e, m.metricsNames, m.predict(x, { batchSize: 3 }), m.predictOnBatch(x.slice(0, 2)), n.evaluate(x, tf.ones([5, 1])), n.evaluate(x, tf.ones([5, 1]), { batchSize: 1 })];
    },
  },
  {
    name: 'model.outputNames, inputNames, metricsNames before and after compile, outputLayers and inputLayers of a two-output model',
    run: (tf) => {
      const inp = tf.input({ shape: [2], name: 'i26' });
      const h = tf.layers.dense({ units: 3, name: 'h26', kernelInitializer: 'ones' }).apply(inp) as Sym;
      const o1 = tf.layers.dense({ units: 1, name: 'o26a', kernelInitializer: 'ones' }).apply(h) as Sym;
      const o2 = tf.layers.dense({ units: 2, name: 'o26b', activation: 'softmax', kernelInitializer: 'ones' }).apply(h) as Sym;
      const m = tf.model({ inputs: inp, outputs: [o1, o2], name: 'two26' });
      const before = [m.outputNames, m.inputNames, m.metricsNames];
      m.compile({ optimizer: 'sgd', loss: ['meanSquaredError', 'categoricalCrossentropy'], metrics: { o26a: 'mae', o26b: ['accuracy'] } });
      return [before, m.outputNames, m.inputNames, m.metricsNames, m.outputLayers.map((l) => l.name), m.inputLayers.map((l) => l.name), m.name, m.outputs.map((o) => o.shape)];
    },
  },
  {
    name: 'tf.data pipelines with less-used forms: batch with smallLastBatch false, take and skip past the end, repeat(2), filter, mapAsync, concatenate and zip of a dict',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4, 5]);
      const arr = async (d: { toArray(): Promise<unknown[]> }) => (await d.toArray()).map((v) => (v instanceof tf.Tensor ? v.arraySync() : v));
      return [
        await arr(ds.batch(2, false)), await arr(ds.batch(2)), await arr(ds.take(10)), await arr(ds.skip(7)), await arr(ds.repeat(2).take(7)), await arr(ds.filter((v) => v % 2 === 1)),
        await arr(ds.mapAsync(async (v) => v * 10)), await arr(ds.take(2).concatenate(ds.skip(4))), await arr(tf.data.zip({ a: ds, b: ds.map((v) => -v) }).take(2)),
        await arr(tf.data.zip([ds, ds.skip(1)]).batch(2)), await arr(ds.take(0)), (await ds.iterator().then((it) => it.next())).value,
      ];
    },
  },
  {
    name: 'tf.data.generator from a generator function and an iterator-returning function, forEachAsync order, dataset.size of arrays, take(-1)',
    run: async (tf) => {
      function* gen() { for (let i = 0; i < 3; i++) yield { x: i, y: i * i }; }
      const d = tf.data.generator(gen as never);
      const seen: unknown[] = [];
      await d.forEachAsync((e) => { seen.push(e); });
      let i = 0;
      const it = tf.data.generator((() => ({ next: () => ({ value: i, done: i++ >= 2 }) })) as never);
      return [seen, await it.toArray(), tf.data.array([1, 2, 3]).size, tf.data.array([1, 2]).repeat().size, tf.data.array([1, 2, 3]).take(2).size, await tf.data.array([1, 2, 3]).take(-1).toArray()];
    },
  },
];

const empties: Program[] = [
  {
    name: 'reductions of empty tensors: sum, mean, prod, max, min, any, all, argMax of [0] and of [2, 0] along each axis',
    run: (tf) => {
      const e = tf.tensor1d([]);
      const m = tf.zeros([2, 0]);
      return each([
        () => e.sum(), () => e.mean(), () => e.prod(), () => e.max(), () => e.min(), () => e.toBool().any(), () => e.toBool().all(), () => e.argMax(),
        () => m.sum(0), () => m.sum(1), () => m.mean(1), () => m.max(1), () => m.min(0), () => m.prod(1), () => m.toInt().sum(1), () => m.argMin(0),
      ]);
    },
  },
  {
    name: 'shape ops on empty tensors: concat with an empty part, reshape, tile by 0, slice of size 0, gather of no indices, transpose, stack, split, pad',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2], [3, 4]]);
      const z = tf.zeros([0, 2]);
      return each([
        () => tf.concat([a, z]), () => tf.concat([z, z], 1), () => z.reshape([0, 1, 2]), () => z.reshape([-1, 4]), () => a.tile([0, 1]), () => a.slice([1, 0], [0, 2]), () => a.gather(tf.tensor1d([], 'int32')),
        () => z.transpose(), () => tf.stack([z, z]), () => tf.split(tf.zeros([4, 0]), 2), () => z.pad([[1, 1], [0, 0]], 3), () => z.expandDims(1).shape, () => tf.unstack(z), () => z.squeeze().shape, () => z.reverse(),
      ]);
    },
  },
  {
    name: 'math on empty tensors: matMul with an empty inner dimension, softmax of [2, 0], cumsum, topk k=0, oneHot of no indices, where, sort-free unique, argMax on a [0, 3]',
    run: (tf) => {
      const a = tf.zeros([2, 0]);
      const b = tf.zeros([0, 3]);
      return each([
        () => tf.matMul(a, b), () => tf.matMul(b, tf.zeros([3, 2])), () => a.softmax(), () => b.cumsum(), () => tf.topk(tf.tensor1d([3, 1, 2]), 0).values, () => tf.oneHot(tf.tensor1d([], 'int32'), 3),
        () => tf.where(tf.tensor1d([], 'bool'), tf.tensor1d([]), tf.tensor1d([])), () => tf.unique(tf.tensor1d([])).values, () => b.argMax(1), () => b.add(tf.ones([3])), () => b.mul(2).shape, () => tf.tensor1d([]).mean(),
      ]);
    },
  },
  {
    name: 'gradients through empty tensors and zero-size batches: grad of sum over [0, 3], of a matMul with an empty batch, of mean of nothing',
    run: (tf) => {
      const w = tf.ones([3, 2]);
      return each([
        () => tf.grad((x: Tensor) => x.sum())(tf.zeros([0, 3])), () => tf.grad((v: Tensor) => tf.matMul(tf.zeros([0, 3]), v).sum())(w), () => tf.grad((x: Tensor) => x.square().mean())(tf.zeros([0])),
        () => tf.grads((a: Tensor, b: Tensor) => a.add(b).sum())([tf.zeros([0, 2]), tf.ones([2])]),
      ]);
    },
  },
  {
    name: 'a model fitted on zero rows, and applied to them with apply',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      let fit: unknown;
      try { fit = (await m.fit(tf.zeros([0, 2]), tf.zeros([0, 1]), { epochs: 1, verbose: 0 })).history; } catch { fit = 'threw'; }
      return [m.apply(tf.zeros([0, 2])), fit];
    },
  },
  {
    name: 'model.predict and predictOnBatch of zero rows',
    deviation: "TF.js 4.22's predict of a [0, n] batch fails inside with 'Pass at least one tensor to concat' (its apply gives [0, 1]); tessera's predict gives the empty [0, 1] result too",
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
      return [m.predict(tf.zeros([0, 2])), m.predictOnBatch(tf.zeros([0, 2]))];
    },
  },
];

const printing: Program[] = [
  {
    name: 'print of tiny, huge, NaN and infinite floats, negative int32 columns, bool matrices and a [2, 0] tensor, verbose and not',
    run: (tf) => {
      tf.tensor1d([1e-7, 1e8, -0.5, NaN, Infinity, -Infinity]).print();
      tf.tensor2d([[-100, 2], [3, -4000]], undefined, 'int32').print(true);
      tf.tensor2d([[true, false], [false, true]]).print();
      tf.zeros([2, 0]).print(true);
      tf.scalar(-0).print();
      tf.tensor1d([0.1, 0.25, 1 / 3]).print();
      return tf.tensor3d([[[1.5, -2]], [[3, 4.25]]]).toString(true);
    },
  },
  {
    name: 'print of tensors past the summarize threshold: a 1-D of 2000, a 2-D of 40 by 40 and a 3-D of 10 by 10 by 10',
    run: (tf) => {
      tf.range(0, 2000).print();
      tf.range(0, 1600).reshape([40, 40]).print();
      tf.range(0, 1000).reshape([10, 10, 10]).toInt().print();
      return tf.range(0, 1200).reshape([2, 600]).toString();
    },
  },
  {
    name: 'console.log and String of a tensor, a variable and a SymbolicTensor-free model summary line widths with custom lineLength and positions',
    run: (tf) => {
      const t = tf.tensor1d([1, 2]);
      console.log(String(t));
      console.log(`${tf.variable(tf.tensor2d([[1.5]]), true, 'pv26')}`);
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], name: 'sd26' }), tf.layers.dense({ units: 1, name: 'sd26b' })], name: 'sm26' });
      m.summary(60, [0.5, 0.8, 1]);
      m.summary(undefined, undefined, (line: string) => console.log(`> ${line}`));
      return t.toString();
    },
  },
];

const recurrent: Program[] = [
  {
    name: "the cell an lstm, gru, simpleRNN or bidirectional makes: its name (the layer's when given, else its own), later cells' names, weight names",
    run: (tf) => {
      // Names are counted per class across the whole run, so each is given relative to a first one made here.
      const num = (name: string) => Number(/(\d+)$/.exec(name)?.[1]);
      const first = { lstm: num(tf.layers.lstm({ units: 1 }).name), lstmCell: num(tf.layers.lstmCell({ units: 1 }).name), gruCell: num(tf.layers.gruCell({ units: 1 }).name) };
      const a = tf.layers.lstm({ units: 2 });
      const c = tf.layers.lstmCell({ units: 2 });
      const g = tf.layers.gru({ units: 2, name: 'gg26' });
      const b = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }) as never, name: 'bi26' });
      const c2 = tf.layers.lstmCell({ units: 2 });
      const r = tf.layers.rnn({ cell: tf.layers.gruCell({ units: 1 }), name: 'r26' });
      for (const l of [a, g, b, r]) l.apply(tf.input({ shape: [3, 2] }));
      const cellOf = (l: unknown) => (l as { cell: { name: string } }).cell.name;
      return [
        num(a.name) - first.lstm, num(cellOf(a)) - first.lstmCell, num(c.name) - first.lstmCell, cellOf(g), num(c2.name) - first.lstmCell, num(cellOf(r)) - first.gruCell,
        [g, r].map((l) => l.weights.map((w) => w.name)), b.weights.map((w) => w.name.replace(/\d+/g, '#')), cellOf(a).replace(/\d+$/, ''),
      ];
    },
  },
  {
    name: 'a stateful LSTM with batchInputShape: predict twice carries the state, resetStates() and resetStates(given states) restart it',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [1, 2, 1], kernelInitializer: 'ones', recurrentInitializer: 'ones', biasInitializer: 'zeros' });
      const m = tf.sequential({ layers: [l] });
      const x = tf.tensor3d([[[0.5], [-0.25]]]);
      const a = m.predict(x) as Tensor;
      const b = m.predict(x) as Tensor;
      m.resetStates();
      const c = m.predict(x) as Tensor;
      l.resetStates([tf.tensor2d([[1, -1]]), tf.tensor2d([[0.5, 0.5]])]);
      const d = m.predict(x) as Tensor;
      return [a, b, c, d, l.states.map((s) => s?.shape), l.stateful];
    },
  },
  {
    name: 'bidirectional with each mergeMode (concat, sum, mul, ave, null) and returnSequences: shapes and values',
    run: (tf) => {
      const x = tf.tensor3d([[[1], [0.5], [-1]]]);
      const mk = (mergeMode: 'concat' | 'sum' | 'mul' | 'ave' | null) =>
        tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros', returnSequences: true }) as never, mergeMode: mergeMode as never });
      return (['concat', 'sum', 'mul', 'ave', null] as const).map((mode) => {
        const b = mk(mode);
        const y = b.apply(x);
        return [mode, Array.isArray(y) ? y.map((t) => (t as Tensor).shape) : (y as Tensor).shape, y, b.getConfig().mergeMode];
      });
    },
  },
  {
    name: 'embedding with maskZero feeding an LSTM: computeMask, masked steps keep the state; a masking layer on a GRU',
    run: (tf) => {
      const e = tf.layers.embedding({ inputDim: 4, outputDim: 2, maskZero: true, embeddingsInitializer: 'ones' });
      const r = tf.layers.lstm({ units: 1, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const ids = tf.tensor2d([[1, 2, 0, 0], [3, 0, 0, 0]]);
      const seq = tf.sequential({ layers: [tf.layers.masking({ maskValue: 0, inputShape: [3, 1] }), tf.layers.gru({ units: 1, kernelInitializer: 'ones', recurrentInitializer: 'ones' })] });
      return [e.computeMask(ids), r.apply(e.apply(ids)), seq.predict(tf.tensor3d([[[1], [0], [0]], [[1], [1], [0]]])), e.computeMask(ids, undefined)];
    },
  },
  {
    name: 'LSTM and GRU with returnState and returnSequences together: output list lengths and shapes; initialState given to apply',
    run: (tf) => {
      const x = tf.tensor3d([[[1], [2]]]);
      const l = tf.layers.lstm({ units: 2, returnState: true, returnSequences: true, kernelInitializer: 'ones', recurrentInitializer: 'zeros' });
      const g = tf.layers.gru({ units: 2, returnState: true, kernelInitializer: 'ones', recurrentInitializer: 'zeros' });
      const lo = l.apply(x) as Tensor[];
      const go = g.apply(x, { initialState: [tf.tensor2d([[0.5, -0.5]])] }) as Tensor[];
      return [lo.length, lo.map((t) => t.shape), lo, go.length, go];
    },
  },
];

const grads: Program[] = [
  {
    name: 'gradients through less-used argument forms: cumsum exclusive, gather with batchDims, logSumExp with keepDims, norms of order 1 and Infinity',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const g = (f: (t: Tensor) => Tensor) => tf.grad((t: Tensor) => f(t).mul(tf.range(1, 1 + f(t).size).reshape(f(t).shape)).sum())(x);
      return each([
        () => g((t) => tf.cumsum(t, 1, true)), () => g((t) => tf.cumsum(t, 1, false, true)), () => g((t) => tf.gather(t, tf.tensor2d([[2, 0], [1, 1]], undefined, 'int32'), 1, 1)),
        () => g((t) => t.logSumExp(-1, true)), () => g((t) => t.norm(Infinity, 1)), () => g((t) => t.norm(1)), () => g((t) => t.norm(2, 0, true)), () => g((t) => tf.prod(t, 1)),
      ]);
    },
  },
  {
    name: 'the gradient of mirrorPad in reflect and symmetric modes',
    deviation: "TF.js 4.22's MirrorPad gradient only slices the padded dy back to x's shape, dropping what the mirrored cells add (x[0][0] gets 8 where 20 is right for symmetric [[1, 1], [2, 0]] and weights 1..20); tessera adds them",
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const w = tf.range(1, 21).reshape([4, 5]);
      return [tf.grad((t: Tensor) => tf.mirrorPad(t, [[1, 1], [2, 0]], 'symmetric').mul(w).sum())(x), tf.grad((t: Tensor) => tf.mirrorPad(t, [[1, 1], [2, 0]], 'reflect').mul(w).sum())(x)];
    },
  },
  {
    name: 'gradients through image ops with options: resizeBilinear default, resizeNearestNeighbor with and without alignCorners',
    run: (tf) => {
      const img = tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1]);
      const sq = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
      const w = (y: Tensor) => y.mul(tf.range(1, 1 + y.size).reshape(y.shape)).sum();
      return each([
        () => tf.grad((t: Tensor) => w(tf.image.resizeBilinear(t as never, [4, 4])))(sq), () => tf.grad((t: Tensor) => w(tf.image.resizeBilinear(t as never, [3, 5])))(sq),
        () => tf.grad((t: Tensor) => w(tf.image.resizeBilinear(t as never, [3, 3], true)))(sq),
        () => tf.grad((t: Tensor) => w(tf.image.resizeNearestNeighbor(t as never, [3, 5], true)))(img), () => tf.grad((t: Tensor) => w(tf.image.resizeNearestNeighbor(t as never, [4, 4])))(img),
      ]);
    },
  },
  {
    name: 'the gradient of resizeBilinear of an image that is not square',
    deviation: "TF.js 4.22's ResizeBilinearGrad on the cpu backend swaps height and width for a non-square image, so its grad throws 'has shape 1,3,2,1, which does not match the shape of the input 1,2,3,1'; tessera gives the [1, 2, 3, 1] gradient",
    run: (tf) => tf.grad((t: Tensor) => tf.image.resizeBilinear(t as Tensor4D, [4, 6]).sum())(tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1])),
  },
  {
    name: 'the gradient of resizeNearestNeighbor with halfPixelCenters',
    deviation: "TF.js 4.22's ResizeNearestNeighborGrad ignores halfPixelCenters, so its gradient does not match its own forward (x[0][0] gets 14 where the forward's rows 0-1, col 0 weigh 1 + 5 = 6); tessera's follows the forward",
    run: (tf) => tf.grad((t: Tensor) => tf.image.resizeNearestNeighbor(t as Tensor4D, [4, 4], false, true).mul(tf.range(1, 17).reshape([1, 4, 4, 1])).sum())(tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1])),
  },
  {
    name: 'gradients through convolutions with less-used forms: conv2dTranspose stride 2 same, depthwise with stride 2, conv1d with stride 2, dilation2d',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 16 }, (_, i) => Math.sin(i)), [1, 4, 4, 1]);
      const w = (y: Tensor) => y.mul(tf.range(1, 1 + y.size).reshape(y.shape).div(10)).sum();
      const f = tf.tensor4d([1, -1, 2, 0.5], [2, 2, 1, 1]);
      const [gx, gf] = tf.grads((a: Tensor, b: Tensor) => w(tf.conv2dTranspose(a as never, b as never, [1, 8, 8, 1], 2, 'same')))([x, f]);
      const [dx, df] = tf.grads((a: Tensor, b: Tensor) => w(tf.depthwiseConv2d(a as never, b as never, 2, 'same')))([x, f]);
      const [cx, cf] = tf.grads((a: Tensor, b: Tensor) => w(tf.conv1d(a as never, b as never, 2, 'same')))([x.reshape([1, 16, 1]), tf.tensor3d([1, -1, 2], [3, 1, 1])]);
      const [lx, lf] = tf.grads((a: Tensor, b: Tensor) => w(tf.dilation2d(a as never, b as never, 1, 'same')))([x, tf.tensor3d([0, 1, 0.5, -1], [2, 2, 1])]);
      return [gx, gf, dx, df, cx, cf, lx, lf];
    },
  },
  {
    name: 'gradients at ties and bounds: maximum and minimum of equal values, clipByValue at its bounds, relu and relu6 at their kinks, abs at 0, max with ties',
    run: (tf) => {
      const x = tf.tensor1d([-1, 0, 1, 2, 6]);
      const one = (f: (t: Tensor) => Tensor) => tf.grad((t: Tensor) => f(t).sum())(x);
      return [
        one((t) => tf.maximum(t, tf.tensor1d([-1, 1, 1, 0, 6]))), one((t) => tf.minimum(t, tf.tensor1d([-1, 1, 1, 0, 6]))), one((t) => t.clipByValue(0, 2)), one((t) => t.relu()), one((t) => t.relu6()),
        one((t) => t.abs()), tf.grad((t: Tensor) => t.max())(tf.tensor1d([3, 1, 3])), tf.grad((t: Tensor) => t.min(0))(tf.tensor2d([[1, 1], [1, 2]])), one((t) => t.step()), one((t) => t.sign()),
      ];
    },
  },
];

const compiled: Program[] = [
  {
    name: 'tf.registerCallbackConstructor: fits at or above the verbosity level make one, called before the given callbacks, with the params and model set',
    run: async (tf) => {
      const seen: string[] = [];
      let live = true;
      class Low extends tf.Callback {
        override async onTrainBegin() { if (live) seen.push(`low begin ${Object.keys(this.params).sort()} ${this.model != null}`); }
        override async onEpochEnd(e: number) { if (live) seen.push(`low epoch ${e}`); }
      }
      class High extends tf.Callback {
        override async onTrainBegin() { if (live) seen.push('high begin'); }
      }
      tf.registerCallbackConstructor(1, Low);
      tf.registerCallbackConstructor(2, High);
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const x = tf.ones([2, 1]);
      const mine = { onTrainBegin: async () => { if (live) seen.push('given begin'); } };
      const log = console.log;
      console.log = () => undefined;
      try {
        for (const verbose of [0, 1, 2] as const) {
          seen.push(`verbose ${verbose}`);
          await m.fit(x, x, { epochs: 1, verbose, callbacks: mine });
        }
      } finally {
        console.log = log;
        live = false;
      }
      return [seen, throws(() => tf.registerCallbackConstructor(0, Low)), throws(() => tf.registerCallbackConstructor(-1, class extends tf.Callback {})), throws(() => tf.registerCallbackConstructor(0.5, class extends tf.Callback {}))];
    },
  },
  {
    name: 'compile with each optimizer by name: the optimizer class, its getConfig defaults and learningRate, and model.loss as given',
    run: (tf) => ['sgd', 'adam', 'rmsprop', 'adagrad', 'adadelta', 'adamax'].map((name) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
      m.compile({ optimizer: name, loss: 'meanSquaredError' });
      return [name, m.optimizer.getClassName(), m.optimizer.getConfig(), m.loss];
    }),
  },
  {
    name: 'getLayer by name and by index, a missing one throws; weights order and names; trainable false after compile keeps trainableWeights until recompiled',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'gl26a' }), tf.layers.dense({ units: 1, name: 'gl26b' })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const before = m.trainableWeights.length;
      m.getLayer('gl26a').trainable = false;
      return [
        m.getLayer('gl26b').name, m.getLayer(undefined, 0).name, m.getLayer(undefined, 1).name, throws(() => m.getLayer('nope26')), throws(() => m.getLayer(undefined, 5)),
        m.weights.map((w) => w.name), before, m.trainableWeights.map((w) => w.name), m.nonTrainableWeights.map((w) => w.name), m.countParams(),
      ];
    },
  },
  {
    name: 'setWeights with a wrong count or shape throws and leaves the weights; getWeights(true) gives only trainable ones',
    run: (tf) => {
      const d = tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'sw26' });
      const m = tf.sequential({ layers: [d, tf.layers.batchNormalization({ name: 'sw26bn' })] });
      return [
        throws(() => d.setWeights([tf.ones([2, 2])])), throws(() => d.setWeights([tf.ones([3, 2]), tf.ones([2])])), d.getWeights()[0], m.getWeights(true).length, m.getWeights().length, m.getWeights(false).length,
      ];
    },
  },
];

const seeded: Program[] = [
  {
    name: 'tf.randomGamma with a beta other than 1',
    deviation: "TF.js 4.22 documents beta as the rate but inverts it twice, so its draws are multiplied by beta (mean alpha * beta); tessera's have mean alpha / beta, as documented; with beta = 1 a seed gives TF.js's values",
    run: (tf) => tf.randomGamma([4], 2, 3, 'float32', 9),
  },
  {
    name: 'tf.randomUniformInt over a range below zero',
    deviation: "TF.js truncates its uniform draw toward zero, so below zero minval comes half as often and 0 twice as often; tessera floors it, giving each integer the same chance (the same draws otherwise)",
    run: (tf) => tf.randomUniformInt([3], -5, 5, 'x'),
  },
  {
    name: 'a constant initializer applied with dtype int32',
    deviation: "TF.js's Constant initializer multiplies a float32 scalar by int32 ones, so it returns float32 whatever dtype is asked; tessera returns the dtype asked for",
    run: (tf) => tf.initializers.constant({ value: -2 }).apply([2], 'int32'),
  },
  {
    name: 'seeded random ops with every optional argument: randomUniform int32, randomNormal, truncatedNormal, randomGamma with beta, randomStandardNormal, randomUniformInt',
    run: (tf) => each([
      () => tf.randomUniform([2, 3], -2, 5, 'int32', 7), () => tf.randomUniform([3], 0, 1, 'float32', 'abc'), () => tf.randomNormal([2, 2], 3, 0.5, 'float32', 11), () => tf.randomNormal([3], 0, 1, 'int32', 2),
      () => tf.truncatedNormal([2, 3], 1, 2, 'float32', 5), () => tf.randomGamma([4], 2, 1, 'float32', 9), () => tf.randomGamma([2], 0.5, undefined, 'int32', 1), () => tf.randomStandardNormal([3], 'float32', 4),
      () => tf.randomUniformInt([4], 0, 10, 3), () => tf.randomUniformInt([3], 2, 5, 'x'), () => tf.multinomial(tf.tensor1d([0.1, 0.5, 0.4]), 5, 6, true), () => tf.multinomial(tf.tensor2d([[1, 2, 3], [3, 2, 1]]), 3, 8),
    ]),
  },
  {
    name: 'seeded initializers with their options: randomUniform, randomNormal, truncatedNormal, varianceScaling modes and distributions, heUniform, leCunNormal, orthogonal gain, identity gain',
    run: (tf) => {
      const I = tf.initializers;
      return each([
        () => I.randomUniform({ minval: -1, maxval: 2, seed: 3 }).apply([2, 2]), () => I.randomNormal({ mean: 1, stddev: 0.1, seed: 4 }).apply([3]), () => I.truncatedNormal({ stddev: 2, seed: 5 }).apply([2, 3]),
        () => I.varianceScaling({ scale: 2, mode: 'fanOut', distribution: 'uniform', seed: 6 }).apply([3, 2]), () => I.varianceScaling({ mode: 'fanAvg', distribution: 'truncatedNormal', seed: 7 }).apply([2, 2]),
        () => I.heUniform({ seed: 8 }).apply([2, 3]), () => I.leCunNormal({ seed: 9 }).apply([3, 2]), () => I.leCunUniform({ seed: 10 }).apply([2]), () => I.heNormal({ seed: 11 }).apply([2, 2]), () => I.glorotNormal({ seed: 12 }).apply([4, 1]),
        () => I.identity({ gain: 3 }).apply([2, 3]), () => I.constant({ value: -2 }).apply([2]), () => I.ones().apply([1, 2]), () => I.orthogonal({ gain: 2, seed: 13 }).apply([2, 2]).abs().sum(),
      ]);
    },
  },
];

const browser: Program[] = [
  {
    name: 'tf.browser.fromPixels and fromPixelsAsync of an ImageData-like object with 1, 3 and 4 channels; toPixels of float, int32, 2-D and 1-channel tensors',
    run: async (tf) => {
      const data = new Uint8Array([10, 20, 30, 255, 40, 50, 60, 128, 70, 80, 90, 0, 100, 110, 120, 64]);
      const px = { data, width: 2, height: 2 };
      const toArr = async (t: Tensor) => Array.from(await tf.browser.toPixels(t as never));
      return [
        tf.browser.fromPixels(px), tf.browser.fromPixels(px, 1), tf.browser.fromPixels(px, 4), await tf.browser.fromPixelsAsync(px, 3),
        await toArr(tf.tensor3d([[[0, 0.5, 1]], [[0.25, 0.75, 0.1]]])), await toArr(tf.tensor3d([[[0, 128, 255, 9]]], undefined, 'int32')), await toArr(tf.tensor2d([[0, 1], [0.5, 0.2]])),
        await toArr(tf.tensor3d([[[7], [250]]], undefined, 'int32')), throws(() => tf.browser.fromPixels(px, 2)),
      ];
    },
  },
];

const roundTrips: Program[] = [
  {
    name: 'a model of every kind of layer saved with toJSON and rebuilt with modelFromJSON: layer classes, configs and predictions',
    run: async (tf) => {
      const L = tf.layers;
      const inp = tf.input({ shape: [6, 4], name: 'rt_in' });
      let h = L.conv1d({ filters: 3, kernelSize: 2, kernelInitializer: 'glorotUniform', name: 'rt_c1', padding: 'same' }).apply(inp) as Sym;
      h = L.batchNormalization({ name: 'rt_bn', momentum: 0.9 }).apply(h) as Sym;
      h = L.leakyReLU({ alpha: 0.2, name: 'rt_lr' }).apply(h) as Sym;
      h = L.maxPooling1d({ poolSize: 2, name: 'rt_mp' }).apply(h) as Sym;
      const g = L.gru({ units: 3, returnSequences: true, name: 'rt_gru', kernelInitializer: 'glorotUniform', recurrentInitializer: 'glorotUniform' }).apply(h) as Sym;
      const l = L.bidirectional({ layer: L.lstm({ units: 2, kernelInitializer: 'glorotUniform', recurrentInitializer: 'glorotUniform' }) as never, name: 'rt_bi' }).apply(g) as Sym;
      const f = L.flatten({ name: 'rt_fl' }).apply(g) as Sym;
      const c = L.concatenate({ name: 'rt_cat' }).apply([l, f]) as Sym;
      const d = L.dropout({ rate: 0.3, name: 'rt_do' }).apply(c) as Sym;
      const ln = L.layerNormalization({ name: 'rt_ln' }).apply(d) as Sym;
      const out = L.dense({ units: 2, activation: 'softmax', kernelInitializer: 'glorotUniform', name: 'rt_out' }).apply(ln) as Sym;
      const m = tf.model({ inputs: inp, outputs: out, name: 'rt_model' });
      const json = m.toJSON(null, false) as object;
      const back = await tf.models.modelFromJSON(json as never);
      back.setWeights(m.getWeights());
      const x = tf.tensor3d(Array.from({ length: 48 }, (_, i) => Math.sin(i)), [2, 6, 4]);
      const [p, q] = [back.predict(x) as Tensor, m.predict(x) as Tensor];
      return [back.layers.map((ly) => ly.getClassName()), back.layers.map((ly) => ly.name), JSON.stringify(back.toJSON(null, false)) === JSON.stringify(json), p.shape, p.sub(q).abs().max().dataSync()[0] < 1e-6];
    },
  },
  {
    name: 'each layer config fed back to its factory: the same config again, for layers with nested and non-default settings',
    run: (tf) => {
      const L = tf.layers;
      const ls = [
        L.dense({ units: 3, activation: 'relu', useBias: false, kernelInitializer: 'leCunNormal', kernelRegularizer: 'l1l2', kernelConstraint: 'unitNorm', name: 'cf_a' }),
        L.conv2d({ filters: 2, kernelSize: [2, 3], kernelInitializer: 'glorotUniform', strides: [1, 2], padding: 'same', dataFormat: 'channelsFirst', dilationRate: 1, name: 'cf_b' }),
        L.lstm({ units: 2, dropout: 0.1, recurrentDropout: 0.2, unitForgetBias: false, goBackwards: true, name: 'cf_c' }),
        L.embedding({ inputDim: 10, outputDim: 3, maskZero: true, inputLength: 4, name: 'cf_d' }),
        L.batchNormalization({ axis: 1, momentum: 0.8, epsilon: 0.01, center: false, scale: false, name: 'cf_e' }),
        L.zeroPadding2d({ padding: [[1, 2], [0, 3]], name: 'cf_f' }), L.cropping2D({ cropping: [[1, 0], [2, 1]], name: 'cf_g' }), L.upSampling2d({ size: [2, 3], interpolation: 'bilinear', name: 'cf_h' }),
        L.separableConv2d({ filters: 2, kernelSize: 3, name: 'cf_i' }), L.gaussianNoise({ stddev: 0.3, name: 'cf_j' }), L.permute({ dims: [2, 1, 3], name: 'cf_k' }),
        L.simpleRNN({ units: 3, activation: 'relu', stateful: false, returnState: true, name: 'cf_l' }), L.timeDistributed({ layer: L.dense({ units: 1, kernelInitializer: 'heNormal', name: 'cf_m_inner' }), name: 'cf_m' }),
      ];
      return ls.map((l) => {
        // TF.js's factories write into the args they are given (cell, customObjects), so the config is read first.
        const cfg = JSON.stringify(l.getConfig());
        try {
          const again = (L as unknown as Record<string, (c: unknown) => { getConfig(): unknown }>)[l.getClassName().charAt(0).toLowerCase() + l.getClassName().slice(1)];
          return [l.getClassName(), JSON.parse(cfg), typeof again === 'function' ? JSON.stringify(again(JSON.parse(cfg)).getConfig()) === cfg : 'no factory'];
        } catch {
          return [l.getClassName(), JSON.parse(cfg), 'threw'];
        }
      });
    },
  },

  {
    name: 'a layer shared by two inputs: getInputAt and getOutputAt by node, inboundNodes count, input and output throw, summary lists both connections',
    run: (tf) => {
      const a = tf.input({ shape: [2], name: 'sh_a' });
      const b = tf.input({ shape: [2], name: 'sh_b' });
      const d = tf.layers.dense({ units: 3, kernelInitializer: 'ones', name: 'sh_d' });
      const ya = d.apply(a) as Sym;
      const yb = d.apply(b) as Sym;
      const m = tf.model({ inputs: [a, b], outputs: tf.layers.add({ name: 'sh_add' }).apply([ya, yb]) as Sym, name: 'sh_m' });
      m.summary(90);
      return [
        (d.getInputAt(0) as Sym).name, (d.getInputAt(1) as Sym).name, (d.getOutputAt(1) as Sym).shape, d.inboundNodes.length, throws(() => d.input), throws(() => d.output), d.outputShape,
        m.predict([tf.ones([1, 2]), tf.ones([1, 2])]), m.layers.map((l) => l.name), m.countParams(),
      ];
    },
  },
  {
    name: 'a Sequential nested in a Sequential: layers, weights, summary, predict, getLayer of the inner model, and its config round trip',
    run: async (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'ones', name: 'ns_d1' }), tf.layers.dense({ units: 2, kernelInitializer: 'ones', name: 'ns_d2' })], name: 'ns_inner' });
      const outer = tf.sequential({ layers: [inner, tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'ns_d3' })], name: 'ns_outer' });
      outer.summary(80);
      const back = await tf.models.modelFromJSON(outer.toJSON(null, false) as never);
      back.setWeights(outer.getWeights());
      return [
        outer.layers.map((l) => l.name), outer.weights.map((w) => w.name), outer.predict(tf.tensor2d([[1, 2]])), (outer.getLayer('ns_inner') as unknown as { layers: { name: string }[] }).layers.map((l) => l.name),
        back.layers.map((l) => l.getClassName()), back.predict(tf.tensor2d([[1, 2]])), outer.outputs[0].shape, inner.outputs[0].shape,
      ];
    },
  },

  {
    name: 'getWeights of every optimizer after two minimize steps: slot names, order and values, iterations first',
    run: async (tf) => {
      const make = [() => tf.train.sgd(0.1), () => tf.train.momentum(0.1, 0.9), () => tf.train.rmsprop(0.1, 0.9, 0.5, 1e-7, true), () => tf.train.adagrad(0.1), () => tf.train.adadelta(0.5), () => tf.train.adam(0.1)];
      const out: unknown[] = [];
      for (const [i, mk] of make.entries()) {
        const o = mk();
        const a = tf.variable(tf.tensor1d([1, -2]), true, `ow26a${i}`);
        const b = tf.variable(tf.scalar(3), true, `ow26b${i}`);
        for (let k = 0; k < 2; k++) o.minimize(() => a.square().sum().add(b.mul(a.sum())) as never);
        const ws = await o.getWeights();
        out.push([o.getClassName(), ws.map((w) => w.name.replace(/\d+$/, '')), ws.map((w) => w.tensor), a, b]);
      }
      return out;
    },
  },

  {
    name: 'dataset.shuffle with a seed: the same order as TF.js for a buffer smaller and larger than the data, reshuffled across two passes',
    run: async (tf) => {
      const ds = tf.data.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const a = ds.shuffle(3, 'abc');
      const b = ds.shuffle(20, '42', false);
      const c = ds.shuffle(4, 'x', true);
      return [await a.toArray(), await a.toArray(), await b.toArray(), await c.toArray(), await c.toArray(), await ds.shuffle(1, 's').toArray()];
    },
  },
  {
    name: 'dataset.shuffle with reshuffleEachIteration false, iterated twice',
    deviation: "TF.js 4.22 draws a new seed from the dataset's stream at every iteration whatever the flag (it only skips adding a second draw), so its two passes differ; tessera keeps the first pass's order, as the flag documents",
    run: async (tf) => {
      const b = tf.data.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).shuffle(20, '42', false);
      return [await b.toArray(), await b.toArray()];
    },
  },
  {
    name: 'tf.data.csv-free datasets of objects: batch of dicts with nested arrays, map to {xs, ys}, and fitDataset with validationData as a dataset',
    run: async (tf) => {
      const rows = Array.from({ length: 6 }, (_, i) => ({ a: i, b: [i, -i], label: i % 2 }));
      const ds = tf.data.array(rows).map((r) => ({ xs: tf.tensor1d([r.a, ...r.b]), ys: tf.tensor1d([r.label]) })).batch(4);
      const first = await ds.take(1).toArray() as { xs: Tensor; ys: Tensor }[];
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], kernelInitializer: 'zeros', activation: 'sigmoid' })] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const h = await m.fitDataset(ds as never, { epochs: 2, validationData: ds as never, verbose: 0 });
      const b = await tf.data.array(rows).batch(4).toArray();
      return [first[0].xs, first[0].ys, h.history, Object.keys(h.history).sort(), b.length, b[0], (await m.evaluateDataset(ds as never, {})) as Tensor[]];
    },
  },
];

export const s26Coverage: Program[] = [...roundTrips, ...browser, ...seeded, ...compiled, ...grads, ...recurrent, ...printing, ...empties, ...more, ...sweeps, ...chained, ...argForms, ...util, ...io, ...direct, ...layers, ...environment, ...modelSurface, ...callbacks];
