import type { Tensor, Tensor2D, Tensor3D, Tensor4D } from '../../../src/index';
import type { Program } from '../harness';

// Training from scratch with tfjs-core: every optimizer on one regression (loss per step and final variables),
// gradients of op chains (activations, reductions with axes, shape ops, products, convolutions, pooling), second
// derivatives, customGrad with two inputs, and the functional losses under every reduction.

const attempt = (fs: Array<() => unknown>) => fs.map((f) => { try { return f(); } catch { return 'threw'; } });

export const coreGrads: Program[] = [
  {
    name: 'every optimizer fits a two-feature linear regression (20 steps)',
    run: (tf) => {
      const xs = tf.tensor2d([[1, 2], [2, 1], [3, 4], [4, 3], [0, 1]]);
      const ys = tf.tensor2d([[5], [4], [11], [10], [2]]);
      const makers = [
        () => tf.train.sgd(0.01), () => tf.train.adam(0.1), () => tf.train.adam(0.05, 0.8, 0.99, 1e-6), () => tf.train.rmsprop(0.01),
        () => tf.train.rmsprop(0.01, 0.9, 0.9), () => tf.train.adagrad(0.5, 0.3), () => tf.train.adamax(0.05, 0.9, 0.99, 1e-6, 0.01),
        () => tf.train.adadelta(0.5, 0.9, 1e-6), () => tf.train.momentum(0.01, 0.5),
      ];
      return makers.map((make) => {
        const opt = make();
        const w = tf.variable(tf.zeros([2, 1]));
        const b = tf.variable(tf.scalar(0.5));
        const losses: number[] = [];
        for (let i = 0; i < 20; i++) {
          const cost = opt.minimize(() => xs.matMul(w).add(b).sub(ys).square().mean(), true, [w, b]);
          losses.push(cost!.dataSync()[0]);
          cost!.dispose();
        }
        const out = { losses, w: w.arraySync(), b: b.arraySync() };
        tf.dispose([w, b]);
        return out;
      });
    },
  },
  {
    name: 'tf.variable with a dtype casts its initial value',
    run: (tf) => {
      const vs = [tf.variable(tf.tensor1d([1.7, -2.2]), true, 'vd_i', 'int32'), tf.variable(tf.tensor1d([1, 0], 'int32'), false, 'vd_f', 'float32'), tf.variable(tf.zeros([2]), true, 'vd_b', 'bool')];
      const out = vs.map((v) => ({ dtype: v.dtype, values: v.arraySync(), trainable: v.trainable, name: v.name }));
      tf.dispose(vs);
      return out;
    },
  },
  {
    name: 'value and gradient of op chains',
    run: (tf) => {
      const x = tf.tensor2d([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]]);
      const labels = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
      const fs: Array<(t: Tensor) => Tensor> = [
        (t) => tf.softmax(t).log().sum(), (t) => tf.logSumExp(t, 0).sum(), (t) => t.sigmoid().mul(t.tanh()).sum(), (t) => t.relu6().add(t.elu()).sum(),
        (t) => t.abs().add(1).sqrt().sum(), (t) => t.abs().add(1).rsqrt().sum(), (t) => tf.pow(t, tf.scalar(2)).sum(), (t) => tf.pow(tf.scalar(-2), t.round()).sum(),
        (t) => tf.pow(t, tf.scalar(3)).sum(), (t) => t.clipByValue(-1, 1).sum(), (t) => tf.maximum(t, t.square()).sum(),
        (t) => tf.gather(t, [2, 0], 1).square().sum(), (t) => t.slice([0, 1], [-1, 2]).exp().sum(), (t) => tf.concat([t, t.neg()], 0).abs().sum(),
        (t) => tf.stack([t, t], 1).sum(), (t) => tf.pad(t, [[1, 1], [1, 1]], 3).square().mean(), (t) => tf.tile(t, [1, 2]).square().sum(),
        (t) => tf.reverse(t, 1).mul(tf.range(0, 3)).sum(), (t) => tf.cumsum(t, 1, true, true).square().sum(), (t) => t.mean(1, true).mul(t).sum(),
        (t) => t.sum(0).square().sum(), (t) => tf.norm(t, 2, 1).sum(), (t) => tf.moments(t, [0, 1]).variance, (t) => tf.matMul(t, t, false, true).sum(),
        (t) => tf.matMul(t, t, true, false).square().sum(), (t) => tf.matMul(t.reshape([1, 2, 3]), t.reshape([1, 3, 2])).sum(), (t) => t.selu().sum(),
        (t) => t.leakyRelu(0.3).sum(), (t) => t.prelu(tf.tensor1d([0.1, 0.2, 0.3])).sum(), (t) => t.logSoftmax().sum(), (t) => t.softplus().square().sum(),
        (t) => t.squeeze().expandDims(0).sum(), (t) => t.min(0).sum(), (t) => tf.mean(t.square(), [0, 1]), (t) => t.div(t.abs().add(1)).sum(),
        (t) => t.sub(t.mean()).square().mean().sqrt(), (t) => tf.losses.softmaxCrossEntropy(labels, t), (t) => tf.losses.sigmoidCrossEntropy(labels, t, undefined, 0.1),
      ];
      return fs.map((f) => tf.valueAndGrad(f)(x));
    },
  },
  {
    name: 'valueAndGrad\'s result lists grad then value, as a program printing it or its keys sees',
    run: (tf) => Object.keys(tf.valueAndGrad((t: Tensor) => t.square().sum())(tf.tensor1d([1, 2]))),
  },
  {
    name: 'gradients through a comparison used as a where condition',
    deviation: 'TF.js 4.22 throws "gradient function not found for Greater" when the condition of where is computed from the differentiated input; tessera treats comparisons as constants, as TensorFlow does, and gives the gradient',
    run: (tf) => tf.grad((t) => tf.where(t.greater(0), t, t.mul(0.1)).sum())(tf.tensor1d([0.5, -1.2, 2])),
  },
  {
    name: 'gradients of conv1d, conv2d, depthwiseConv2d and pooling',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 32 }, (_, i) => Math.cos(i)), [1, 4, 4, 2]);
      const f = tf.tensor4d(Array.from({ length: 8 }, (_, i) => Math.sin(i)), [2, 2, 2, 1]);
      const x1 = tf.tensor3d(Array.from({ length: 12 }, (_, i) => Math.cos(i)), [1, 6, 2]);
      const f1 = tf.tensor3d(Array.from({ length: 12 }, (_, i) => Math.sin(i)), [3, 2, 2]);
      return [
        ...tf.grads((a, b) => tf.conv2d(a as Tensor4D, b as Tensor4D, 1, 'same').sum())([x, f]),
        ...tf.grads((a, b) => tf.conv1d(a as Tensor3D, b as Tensor3D, 1, 'valid').square().sum())([x1, f1]),
        ...tf.grads((a, b) => tf.conv1d(a as Tensor3D, b as Tensor3D, 2, 'same').square().sum())([x1, f1]),
        tf.grad((a) => tf.avgPool(a as Tensor4D, 2, 2, 'valid').square().sum())(x),
        tf.grad((a) => tf.maxPool(a as Tensor4D, 3, 2, 'same').square().sum())(x),
        ...tf.grads((a, b) => tf.depthwiseConv2d(a as Tensor4D, b as Tensor4D, 2, 'same').square().sum())([x, f]),
      ];
    },
  },
  {
    name: 'second derivatives of smooth chains',
    run: (tf) => {
      const x = tf.tensor1d([0.4, -0.8, 1.3]);
      const d2 = (f: (t: Tensor) => Tensor) => tf.grad((t) => tf.grad(f)(t).sum())(x);
      return [
        d2((t) => t.square().square()), d2((t) => t.abs().add(1).sqrt()), d2((t) => t.sin().cos()), d2((t) => t.relu().square()), d2((t) => t.abs().add(1).log()),
        d2((t) => t.div(2).atan()), d2((t) => t.square().div(t.abs().add(1))), d2((t) => tf.norm(t)), d2((t) => t.reshape([1, 3]).matMul(t.reshape([3, 1])).sum()),
        d2((t) => t.mean().square()), d2((t) => t.square().mul(tf.scalar(3)).sum()), d2((t) => t.abs().add(1).rsqrt()), d2((t) => t.reciprocal()),
        d2((t) => t.expm1()), d2((t) => t.log1p()), d2((t) => t.erf()),
      ];
    },
  },
  {
    name: 'second derivatives through max, leakyRelu and clipByValue',
    deviation: 'TF.js 4.22 cannot differentiate the gradients of max, leakyRelu and clipByValue (it throws); tessera\'s backward rules are differentiable ops',
    run: (tf) => {
      const x = tf.tensor1d([0.4, -0.8, 1.3]);
      const d2 = (f: (t: Tensor) => Tensor) => { try { return tf.grad((t) => tf.grad(f)(t).sum())(x); } catch { return 'threw'; } };
      return [d2((t) => t.max().square()), d2((t) => t.leakyRelu(0.2).square()), d2((t) => t.clipByValue(-0.5, 0.5).square())];
    },
  },
  {
    name: 'customGrad of two inputs and variableGrads with a var list',
    run: (tf) => {
      const f = tf.customGrad((a, b, save) => {
        const [ta, tb] = [a as Tensor, b as Tensor];
        (save as (ts: Tensor[]) => void)([ta, tb]);
        return { value: ta.mul(tb), gradFunc: (dy, [sa, sb]) => [dy.mul(sb).mul(2), dy.mul(sa)] };
      });
      const a = tf.tensor1d([1, 2]);
      const b = tf.tensor1d([3, 4]);
      const v1 = tf.variable(tf.tensor1d([1, 2]), true, 'cg_v1');
      const v2 = tf.variable(tf.tensor1d([3, 4]), true, 'cg_v2');
      const vg = tf.variableGrads(() => v1.mul(v2).sum(), [v1]);
      const out = [f(a, b), tf.grads((x, y) => (f(x, y) as Tensor).sum())([a, b]), Object.keys(vg.grads), vg.value, vg.grads.cg_v1];
      tf.dispose([v1, v2]);
      return out;
    },
  },
  {
    name: 'functional losses under every reduction, with weights',
    run: (tf) => {
      const y = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
      const p = tf.tensor2d([[0.8, 0.3], [0.4, 0.6], [0.9, 0.2]]);
      const w = tf.tensor2d([[1], [0], [2]]);
      const w2 = tf.tensor2d([[1, 0.5], [0, 2], [1, 1]]);
      const R = tf.Reduction;
      return [R.NONE, R.SUM, R.MEAN, R.SUM_BY_NONZERO_WEIGHTS].map((red) => [
        tf.losses.meanSquaredError(y, p, w, red), tf.losses.absoluteDifference(y, p, w2, red), tf.losses.huberLoss(y, p, w, 0.5, red),
        tf.losses.logLoss(y, p, w2, 1e-7, red), tf.losses.hingeLoss(y, p, undefined, red), tf.losses.cosineDistance(y, p, 1, w, red),
        tf.losses.sigmoidCrossEntropy(y, p, w, 0.2, red), tf.losses.softmaxCrossEntropy(y, p, tf.tensor1d([1, 2, 0]), 0.1, red),
        tf.losses.meanSquaredError(y, p, tf.scalar(2), red), tf.losses.computeWeightedLoss(p, w2, red),
      ]);
    },
  },
  {
    name: 'losses of plain arrays, and the shapes they refuse',
    run: (tf) => attempt([
      () => tf.losses.meanSquaredError([1, 2, 3], [1, 3, 5]), () => tf.losses.absoluteDifference([[1, 0]], [[0.5, 0.5]]),
      () => tf.losses.sigmoidCrossEntropy([1, 0], [2, -1]), () => tf.losses.meanSquaredError(tf.ones([3, 2]), tf.ones([2, 2])),
      () => tf.losses.meanSquaredError(tf.ones([2]), tf.ones([2]), tf.ones([3])),
    ]),
  },
  {
    name: 'loss weights that only broadcast by growing the losses',
    run: (tf) => tf.losses.softmaxCrossEntropy(tf.tensor2d([[1, 0], [0, 1], [1, 0]]), tf.tensor2d([[1, 2], [0.5, 0.1], [3, -1]]), tf.tensor2d([[1], [2], [0]])),
  },
  {
    name: 'tf.fused matMul, conv2d and depthwiseConv2d with every activation, and their gradients',
    run: (tf) => {
      const a = tf.tensor2d([[1, -2], [3, 4]]);
      const b = tf.tensor2d([[0.5, -1], [2, 0.1]]);
      const bias = tf.tensor1d([0.1, -5]);
      const x = tf.tensor4d(Array.from({ length: 18 }, (_, i) => Math.sin(i)), [1, 3, 3, 2]);
      const k = tf.tensor4d(Array.from({ length: 16 }, (_, i) => Math.cos(i)), [2, 2, 2, 2]);
      const dk = k.slice([0, 0, 0, 0], [2, 2, 2, 1]) as Tensor4D;
      return [
        tf.fused.matMul({ a, b }), tf.fused.matMul({ a, b, bias, activation: 'relu' }), tf.fused.matMul({ a, b, transposeA: true, bias, activation: 'elu' }),
        tf.fused.matMul({ a, b, activation: 'leakyrelu', leakyreluAlpha: 0.3 }), tf.fused.matMul({ a, b, activation: 'prelu', preluActivationWeights: tf.tensor1d([0.1, 0.2]) }),
        tf.fused.matMul({ a, b, transposeB: true, activation: 'sigmoid' }), tf.fused.matMul({ a, b, activation: 'relu6', bias: tf.scalar(3) }), tf.fused.matMul({ a, b, activation: 'leakyrelu' }),
        tf.fused.conv2d({ x, filter: k, strides: 1, pad: 'same', bias: tf.tensor1d([1, -1]), activation: 'relu' }), tf.fused.conv2d({ x, filter: k, strides: 1, pad: 'valid' }),
        tf.fused.conv2d({ x, filter: k, strides: 2, pad: 'same', bias: tf.tensor1d([0.5, -0.5]), activation: 'elu' }), tf.fused.conv2d({ x, filter: k, strides: 1, pad: 'same', dilations: 2, activation: 'relu6' }),
        tf.fused.depthwiseConv2d({ x, filter: dk, strides: 1, pad: 'same', bias: tf.tensor1d([1, -1]), activation: 'relu' }), tf.fused.depthwiseConv2d({ x, filter: dk, strides: 2, pad: 'valid' }),
        ...tf.grads((p, q) => tf.fused.matMul({ a: p as Tensor2D, b: q as Tensor2D, bias, activation: 'relu' }).sum())([a, b]),
        ...tf.grads((p, q) => tf.fused.matMul({ a: p as Tensor2D, b: q as Tensor2D, bias, activation: 'elu' }).square().sum())([a, b]),
        tf.grad((p) => tf.fused.conv2d({ x: p as Tensor4D, filter: k, strides: 1, pad: 'same', bias: tf.tensor1d([1, -1]), activation: 'relu' }).sum())(x),
        tf.grad((p) => tf.fused.depthwiseConv2d({ x: p as Tensor4D, filter: dk, strides: 1, pad: 'same', bias: tf.tensor1d([1, -1]), activation: 'sigmoid' }).sum())(x),
        attempt([() => tf.fused.matMul({ a, b, activation: 'gelu' as 'relu' }), () => tf.fused.matMul({ a, b, bias: tf.tensor1d([1, 2, 3]) })]),
      ];
    },
  },
  {
    name: 'tf.metrics in a custom evaluation loop',
    run: (tf) => {
      const y = tf.tensor2d([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
      const p = tf.tensor2d([[0.7, 0.2, 0.1], [0.5, 0.4, 0.1], [0.1, 0.1, 0.8]]);
      const yb = tf.tensor1d([1, 0, 1, 1]);
      const pb = tf.tensor1d([0.6, 0.4, 0.3, 0.9]);
      const m = tf.metrics;
      return [
        m.binaryAccuracy(yb, pb), m.categoricalAccuracy(y, p), m.categoricalAccuracy(y, p).mean(), m.precision(yb, pb), m.recall(yb, pb), m.binaryCrossentropy(yb, pb),
        m.categoricalCrossentropy(y, p), m.sparseCategoricalAccuracy(tf.tensor1d([0, 0, 2]), p), m.meanSquaredError(y, p), m.meanAbsoluteError(y, p), m.MSE(y, p),
        m.meanAbsolutePercentageError(y.add(1), p), m.cosineProximity(y, p), m.r2Score(yb, pb),
      ];
    },
  },
];
