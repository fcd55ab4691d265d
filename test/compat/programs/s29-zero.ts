import type { Tensor, Tensor3D, Tensor4D, Tensor5D } from '../../../src/index';
import type { Program } from '../harness';

// The corners of tfjs-core ops that real programs reach by accident, past those s27-edges pins: tensors with a 0 in
// the shape through more ops and their gradients, int32 and bool inputs (the result's dtype, or TF.js's refusal),
// negative and out-of-range axes with keepDims, plain numbers and nested arrays where tensors are expected (and the
// dtype TF.js infers from them), and NaN and ±Infinity through reductions, selections and their gradients.

/** The value of f, or 'threw': several throw-or-not checks fit in one program. */
const attempt = (f: () => unknown): unknown => {
  try { return f(); } catch { return 'threw'; }
};
const described = (t: Tensor) => [t.dtype, t.shape, t.arraySync()];

const empty: Program[] = [
  {
    name: 'unary math of [0, 3] float32, int32 and bool tensors keeps the empty shape and gives TF.js\'s dtypes',
    run: (tf) => {
      const f = tf.zeros([0, 3]);
      const i = tf.zeros([0, 3], 'int32');
      const b = tf.zeros([0, 3], 'bool');
      return [described(tf.log(f)), described(tf.abs(i)), described(tf.exp(i)), described(tf.neg(i)), described(tf.sigmoid(f)), described(tf.logicalNot(b)), described(tf.cast(b, 'float32')), described(tf.floor(f))];
    },
  },
  {
    name: 'a [0] tensor broadcast against a [1] tensor, a scalar and a [3, 1] tensor',
    run: (tf) => {
      const e = tf.tensor1d([]);
      return [tf.add(e, tf.tensor1d([5])).shape, tf.mul(tf.scalar(2), e).shape, tf.sub(tf.ones([3, 1]), e).shape, attempt(() => tf.add(e, tf.tensor1d([1, 2])).shape)];
    },
  },
  {
    name: 'a [3, 0] tensor broadcast against [3, 1], [1, 0] and [0] tensors, and against [3, 2] throws',
    run: (tf) => {
      const e = tf.zeros([3, 0]);
      return [tf.add(e, tf.ones([3, 1])).shape, tf.maximum(e, tf.ones([1, 0])).shape, tf.div(e, tf.zeros([0])).shape, attempt(() => tf.add(e, tf.ones([3, 2])).shape)];
    },
  },
  {
    name: 'comparisons and logical ops of empty tensors give empty bool tensors',
    run: (tf) => {
      const e = tf.zeros([0, 2]);
      return [described(tf.equal(e, 1)), described(tf.lessEqual(e, tf.ones([1, 2]))), described(tf.logicalOr(tf.zeros([0], 'bool'), tf.ones([1], 'bool'))), described(tf.isNaN(e))];
    },
  },
  {
    name: 'prod, max and min of a [3, 0] int32 tensor along its empty axis, and sum with keepDims',
    run: (tf) => {
      const e = tf.zeros([3, 0], 'int32');
      return [described(tf.prod(e, 1)), described(tf.sum(e, 1, true)), described(tf.sum(e, 0)), described(tf.prod(e, 0, true)), attempt(() => described(tf.max(e, 0)))];
    },
  },
  {
    name: 'mean of a [2, 0] tensor along its empty axis and along the full one, and keepDims shapes',
    run: (tf) => {
      const e = tf.zeros([2, 0]);
      return [tf.mean(e, 1), tf.mean(e, 0), tf.mean(e, 1, true).shape, tf.mean(e, [0, 1], true).shape, tf.sum(e, -1, true)];
    },
  },
  {
    name: 'batched matMul with a batch of 0, and with rows of 0 in each batch',
    run: (tf) => [
      tf.matMul(tf.zeros([0, 2, 3]), tf.zeros([0, 3, 4])).shape,
      tf.matMul(tf.ones([2, 0, 3]), tf.ones([2, 3, 4])).shape,
      tf.matMul(tf.ones([2, 2, 0]), tf.ones([2, 0, 3])),
      tf.matMul(tf.ones([2, 0]), tf.ones([3, 0]), false, true),
    ],
  },
  {
    name: 'gradients of a sum of matMul with an inner dimension of 0 are empty, and those of an empty outer dimension are zeros',
    run: (tf) => {
      const g = tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.matMul(a, b)));
      const [ga, gb] = g([tf.ones([2, 0]), tf.ones([0, 3])]);
      const [ha, hb] = g([tf.ones([0, 2]), tf.ones([2, 3])]);
      return [ga, gb, ha, hb];
    },
  },
  {
    name: 'dot and outerProduct of empty vectors',
    run: (tf) => [tf.dot(tf.tensor1d([]), tf.tensor1d([])), tf.outerProduct(tf.tensor1d([]), tf.tensor1d([1, 2])).shape, tf.outerProduct(tf.tensor1d([1, 2, 3]), tf.tensor1d([])).shape],
  },
  {
    name: 'concat of nothing but empty tensors, along each axis',
    run: (tf) => [tf.concat([tf.zeros([0, 2]), tf.zeros([0, 2])], 0).shape, tf.concat([tf.zeros([0, 2]), tf.zeros([0, 3])], 1).shape, tf.concat([tf.zeros([2, 0]), tf.zeros([2, 0])], 1).shape, tf.concat([tf.zeros([0]), tf.zeros([0])])],
  },
  {
    name: 'the gradient of concat with an empty piece gives that piece an empty gradient',
    run: (tf) => {
      const g = tf.grads((a: Tensor, b: Tensor, c: Tensor) => tf.sum(tf.mul(tf.concat([a, b, c], 0), tf.tensor2d([[1, 2], [3, 4], [5, 6]]))));
      return g([tf.ones([1, 2]), tf.zeros([0, 2]), tf.ones([2, 2])]);
    },
  },
  {
    name: 'stack of empty tensors along the inner axes, and unstack of a [2, 0, 3] tensor along each axis',
    run: (tf) => {
      const e = tf.zeros([2, 0, 3]);
      return [tf.stack([tf.zeros([0, 2]), tf.zeros([0, 2])], 1).shape, tf.stack([tf.zeros([0, 2]), tf.zeros([0, 2])], 2).shape, tf.unstack(e, 0).map((t) => t.shape), tf.unstack(e, 1).length, tf.unstack(e, 2).map((t) => t.shape)];
    },
  },
  {
    name: 'gather from a [3, 0] tensor with indices, and gather of empty rows along axis 1',
    run: (tf) => {
      const e = tf.zeros([3, 0]);
      return [tf.gather(e, tf.tensor1d([2, 0], 'int32')).shape, tf.gather(tf.ones([0, 3]), tf.tensor1d([1, 1], 'int32'), 1).shape, tf.gather(tf.tensor1d([1, 2, 3]), tf.zeros([2, 0], 'int32')).shape];
    },
  },
  {
    name: 'pad of a [0, 2] and a [0] tensor fills the new places with the constant',
    run: (tf) => [tf.pad(tf.zeros([0, 2]), [[1, 0], [1, 1]], 3), tf.pad(tf.tensor1d([]), [[2, 1]], -1), tf.pad(tf.zeros([2, 0], 'int32'), [[0, 0], [1, 1]], 4)],
  },
  {
    name: 'mirrorPad of a tensor with a 0 in the shape, on the axes that are not empty',
    run: (tf) => [attempt(() => tf.mirrorPad(tf.zeros([0, 2]), [[0, 0], [1, 1]], 'reflect').shape), attempt(() => tf.mirrorPad(tf.zeros([0, 2]), [[0, 0], [2, 2]], 'symmetric').shape)],
  },
  {
    name: 'tile with a 0 repeat, and of a [2, 0] tensor by [2, 5]',
    run: (tf) => [tf.tile(tf.tensor1d([1, 2]), [0]), tf.tile(tf.zeros([2, 0]), [2, 5]).shape, tf.tile(tf.tensor2d([[1], [2]]), [1, 0]).shape],
  },
  {
    name: 'transpose of a [2, 0, 3] tensor with each perm keeps the 0 where the perm puts it',
    run: (tf) => {
      const e = tf.zeros([2, 0, 3]);
      return [tf.transpose(e, [2, 0, 1]).shape, tf.transpose(e, [1, 2, 0]).shape, tf.transpose(e).shape, tf.reshape(e, [0, 6]).shape, tf.reshape(e, [3, 2, 0]).shape];
    },
  },
  {
    name: 'reverse, cumsum and cumprod of a [2, 0] tensor along each axis',
    run: (tf) => {
      const e = tf.zeros([2, 0]);
      return [tf.reverse(e, 0).shape, tf.reverse(e, 1).shape, tf.cumsum(e, 0).shape, tf.cumprod(e, 1).shape];
    },
  },
  {
    name: 'split of a [0, 4] tensor into 2 along axis 1, and into [4, 0] along axis 1',
    run: (tf) => [tf.split(tf.zeros([0, 4]), 2, 1).map((t) => t.shape), tf.split(tf.ones([2, 4]), [4, 0], 1).map((t) => t.shape), tf.split(tf.zeros([0, 4]), 1, 0).map((t) => t.shape)],
  },
  {
    name: 'slice and stridedSlice of a tensor with a 0 in its shape',
    run: (tf) => {
      const e = tf.zeros([3, 0, 2]);
      return [tf.slice(e, [1, 0, 0], [2, -1, 1]).shape, tf.stridedSlice(e, [0, 0, 0], [3, 0, 2], [2, 1, 1]).shape, tf.stridedSlice(tf.tensor1d([1, 2, 3]), [2], [2], [1]).shape];
    },
  },
  {
    name: 'fill, zeros, ones and zerosLike with a 0 in the shape, for each dtype',
    run: (tf) => [described(tf.fill([0, 3], 5)), described(tf.fill([2, 0], 1, 'int32')), described(tf.ones([0], 'bool')), described(tf.zerosLike(tf.zeros([1, 0], 'int32'))), described(tf.onesLike(tf.zeros([0, 2])))],
  },
  {
    name: 'tensors made from empty nested arrays: [], [[]] and [[], []], with and without a dtype',
    run: (tf) => [described(tf.tensor([])), described(tf.tensor([[]])), described(tf.tensor([[], []])), described(tf.tensor([], [0, 5], 'int32')), described(tf.tensor([[]], undefined, 'bool'))],
  },
  {
    name: 'an empty tensor\'s dataSync, array and data, of each dtype',
    run: async (tf) => {
      const e = tf.zeros([2, 0, 3], 'int32');
      return [e.dataSync(), tf.zeros([0], 'bool').dataSync(), tf.zeros([0]).dataSync(), e.arraySync(), await tf.zeros([1, 0]).array(), await tf.zeros([0], 'int32').data()];
    },
  },
  {
    name: 'topk of empty rows with k = 0, of a [0, 3] tensor with k = 2, and argMax of a [0, 3] tensor along its full axis',
    run: (tf) => {
      const t = tf.topk(tf.zeros([0, 3]), 2);
      return [t.values.shape, t.indices.shape, t.indices.dtype, described(tf.argMax(tf.zeros([0, 3]), 1)), described(tf.argMin(tf.zeros([0, 3]), -1))];
    },
  },
  {
    name: 'unique of an empty vector and of an empty int32 vector',
    run: (tf) => {
      const a = tf.unique(tf.tensor1d([]));
      const b = tf.unique(tf.tensor1d([], 'int32'));
      return [described(a.values), described(a.indices), described(b.values), described(b.indices)];
    },
  },
  {
    name: 'whereAsync, booleanMaskAsync and setdiff1dAsync of empty input',
    run: async (tf) => {
      const w = await tf.whereAsync(tf.zeros([0, 3], 'bool'));
      const m = await tf.booleanMaskAsync(tf.zeros([0, 2]), tf.zeros([0], 'bool'));
      const [d, i] = await tf.setdiff1dAsync(tf.tensor1d([], 'int32'), tf.tensor1d([1], 'int32'));
      return [described(w), described(m), described(d), described(i)];
    },
  },
  {
    name: 'where with an empty condition and empty branches, and with a [0] condition selecting rows of a [0, 2] tensor',
    run: (tf) => [described(tf.where(tf.zeros([0], 'bool'), tf.zeros([0]), tf.ones([0]))), described(tf.where(tf.zeros([0, 2], 'bool'), tf.zeros([0, 2]), tf.ones([0, 2]))), attempt(() => tf.where(tf.zeros([0], 'bool'), tf.zeros([0, 2]), tf.ones([0, 2])).shape)],
  },
  {
    name: 'avgPool, maxPool, conv2dTranspose and depthwiseConv2d of an empty batch',
    run: (tf) => {
      const x = tf.zeros([0, 4, 4, 2]);
      return [
        tf.avgPool(x as Tensor4D, 2, 2, 'valid').shape,
        tf.maxPool(x as Tensor4D, 3, 1, 'same').shape,
        tf.depthwiseConv2d(x as Tensor4D, tf.ones([2, 2, 2, 1]) as Tensor4D, 1, 'valid').shape,
        tf.conv2dTranspose(x as Tensor4D, tf.ones([2, 2, 3, 2]) as Tensor4D, [0, 8, 8, 3], 2, 'same').shape,
      ];
    },
  },
  {
    name: 'conv2d with no output channels, conv1d of an empty batch, and separableConv2d of an empty batch',
    run: (tf) => [
      tf.conv2d(tf.ones([1, 3, 3, 2]) as Tensor4D, tf.zeros([1, 1, 2, 0]) as Tensor4D, 1, 'same').shape,
      tf.conv1d(tf.zeros([0, 5, 2]) as Tensor3D, tf.ones([3, 2, 4]) as Tensor3D, 1, 'valid').shape,
      tf.separableConv2d(tf.zeros([0, 3, 3, 2]) as Tensor4D, tf.ones([2, 2, 2, 1]) as Tensor4D, tf.ones([1, 1, 2, 3]) as Tensor4D, 1, 'same').shape,
    ],
  },
  {
    name: 'gradients of conv2d and maxPool over an empty batch have the input\'s and filter\'s shapes, the filter\'s all zero',
    run: (tf) => {
      const f = tf.ones([2, 2, 1, 2]);
      const [dx, df] = tf.grads((x: Tensor, w: Tensor) => tf.sum(tf.maxPool(tf.conv2d(x as Tensor4D, w as Tensor4D, 1, 'same'), 2, 2, 'valid')))([tf.zeros([0, 4, 4, 1]), f]);
      return [dx.shape, df];
    },
  },
  {
    name: 'gradients of mean, max, softmax and cumsum of an empty tensor are empty',
    run: (tf) => {
      const e = tf.zeros([0, 3]);
      return [tf.grad((x: Tensor) => tf.sum(tf.mean(x, 0)))(e), tf.grad((x: Tensor) => tf.sum(tf.softmax(x)))(e).shape, tf.grad((x: Tensor) => tf.sum(tf.cumsum(x, 1)))(e).shape, tf.grad((x: Tensor) => tf.sum(tf.max(x, 1)))(e).shape];
    },
  },
  {
    name: 'gradients of gather, pad, tile and transpose of empty tensors',
    run: (tf) => {
      const e = tf.zeros([0, 2]);
      return [
        tf.grad((x: Tensor) => tf.sum(tf.gather(x, tf.tensor1d([], 'int32'))))(tf.ones([3, 2])),
        tf.grad((x: Tensor) => tf.sum(tf.pad(x, [[1, 1], [0, 0]], 2)))(e).shape,
        tf.grad((x: Tensor) => tf.sum(tf.tile(x, [2, 2])))(e).shape,
        tf.grad((x: Tensor) => tf.sum(tf.transpose(x)))(e).shape,
      ];
    },
  },
  {
    name: 'gradient of a slice that takes nothing is all zeros',
    run: (tf) => [tf.grad((x: Tensor) => tf.sum(tf.slice(x, [1, 0], [0, 2])))(tf.ones([2, 2])), tf.grad((x: Tensor) => tf.sum(tf.mul(tf.slice(x, [1], [0]), 2)))(tf.ones([3]))],
  },
  {
    name: 'stridedSlice whose end lies before its begin with a positive stride takes nothing',
    run: (tf) => [tf.stridedSlice(tf.tensor1d([1, 2, 3]), [2], [1], [1]), tf.stridedSlice(tf.tensor2d([[1, 2], [3, 4]]), [1, 0], [0, 2], [1, 1]).shape],
    deviation: 'TF.js 4.22 throws "Size(1) must match the product of shape 0" when a stridedSlice\'s end lies before its begin with a positive stride (it keeps one element for a slice of none); tessera gives the empty slice ([0] from [1, 2, 3] with begin [2], end [1]), as TensorFlow does',
  },
  {
    name: 'batchNorm, moments and clipByValue of empty tensors',
    run: (tf) => {
      const e = tf.zeros([0, 2]);
      const m = tf.moments(e, 0);
      return [tf.batchNorm(e, tf.zeros([2]), tf.ones([2])).shape, m.mean, m.variance, tf.clipByValue(e, 0, 1).shape, tf.clipByValue(tf.zeros([0], 'int32'), 0, 1).dtype];
    },
  },
  {
    name: 'gatherND with no index rows, and scatterND with no updates',
    run: (tf) => [
      described(tf.gatherND(tf.tensor2d([[1, 2], [3, 4]]), tf.zeros([0, 2], 'int32'))),
      described(tf.gatherND(tf.tensor2d([[1, 2], [3, 4]]), tf.zeros([0, 1], 'int32'))),
      described(tf.scatterND(tf.zeros([0, 1], 'int32'), tf.zeros([0]), [3])),
    ],
  },
  {
    name: 'unsortedSegmentSum of empty data, oneHot of a [2, 0] index tensor, and addN of empty tensors',
    run: (tf) => [described(tf.unsortedSegmentSum(tf.zeros([0, 2]), tf.tensor1d([], 'int32'), 3)), tf.oneHot(tf.zeros([2, 0], 'int32'), 4).shape, described(tf.addN([tf.zeros([0, 2]), tf.zeros([0, 2])]))],
  },
  {
    name: 'expandDims, squeeze and flatten-by-reshape of a [0] and a [0, 1] tensor',
    run: (tf) => [tf.expandDims(tf.zeros([0]), 0).shape, tf.expandDims(tf.zeros([0]), 1).shape, tf.squeeze(tf.zeros([0, 1]), [1]).shape, attempt(() => tf.squeeze(tf.zeros([0, 1]), [0]).shape), tf.reshape(tf.zeros([0, 1]), [-1]).shape],
  },
  {
    name: 'norm of an empty vector for each ord, and euclideanNorm of an empty matrix',
    run: (tf) => {
      const e = tf.tensor1d([]);
      return [tf.norm(e, 1), tf.norm(e, 2), attempt(() => tf.norm(e, Infinity).arraySync()), tf.euclideanNorm(tf.zeros([0, 3])), tf.euclideanNorm(tf.zeros([0, 3]), 0)];
    },
  },
  {
    name: 'resizeBilinear and resizeNearestNeighbor of an empty batch, and image flips of it',
    run: (tf) => {
      const x = tf.zeros([0, 2, 2, 3]);
      return [tf.image.resizeBilinear(x as Tensor4D, [4, 4]).shape, tf.image.resizeNearestNeighbor(x as Tensor4D, [1, 3]).shape, tf.image.flipLeftRight(x as Tensor4D).shape];
    },
  },
  {
    name: 'losses over an empty batch of predictions',
    run: (tf) => {
      const e = tf.zeros([0, 3]);
      return [tf.losses.meanSquaredError(e, e), tf.losses.absoluteDifference(e, e, undefined, tf.Reduction.SUM), tf.losses.softmaxCrossEntropy(e, e), tf.metrics.categoricalAccuracy(e, e).shape];
    },
  },
];

const dtypes: Program[] = [
  {
    name: 'floorDiv and mod of int32 by int32 stay int32, and by a float32 tensor give float32',
    run: (tf) => {
      const a = tf.tensor1d([7, -7, 8], 'int32');
      const b = tf.tensor1d([2, 3, -3], 'int32');
      return [described(tf.floorDiv(a, b)), described(tf.mod(a, b)), described(tf.floorDiv(a, tf.tensor1d([2, 3, -3]))), described(tf.mod(a, tf.tensor1d([2.5, 3, -3])))];
    },
  },
  {
    name: 'atan2, squaredDifference and divNoNan of int32 tensors: the dtypes TF.js gives',
    run: (tf) => {
      const a = tf.tensor1d([1, -2, 3], 'int32');
      const b = tf.tensor1d([1, 0, -4], 'int32');
      return [attempt(() => described(tf.atan2(a, b))), described(tf.squaredDifference(a, b)), attempt(() => described(tf.divNoNan(a, b)))];
    },
  },
  {
    name: 'exp, log1p, reciprocal and sigmoid of bool tensors give float32',
    run: (tf) => {
      const b = tf.tensor1d([true, false]);
      return [attempt(() => described(tf.exp(b))), attempt(() => described(tf.log1p(b))), attempt(() => described(tf.reciprocal(b))), attempt(() => described(tf.sigmoid(b)))];
    },
  },
  {
    name: 'softmax and logSoftmax of int32 logits: TF.js refuses them',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]], undefined, 'int32');
      return [attempt(() => described(tf.softmax(x))), attempt(() => described(tf.logSoftmax(x))), attempt(() => described(tf.softmax(tf.tensor1d([true, false]))))];
    },
  },
  {
    name: 'conv2d, maxPool and avgPool of int32 images: the dtypes TF.js gives or its refusal',
    run: (tf) => {
      const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1], 'int32');
      return [
        attempt(() => described(tf.conv2d(x as Tensor4D, tf.ones([1, 1, 1, 1], 'int32') as Tensor4D, 1, 'valid'))),
        attempt(() => described(tf.maxPool(x as Tensor4D, 2, 1, 'valid'))),
        attempt(() => described(tf.avgPool(x as Tensor4D, 2, 1, 'valid'))),
        attempt(() => described(tf.conv2d(x as Tensor4D, tf.ones([1, 1, 1, 1]) as Tensor4D, 1, 'valid'))),
      ];
    },
  },
  {
    name: 'elu, selu, leakyRelu and relu6 of int32 and bool tensors',
    run: (tf) => {
      const i = tf.tensor1d([-2, 0, 7], 'int32');
      const b = tf.tensor1d([true, false]);
      return [attempt(() => described(tf.elu(i))), attempt(() => described(tf.selu(i))), attempt(() => described(tf.leakyRelu(b))), attempt(() => described(tf.relu6(b))), attempt(() => described(tf.relu(b)))];
    },
  },
  {
    name: 'round, floor, ceil and sign of bool tensors, and isNaN and isFinite of bool',
    run: (tf) => {
      const b = tf.tensor1d([true, false]);
      return [attempt(() => described(tf.round(b))), attempt(() => described(tf.floor(b))), attempt(() => described(tf.ceil(b))), attempt(() => described(tf.isNaN(b))), attempt(() => described(tf.isFinite(b)))];
    },
  },
  {
    name: 'maximum, minimum and pow of two bool tensors',
    run: (tf) => {
      const a = tf.tensor1d([true, false, true]);
      const b = tf.tensor1d([false, false, true]);
      return [attempt(() => described(tf.maximum(a, b))), attempt(() => described(tf.minimum(a, b))), attempt(() => described(tf.pow(a, b))), attempt(() => described(tf.squaredDifference(a, b)))];
    },
  },
  {
    name: 'where with an int32 branch and a bool branch, and stack and concat of bool with int32',
    run: (tf) => {
      const c = tf.tensor1d([true, false]);
      const i = tf.tensor1d([1, 2], 'int32');
      const b = tf.tensor1d([false, true]);
      return [attempt(() => described(tf.where(c, i, b))), attempt(() => described(tf.stack([b, i]))), attempt(() => described(tf.where(c, b, b))), described(tf.concat([i, b]))];
    },
  },
  {
    name: 'concat of a bool tensor with an int32 one takes bool, the first tensor\'s dtype',
    run: (tf) => described(tf.concat([tf.tensor1d([false, true]), tf.tensor1d([1, 2], 'int32')])),
    deviation: 'TF.js 4.22 gives a bool tensor that still holds the int32 value 2 (it copies the values without casting them to the first tensor\'s dtype: [0, 1, 1, 2]); tessera casts them, so the bool tensor holds [0, 1, 1, 1]',
  },
  {
    name: 'cast between int32, bool and float32 of NaN, ±Infinity, -0.5 and large values',
    run: (tf) => {
      const x = tf.tensor1d([NaN, Infinity, -Infinity, -0.5, 0.5, 3e9, -0]);
      return [described(tf.cast(x, 'int32')), described(tf.cast(x, 'bool')), described(tf.cast(tf.tensor1d([-3, 0, 2], 'int32'), 'bool')), described(tf.cast(tf.tensor1d([true, false]), 'int32'))];
    },
  },
  {
    name: 'cast to string and to an unknown dtype throws',
    run: (tf) => [attempt(() => described(tf.cast(tf.tensor1d([1, 2]), 'string'))), attempt(() => described(tf.cast(tf.tensor1d([1, 2]), 'float16' as never))), attempt(() => described(tf.cast(tf.tensor1d([1, 2]), 'float32')))],
  },
  {
    name: 'gather, pad, mirrorPad, transpose and expandDims of bool tensors keep bool',
    run: (tf) => {
      const b = tf.tensor2d([[true, false], [false, true]]);
      return [described(tf.gather(b, tf.tensor1d([1, 1], 'int32'))), attempt(() => described(tf.pad(b, [[1, 0], [0, 0]]))), attempt(() => described(tf.mirrorPad(b, [[1, 0], [0, 1]], 'reflect'))), described(tf.transpose(b)), described(tf.expandDims(b, 1))];
    },
  },
  {
    name: 'pad of an int32 tensor with a fractional constant, and of a bool tensor with a constant of 1',
    run: (tf) => [described(tf.pad(tf.tensor1d([1, 2], 'int32'), [[1, 1]], 2.7)), attempt(() => described(tf.pad(tf.tensor1d([true, false]), [[1, 1]], 1)))],
  },
  {
    name: 'topk of a bool tensor, and of int32 with ties',
    run: (tf) => {
      const r = attempt(() => { const t = tf.topk(tf.tensor1d([false, true, true]), 2); return [described(t.values), described(t.indices)]; });
      const t = tf.topk(tf.tensor1d([2, 5, 5, 1], 'int32'), 3);
      return [r, described(t.values), described(t.indices)];
    },
  },
  {
    name: 'scatterND of int32 values and tensorScatterUpdate of bool values keep their dtypes',
    run: (tf) => [
      described(tf.scatterND(tf.tensor2d([[0], [2]], undefined, 'int32'), tf.tensor1d([5, 7], 'int32'), [4])),
      attempt(() => described(tf.tensorScatterUpdate(tf.tensor1d([true, false, true]), tf.tensor2d([[1]], undefined, 'int32'), tf.tensor1d([true])))),
    ],
  },
  {
    name: 'unsortedSegmentSum of int32 and of bool values sums them as int32',
    run: (tf) => [
      described(tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3], 'int32'), tf.tensor1d([1, 0, 1], 'int32'), 2)),
      described(tf.unsortedSegmentSum(tf.tensor1d([true, true, false]), tf.tensor1d([0, 0, 1], 'int32'), 2)),
    ],
    deviation: 'TF.js 4.22\'s cpu kernel gives float32 sums for int32 and bool values (it multiplies them by a float32 mask); its webgl kernel and TensorFlow keep the sum\'s int32 dtype, as tessera does ([2, 4] and [2, 0] as int32)',
  },
  {
    name: 'gatherND and sparseToDense with int32 values, and sparseToDense with a bool default',
    run: (tf) => [
      described(tf.gatherND(tf.tensor2d([[1, 2], [3, 4]], undefined, 'int32'), tf.tensor2d([[1, 0]], undefined, 'int32'))),
      described(tf.sparseToDense(tf.tensor1d([0, 2], 'int32'), tf.tensor1d([4, 5], 'int32'), [4], tf.scalar(9, 'int32'))),
      attempt(() => described(tf.sparseToDense(tf.tensor1d([1], 'int32'), tf.tensor1d([true]), [3], tf.scalar(false)))),
    ],
  },
  {
    name: 'range with int32 dtype and a fractional start or step, and linspace\'s dtype',
    run: (tf) => [described(tf.range(0.5, 4, 1, 'int32')), described(tf.range(0, 3, 0.5, 'int32')), described(tf.range(3, 0, -1, 'int32')), described(tf.linspace(0, 1, 3))],
  },
  {
    name: 'losses given int32 labels and float32 predictions, and metrics given int32 labels',
    run: (tf) => {
      const labels = tf.tensor2d([[0, 1], [1, 0]], undefined, 'int32');
      const preds = tf.tensor2d([[0.2, 0.8], [0.6, 0.4]]);
      return [attempt(() => described(tf.losses.meanSquaredError(labels, preds))), attempt(() => described(tf.losses.logLoss(labels, preds))), attempt(() => described(tf.metrics.binaryAccuracy(labels, preds))), attempt(() => described(tf.losses.sigmoidCrossEntropy(labels, preds)))];
    },
  },
  {
    name: 'the gradient with respect to an int32 tensor, and of an op that casts it',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3], 'int32');
      return [attempt(() => described(tf.grad((v: Tensor) => tf.sum(tf.mul(v, v)))(x))), attempt(() => described(tf.grad((v: Tensor) => tf.sum(tf.square(tf.cast(v, 'float32'))))(x)))];
    },
  },
  {
    name: 'batchNorm with int32 statistics, offset or scale for float32 x, and float32 statistics for int32 x (truncated to int32), and moments of a bool tensor',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [
        described(tf.batchNorm(x, tf.tensor1d([1, 2], 'int32'), tf.tensor1d([1, 1], 'int32'))),
        described(tf.batchNorm(x, [0, 0], [1, 1], tf.tensor1d([1, 2], 'int32'), tf.tensor1d([2, 2], 'int32'))),
        described(tf.batchNorm(tf.tensor1d([1, 4], 'int32'), tf.tensor1d([0.5, 2]), tf.tensor1d([1, 1]))),
        attempt(() => { const m = tf.moments(tf.tensor1d([true, false, true, true])); return [described(m.mean), described(m.variance)]; }),
      ];
    },
  },
  {
    name: 'cumprod and cumsum of bool tensors, and logSumExp and euclideanNorm of bool',
    run: (tf) => {
      const b = tf.tensor1d([true, true, false]);
      return [attempt(() => described(tf.cumprod(b))), attempt(() => described(tf.cumsum(b, 0, false, true))), attempt(() => described(tf.logSumExp(b))), attempt(() => described(tf.euclideanNorm(b)))];
    },
  },
  {
    name: 'matMul of float32 by bool and of int32 by bool throws; dot of bool vectors',
    run: (tf) => [attempt(() => described(tf.matMul(tf.ones([1, 2]), tf.ones([2, 1], 'bool')))), attempt(() => described(tf.matMul(tf.ones([1, 2], 'int32'), tf.ones([2, 1], 'bool')))), attempt(() => described(tf.dot(tf.tensor1d([true, true]), tf.tensor1d([true, false]))))],
  },
  {
    name: 'oneHot of an int32 tensor with onValue and offValue that are fractional, for dtype int32 and float32',
    run: (tf) => [described(tf.oneHot(tf.tensor1d([1, 0], 'int32'), 3, 2.5, -0.5)), described(tf.oneHot(tf.tensor1d([1, 0], 'int32'), 3, 2.5, -0.5, 'int32')), attempt(() => described(tf.oneHot(tf.tensor1d([1], 'int32'), 2, 1, 0, 'bool')))],
  },
  {
    name: 'addN of int32 with float32 throws, and of bool tensors',
    run: (tf) => [attempt(() => described(tf.addN([tf.tensor1d([1], 'int32'), tf.tensor1d([1])]))), attempt(() => described(tf.addN([tf.tensor1d([true, false]), tf.tensor1d([true, true])])))],
  },
  {
    name: 'reductions of int32 along an axis keep int32, with keepDims and a negative axis',
    run: (tf) => {
      const x = tf.tensor2d([[3, -1, 4], [1, 5, -9]], undefined, 'int32');
      return [described(tf.sum(x, -1, true)), described(tf.prod(x, 0, true)), described(tf.min(x, -2, true)), described(tf.max(x, [0, 1], true)), described(tf.mean(x, -1, true))];
    },
  },
];

const axes: Program[] = [
  {
    name: 'logSumExp, all, any and euclideanNorm along -1 with keepDims',
    run: (tf) => {
      const x = tf.tensor2d([[0, 1, 2], [3, 4, 5]]);
      const b = tf.tensor2d([[true, false], [true, true]]);
      return [tf.logSumExp(x, -1, true), tf.all(b, -1, true), tf.any(b, [-1, 0], true), tf.euclideanNorm(x, [-1], true), tf.logSumExp(x, [-2, -1])];
    },
  },
  {
    name: 'norm over [-2, -1] for the Frobenius and 1 orders with keepDims, over [1, 2] for Infinity, and over -1',
    run: (tf) => {
      const x = tf.tensor3d([[[1, -2], [3, 4]], [[0, 5], [-6, 1]]]);
      return [tf.norm(x, 'fro', [-2, -1]), tf.norm(x, 1, [-2, -1], true), tf.norm(x, Infinity, [1, 2]), tf.norm(x, 2, -1, true)];
    },
  },
  {
    name: 'the Infinity-order matrix norm over [-2, -1] is the largest row sum of each matrix',
    run: (tf) => tf.norm(tf.tensor3d([[[1, -2], [3, 4]], [[0, 5], [-6, 1]]]), Infinity, [-2, -1]),
    deviation: 'TF.js 4.22 sums the rows along -1 and then takes the max along -2 of the result, which after the sum is the batch axis, so its norms ([5, 7]) mix the two matrices; tessera gives each matrix\'s largest absolute row sum ([7, 7]), as it and TF.js give over [1, 2]',
  },
  {
    name: 'reductions along an axis past the rank or below -rank throw: mean, prod, logSumExp, all, argMax and euclideanNorm',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [
        attempt(() => tf.mean(x, 2).arraySync()), attempt(() => tf.prod(x, -3).arraySync()), attempt(() => tf.logSumExp(x, 5).arraySync()),
        attempt(() => tf.all(tf.cast(x, 'bool'), -3).arraySync()), attempt(() => tf.argMax(x, -3).arraySync()), attempt(() => tf.euclideanNorm(x, [0, 2]).arraySync()),
      ];
    },
  },
  {
    name: 'sum, mean, max and prod over an empty list of axes leave the tensor as it is',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [tf.sum(x, []), tf.mean(x, []), tf.max(x, [], true), tf.prod(x, []), tf.min(x, [])];
    },
  },
  {
    name: 'reductions with no axis or a null one and keepDims keep a 1 for every axis',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 2]], [[3, 4]]]);
      return [tf.sum(x, undefined, true), tf.mean(x, undefined, true), tf.max(x, undefined, true), tf.all(tf.cast(x, 'bool'), null, true), tf.logSumExp(x, null, true).shape];
    },
  },
  {
    name: 'argMax and argMin of a rank-3 tensor along -1, -2 and -3',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 9], [4, 2]], [[7, 3], [0, 8]]]);
      return [tf.argMax(x, -1), tf.argMax(x, -2), tf.argMin(x, -3), tf.argMin(x, 2)];
    },
  },
  {
    name: 'concat along -2 and -3 of rank-2 tensors, and stack along -3 and 3',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2]]);
      const b = tf.tensor2d([[3, 4]]);
      return [tf.concat([a, b], -2), attempt(() => tf.concat([a, b], -3).arraySync()), tf.stack([a, b], -3).shape, tf.stack([a, b], -1).shape, attempt(() => tf.stack([a, b], 3).shape), attempt(() => tf.stack([a, b], -4).shape)];
    },
  },
  {
    name: 'gather along an axis past the rank, and along -rank',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [attempt(() => tf.gather(x, tf.tensor1d([0], 'int32'), 2).arraySync()), tf.gather(x, tf.tensor1d([1, 0], 'int32'), -2), attempt(() => tf.gather(x, tf.tensor1d([0], 'int32'), -3).arraySync())];
    },
  },
  {
    name: 'split, unstack and reverse along -rank, and past -rank',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [tf.split(x, 2, -2), tf.unstack(x, -2), tf.reverse(x, -2), attempt(() => tf.split(x, 2, -3).length), attempt(() => tf.unstack(x, -3).length), attempt(() => tf.reverse(x, -3).arraySync())];
    },
  },
  {
    name: 'expandDims from -(rank + 1) to rank, and one past each end',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2]]);
      return [tf.expandDims(x, -3).shape, tf.expandDims(x, -2).shape, tf.expandDims(x, 2).shape, attempt(() => tf.expandDims(x, -4).shape), attempt(() => tf.expandDims(x, 3).shape)];
    },
  },
  {
    name: 'squeeze along -rank and along an axis past the rank',
    run: (tf) => {
      const x = tf.zeros([1, 2, 1]);
      return [tf.squeeze(x, [-3]).shape, tf.squeeze(x, [-1, 0]).shape, attempt(() => tf.squeeze(x, [3]).shape), attempt(() => tf.squeeze(x, [-4]).shape)];
    },
  },
  {
    name: 'transpose with a negative entry in perm throws',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3]]);
      return [attempt(() => tf.transpose(x, [-1, 0]).shape), attempt(() => tf.transpose(x, [0, 2]).shape), tf.transpose(x, [1, 0]).shape];
    },
  },
  {
    name: 'transpose with a perm that names an axis twice',
    run: (tf) => tf.transpose(tf.tensor2d([[1, 2, 3]]), [0, 0]).shape,
    deviation: 'TF.js 4.22 takes the perm [0, 0] of a [1, 3] matrix and gives a [1, 1] tensor, dropping an axis; tessera refuses a perm that is not a permutation, as TensorFlow does',
  },
  {
    name: 'logSoftmax along -1 and along its own last index, and along 0 of a matrix',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 5]]);
      return [tf.logSoftmax(x, -1), tf.logSoftmax(x, 1), attempt(() => tf.logSoftmax(x, 0).arraySync())];
    },
  },
  {
    name: 'cumsum and cumprod along an axis past the rank',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [attempt(() => tf.cumsum(x, 2).arraySync()), attempt(() => tf.cumprod(x, 3).arraySync())];
    },
    deviation: 'TF.js 4.22 does not check the axis: along axis 2 or 3 of a matrix it accumulates along the last axis ([[1, 3], [3, 7]]); tessera refuses an axis past the rank, as TensorFlow does',
  },
  {
    name: 'exclusive cumprod along the last axis starts each row at 1',
    run: (tf) => [tf.cumprod(tf.tensor2d([[1, 2], [3, 4]]), 1, true), tf.cumprod(tf.tensor2d([[1, 2], [3, 4]]), 0, true, true)],
  },
  {
    name: 'unique along axis 1 and -1 of a matrix, and along an axis past the rank',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 1], [3, 4, 3]]);
      const a = tf.unique(x, 1);
      return [a.values, a.indices, attempt(() => tf.unique(x, 2).values.arraySync()), attempt(() => { const u = tf.unique(x, -1); return [u.values.arraySync(), u.indices.arraySync()]; })];
    },
  },
  {
    name: 'moments and min with keepDims over the last two axes of a rank-3 tensor, as a negative pair',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 9]]]);
      const m = tf.moments(x, [-2, -1], true);
      return [m.mean, m.variance, tf.min(x, [-1, -2], true), tf.mean(x, [2, -3])];
    },
  },
  {
    name: 'topk of a rank-3 tensor works along the last axis, and ops with an axis argument given -0',
    run: (tf) => {
      const t = tf.topk(tf.tensor3d([[[1, 3, 2]], [[6, 4, 5]]]), 2);
      return [t.values, t.indices, tf.sum(tf.tensor2d([[1, 2], [3, 4]]), -0), tf.concat([tf.tensor1d([1]), tf.tensor1d([2])], -0)];
    },
  },
  {
    name: 'oneHot of a matrix of indices, and gather with batchDims -1 equal to the axis',
    run: (tf) => [tf.oneHot(tf.tensor2d([[0, 2], [1, 1]], undefined, 'int32'), 3), attempt(() => tf.gather(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1], [0]], undefined, 'int32'), 1, -1).arraySync())],
  },
];

const tensorLike: Program[] = [
  {
    name: 'binary ops on a plain number and an array give float32 tensors of the broadcast shape',
    run: (tf) => [described(tf.add(1, [2, 3])), described(tf.sub([[1], [2]], [1, 2, 3])), described(tf.mul(2, 3)), described(tf.div([6, 8], 2)), described(tf.pow(2, [1, 2, 3]))],
  },
  {
    name: 'an array of booleans given to a binary op is a bool tensor, upcast against numbers',
    run: (tf) => [described(tf.mul([true, false], [2, 3])), described(tf.add([true, true], [true, false])), described(tf.logicalAnd([true, false], true)), described(tf.equal([true, false], [1, 0]))],
  },
  {
    name: 'an int32 tensor with an array of whole numbers, and with a float32 tensor',
    run: (tf) => {
      const i = tf.tensor1d([1, 2], 'int32');
      return [described(tf.add(i, [3, 4])), described(tf.mul(i, [0.5, 2])), described(tf.maximum(i, [1.5, 1])), described(tf.sub([10, 20], i))];
    },
  },
  {
    name: 'typed arrays as operands: Int32Array and Uint8Array give int32, Float32Array gives float32',
    run: (tf) => [described(tf.add(new Int32Array([1, 2]), new Int32Array([3, 4]))), described(tf.mul(new Uint8Array([2, 3]), 2)), described(tf.add(new Float32Array([0.5]), new Int32Array([1]))), described(tf.tensor(new Uint8Array([1, 255])))],
  },
  {
    name: 'tensors of nested arrays mixing booleans and numbers take the first value\'s kind',
    run: (tf) => [attempt(() => described(tf.tensor([true, 0, 2]))), attempt(() => described(tf.tensor([1, true]))), attempt(() => described(tf.tensor([[false], [true]])))],
  },
  {
    name: 'reductions of plain arrays: sum of booleans is int32, of numbers float32, max of an Int32Array int32',
    run: (tf) => [described(tf.sum([true, false, true])), described(tf.sum([1, 2, 3])), described(tf.mean([[1, 2], [3, 4]], 0)), described(tf.max(new Int32Array([3, 9, 2]))), described(tf.argMax([[1, 5], [7, 2]], 1)), described(tf.prod([2, 3]))],
  },
  {
    name: 'matMul, dot and outerProduct of nested arrays',
    run: (tf) => [tf.matMul([[1, 2]], [[3], [4]]), tf.dot([1, 2], [3, 4]), tf.outerProduct([1, 2], [3]), attempt(() => tf.matMul([1, 2], [3, 4]).arraySync()), attempt(() => tf.matMul(2, 3).arraySync())],
  },
  {
    name: 'concat and stack of arrays given as TensorLike values',
    run: (tf) => [tf.concat([[1, 2], [3]]), tf.stack([[1, 2], [3, 4]]), tf.stack([1, 2, 3]), tf.concat([[[1]], [[2]]], 1)],
  },
  {
    name: 'where, clipByValue, relu and abs of plain arrays and numbers',
    run: (tf) => [described(tf.where([true, false], [1, 2], [3, 4])), described(tf.clipByValue([1, 5, 9], 2, 6)), described(tf.relu([-1, 2])), described(tf.abs(-3)), described(tf.sqrt(4)), described(tf.exp(0))],
  },
  {
    name: 'gather and oneHot with index arrays and a scalar index',
    run: (tf) => [tf.gather([10, 20, 30], [2, 0]), tf.oneHot([0, 2], 3), tf.gather([[1, 2], [3, 4]], 1), tf.oneHot(1, 2)],
  },
  {
    name: 'gather and oneHot with fractional indices given as arrays',
    run: (tf) => [attempt(() => tf.gather([10, 20, 30], [1.7]).arraySync()), attempt(() => tf.oneHot([1.9], 3).arraySync())],
    deviation: 'TF.js 4.22 stores fractional index values given as an array into an Int32Array, truncating them (1.7 gathers element 1, 1.9 is class 1); tessera refuses an index that is not an integer, as it does everywhere (issue 10)',
  },
  {
    name: 'comparisons between arrays and numbers give bool tensors',
    run: (tf) => [described(tf.equal([1, 2, 3], 2)), described(tf.greater(3, [1, 5])), described(tf.lessEqual([[1, 2]], [[2], [1]])), described(tf.notEqual(NaN, [NaN, 1]))],
  },
  {
    name: 'cast, reshape, transpose, pad and tile of plain arrays',
    run: (tf) => [described(tf.cast([1.7, -1.7], 'int32')), described(tf.cast([0, 2], 'bool')), tf.reshape([1, 2, 3, 4], [2, 2]), tf.transpose([[1, 2, 3]]), tf.pad([1, 2], [[1, 1]]), tf.tile([1, 2], [2])],
  },
  {
    name: 'slice, reverse, cumsum, expandDims and squeeze of plain values',
    run: (tf) => [tf.slice([1, 2, 3, 4], 1, 2), tf.reverse([1, 2, 3]), tf.cumsum([1, 2, 3]), tf.expandDims(5), tf.squeeze([[1], [2]]), tf.slice([[1, 2], [3, 4]], [1])],
  },
  {
    name: 'the rank-checked forms take nested arrays: concat2d, slice2d, reverse1d, pad1d and pad2d',
    run: (tf) => [tf.concat2d([[[1, 2]], [[3, 4]]], 0), tf.concat1d([[1], [2, 3]]), tf.slice2d([[1, 2], [3, 4]], [1, 0], [1, 2]), tf.reverse1d([1, 2, 3]), tf.pad1d([1, 2], [1, 0], 9), tf.pad2d([[1]], [[0, 1], [1, 0]]), tf.reverse2d([[1, 2], [3, 4]], -1), attempt(() => tf.slice1d([[1, 2]], 0, 1).arraySync())],
  },
  {
    name: 'unique, topk, split and unstack of plain arrays',
    run: (tf) => {
      const u = tf.unique([3, 1, 3]);
      const t = tf.topk([1, 3, 2], 2);
      return [u.values, u.indices, t.values, t.indices, tf.split([1, 2, 3, 4], 2), tf.unstack([[1, 2], [3, 4]])];
    },
  },
  {
    name: 'softmax, moments, norm, logSumExp and cumprod of plain arrays',
    run: (tf) => {
      const m = tf.moments([1, 2, 3, 4]);
      return [tf.softmax([1, 2, 3]), m.mean, m.variance, tf.norm([3, 4]), tf.logSumExp([0, 0]), tf.cumprod([1, 2, 3])];
    },
  },
  {
    name: 'maximum, squaredDifference, floorDiv, mod and atan2 of arrays and numbers',
    run: (tf) => [tf.maximum([1, 5], 3), tf.squaredDifference([1, 2], 3), tf.floorDiv([7, -7], 2), tf.mod([7, -7], 3), tf.atan2(1, [1, -1])],
  },
  {
    name: 'addN of arrays, and sign, isNaN and round of arrays with NaN',
    run: (tf) => [tf.addN([[1, 2], [3, 4]]), described(tf.sign([-2, 0, 3, NaN])), described(tf.isNaN([NaN, 1])), tf.round([0.5, 1.5, NaN])],
  },
  {
    name: 'scalar constructors: a boolean, a fractional number for int32, and tensor() of a number with and without a shape',
    run: (tf) => [described(tf.scalar(true)), described(tf.scalar(1.5, 'int32')), described(tf.tensor(5)), described(tf.tensor([5])), attempt(() => described(tf.tensor(5, [1]))), attempt(() => described(tf.tensor(5, [2, 2])))],
  },
  {
    name: 'tensor1d given a number, tensor2d given a flat array without a shape, and tensor3d of nested arrays',
    run: (tf) => [attempt(() => described(tf.tensor1d(5 as never))), attempt(() => described(tf.tensor2d([1, 2, 3, 4]))), described(tf.tensor3d([[[1], [2]]])), attempt(() => described(tf.tensor2d([1, 2, 3, 4], [2, 2])))],
  },
  {
    name: 'grad of a function given a plain number or array instead of a tensor throws',
    run: (tf) => [attempt(() => tf.grad((x: Tensor) => tf.square(x))(3 as never).arraySync()), attempt(() => tf.grad((x: Tensor) => tf.sum(x))([1, 2] as never).arraySync()), tf.grad((x: Tensor) => tf.square(x))(tf.scalar(3))],
  },
  {
    name: 'methods on tensors given plain numbers and arrays as the other operand',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3]);
      return [x.add(1), x.mul([2, 2, 2]), x.sub(tf.scalar(1)), x.greater(2), x.maximum([0, 5, 0]), x.pow(2), x.div(4)];
    },
  },
  {
    name: 'batchNorm, conv2d and matMul taking nested arrays for every operand',
    run: (tf) => [tf.batchNorm([[1, 2], [3, 4]], [2, 3], [1, 1]), tf.conv2d([[[[1], [2]], [[3], [4]]]], [[[[1]]]], 1, 'valid'), tf.matMul([[1, 2], [3, 4]], [[1], [1]], true)],
  },
];

const nonFinite: Program[] = [
  {
    name: 'argMax and argMin along an axis with rows of NaN, of -Infinity and of mixed values',
    run: (tf) => {
      const x = tf.tensor2d([[NaN, 1, 2], [-Infinity, -Infinity, -Infinity], [3, NaN, Infinity], [1, 2, NaN]]);
      return [tf.argMax(x, 1), tf.argMin(x, 1), tf.argMax(x, 0), tf.argMin(tf.tensor1d([Infinity, NaN, Infinity]))];
    },
  },
  {
    name: 'topk of values holding NaN',
    deviation: 'TF.js 4.22 sorts with b - a, which is NaN for a NaN value, so its sort takes every comparison with NaN as a tie and a row holding NaN comes back in an order of the sort\'s making ([1, NaN, 3, 2] as given); tessera ranks NaN below every number ([3, 2, 1, NaN])',
    run: (tf) => {
      const t = tf.topk(tf.tensor1d([1, NaN, 3, 2]), 4);
      const u = tf.topk(tf.tensor1d([NaN, -Infinity, 0]), 2);
      return [t.values, t.indices, u.values, u.indices];
    },
  },
  {
    name: 'max and min along an axis where a row is all -Infinity or +Infinity',
    run: (tf) => {
      const x = tf.tensor2d([[-Infinity, -Infinity], [Infinity, Infinity], [-Infinity, Infinity]]);
      return [tf.max(x, 1), tf.min(x, 1), tf.max(x), tf.min(x, 0, true)];
    },
  },
  {
    name: 'prod with NaN, with zero and Infinity, and along an axis',
    run: (tf) => [tf.prod(tf.tensor1d([2, NaN])), tf.prod(tf.tensor1d([0, Infinity])), tf.prod(tf.tensor2d([[-Infinity, 2], [3, 0]]), 1), tf.prod(tf.tensor1d([Infinity, -Infinity]))],
  },
  {
    name: 'sum and mean along an axis with NaN in one row, and cumsum through -Infinity then +Infinity',
    run: (tf) => {
      const x = tf.tensor2d([[1, NaN], [2, 3]]);
      return [tf.sum(x, 1), tf.mean(x, 0), tf.cumsum(tf.tensor1d([1, -Infinity, Infinity, 2])), tf.cumprod(tf.tensor1d([2, 0, Infinity, 3]))];
    },
  },
  {
    name: 'gradients of relu, abs, leakyRelu and elu at NaN and ±Infinity',
    run: (tf) => {
      const x = tf.tensor1d([NaN, Infinity, -Infinity, 0]);
      return [tf.grad((v: Tensor) => tf.sum(tf.relu(v)))(x), tf.grad((v: Tensor) => tf.sum(tf.abs(v)))(x), tf.grad((v: Tensor) => tf.sum(tf.leakyRelu(v, 0.1)))(x), tf.grad((v: Tensor) => tf.sum(tf.elu(v)))(x)];
    },
  },
  {
    name: 'gradients of sqrt, exp, log and sigmoid at ±Infinity',
    run: (tf) => {
      const x = tf.tensor1d([Infinity, -Infinity]);
      return [tf.grad((v: Tensor) => tf.sum(tf.sqrt(v)))(tf.tensor1d([Infinity])), tf.grad((v: Tensor) => tf.sum(tf.exp(v)))(x), tf.grad((v: Tensor) => tf.sum(tf.log(v)))(tf.tensor1d([Infinity])), tf.grad((v: Tensor) => tf.sum(tf.sigmoid(v)))(x), tf.grad((v: Tensor) => tf.sum(tf.tanh(v)))(x)];
    },
  },
  {
    name: 'gradient of clipByValue at NaN and ±Infinity, and of maximum and minimum with NaN',
    run: (tf) => {
      const x = tf.tensor1d([NaN, Infinity, -Infinity, 0.5]);
      const [ga, gb] = tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.maximum(a, b)))([tf.tensor1d([NaN, 1, 2]), tf.tensor1d([0, NaN, 2])]);
      const [ha, hb] = tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.minimum(a, b)))([tf.tensor1d([NaN, Infinity]), tf.tensor1d([1, Infinity])]);
      return [tf.grad((v: Tensor) => tf.sum(tf.clipByValue(v, 0, 1)))(x), ga, gb, ha, hb];
    },
  },
  {
    name: 'gradient of max and min with Infinity ties, and of logSumExp with a -Infinity entry',
    run: (tf) => [
      tf.grad((v: Tensor) => tf.max(v))(tf.tensor1d([Infinity, 1, Infinity])),
      tf.grad((v: Tensor) => tf.min(v))(tf.tensor1d([-Infinity, -Infinity, 0])),
      tf.grad((v: Tensor) => tf.logSumExp(v))(tf.tensor1d([0, -Infinity, 0])),
    ],
  },
  {
    name: 'gradient of softmax and logSoftmax with a -Infinity logit',
    run: (tf) => [tf.grad((v: Tensor) => tf.sum(tf.mul(tf.softmax(v), tf.tensor1d([1, 2, 3]))))(tf.tensor1d([0, -Infinity, 1])), tf.grad((v: Tensor) => tf.sum(tf.mul(tf.logSoftmax(v), tf.tensor1d([1, 0, 0]))))(tf.tensor1d([0, -Infinity, 1]))],
  },
  {
    name: 'gradient of prod with a zero, with an Infinity, and of rows holding one or two zeros',
    run: (tf) => [tf.grad((v: Tensor) => tf.prod(v))(tf.tensor1d([2, 0, 3])), tf.grad((v: Tensor) => tf.prod(v))(tf.tensor1d([2, Infinity])), tf.grad((v: Tensor) => tf.sum(tf.prod(v, 1)))(tf.tensor2d([[0, 0], [4, 0]]))],
  },
  {
    name: 'floorDiv and mod with ±Infinity and NaN operands',
    run: (tf) => [tf.floorDiv(tf.tensor1d([Infinity, -5, 5, NaN]), tf.tensor1d([2, Infinity, -Infinity, 1])), tf.mod(tf.tensor1d([Infinity, 5, -5, 5]), tf.tensor1d([2, Infinity, Infinity, NaN]))],
  },
  {
    name: 'pow with NaN and ±Infinity bases and exponents, including 1 to NaN and NaN to 0',
    run: (tf) => [tf.pow(tf.tensor1d([NaN, 1, Infinity, -Infinity, 0.5, 2]), tf.tensor1d([0, NaN, 0, 3, Infinity, -Infinity]))],
  },
  {
    name: 'squaredDifference and sub of equal infinities, minimum of NaN and Infinity',
    run: (tf) => [tf.squaredDifference(tf.tensor1d([Infinity, -Infinity]), tf.tensor1d([Infinity, 1])), tf.sub(Infinity, tf.tensor1d([Infinity])), tf.minimum(tf.tensor1d([NaN, Infinity]), tf.tensor1d([Infinity, NaN]))],
  },
  {
    name: 'sigmoid, tanh, softplus, logSigmoid, elu and selu at ±Infinity and NaN',
    run: (tf) => {
      const x = tf.tensor1d([Infinity, -Infinity, NaN]);
      return [tf.sigmoid(x), tf.tanh(x), tf.softplus(x), tf.logSigmoid(x), tf.elu(x), tf.selu(x)];
    },
  },
  {
    name: 'rsqrt, reciprocal, expm1, log1p and sqrt at ±Infinity and at -1',
    run: (tf) => {
      const x = tf.tensor1d([Infinity, -Infinity, -1, 0]);
      return [tf.rsqrt(x), tf.reciprocal(x), tf.expm1(x), tf.log1p(x), tf.sqrt(x)];
    },
  },
  {
    name: 'atanh, acosh, asin and acos at and past their domain edges',
    run: (tf) => {
      const x = tf.tensor1d([1, -1, 2, Infinity]);
      return [tf.atanh(x), tf.acosh(x), tf.asin(x), tf.acos(x), tf.asinh(x)];
    },
  },
  {
    name: 'where selecting past a NaN or Infinity in the branch it does not take, and its gradient',
    run: (tf) => {
      const c = tf.tensor1d([true, false]);
      const g = tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.where(c, a, b)))([tf.tensor1d([1, NaN]), tf.tensor1d([Infinity, 2])]);
      return [tf.where(c, tf.tensor1d([1, NaN]), tf.tensor1d([Infinity, 2])), ...g];
    },
  },
  {
    name: 'moments and euclideanNorm with NaN, and logSumExp along an axis with NaN',
    run: (tf) => {
      const m = tf.moments(tf.tensor1d([1, NaN, 3]));
      return [m.mean, m.variance, tf.euclideanNorm(tf.tensor1d([NaN, 1])), tf.logSumExp(tf.tensor2d([[NaN, 0], [1, 2]]), 1)];
    },
  },
  {
    name: 'nonMaxSuppression with a NaN score and an infinite score',
    run: (tf) => {
      const boxes = tf.tensor2d([[0, 0, 1, 1], [0, 0, 1, 1], [2, 2, 3, 3], [4, 4, 5, 5]]);
      return [tf.image.nonMaxSuppression(boxes, tf.tensor1d([NaN, 0.5, Infinity, 0.2]), 4), tf.image.nonMaxSuppression(boxes, tf.tensor1d([0.9, 0.8, -Infinity, 0.7]), 4, 0.5, -Infinity)];
    },
  },
  {
    name: 'losses at the edges: logLoss at 0 and 1, huberLoss and meanSquaredError with an Infinity',
    run: (tf) => [
      tf.losses.logLoss(tf.tensor1d([1, 0]), tf.tensor1d([0, 1])),
      tf.losses.huberLoss(tf.tensor1d([0, 0]), tf.tensor1d([Infinity, 1])),
      tf.losses.meanSquaredError(tf.tensor1d([0, 1]), tf.tensor1d([Infinity, 1])),
      tf.losses.cosineDistance(tf.tensor1d([0, 0]), tf.tensor1d([1, 0]), 0),
    ],
  },
  {
    name: 'equal, greater and less between NaN, ±Infinity and the float32 maximum',
    run: (tf) => {
      const a = tf.tensor1d([Infinity, 3.4028234663852886e38, -Infinity, NaN]);
      const b = tf.tensor1d([3.4028234663852886e38, Infinity, -3.4028234663852886e38, Infinity]);
      return [described(tf.greater(a, b)), described(tf.less(a, b)), described(tf.equal(a, a)), described(tf.greaterEqual(a, b))];
    },
  },
  {
    name: 'float32 overflow: exp and square past the maximum, and a sum of two maxima',
    run: (tf) => [tf.exp(tf.tensor1d([89, 88])), tf.square(tf.tensor1d([2e19, -2e19])), tf.sum(tf.tensor1d([3e38, 3e38])), tf.mul(tf.tensor1d([1e30]), 1e30)],
  },
  {
    name: 'clipByValue of int32 with fractional bounds, and of ±Infinity with infinite bounds',
    run: (tf) => [described(tf.clipByValue(tf.tensor1d([-5, 0, 5], 'int32'), -2.5, 2.5)), described(tf.clipByValue(tf.tensor1d([Infinity, -Infinity, 1]), -Infinity, Infinity))],
  },
  {
    name: 'inTopKAsync with NaN and Infinity predictions',
    run: async (tf) => [await tf.inTopKAsync(tf.tensor2d([[NaN, 1, 2], [Infinity, 0, Infinity]]), tf.tensor1d([0, 2], 'int32'), 1), await tf.inTopKAsync(tf.tensor2d([[1, NaN, 0]]), tf.tensor1d([1], 'int32'), 2)],
  },
  {
    name: 'searchSorted with ±Infinity at the ends of the sorted sequence',
    run: (tf) => [tf.searchSorted(tf.tensor1d([-Infinity, 0, Infinity]), tf.tensor1d([-Infinity, 5, Infinity])), tf.searchSorted(tf.tensor1d([-Infinity, 0, Infinity]), tf.tensor1d([-Infinity, 5, Infinity]), 'right')],
  },
  {
    name: 'step, sign and relu6 of ±Infinity, and isNaN, isInf and isFinite of -0 and the float32 maximum',
    run: (tf) => [tf.step(tf.tensor1d([Infinity, -Infinity, NaN])), tf.sign(tf.tensor1d([Infinity, -Infinity])), tf.relu6(tf.tensor1d([Infinity, -Infinity, NaN])), described(tf.isFinite(tf.tensor1d([-0, 3.4028234663852886e38, Infinity])))],
  },
];

const emptyMore: Program[] = [
  {
    name: 'spaceToBatchND, batchToSpaceND and depthToSpace of an empty batch',
    run: (tf) => [
      tf.spaceToBatchND(tf.zeros([0, 4, 4, 1]), [2, 2], [[0, 0], [0, 0]]).shape,
      tf.batchToSpaceND(tf.zeros([0, 2, 2, 1]), [2, 2], [[0, 0], [0, 0]]).shape,
      tf.depthToSpace(tf.zeros([0, 2, 2, 4]) as Tensor4D, 2).shape,
      tf.spaceToBatchND(tf.zeros([1, 0, 2, 1]), [1, 2], [[0, 0], [0, 0]]).shape,
    ],
  },
  {
    name: 'conv3d, avgPool3d and localResponseNormalization of an empty batch',
    run: (tf) => [
      tf.conv3d(tf.zeros([0, 2, 2, 2, 1]) as Tensor5D, tf.ones([1, 1, 1, 1, 3]) as Tensor5D, 1, 'valid').shape,
      tf.avgPool3d(tf.zeros([0, 2, 2, 2, 1]) as Tensor5D, 2, 1, 'valid').shape,
      tf.localResponseNormalization(tf.zeros([0, 2, 2, 3]) as Tensor4D).shape,
    ],
  },
  {
    name: 'random ops with a 0 in the shape give empty tensors of the asked dtype',
    run: (tf) => [described(tf.randomNormal([0, 3], 0, 1, 'float32', 1)), described(tf.randomUniform([2, 0], 0, 5, 'int32', 2)), described(tf.truncatedNormal([0], 0, 1, 'float32', 3)), described(tf.randomGamma([0], 1, 1, 'float32', 4))],
  },
  {
    name: 'eye of size 0 and with no columns, and diag of an empty matrix',
    run: (tf) => [described(tf.eye(0)), described(tf.eye(2, 0)), described(tf.diag(tf.zeros([0, 0])))],
  },
  {
    name: 'bandPart of a [0, 0] and a [2, 0] matrix',
    run: (tf) => [tf.linalg.bandPart(tf.zeros([0, 0]), 0, -1).shape, tf.linalg.bandPart(tf.zeros([2, 0]), 0, -1).shape],
    deviation: 'TF.js 4.22 throws "Cannot infer the missing size in [-1,0,0] when there are 0 elements" for a matrix with a 0 in its shape (it reshapes with -1); tessera gives the empty matrix back ([0, 0] and [2, 0]), as TensorFlow does',
  },
  {
    name: 'prelu, step, selu and logicalXor of empty tensors',
    run: (tf) => [tf.prelu(tf.zeros([0, 2]), tf.ones([2])).shape, tf.step(tf.zeros([0])).shape, tf.selu(tf.zeros([2, 0])).shape, described(tf.logicalXor(tf.zeros([0], 'bool'), tf.zeros([0], 'bool')))],
  },
  {
    name: 'tensorScatterUpdate and sparseToDense with no indices leave the base and default',
    run: (tf) => [tf.tensorScatterUpdate(tf.tensor1d([1, 2, 3]), tf.zeros([0, 1], 'int32'), tf.zeros([0])), tf.sparseToDense(tf.zeros([0], 'int32'), tf.zeros([0]), [3], 7)],
  },
  {
    name: 'booleanMaskAsync along axis 1 of a [2, 0] tensor, and of rows all masked out',
    run: async (tf) => [described(await tf.booleanMaskAsync(tf.zeros([2, 0]), tf.zeros([0], 'bool'), 1)), described(await tf.booleanMaskAsync(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor1d([false, false])))],
  },
  {
    name: 'gather with batchDims 1 over an empty batch',
    run: (tf) => tf.gather(tf.zeros([0, 3]), tf.zeros([0, 2], 'int32'), 1, 1).shape,
    deviation: 'TF.js 4.22 throws "The new shape (0,NaN) has NaN elements" (it divides by the empty batch when it flattens it); tessera gives the [0, 2] result, as TensorFlow does',
  },
  {
    name: 'gatherND from an empty tensor with no index rows',
    run: (tf) => tf.gatherND(tf.zeros([0, 2]), tf.zeros([0, 1], 'int32')).shape,
    deviation: 'TF.js 4.22 throws "Requested more than 0 entries, but input is empty" even though no entry is requested; tessera gives the [0, 2] result, as TensorFlow does',
  },
  {
    name: 'inTopKAsync over an empty batch, and denseBincount of an empty vector',
    run: async (tf) => [described(await tf.inTopKAsync(tf.zeros([0, 3]), tf.zeros([0], 'int32'), 1)), described(tf.denseBincount(tf.tensor1d([], 'int32'), tf.tensor1d([]), 3)), described(tf.bincount(tf.tensor1d([], 'int32'), tf.tensor1d([]), 2))],
  },
  {
    name: 'gradients of logSumExp, prod and max of an empty tensor are empty',
    run: (tf) => {
      const e = tf.zeros([0, 2]);
      return [tf.grad((x: Tensor) => tf.sum(tf.logSumExp(x, 1)))(e).shape, tf.grad((x: Tensor) => tf.sum(tf.prod(x, 0)))(e).shape, tf.grad((x: Tensor) => tf.sum(tf.max(x, 0)))(e).shape];
    },
  },
  {
    name: 'the gradient of moments\' variance over an empty axis is empty',
    run: (tf) => tf.grad((x: Tensor) => tf.sum(tf.moments(x, 0).variance))(tf.zeros([0, 2])).shape,
    deviation: 'TF.js 4.22 throws "The new shape (1,2) has 2 elements and the old shape (0,2) has 0 elements" (its gradient reshapes the mean\'s gradient to x\'s shape); tessera gives the empty [0, 2] gradient, as it and TF.js give for mean',
  },
  {
    name: 'gradients of stack, split and unstack with empty pieces',
    run: (tf) => {
      const [ga, gb] = tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.stack([a, b], 1)))([tf.zeros([0, 2]), tf.zeros([0, 2])]);
      const gs = tf.grad((x: Tensor) => tf.sum(tf.mul(tf.split(x, [2, 0], 1)[0], 3)))(tf.ones([2, 2]));
      return [ga.shape, gb.shape, gs];
    },
  },
  {
    name: 'batched matMul gradients with a batch of 0',
    run: (tf) => {
      const [ga, gb] = tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.matMul(a, b)))([tf.zeros([0, 2, 3]), tf.zeros([0, 3, 4])]);
      return [ga.shape, gb.shape];
    },
  },
  {
    name: 'an empty variable trained by sgd stays empty, and its loss is 0',
    run: (tf) => {
      const v = tf.variable(tf.zeros([0, 2]));
      const loss = tf.train.sgd(0.1).minimize(() => tf.sum(tf.square(v)), true);
      return [v.shape, loss];
    },
  },
  {
    name: 'losses over an empty batch with each reduction',
    run: (tf) => {
      const e = tf.zeros([0]);
      return [tf.losses.meanSquaredError(e, e, undefined, tf.Reduction.MEAN), tf.losses.meanSquaredError(e, e, undefined, tf.Reduction.NONE).shape, tf.losses.absoluteDifference(e, e, undefined, tf.Reduction.SUM_BY_NONZERO_WEIGHTS), tf.losses.huberLoss(e, e)];
    },
  },
];

const dtypesMore: Program[] = [
  {
    name: 'int32 sums and products that pass 2^31 wrap as an Int32Array stores them',
    run: (tf) => [described(tf.sum(tf.tensor1d([2147483647, 1], 'int32'))), described(tf.add(tf.scalar(2147483647, 'int32'), tf.scalar(1, 'int32'))), described(tf.mul(tf.tensor1d([65536], 'int32'), tf.tensor1d([65536], 'int32')))],
  },
  {
    name: 'neg and abs of the smallest int32 wrap, and prod of int32 past 2^31',
    run: (tf) => [described(tf.neg(tf.scalar(-2147483648, 'int32'))), described(tf.abs(tf.scalar(-2147483648, 'int32'))), described(tf.prod(tf.tensor1d([65536, 65537], 'int32'))), described(tf.sub(tf.scalar(-2147483648, 'int32'), 1))],
  },
  {
    name: 'floorDiv and mod of bool tensors',
    run: (tf) => {
      const a = tf.tensor1d([true, true]);
      const b = tf.tensor1d([true, false]);
      return [attempt(() => described(tf.floorDiv(a, b))), attempt(() => described(tf.mod(a, b))), attempt(() => described(tf.div(a, b)))];
    },
  },
  {
    name: 'logicalNot and bitwiseAnd of int32, and bitwiseAnd of float32 throws',
    run: (tf) => [attempt(() => described(tf.logicalNot(tf.tensor1d([0, 1], 'int32')))), described(tf.bitwiseAnd(tf.tensor1d([12, 10], 'int32'), tf.tensor1d([10, 6], 'int32'))), attempt(() => described(tf.bitwiseAnd(tf.tensor1d([1]) as never, tf.tensor1d([1]) as never)))],
  },
  {
    name: 'eye, diag and oneHot with an int32 dtype or int32 values',
    run: (tf) => [described(tf.eye(2, 3, undefined, 'int32')), described(tf.diag(tf.tensor1d([2, 3], 'int32'))), described(tf.eye(2, 2, undefined, 'bool')), described(tf.diag(tf.tensor1d([true, false])))],
  },
  {
    name: 'fill with a dtype of bool or int32 and a fractional value',
    run: (tf) => [described(tf.fill([2], 1, 'bool')), described(tf.fill([2], 0, 'bool')), described(tf.fill([2], 2.9, 'int32')), described(tf.fill([2], -2.9, 'int32'))],
  },
  {
    name: 'resizeBilinear and resizeNearestNeighbor of an int32 image: the dtypes TF.js gives',
    run: (tf) => {
      const img = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1], 'int32');
      return [described(tf.image.resizeBilinear(img, [3, 3])), described(tf.image.resizeNearestNeighbor(img, [3, 3])), attempt(() => described(tf.image.flipLeftRight(img))), attempt(() => described(tf.image.rotateWithOffset(tf.cast(img, 'float32') as Tensor4D, 0)))];
    },
  },
  {
    name: 'depthToSpace of a bool tensor, spaceToBatchND of int32, and mirrorPad of int32',
    run: (tf) => [
      described(tf.depthToSpace(tf.tensor4d([true, false, false, true], [1, 1, 1, 4]), 2)),
      described(tf.spaceToBatchND(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1], 'int32'), [2, 2], [[0, 0], [0, 0]])),
      described(tf.mirrorPad(tf.tensor1d([1, 2, 3], 'int32'), [[2, 1]], 'reflect')),
    ],
  },
  {
    name: 'maxPool and avgPool of bool images',
    run: (tf) => {
      const img = tf.tensor4d([true, false, true, true], [1, 2, 2, 1]);
      return [attempt(() => described(tf.maxPool(img, 2, 1, 'valid'))), attempt(() => described(tf.avgPool(img, 2, 1, 'valid')))];
    },
  },
  {
    name: 'clone, reshape, expandDims and squeeze keep int32 and bool',
    run: (tf) => [described(tf.clone(tf.tensor1d([1, 2], 'int32'))), described(tf.reshape(tf.tensor1d([true, false]), [2, 1])), described(tf.squeeze(tf.tensor2d([[3]], undefined, 'int32'))), described(tf.expandDims(tf.scalar(true)))],
  },
  {
    name: 'linspace with a negative count, and range of int32 with a negative fractional step',
    run: (tf) => [attempt(() => described(tf.linspace(0, 1, -1))), described(tf.range(5, 0, -1.5, 'int32')), described(tf.range(0, -3, -1))],
  },
  {
    name: 'divNoNan with NaN and Infinity numerators over zero, and a NaN divisor',
    run: (tf) => [tf.divNoNan(tf.tensor1d([NaN, Infinity, 1, 0]), tf.tensor1d([0, 0, NaN, 0])), described(tf.divNoNan(tf.tensor1d([3, 4], 'int32'), tf.tensor1d([0, 2], 'int32')))],
  },
  {
    name: 'cumsum of int32 with exclusive and reverse, and cumprod of int32 along a matrix axis',
    run: (tf) => [described(tf.cumsum(tf.tensor1d([1, 2, 3], 'int32'), 0, true, true)), described(tf.cumprod(tf.tensor2d([[1, 2], [3, 4]], undefined, 'int32'), 0)), described(tf.cumprod(tf.tensor1d([2, 3], 'int32'), 0, true))],
  },
  {
    name: 'an int32 scalar tensor against float32 arrays and bool scalars',
    run: (tf) => {
      const i = tf.scalar(3, 'int32');
      return [described(tf.add(i, [0.5, 1])), described(tf.mul(i, tf.scalar(true))), described(tf.greater(i, [2.5, 3.5])), described(tf.maximum(tf.scalar(false), i))];
    },
  },
];

const axesMore: Program[] = [
  {
    name: 'argMax and argMin given the axis as a one-element array',
    run: (tf) => {
      const x = tf.tensor2d([[1, 5], [7, 2]]);
      return [attempt(() => tf.argMax(x, [1] as never).arraySync()), attempt(() => tf.argMin(x, [0] as never).arraySync()), attempt(() => tf.argMax(x, [0, 1] as never).arraySync())];
    },
  },
  {
    name: 'squeeze given a single axis as a number, and reverse over no axes',
    run: (tf) => {
      const x = tf.zeros([1, 2, 1]);
      return [attempt(() => tf.squeeze(x, 2 as never).shape), tf.reverse(tf.tensor1d([1, 2, 3]), []), tf.reverse(tf.tensor2d([[1, 2], [3, 4]]), [])];
    },
  },
  {
    name: 'moments, logSumExp, norm and all over an empty list of axes',
    run: (tf) => {
      const x = tf.tensor1d([1, -2, 3]);
      const m = tf.moments(x, []);
      return [m.mean, m.variance, tf.logSumExp(x, []), attempt(() => tf.norm(x, 'euclidean', []).arraySync()), tf.all(tf.tensor1d([true, false]), [])];
    },
  },
  {
    name: 'stack and unstack of scalars along -1 and 0, and unstack of a scalar throws',
    run: (tf) => [tf.stack([tf.scalar(1), tf.scalar(2)], -1), tf.stack([tf.scalar(1), tf.scalar(2)], 0), attempt(() => tf.stack([tf.scalar(1)], 1).shape), attempt(() => tf.unstack(tf.scalar(1)).length)],
  },
  {
    name: 'tile and transpose of a scalar with empty reps and perm',
    run: (tf) => [tf.tile(tf.scalar(4), []), tf.transpose(tf.scalar(4), []), attempt(() => tf.tile(tf.scalar(4), [2]).shape)],
  },
  {
    name: 'cumsum along -0 and along -rank of a rank-3 tensor with reverse',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 2]], [[3, 4]]]);
      return [tf.cumsum(x, -0), tf.cumsum(x, 0, false, true), tf.cumsum(x, 2, true)];
    },
  },
  {
    name: 'keepDims with every reduction along a middle axis of a rank-3 tensor',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
      return [tf.sum(x, 1, true).shape, tf.prod(x, 1, true), tf.max(x, 1, true), tf.min(x, -2, true), tf.mean(x, 1, true), tf.logSumExp(x, 1, true).shape, tf.any(tf.cast(x, 'bool'), 1, true).shape, tf.euclideanNorm(x, 1, true).shape];
    },
  },
  {
    name: 'mean and sum of a scalar along -1 and with keepDims',
    run: (tf) => [attempt(() => tf.mean(tf.scalar(3), -1).arraySync()), tf.sum(tf.scalar(3), undefined, true), attempt(() => tf.max(tf.scalar(3), [0, 0]).arraySync())],
  },
];

const gradsAtEdges: Program[] = [
  {
    name: 'gradient of euclideanNorm and of norm at the zero vector',
    run: (tf) => [tf.grad((x: Tensor) => tf.euclideanNorm(x))(tf.zeros([3])), tf.grad((x: Tensor) => tf.norm(x))(tf.zeros([2])), tf.grad((x: Tensor) => tf.norm(x, 1))(tf.tensor1d([0, -2]))],
  },
  {
    name: 'gradients of maximum and minimum where the operands tie',
    run: (tf) => {
      const a = tf.tensor1d([1, 2, 3]);
      const b = tf.tensor1d([1, 5, 3]);
      return [...tf.grads((x: Tensor, y: Tensor) => tf.sum(tf.maximum(x, y)))([a, b]), ...tf.grads((x: Tensor, y: Tensor) => tf.sum(tf.minimum(x, y)))([a, b])];
    },
  },
  {
    name: 'gradients of relu6 at 0 and 6, leakyRelu at 0, elu at 0 and selu at 0',
    run: (tf) => [
      tf.grad((x: Tensor) => tf.sum(tf.relu6(x)))(tf.tensor1d([0, 6, 3, 7])),
      tf.grad((x: Tensor) => tf.sum(tf.leakyRelu(x, 0.3)))(tf.tensor1d([0, -1, 1])),
      tf.grad((x: Tensor) => tf.sum(tf.elu(x)))(tf.tensor1d([0, -1])),
      tf.grad((x: Tensor) => tf.sum(tf.selu(x)))(tf.tensor1d([0, 1])),
    ],
  },
  {
    name: 'gradients of atan2 at the origin, of div by zero, and of log1p at -1',
    run: (tf) => [
      ...tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.atan2(a, b)))([tf.tensor1d([0, 1]), tf.tensor1d([0, 0])]),
      ...tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.div(a, b)))([tf.tensor1d([1, 0]), tf.tensor1d([0, 0])]),
      tf.grad((x: Tensor) => tf.sum(tf.log1p(x)))(tf.tensor1d([-1])),
    ],
  },
  {
    name: 'gradients of sigmoid and softplus at NaN, and of sqrt below zero',
    run: (tf) => [tf.grad((x: Tensor) => tf.sum(tf.sigmoid(x)))(tf.tensor1d([NaN, 0])), tf.grad((x: Tensor) => tf.sum(tf.softplus(x)))(tf.tensor1d([NaN, Infinity])), tf.grad((x: Tensor) => tf.sum(tf.sqrt(x)))(tf.tensor1d([-1, 0]))],
  },
  {
    name: 'gradient of max along an axis with NaN in a row and with ties',
    run: (tf) => [tf.grad((x: Tensor) => tf.sum(tf.max(x, 1)))(tf.tensor2d([[NaN, 1], [2, 2]])), tf.grad((x: Tensor) => tf.sum(tf.min(x, 0)))(tf.tensor2d([[1, 3], [1, -Infinity]]))],
  },
  {
    name: 'gradient of logSumExp with every entry -Infinity, and of softmax with an Infinity logit',
    run: (tf) => [tf.grad((x: Tensor) => tf.logSumExp(x))(tf.tensor1d([-Infinity, -Infinity])), tf.grad((x: Tensor) => tf.sum(tf.mul(tf.softmax(x), tf.tensor1d([1, 2]))))(tf.tensor1d([Infinity, 0]))],
  },
  {
    name: 'gradients of floor, round, sign and step are zero, at NaN too',
    run: (tf) => {
      const x = tf.tensor1d([1.5, -0.5, NaN]);
      return [tf.grad((v: Tensor) => tf.sum(tf.floor(v)))(x), tf.grad((v: Tensor) => tf.sum(tf.round(v)))(x), tf.grad((v: Tensor) => tf.sum(tf.sign(v)))(x), tf.grad((v: Tensor) => tf.sum(tf.step(v)))(x)];
    },
  },
  {
    name: 'gradient of squaredDifference and of mean with an Infinity',
    run: (tf) => [...tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.squaredDifference(a, b)))([tf.tensor1d([Infinity, 1]), tf.tensor1d([0, Infinity])]), tf.grad((x: Tensor) => tf.mean(x))(tf.tensor1d([Infinity, 1]))],
  },
  {
    name: 'matMul, conv2d and avgPool with an Infinity meeting a zero weight give NaN',
    run: (tf) => [
      tf.matMul(tf.tensor2d([[Infinity, 1]]), tf.tensor2d([[0], [1]])),
      tf.conv2d(tf.tensor4d([Infinity, 1, 2, 3], [1, 2, 2, 1]), tf.tensor4d([0, 1], [1, 2, 1, 1]), 1, 'valid'),
      tf.avgPool(tf.tensor4d([Infinity, -Infinity, 1, 2], [1, 2, 2, 1]), 2, 1, 'valid'),
      tf.matMul(tf.tensor2d([[NaN, 0]]), tf.tensor2d([[0, 1], [1, 0]])),
    ],
  },
  {
    name: 'maxPool of an all -Infinity image with same padding, and avgPool with NaN at an edge',
    run: (tf) => [tf.maxPool(tf.fill([1, 2, 2, 1], -Infinity) as Tensor4D, 3, 1, 'same'), tf.avgPool(tf.tensor4d([NaN, 1, 2, 3], [1, 2, 2, 1]), 2, 1, 'same')],
  },
  {
    name: 'depthwiseConv2d and separableConv2d carrying NaN and Infinity',
    run: (tf) => [
      tf.depthwiseConv2d(tf.tensor4d([NaN, 1, 2, 3], [1, 2, 2, 1]), tf.ones([1, 1, 1, 1]) as Tensor4D, 1, 'valid'),
      tf.separableConv2d(tf.tensor4d([Infinity, 1, 2, 3], [1, 2, 2, 1]), tf.ones([1, 1, 1, 1]) as Tensor4D, tf.tensor4d([0, 1], [1, 1, 1, 2]), 1, 'valid'),
    ],
  },
];

const windowsAndScalars: Program[] = [
  {
    name: 'conv2d, depthwiseConv2d, separableConv2d, conv1d and pools whose valid window is short of fitting by less than a stride give an empty axis',
    run: (tf) => {
      const x = tf.ones([1, 1, 3, 1]) as Tensor4D;
      return [
        tf.conv2d(x, tf.ones([2, 2, 1, 1]) as Tensor4D, 1, 'valid').shape, tf.conv2d(x, tf.ones([3, 1, 1, 1]) as Tensor4D, 2, 'valid').shape,
        tf.avgPool(x, 2, 1, 'valid').shape, tf.maxPool(x, [2, 1], 1, 'valid').shape, tf.pool(x, [2, 1], 'avg', 'valid').shape,
        tf.depthwiseConv2d(x, tf.ones([2, 1, 1, 1]) as Tensor4D, 1, 'valid').shape, tf.separableConv2d(x, tf.ones([2, 1, 1, 1]) as Tensor4D, tf.ones([1, 1, 1, 2]) as Tensor4D, 1, 'valid').shape,
        tf.conv1d(tf.ones([1, 1, 1]) as Tensor3D, tf.ones([2, 1, 1]) as Tensor3D, 1, 'valid').shape, tf.conv2d(tf.ones([1, 2, 3, 1]) as Tensor4D, tf.ones([2, 1, 1, 1]) as Tensor4D, 1, 'valid', 'NHWC', 2).shape,
        tf.fused.conv2d({ x, filter: tf.ones([2, 1, 1, 2]) as Tensor4D, strides: 1, pad: 'valid', bias: tf.ones([2]), activation: 'relu' }).shape,
      ];
    },
  },
  {
    name: 'gradients of conv2d and maxPool with an empty output axis are zeros of the inputs\' shapes',
    run: (tf) => {
      const x = tf.ones([1, 1, 3, 1]) as Tensor4D;
      const [dx, df] = tf.grads((a: Tensor, f: Tensor) => tf.sum(tf.conv2d(a as Tensor4D, f as Tensor4D, 1, 'valid')))([x, tf.ones([2, 2, 1, 1])]);
      return [dx, df, tf.grad((a: Tensor) => tf.sum(tf.maxPool(a as Tensor4D, [2, 1], 1, 'valid')))(x), tf.grad((a: Tensor) => tf.sum(tf.avgPool(a as Tensor4D, 2, 1, 'valid')))(x)];
    },
  },
  {
    name: 'conv3d, avgPool3d and maxPool3d whose valid window is one short of x\'s depth, height or width',
    run: (tf) => {
      const x = tf.ones([1, 1, 2, 2, 1]) as Tensor5D;
      return [
        tf.conv3d(x, tf.ones([2, 1, 1, 1, 1]) as Tensor5D, 1, 'valid').shape, tf.conv3d(x, tf.ones([1, 3, 1, 1, 1]) as Tensor5D, 1, 'valid').shape,
        tf.avgPool3d(x, 2, 1, 'valid').shape, tf.maxPool3d(x, [2, 1, 1], 1, 'valid').shape,
        tf.grad((a: Tensor) => tf.sum(tf.conv3d(a as Tensor5D, tf.ones([2, 1, 1, 1, 1]) as Tensor5D, 1, 'valid')))(x),
      ];
    },
  },
  {
    name: 'conv2d and avgPool whose valid window overruns x by a stride or more throw',
    run: (tf) => {
      const x = tf.ones([1, 1, 3, 1]) as Tensor4D;
      return [attempt(() => tf.conv2d(x, tf.ones([3, 3, 1, 1]) as Tensor4D, 1, 'valid').shape), attempt(() => tf.avgPool(x, [3, 1], 1, 'valid').shape), attempt(() => tf.conv2d(x, tf.ones([4, 1, 1, 1]) as Tensor4D, 2, 'valid').shape)];
    },
  },
  {
    name: 'resizeBilinear and resizeNearestNeighbor from an image of height 0',
    deviation: 'TF.js 4.22 reads past an image with no rows and gives NaN pixels ([2, 2] of NaN); tessera refuses an empty image, as TensorFlow does (it has no pixel to sample)',
    run: (tf) => [attempt(() => tf.image.resizeBilinear(tf.zeros([1, 0, 2, 1]) as Tensor4D, [2, 2]).arraySync()), attempt(() => tf.image.resizeNearestNeighbor(tf.zeros([1, 0, 2, 1]) as Tensor4D, [2, 2]).arraySync())],
  },
  {
    name: 'maxPoolWithArgmax and dropout of empty inputs',
    run: (tf) => {
      const r = tf.maxPoolWithArgmax(tf.zeros([0, 2, 2, 1]) as Tensor4D, 2, 2, 'valid');
      return [r.result.shape, r.indexes.shape, r.indexes.dtype, tf.dropout(tf.zeros([0, 3]), 0.5, undefined, 1).shape];
    },
  },
  {
    name: 'einsum with a dimension of 0: a contraction over it gives zeros, a kept one stays empty',
    run: (tf) => [tf.einsum('ij,jk->ik', tf.ones([2, 0]), tf.ones([0, 3])), tf.einsum('ij,jk->ik', tf.zeros([0, 2]), tf.ones([2, 3])).shape, tf.einsum('i,i->', tf.zeros([0]), tf.zeros([0]))],
  },
  {
    name: 'searchSorted and lowerBound with an empty sorted sequence or no values',
    run: (tf) => [attempt(() => described(tf.searchSorted(tf.zeros([0]), tf.tensor1d([1, 2])))), described(tf.lowerBound(tf.tensor1d([1, 2, 3]), tf.zeros([0]))), described(tf.upperBound(tf.tensor2d([[1, 2]]), tf.zeros([1, 0])))],
  },
  {
    name: 'multinomial with no samples, and complex, real and fft of empty tensors',
    run: (tf) => [tf.multinomial(tf.tensor2d([[0.5, 0.5]]), 0, 3).shape, described(tf.real(tf.complex(tf.zeros([0]), tf.zeros([0])))), attempt(() => tf.spectral.fft(tf.complex(tf.zeros([2, 0]), tf.zeros([2, 0]))).shape)],
  },
  {
    name: 'stridedSlice with newAxisMask and ellipsisMask on a tensor with a 0 in its shape',
    run: (tf) => [tf.stridedSlice(tf.zeros([2, 0, 3]), [0], [1], [1], 0, 0, 1).shape, tf.stridedSlice(tf.zeros([2, 0, 3]), [0, 1], [0, 2], [1, 1], 0, 0, 1).shape, tf.stridedSlice(tf.zeros([0, 2]), [0, 0], [0, 1], [1, 1], 0, 0, 0, 1).shape],
  },
  {
    name: 'grad of a function whose output is empty gives zeros, and valueAndGrad of an empty sum',
    run: (tf) => {
      const g = tf.grad((x: Tensor) => tf.slice(x, [0], [0]))(tf.tensor1d([1, 2]));
      const { value, grad } = tf.valueAndGrad((x: Tensor) => tf.sum(x))(tf.zeros([0, 2]));
      return [g, value, grad];
    },
  },
  {
    name: 'customGrad over an empty tensor, and tidy returning empty tensors',
    run: (tf) => {
      const f = tf.customGrad((x) => ({ value: tf.mul(x as Tensor, 2), gradFunc: (dy: Tensor) => [tf.mul(dy, 3)] }));
      const kept = tf.tidy(() => [tf.zeros([0, 2]), tf.ones([2, 0], 'int32')]);
      return [tf.grad((x: Tensor) => tf.sum(f(x) as Tensor))(tf.zeros([0])), ...kept];
    },
  },
  {
    name: 'ops on plain scalars: argMax, gather, unique and split of a rank-0 input',
    run: (tf) => [attempt(() => tf.argMax(5).arraySync()), attempt(() => tf.gather(5, 0).arraySync()), attempt(() => tf.unique(5).values.arraySync()), attempt(() => tf.split(5, 1).length), attempt(() => tf.slice(5, [], []).arraySync())],
  },
  {
    name: 'plain booleans and numbers through where, logicalNot, equal, isNaN and sum',
    run: (tf) => [described(tf.where(true, 1, 2)), described(tf.logicalNot(true)), described(tf.equal(1, 1)), described(tf.isNaN(NaN)), described(tf.sum(true)), described(tf.cast(1.5, 'int32')), described(tf.clipByValue(5, 0, 1))],
  },
  {
    name: 'moments, mean and norm of a plain number, and reshape of one to [1, 1]',
    run: (tf) => {
      const m = tf.moments(5);
      return [m.mean, m.variance, tf.mean(5), tf.norm(-3), tf.reshape(5, [1, 1]), tf.squeeze(5)];
    },
  },
  {
    name: 'reductions of empty int32 and bool tensors along their empty axis: the dtypes and fill values',
    run: (tf) => [
      attempt(() => described(tf.max(tf.zeros([2, 0], 'int32'), 1))), attempt(() => described(tf.min(tf.zeros([2, 0], 'int32'), 1))),
      described(tf.mean(tf.zeros([2, 0], 'int32'), 1)), attempt(() => described(tf.min(tf.zeros([0], 'bool')))), described(tf.cumsum(tf.zeros([0], 'int32'))),
    ],
  },
  {
    name: 'topk and where of empty int32 tensors keep int32',
    run: (tf) => {
      const t = tf.topk(tf.zeros([2, 0], 'int32'), 0);
      return [described(t.values), described(t.indices), described(tf.where(tf.zeros([0], 'bool'), tf.zeros([0], 'int32'), tf.zeros([0], 'int32')))];
    },
  },
  {
    name: 'unique along axis 1 of a [2, 0] matrix and along axis 0 of a [0, 2] one',
    run: (tf) => {
      const a = attempt(() => { const u = tf.unique(tf.zeros([2, 0]), 1); return [u.values.shape, u.indices.shape]; });
      const b = attempt(() => { const u = tf.unique(tf.zeros([0, 2]), 0); return [u.values.shape, u.indices.shape]; });
      return [a, b];
    },
  },
  {
    name: 'split into sizes with a 0, concat of the pieces, and the gradient through both',
    run: (tf) => {
      const f = (x: Tensor) => tf.concat(tf.split(x, [0, 2, 0, 1], 0), 0);
      return [f(tf.tensor1d([1, 2, 3])), tf.grad((x: Tensor) => tf.sum(tf.mul(f(x), tf.tensor1d([1, 2, 3]))))(tf.tensor1d([1, 2, 3]))];
    },
  },
  {
    name: 'buffer of a shape with a 0, and its tensor',
    run: (tf) => {
      const b = tf.buffer([2, 0], 'int32');
      return [b.size, b.shape, described(b.toTensor())];
    },
  },
  {
    name: 'tensor with a 0 in the shape but values given, and a shape with a 0 for a typed array',
    run: (tf) => [attempt(() => described(tf.tensor([1, 2], [0, 2]))), described(tf.tensor(new Float32Array(0), [3, 0])), attempt(() => described(tf.tensor2d([[1]], [0, 1])))],
  },
  {
    name: 'a variable of shape [0] assigned an empty tensor, and of shape [2, 0] assigned one of [0, 2]',
    run: (tf) => {
      const v = tf.variable(tf.zeros([0]));
      v.assign(tf.ones([0]));
      const w = tf.variable(tf.zeros([2, 0]));
      return [described(v), attempt(() => { w.assign(tf.zeros([0, 2])); return w.shape; })];
    },
  },
  {
    name: 'oneHot, gather and where over int32 and bool tensors of rank 0',
    run: (tf) => [described(tf.oneHot(tf.scalar(2, 'int32'), 3)), described(tf.gather(tf.tensor1d([true, false]), tf.scalar(1, 'int32'))), described(tf.where(tf.scalar(false), tf.scalar(1, 'int32'), tf.scalar(2, 'int32')))],
  },
  {
    name: 'nonMaxSuppressionWithScore and nonMaxSuppressionPadded with no boxes',
    run: (tf) => {
      const r = tf.image.nonMaxSuppressionWithScore(tf.zeros([0, 4]) as never, tf.zeros([0]) as never, 3, 0.5, 0, 0.5);
      const p = tf.image.nonMaxSuppressionPadded(tf.zeros([0, 4]) as never, tf.zeros([0]) as never, 2, 0.5, 0, true);
      return [described(r.selectedIndices), described(r.selectedScores), described(p.selectedIndices), described(p.validOutputs)];
    },
  },
];

const lastCorners: Program[] = [
  {
    name: 'int32 against NaN and Infinity given as JavaScript numbers upcasts to float32',
    run: (tf) => {
      const i = tf.tensor1d([1, -2], 'int32');
      return [described(tf.maximum(i, NaN)), described(tf.add(i, Infinity)), described(tf.mul(i, -Infinity)), described(tf.less(i, NaN))];
    },
  },
  {
    name: 'pow of int32 by a negative int32 exponent, and sqrt and log of negative int32',
    run: (tf) => [described(tf.pow(tf.tensor1d([2, 1, -1], 'int32'), tf.scalar(-1, 'int32'))), described(tf.sqrt(tf.tensor1d([-4, 4], 'int32'))), described(tf.log(tf.tensor1d([-1, 0], 'int32')))],
  },
  {
    name: 'denseBincount and bincount carrying NaN and Infinity weights',
    run: (tf) => [tf.denseBincount(tf.tensor1d([0, 1, 1], 'int32'), tf.tensor1d([NaN, Infinity, -Infinity]), 2), tf.bincount(tf.tensor1d([1, 0], 'int32'), tf.tensor1d([Infinity, 2]), 2)],
  },
  {
    name: 'unsortedSegmentSum keeps a NaN or Infinity in its own segment',
    run: (tf) => tf.unsortedSegmentSum(tf.tensor1d([NaN, 1, Infinity, 2]), tf.tensor1d([0, 0, 1, 2], 'int32'), 3),
    deviation: 'TF.js 4.22\'s cpu kernel multiplies every value by a 0/1 mask per segment, so a NaN or Infinity anywhere makes every segment NaN; tessera sums each segment\'s own values ([NaN, Infinity, 2]), as TensorFlow does',
  },
  {
    name: 'setdiff1dAsync with NaN and Infinity values',
    run: async (tf) => {
      const [v, i] = await tf.setdiff1dAsync(tf.tensor1d([NaN, 1, Infinity, 2]), tf.tensor1d([Infinity, NaN]));
      return [v, i];
    },
  },
  {
    name: 'resizeBilinear and cropAndResize spread a NaN pixel to the outputs that read it',
    run: (tf) => {
      const img = tf.tensor4d([NaN, 1, 2, 3], [1, 2, 2, 1]);
      return [tf.image.resizeBilinear(img, [3, 3]), tf.image.resizeNearestNeighbor(img, [3, 3]), tf.image.cropAndResize(img, tf.tensor2d([[0.5, 0.5, 1, 1]]), tf.tensor1d([0], 'int32'), [2, 2])];
    },
  },
  {
    name: 'max, min and argMax among -0 and 0, and maximum of -0 and 0',
    run: (tf) => {
      const x = tf.tensor1d([-0, 0, -0]);
      return [tf.max(x), tf.min(x), tf.argMax(x), tf.argMin(x), tf.maximum(tf.scalar(-0), tf.scalar(0))];
    },
  },
  {
    name: 'argMax and argMin of int32 ties and of large int32 values (exact on every backend, below 2^24)',
    run: (tf) => {
      const x = tf.tensor2d([[3, 3, 1], [-16777216, 16777215, -16777216]], undefined, 'int32');
      return [tf.argMax(x, 1), tf.argMin(x, 1), described(tf.max(x, 1)), described(tf.min(x))];
    },
  },
  {
    name: 'gramSchmidt with a zero vector, and qr of a matrix with no columns',
    run: (tf) => [attempt(() => (tf.linalg.gramSchmidt(tf.tensor2d([[0, 0], [1, 0]])) as Tensor).arraySync()), attempt(() => tf.linalg.qr(tf.zeros([2, 0])).map((t) => t.shape))],
  },
  {
    name: 'oneHot with a negative depth, and gather from a scalar',
    run: (tf) => [attempt(() => tf.oneHot(tf.tensor1d([0], 'int32'), -1).shape), attempt(() => tf.gather(tf.scalar(3), tf.tensor1d([0], 'int32')).arraySync())],
  },
  {
    name: 'losses with NaN weights and with a NaN label, reduced by mean and by sum',
    run: (tf) => {
      const y = tf.tensor1d([1, 0, 1]);
      const p = tf.tensor1d([0.9, 0.2, 0.6]);
      return [tf.losses.meanSquaredError(y, p, tf.tensor1d([1, NaN, 1])), tf.losses.absoluteDifference(tf.tensor1d([NaN, 0, 1]), p, undefined, tf.Reduction.SUM), tf.losses.computeWeightedLoss(tf.tensor1d([1, NaN]), tf.tensor1d([1, 0]))];
    },
  },
  {
    name: 'metrics on predictions holding NaN and on labels and predictions of one row',
    run: (tf) => [tf.metrics.binaryAccuracy(tf.tensor1d([1, 0]), tf.tensor1d([NaN, 0.2])), tf.metrics.categoricalAccuracy(tf.tensor2d([[0, 1]]), tf.tensor2d([[NaN, 0.5]])), tf.metrics.meanSquaredError(tf.tensor1d([1]), tf.tensor1d([Infinity]))],
  },
  {
    name: 'notEqual and equal between int32 and float32 tensors and a bool scalar',
    run: (tf) => [described(tf.notEqual(tf.tensor1d([1, 2], 'int32'), tf.tensor1d([1, 2.5]))), described(tf.equal(tf.tensor1d([1, 0], 'int32'), tf.scalar(true))), described(tf.logicalAnd(tf.zeros([0], 'bool'), tf.scalar(true)))],
  },
];

export const s29Zero: Program[] = [...empty, ...dtypes, ...axes, ...tensorLike, ...nonFinite, ...emptyMore, ...dtypesMore, ...axesMore, ...gradsAtEdges, ...windowsAndScalars, ...lastCorners];
