import type { Tensor, Tensor3D, Tensor4D, Tensor5D } from '../../../src/index';
import type { Program, TF } from '../harness';

// Cases from a differential fuzz of the tfjs-core ops against TF.js 4.22: batched fused products, channels-first
// convolutions, non-finite values next to the places an op writes or skips, dtypes of edge cases, and the edge
// arguments TF.js accepts.

/** Deterministic, non-trivial values of a shape. */
const wave = (tf: TF, shape: number[], k = 0.7) => tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i * k + 0.3) * 2), shape);

export const s17OpsFuzz: Program[] = [
  {
    name: 'fused.matMul with batched operands and a bias, any activation and transposes, and its gradients',
    run: (tf) => {
      const [a, b] = [wave(tf, [2, 3, 3]), wave(tf, [2, 3, 3], 0.4)];
      const bias = tf.tensor1d([1, -2, 3]);
      const f = (x: typeof a, y: typeof a) => tf.fused.matMul({ a: x, b: y, bias, activation: 'relu', transposeA: true });
      return [
        tf.fused.matMul({ a: tf.ones([2, 3, 3]), b: tf.ones([2, 3, 3]), bias }),
        f(a, b),
        tf.fused.matMul({ a: wave(tf, [2, 2, 3]), b: wave(tf, [2, 4, 3]), bias: tf.tensor1d([1, -2, 3, 4]), activation: 'linear', transposeB: true }),
        tf.fused.matMul({ a: wave(tf, [2, 3]), b: wave(tf, [2, 3, 2]), bias: tf.tensor1d([1, -2]) }),
        tf.grads((x, y) => f(x, y).square().sum())([a, b]),
      ];
    },
  },
  {
    name: 'dilated convolutions never read the pixels their windows skip: a NaN or Infinity there stays out (conv2d, depthwise, separable, conv1d, fused)',
    run: (tf) => {
      const row = tf.tensor4d([1, NaN, 3, Infinity, 5], [1, 1, 5, 1]);
      const x = wave(tf, [2, 7, 6, 3]);
      return [
        tf.conv2d(row, tf.ones([1, 2, 1, 1]), 1, 'valid', 'NHWC', 2),
        tf.depthwiseConv2d(row, tf.tensor4d([1, -2], [1, 2, 1, 1]), 1, 'valid', 'NHWC', [1, 4]),
        tf.separableConv2d(row, tf.ones([1, 2, 1, 2]), tf.ones([1, 1, 2, 1]), 1, 'valid', [1, 2]),
        tf.conv1d(tf.tensor3d([1, NaN, 3, -Infinity, 5], [1, 5, 1]), tf.ones([2, 1, 1]), 1, 'valid', 'NWC', 2),
        tf.fused.conv2d({ x: row, filter: tf.ones([1, 2, 1, 1]), strides: 1, pad: 'valid', dilations: [1, 2], bias: tf.tensor1d([1]), activation: 'relu' }),
        tf.conv2d(x, wave(tf, [3, 2, 3, 2], 0.3), 1, 'same', 'NHWC', [2, 3]),
        tf.conv2d(x, wave(tf, [2, 3, 3, 2], 0.3), 1, [[0, 0], [1, 2], [0, 3], [0, 0]], 'NHWC', 2),
        tf.depthwiseConv2d(x, wave(tf, [3, 2, 3, 2], 0.9), 1, 2, 'NHWC', [2, 2], 'ceil'),
        tf.separableConv2d(x, wave(tf, [2, 2, 3, 2], 0.2), wave(tf, [1, 1, 6, 2]), 1, 'same', [3, 2]),
      ];
    },
  },
  {
    name: 'pool with a numeric pad takes dimRoundingMode for max as for avg',
    run: (tf) => {
      const x = tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 3, 1, 2]);
      return [tf.pool(x, 2, 'max', 1, 1, 2, 'ceil'), tf.pool(x, 2, 'avg', 1, 1, 2, 'ceil'), tf.pool(wave(tf, [1, 5, 4, 2]), [2, 3], 'max', 1, 1, 2, 'round')];
    },
  },
  {
    name: "conv2d and fused.conv2d with dataFormat 'NCHW': named, numeric and explicit pads, strides, dilations, one image, the epilogue along the channels, and the gradients",
    run: (tf) => {
      const x = wave(tf, [2, 3, 5, 4]) as Tensor4D;
      const w = wave(tf, [2, 3, 3, 2], 0.4) as Tensor4D;
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      return [
        tf.conv2d(tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]), tf.ones([1, 1, 2, 1]), 1, 'valid', 'NCHW'),
        tf.conv2d(x, w, 1, 'same', 'NCHW'), tf.conv2d(x, w, [2, 1], 'valid', 'NCHW'), tf.conv2d(x, w, 1, 'same', 'NCHW', 2),
        tf.conv2d(x, w, 2, 1, 'NCHW', 1, 'ceil'), tf.conv2d(x, w, 1, [[0, 0], [0, 0], [1, 0], [0, 2]], 'NCHW'),
        tf.conv2d(x.slice([0], [1]).squeeze([0]) as Tensor3D, w, 1, 'valid', 'NCHW'),
        tf.fused.conv2d({ x: tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]), filter: tf.ones([1, 1, 2, 1]), strides: 1, pad: 'valid', dataFormat: 'NCHW', bias: tf.tensor1d([1]) }),
        tf.fused.conv2d({ x, filter: w, strides: 1, pad: 'same', dataFormat: 'NCHW', bias: tf.tensor1d([1, -2]), activation: 'relu' }),
        tf.fused.conv2d({ x, filter: wave(tf, [1, 1, 3, 3]), strides: 1, pad: 'valid', dataFormat: 'NCHW', bias: tf.tensor1d([1, 2, 3]), activation: 'prelu', preluActivationWeights: tf.tensor1d([0.1, 2, 3]) }),
        tf.fused.conv2d({ x, filter: w, strides: 1, pad: 'same', dataFormat: 'NCHW', bias: tf.scalar(2), activation: 'elu' }),
        tf.grads((a, b) => tf.conv2d(a as typeof x, b as typeof w, 1, 'same', 'NCHW').square().sum())([x, w]),
        attempt(() => tf.fused.conv2d({ x, filter: w, strides: 1, pad: 'same', dataFormat: 'NCHW', bias: tf.ones([2, 1, 1]) })),
        attempt(() => tf.fused.conv2d({ x, filter: w, strides: 1, pad: 'same', dataFormat: 'NCHW', bias: tf.ones([3]) })),
        attempt(() => tf.conv2d(x, wave(tf, [3, 3, 2, 2]), 1, 'same', 'NCHW')),
      ];
    },
  },
  {
    name: "depthwiseConv2d and fused.depthwiseConv2d with dataFormat 'NCHW' where TF.js's cpu kernel gets it right (a 1x1 filter over as many channels as columns)",
    run: (tf) => {
      const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]);
      return [
        tf.depthwiseConv2d(x, tf.ones([1, 1, 2, 1]), 1, 'valid', 'NCHW'),
        tf.fused.depthwiseConv2d({ x: x.sub(4), filter: tf.ones([1, 1, 2, 1]), strides: 1, pad: 'valid', dataFormat: 'NCHW', bias: tf.scalar(0.5), activation: 'relu' }),
      ];
    },
  },
  {
    name: "depthwiseConv2d with dataFormat 'NCHW' over more channels than columns",
    deviation: "TF.js 4.22's cpu kernel reads NCHW x as NHWC (its result has x's NHWC shape, with NaN where it reads past the filter); tessera computes the channels-first convolution, as TF's",
    run: (tf) => tf.depthwiseConv2d(tf.range(0, 18).reshape([1, 2, 3, 3]) as Tensor4D, tf.tensor4d([1, 2], [1, 1, 2, 1]), 1, 'valid', 'NCHW'),
  },
  {
    name: 'squeeze with an empty axis list removes every axis of size 1, as with none',
    run: (tf) => [tf.squeeze(tf.zeros([1, 2, 1]), []), tf.zeros([1, 2, 1, 3]).squeeze([]), tf.squeeze(tf.scalar(4), []), tf.squeeze(tf.ones([2, 1]), [1])],
  },
  {
    name: 'addN of one tensor keeps its dtype (int32, bool), and its gradient passes through',
    run: (tf) => [
      tf.addN([tf.tensor1d([1, 2], 'int32')]), tf.addN([tf.tensor1d([true, false], 'bool')]), tf.addN([[1.5, 2]]),
      tf.grad((x) => tf.addN([x]).square().sum())(tf.tensor1d([1, -2])),
    ],
  },
  {
    name: 'concat takes its dtype from the first tensor with values, as TF.js drops empty ones',
    run: (tf) => [
      tf.concat([tf.tensor1d([], 'bool'), tf.tensor1d([1.5, 2.5])]), tf.concat([tf.zeros([2, 0]), tf.tensor2d([[1], [0]], [2, 1], 'bool')], 1),
      tf.concat([tf.tensor1d([], 'int32'), tf.tensor1d([true])]), tf.concat([tf.tensor1d([], 'float32'), tf.tensor1d([], 'int32')]),
      tf.concat([tf.tensor1d([2], 'int32'), tf.tensor1d([1.5])]),
    ],
  },
  {
    name: 'prelu of int32 or bool values gives float32, as a function and a method',
    run: (tf) => [
      tf.prelu(tf.tensor1d([-2, 3], 'int32'), tf.scalar(2, 'int32')), tf.prelu(tf.tensor1d([-2, 3], 'int32'), tf.scalar(0.5)),
      tf.prelu(tf.tensor1d([true, false], 'bool'), tf.scalar(2)), tf.tensor1d([-2, 3], 'int32').prelu(tf.tensor1d([2, 3], 'int32')),
    ],
  },
  {
    name: 'tensorScatterUpdate and sparseToDense write over an Infinity or NaN base or default, which stays where nothing is written',
    run: (tf) => [
      tf.tensorScatterUpdate(tf.tensor1d([Infinity, NaN, 3]), tf.tensor2d([[0], [1]], [2, 1], 'int32'), tf.tensor1d([5, 6])),
      tf.tensorScatterUpdate(tf.tensor2d([[Infinity, 1], [-Infinity, NaN], [2, 3]]), tf.tensor2d([[2], [1], [2]], [3, 1], 'int32'), tf.tensor2d([[5, 6], [NaN, Infinity], [7, 8]])),
      tf.tensorScatterUpdate(tf.tensor1d([true, false, true], 'bool'), tf.tensor2d([[0], [1]], [2, 1], 'int32'), tf.tensor1d([false, true], 'bool')),
      tf.sparseToDense(tf.tensor1d([1], 'int32'), tf.tensor1d([5]), [3], tf.scalar(Infinity)),
      tf.sparseToDense(tf.tensor2d([[0, 1], [1, 0]], [2, 2], 'int32'), tf.scalar(NaN), [2, 2], tf.scalar(-Infinity)),
      tf.sparseToDense(tf.tensor1d([1, 2], 'int32'), tf.tensor1d([5, 6], 'int32'), [4], tf.scalar(-1, 'int32')),
    ],
  },
  {
    name: 'diag keeps an Infinity or NaN of x on the diagonal, zeros elsewhere',
    run: (tf) => [tf.diag(tf.tensor1d([1, Infinity, NaN])), tf.diag(tf.tensor2d([[1, -Infinity], [3, 4]])), tf.diag(tf.tensor1d([1, 2], 'int32')), tf.diag(tf.tensor1d([true, true], 'bool'))],
  },
  {
    name: 'cropAndResize gives extrapolationValue outside the image even where image[0] is Infinity or NaN',
    run: (tf) => [
      tf.image.cropAndResize(tf.tensor4d([Infinity, 2, 3, 4], [1, 2, 2, 1]), tf.tensor2d([[2, 2, 3, 3]]), tf.tensor1d([0], 'int32'), [1, 1], 'bilinear', 9),
      tf.image.cropAndResize(tf.tensor4d([NaN, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]), tf.tensor2d([[-1, -1, 1, 1]]), tf.tensor1d([0], 'int32'), [3, 3], 'nearest', -2),
      tf.image.cropAndResize(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1], 'int32'), tf.tensor2d([[-1, -1, 1, 1]]), tf.tensor1d([0], 'int32'), [2, 2], 'bilinear', 9),
    ],
  },
  {
    name: 'reductions over an empty axis give what TF.js gives: NaN for a float max and min, false for all, index 0 for argMax and argMin',
    run: (tf) => [
      tf.max(tf.zeros([0])), tf.min(tf.zeros([2, 0]), 1), tf.min(tf.zeros([0, 3]), 0, true), tf.zeros([0]).max(), tf.max(tf.zeros([0], 'int32')),
      tf.all(tf.zeros([0], 'bool')), tf.all(tf.zeros([2, 0], 'bool'), 1), tf.any(tf.zeros([0], 'bool')), tf.prod(tf.zeros([0])),
      tf.argMax(tf.zeros([0])), tf.argMin(tf.zeros([2, 0]), 1), tf.argMax(tf.zeros([0, 2]), 0),
      tf.norm(tf.zeros([0]), Infinity), tf.norm(tf.zeros([0, 2]), -Infinity, [0, 1]),
      tf.grad((x) => tf.max(x))(tf.zeros([0])),
    ],
  },
  {
    name: 'mean and moments of values near the float32 maximum do not overflow (divided before summing, as TF.js)',
    run: (tf) => {
      const m = tf.moments(tf.tensor1d([3e38, 3e38]));
      return [tf.mean(tf.tensor1d([3e38, 3e38])), tf.mean(tf.tensor2d([[3e38, 3e38], [1, 2]]), 1), m.mean, m.variance, tf.mean(tf.tensor1d([-3e38, -2e38], 'float32'))];
    },
  },
  {
    name: 'maxPool3d and avgPool3d take a numeric pad and dimRoundingMode (a window wholly in the padding: -Infinity and 0)',
    run: (tf) => {
      const v = wave(tf, [2, 4, 5, 3, 2]) as Tensor5D;
      const w = wave(tf, [1, 5, 4, 6, 1]) as Tensor5D;
      return [
        tf.maxPool3d(tf.ones([1, 2, 2, 2, 1]) as Tensor5D, 2, 1, 0), tf.avgPool3d(tf.ones([1, 2, 2, 2, 1]) as Tensor5D, 2, 2, 1, 'round'),
        tf.maxPool3d(v, [2, 3, 2], [2, 1, 2], 1), tf.avgPool3d(v, [2, 3, 2], [2, 1, 2], 1),
        tf.maxPool3d(w, [3, 2, 2], [2, 3, 2], 2, 'ceil'), tf.avgPool3d(w, [3, 2, 2], [2, 3, 2], 2, 'ceil'),
        tf.avgPool3d(w.reshape([5, 4, 6, 1]) as Tensor4D, [3, 2, 2], [2, 3, 2], 1, 'floor'),
        tf.maxPool3d(tf.tensor5d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2, 1], 'int32'), 2, 1, 1),
      ];
    },
  },
  {
    name: "values (not tensors) given to an op that computes in one dtype are read in it: float-only ops, softmax, logicalNot, all, any, whereAsync; erf refuses a bool tensor",
    run: async (tf) => {
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      return [
        tf.sin([true, false]), tf.log(new Int32Array([1, 2])), tf.floor(true), tf.sigmoid([[true], [false]]), tf.softmax([true, false]),
        tf.logicalNot(1), tf.logicalNot(new Float32Array([1, 0, 2])), tf.all([1, 0]), tf.any([[0, 2]], 1), await tf.whereAsync([]), await tf.whereAsync([0, 3]),
        tf.erf(tf.tensor1d([1], 'int32')), tf.abs([true, false]),
        attempt(() => tf.sin(tf.tensor1d([true], 'bool'))), attempt(() => tf.logicalNot(tf.tensor1d([1, 0]))), attempt(() => tf.all(tf.tensor1d([1, 0]))),
        attempt(() => tf.erf(tf.tensor1d([true], 'bool'))), attempt(() => tf.erf([true])),
      ];
    },
  },
  {
    name: 'topk with sorted false gives TF.js\'s order: the input order when k is the row length, its select\'s order below it',
    run: (tf) => {
      const rows = tf.tensor2d([[4, -5, 5, 1, 1, -4], [-3, 5, -5, 3, -1, -2], [2, 2, 2, 1, 2, 0]]);
      const long = tf.tensor1d(Array.from({ length: 700 }, (_, i) => Math.round(Math.sin(i * 3.7) * 50)));
      const pick = (x: Tensor, k: number) => { const r = tf.topk(x, k, false); return [r.values, r.indices]; };
      return [pick(tf.tensor1d([3, 1, 2]), 3), pick(rows, 6), pick(rows, 4), pick(rows, 1), pick(rows, 0), pick(long, 650), rows.topk(3, false).indices];
    },
  },
  {
    name: 'a 1x1 maxPool or avgPool whose numeric pad gives x\'s own size returns x, as TF.js\'s kernels do, even with unequal strides',
    run: (tf) => {
      const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
      return [
        tf.maxPool(x, 1, [1, 2], 0), tf.avgPool(x, 1, [1, 2], 0), tf.maxPool(x, 1, [2, 1], 0), tf.maxPool(x, 1, 2, 1, 'ceil'),
        tf.maxPool(x, 1, [1, 2], 'valid'), tf.maxPool(x, 1, [1, 2], [[0, 0], [0, 0], [0, 1], [0, 0]]),
        tf.maxPool(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1], 'int32'), 1, [1, 2], 0), tf.maxPool(x.squeeze([0]) as Tensor3D, 1, [1, 2], 0),
      ];
    },
  },
  {
    name: 'edge arguments TF.js takes: empty windows, diag and norms of a scalar, a vector norm over no axes, step with a NaN or infinite alpha, negative pads, 0 to enclosingPowerOfTwo, one tensor to concat',
    run: (tf) => [
      tf.signal.hannWindow(0), tf.signal.hammingWindow(0), tf.cosineWindow(0, 0.5, 0.5), tf.diag(tf.scalar(2)), tf.diag(tf.scalar(2, 'int32')),
      tf.norm(tf.tensor1d([3, -4]), 2, []), tf.norm(tf.tensor1d([3, -4]), 1, []), tf.norm(tf.tensor1d([3, -4]), Infinity, [], true),
      tf.euclideanNorm(tf.scalar(-3), 0), tf.norm(tf.scalar(-3), 'fro', [0, 1]), tf.norm(tf.scalar(-3), 2, null, true),
      tf.step(tf.tensor1d([-1, 1, 0, NaN]), NaN), tf.step(tf.tensor1d([-1, 1, 0]), Infinity), tf.step(tf.tensor1d([-1, 1], 'int32'), NaN), tf.step(tf.tensor1d([-1, 1], 'int32'), -2.7),
      tf.pad(tf.tensor1d([1, 2, 3]), [[-1, 1]]), tf.pad(tf.tensor1d([1, 2, 3]), [[-2, -1]], 5), tf.pad(tf.tensor2d([[1, 2], [3, 4]]), [[-1, 1], [1, 0]]),
      tf.enclosingPowerOfTwo(0), tf.concat([[]], -2), tf.concat([tf.scalar(1)]), tf.concat([tf.tensor1d([1, 2])], 5),
    ],
  },
  {
    name: 'pad with a negative pad on an inner axis',
    deviation: "TF.js 4.22's kernel writes the values a negative pad crops from an inner axis into the next row ([[1, 2, 3], [4, 5, 6]] by [[0, 0], [-1, 1]] gives 2, 3, 4, 5, 6, 0); tessera crops each row",
    run: (tf) => tf.pad(tf.tensor2d([[1, 2, 3], [4, 5, 6]]), [[0, 0], [-1, 1]]),
  },
  {
    name: 'tf.buffer keeps the array or typed array it is given, so the program\'s later writes into it reach the buffer and its tensor',
    run: (tf) => {
      const list = [1, 2];
      const b = tf.buffer([2], 'float32', list);
      list[0] = 7;
      b.set(5, 1);
      const wide = new Float64Array([1.5, 2]);
      const w = tf.buffer([2], 'float32', wide);
      wide[1] = 4;
      return [Array.isArray(b.values), list, b.get(0), b.toTensor(), w.values instanceof Float64Array, w.toTensor()];
    },
  },
  {
    name: 'maxPool, maxPool3d and pool(max) over a window holding NaN',
    deviation: "TF.js 4.22's cpu pools skip NaN (3 for [NaN, 1, 2, 3], -Infinity for NaN alone); tessera passes NaN on, as TensorFlow and PyTorch, so a NaN reaches the loss",
    run: (tf) => {
      const x = tf.tensor4d([NaN, 1, 2, 3], [1, 2, 2, 1]);
      return [tf.maxPool(x, 2, 1, 'valid'), tf.pool(x, 2, 'max', 'valid'), tf.maxPool3d(x.reshape([1, 1, 2, 2, 1]) as Tensor5D, [1, 2, 2], 1, 'valid')];
    },
  },
  {
    name: 'cumsum and cumprod of a scalar',
    deviation: 'TF.js 4.22 returns 0 (cumsum) or 1 (cumprod) whatever the scalar; tessera refuses a scalar, as TensorFlow does',
    run: (tf) => [tf.cumsum(tf.scalar(3)), tf.cumprod(tf.scalar(3))],
  },
];
