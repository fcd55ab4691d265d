import type { Rank, Tensor } from '../../../src/index';
import type { Program } from '../harness';

// Edge cases TF.js's own op tests pin down, as a user program meets them: tensors with a 0 in the shape, int32 and
// bool inputs to math ops (and the result's dtype), NaN and ±Infinity through reductions and selections, negative and
// out-of-range axes, broadcasting corners, scalars where tensors are expected, and which calls throw at all.

/** The value of f, or 'threw': several throw-or-not checks fit in one program. */
const attempt = (f: () => unknown): unknown => {
  try { return f(); } catch { return 'threw'; }
};
const withDtype = (t: Tensor) => [t.dtype, t.shape, t.arraySync()];

const empty: Program[] = [
  {
    name: 'sum, prod and mean of a [0] tensor, and sums of a [0, 3] tensor along each axis',
    run: (tf) => {
      const e = tf.zeros([0]);
      const m = tf.zeros([0, 3]);
      return [tf.sum(e), tf.prod(e), tf.mean(e), tf.sum(m, 0), tf.sum(m, 1), tf.sum(m, 1, true), tf.mean(m, 0)];
    },
  },
  {
    name: 'int32 and bool empty tensors through sum and prod keep TF.js\'s result dtypes',
    run: (tf) => [withDtype(tf.sum(tf.tensor1d([], 'int32'))), withDtype(tf.prod(tf.tensor1d([], 'int32'))), withDtype(tf.sum(tf.tensor1d([], 'bool')))],
  },
  {
    name: 'elementwise ops and broadcasting with a [0, 2] tensor keep the 0 in the shape',
    run: (tf) => {
      const e = tf.zeros([0, 2]);
      return [tf.add(e, tf.tensor1d([1, 2])), tf.mul(e, 3), tf.exp(e), tf.relu(e), tf.greater(e, 0), tf.maximum(e, tf.ones([1, 2]))];
    },
  },
  {
    name: 'matMul with an empty outer dimension, and with an empty inner dimension (all zeros)',
    run: (tf) => [tf.matMul(tf.zeros([0, 3]), tf.ones([3, 2])), tf.matMul(tf.ones([2, 0]), tf.ones([0, 3])), tf.matMul(tf.ones([2, 0]), tf.ones([3, 0]), false, true)],
  },
  {
    name: 'concat and stack with empty tensors among full ones',
    run: (tf) => [
      tf.concat([tf.tensor2d([[1, 2]]), tf.zeros([0, 2]), tf.tensor2d([[3, 4]])], 0),
      tf.concat([tf.zeros([2, 0]), tf.ones([2, 1])], 1),
      tf.stack([tf.zeros([0]), tf.zeros([0])]),
      tf.concat([tf.tensor1d([]), tf.tensor1d([5])]),
    ],
  },
  {
    name: 'reshape of empty tensors, and the -1 that cannot be inferred when there are 0 elements',
    run: (tf) => {
      const e = tf.zeros([0, 3]);
      return [tf.reshape(e, [-1]).shape, tf.reshape(e, [3, 0]).shape, attempt(() => tf.reshape(e, [0, -1, 3]).shape), attempt(() => tf.reshape(e, [0, -1]).shape), attempt(() => tf.reshape(e, [2, 0]).shape)];
    },
  },
  {
    name: 'slices, splits and unstacks that produce empty pieces',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [tf.slice(x, [0, 1], [2, 0]), tf.slice(x, [2, 0], [-1, -1]), tf.split(x, [0, 3], 1), tf.unstack(tf.zeros([0, 2])).length, tf.unstack(tf.zeros([2, 0]))];
    },
  },
  {
    name: 'gather and oneHot with empty indices, and gather from an empty axis with no indices',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [tf.gather(x, tf.tensor1d([], 'int32')), tf.gather(x, tf.tensor1d([], 'int32'), 1), tf.oneHot(tf.tensor1d([], 'int32'), 3), tf.gather(tf.zeros([0, 2]), tf.tensor1d([], 'int32'))];
    },
  },
  {
    name: 'softmax, logSoftmax and cumsum of tensors with a 0 in the shape',
    run: (tf) => [tf.softmax(tf.zeros([0, 3])), tf.logSoftmax(tf.zeros([0, 4])), tf.cumsum(tf.zeros([0])), tf.cumsum(tf.zeros([2, 0]), 1)],
  },
  {
    name: 'range and linspace that give no values, and an empty tensor printed and read back',
    run: (tf) => {
      const e = tf.zeros([2, 0]);
      e.print();
      tf.tensor2d([], [0, 3]).print();
      return [tf.range(0, 0), tf.range(3, 3, 1), tf.range(5, 0, 1), e.arraySync(), tf.tensor2d([], [0, 4]).arraySync(), e.size, e.rank];
    },
  },
  {
    name: 'pad, tile and transpose of an empty tensor',
    run: (tf) => {
      const e = tf.zeros([0, 2]);
      return [tf.pad(e, [[1, 1], [0, 0]], 7), tf.tile(e, [3, 2]).shape, tf.transpose(e).shape, tf.tile(tf.ones([2, 2]), [0, 1]).shape];
    },
  },
  {
    name: 'topk with k = 0, and topk of an empty last dimension with k = 0',
    run: (tf) => {
      const a = tf.topk(tf.tensor1d([3, 1, 2]), 0);
      const b = tf.topk(tf.zeros([2, 0]), 0);
      return [a.values, a.indices, b.values, b.indices];
    },
  },
  {
    name: 'max, min, all and any over empty axes',
    run: (tf) => [
      attempt(() => tf.max(tf.zeros([2, 0]), 1).arraySync()), attempt(() => tf.min(tf.zeros([0, 2]), 1).arraySync()),
      tf.all(tf.zeros([0], 'bool')), tf.any(tf.zeros([0], 'bool')), tf.all(tf.zeros([2, 0], 'bool'), 1), tf.any(tf.zeros([2, 0], 'bool'), 1),
    ],
  },
  {
    name: 'moments, norm and logSumExp of a [0, 2] tensor along its full axis',
    run: (tf) => {
      const e = tf.zeros([0, 2]);
      const m = tf.moments(e, 1);
      return [m.mean, m.variance, tf.norm(e), tf.logSumExp(e, 1), tf.euclideanNorm(e, 1)];
    },
  },
];

const dtypes: Program[] = [
  {
    name: 'abs, neg, square and sign of int32 stay int32',
    run: (tf) => {
      const x = tf.tensor1d([-3, 0, 4], 'int32');
      return [withDtype(tf.abs(x)), withDtype(tf.neg(x)), withDtype(tf.square(x)), withDtype(tf.sign(x))];
    },
  },
  {
    name: 'sqrt, exp, log, sigmoid and tanh of int32 give float32',
    run: (tf) => {
      const x = tf.tensor1d([1, 4, 9], 'int32');
      return [withDtype(tf.sqrt(x)), withDtype(tf.exp(x)), withDtype(tf.log(x)), withDtype(tf.sigmoid(x)), withDtype(tf.tanh(x))];
    },
  },
  {
    name: 'div of two int32 tensors floors like floorDiv, and a float divisor gives float32',
    run: (tf) => {
      const a = tf.tensor1d([7, -7, 9, 1], 'int32');
      const b = tf.tensor1d([2, 2, -4, 3], 'int32');
      return [withDtype(tf.div(a, b)), withDtype(tf.div(a, tf.tensor1d([2, 2, -4, 3]))), withDtype(tf.div(a, 2))];
    },
  },
  {
    name: 'an int32 tensor with a fractional JavaScript scalar upcasts to float32, with a whole one stays int32',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3], 'int32');
      return [withDtype(tf.add(x, 1.5)), withDtype(tf.add(x, 2)), withDtype(tf.mul(x, 0.5)), withDtype(tf.sub(x, tf.scalar(1, 'int32')))];
    },
  },
  {
    name: 'sum, mean, prod, max and cumsum of bool tensors: the dtypes TF.js gives',
    run: (tf) => {
      const b = tf.tensor1d([true, false, true]);
      return [withDtype(tf.sum(b)), withDtype(tf.mean(b)), withDtype(tf.prod(b)), withDtype(tf.max(b)), withDtype(tf.min(b)), withDtype(tf.cumsum(b))];
    },
  },
  {
    name: 'add, mul and sub of bool tensors, and bool with float32',
    run: (tf) => {
      const a = tf.tensor1d([true, false, true]);
      const b = tf.tensor1d([true, true, false]);
      return [withDtype(tf.add(a, b)), withDtype(tf.mul(a, b)), withDtype(tf.add(a, tf.tensor1d([0.5, 0.5, 0.5]))), attempt(() => withDtype(tf.sub(a, b)))];
    },
  },
  {
    name: 'pow of int32 by int32 stays int32, by a float exponent gives float32',
    run: (tf) => {
      const x = tf.tensor1d([2, 3, -2], 'int32');
      return [withDtype(tf.pow(x, tf.tensor1d([3, 2, 2], 'int32'))), withDtype(tf.pow(x, tf.scalar(2, 'int32'))), withDtype(tf.pow(x, 0.5)), withDtype(tf.pow(tf.scalar(2, 'int32'), tf.scalar(-1, 'int32')))];
    },
  },
  {
    name: 'relu, relu6, floor, ceil and round of int32: the dtypes TF.js gives',
    run: (tf) => {
      const x = tf.tensor1d([-2, 3, 8], 'int32');
      return [withDtype(tf.relu(x)), withDtype(tf.relu6(x)), withDtype(tf.floor(x)), withDtype(tf.ceil(x)), withDtype(tf.round(x))];
    },
  },
  {
    name: 'logical ops reject float32 and int32 inputs and accept bool',
    run: (tf) => {
      const f = tf.tensor1d([1, 0]);
      const b = tf.tensor1d([true, false]);
      return [attempt(() => tf.logicalAnd(f, f).arraySync()), attempt(() => tf.logicalOr(tf.tensor1d([1, 0], 'int32'), b).arraySync()), attempt(() => tf.logicalNot(f).arraySync()), withDtype(tf.logicalXor(b, tf.tensor1d([true, true])))];
    },
  },
  {
    name: 'where with a float32 or int32 condition throws; with bool it picks',
    run: (tf) => {
      const a = tf.tensor1d([1, 2]);
      const b = tf.tensor1d([3, 4]);
      return [attempt(() => tf.where(tf.tensor1d([1, 0]) as never, a, b).arraySync()), attempt(() => tf.where(tf.tensor1d([1, 0], 'int32') as never, a, b).arraySync()), tf.where(tf.tensor1d([true, false]), a, b)];
    },
  },
  {
    name: 'minimum, maximum and squaredDifference mixing int32 and float32',
    run: (tf) => {
      const i = tf.tensor1d([1, 5, -3], 'int32');
      const f = tf.tensor1d([1.5, 2.5, -3.5]);
      return [withDtype(tf.minimum(i, f)), withDtype(tf.maximum(i, f)), withDtype(tf.squaredDifference(i, f)), withDtype(tf.squaredDifference(i, tf.tensor1d([0, 1, 2], 'int32'))), withDtype(tf.maximum(i, 2))];
    },
  },
  {
    name: 'mod and floorDiv of negative int32 follow the divisor\'s sign',
    run: (tf) => {
      const a = tf.tensor1d([-7, 7, -7, 7], 'int32');
      const b = tf.tensor1d([3, -3, -3, 3], 'int32');
      return [withDtype(tf.mod(a, b)), withDtype(tf.floorDiv(a, b)), withDtype(tf.mod(tf.tensor1d([-7.5, 7.5]), tf.tensor1d([2, -2])))];
    },
  },
  {
    name: 'cast float32 to int32 truncates toward zero, and to bool treats NaN as true',
    run: (tf) => {
      const x = tf.tensor1d([-1.7, -0.2, 0, 0.9, 2.5, NaN]);
      return [withDtype(tf.cast(x, 'int32')), withDtype(tf.cast(x, 'bool')), withDtype(tf.cast(tf.tensor1d([true, false]), 'float32')), withDtype(tf.cast(tf.tensor1d([3, 0, -2], 'int32'), 'bool'))];
    },
  },
  {
    name: 'clipByValue of int32 stays int32, and bool input throws',
    run: (tf) => [withDtype(tf.clipByValue(tf.tensor1d([-5, 0, 5], 'int32'), -2, 3)), attempt(() => withDtype(tf.clipByValue(tf.tensor1d([true, false]), 0, 1))), withDtype(tf.clipByValue(tf.tensor1d([-5, 0.5, 5]), -2, 2))],
  },
  {
    name: 'argMax and argMin return int32 for every input dtype',
    run: (tf) => [withDtype(tf.argMax(tf.tensor1d([1, 9, 3], 'int32'))), withDtype(tf.argMin(tf.tensor1d([1.5, -2, 3]))), withDtype(tf.argMax(tf.tensor1d([false, true, true])))],
  },
  {
    name: 'equal, less and notEqual between int32 and float32, and comparing bool tensors',
    run: (tf) => {
      const i = tf.tensor1d([1, 2, 3], 'int32');
      const f = tf.tensor1d([1, 2.5, 2]);
      return [withDtype(tf.equal(i, f)), withDtype(tf.less(i, f)), withDtype(tf.notEqual(i, 2)), withDtype(tf.equal(tf.tensor1d([true, false]), tf.tensor1d([true, true]))), withDtype(tf.greater(tf.tensor1d([true, false]), tf.tensor1d([false, false])))];
    },
  },
  {
    name: 'addN rejects tensors of different dtypes or shapes, and sums int32 tensors as int32',
    run: (tf) => [
      attempt(() => tf.addN([tf.tensor1d([1, 2]), tf.tensor1d([1, 2], 'int32')]).arraySync()),
      attempt(() => tf.addN([tf.tensor1d([1, 2]), tf.tensor1d([1, 2, 3])]).arraySync()),
      attempt(() => tf.addN([] as Tensor[]).arraySync()),
      withDtype(tf.addN([tf.tensor1d([1, 2], 'int32'), tf.tensor1d([3, 4], 'int32')])),
    ],
  },
  {
    name: 'isNaN, isInf and isFinite of int32 tensors',
    run: (tf) => {
      const x = tf.tensor1d([0, -5, 7], 'int32');
      return [withDtype(tf.isNaN(x)), withDtype(tf.isInf(x)), withDtype(tf.isFinite(x))];
    },
  },
  {
    name: 'matMul rejects an int32 operand with a float32 one, and multiplies two int32 matrices as int32',
    run: (tf) => {
      const i = tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32');
      return [attempt(() => withDtype(tf.matMul(i, tf.tensor2d([[1, 0], [0, 1]])))), withDtype(tf.matMul(i, i))];
    },
  },
  {
    name: 'cumsum, cumprod and reverse of int32 keep int32',
    run: (tf) => {
      const x = tf.tensor1d([2, -3, 4], 'int32');
      return [withDtype(tf.cumsum(x)), withDtype(tf.cumprod(x)), withDtype(tf.reverse(x)), withDtype(tf.cumsum(x, 0, true, true))];
    },
  },
  {
    name: 'unary math ops reject string tensors, and oneHot rejects float indices',
    run: (tf) => [attempt(() => tf.abs(tf.tensor1d(['a'] as never)).arraySync()), attempt(() => tf.exp(tf.tensor(['a', 'b'] as never)).arraySync()), attempt(() => tf.oneHot(tf.tensor1d([0, 1]), 2).arraySync()), tf.oneHot(tf.tensor1d([0, 2], 'int32'), 3)],
  },
];

const nonFinite: Program[] = [
  {
    name: 'max and min propagate NaN, over the whole tensor and along an axis',
    run: (tf) => {
      const x = tf.tensor2d([[1, NaN, 3], [4, 5, 6]]);
      return [tf.max(x), tf.min(x), tf.max(x, 1), tf.min(x, 0), tf.max(tf.tensor1d([NaN, 1])), tf.min(tf.tensor1d([2, NaN]))];
    },
  },
  {
    name: 'argMax and argMin with NaN and ±Infinity in the values',
    run: (tf) => [
      tf.argMax(tf.tensor1d([1, NaN, 3])), tf.argMin(tf.tensor1d([1, NaN, -3])), tf.argMax(tf.tensor1d([NaN, 1, 2])),
      tf.argMax(tf.tensor1d([-Infinity, -Infinity])), tf.argMax(tf.tensor1d([1, Infinity, Infinity])), tf.argMin(tf.tensor2d([[Infinity, -Infinity], [0, NaN]]), 1),
    ],
  },
  {
    name: 'topk ranks ±Infinity, and ties of -Infinity keep their order',
    run: (tf) => {
      const a = tf.topk(tf.tensor1d([1, Infinity, -Infinity, 5]), 4);
      const b = tf.topk(tf.tensor2d([[-Infinity, 2, -Infinity], [0, Infinity, Infinity]]), 3);
      return [a.values, a.indices, b.values, b.indices];
    },
  },
  {
    name: 'clipByValue passes NaN through and clamps ±Infinity',
    run: (tf) => [tf.clipByValue(tf.tensor1d([NaN, Infinity, -Infinity, 0.5]), -1, 1), tf.clipByValue(tf.tensor1d([NaN, 3]), 0, Infinity)],
  },
  {
    name: 'maximum and minimum with NaN on either side',
    run: (tf) => {
      const a = tf.tensor1d([NaN, 1, NaN, -Infinity]);
      const b = tf.tensor1d([1, NaN, NaN, Infinity]);
      return [tf.maximum(a, b), tf.minimum(a, b), tf.maximum(a, 0)];
    },
  },
  {
    name: 'sum, mean and prod with both infinities, and an infinity times zero',
    run: (tf) => [tf.sum(tf.tensor1d([Infinity, -Infinity])), tf.mean(tf.tensor1d([Infinity, 1])), tf.prod(tf.tensor1d([Infinity, 0])), tf.sum(tf.tensor1d([Infinity, 1, Infinity])), tf.mean(tf.tensor1d([NaN, 1]))],
  },
  {
    name: 'logSumExp with -Infinity everywhere, with +Infinity, along an axis, and over no elements',
    deviation: 'TF.js 4.22 gives NaN for a slice all -Infinity, one holding +Infinity and one of no elements (it shifts by the max, and -Infinity - -Infinity is NaN); tessera gives TensorFlow\'s and PyTorch\'s -Infinity, Infinity and -Infinity (log of an empty sum)',
    run: (tf) => [
      tf.logSumExp(tf.tensor1d([-Infinity, -Infinity])), tf.logSumExp(tf.tensor1d([Infinity, 1])), tf.logSumExp(tf.tensor2d([[-Infinity, 0], [1, -Infinity]]), 1), tf.logSumExp(tf.tensor1d([NaN, 1])),
      tf.logSumExp(tf.zeros([0])), tf.logSumExp(tf.zeros([2, 0]), 1), tf.logSumExp(tf.tensor2d([[-Infinity, -Infinity], [0, 0]]), 1),
    ],
  },
  {
    name: 'softmax and logSoftmax with ±Infinity and NaN logits',
    run: (tf) => [tf.softmax(tf.tensor1d([Infinity, 1, 2])), tf.softmax(tf.tensor1d([-Infinity, 0, 0])), tf.logSoftmax(tf.tensor1d([-Infinity, 0])), tf.softmax(tf.tensor1d([NaN, 1]))],
  },
  {
    name: 'cumsum and cumprod carry NaN and Infinity forward',
    run: (tf) => [tf.cumsum(tf.tensor1d([1, NaN, 2])), tf.cumsum(tf.tensor1d([Infinity, -Infinity, 1])), tf.cumprod(tf.tensor1d([0, Infinity, 2])), tf.cumsum(tf.tensor1d([1, Infinity, 2]), 0, false, true)],
  },
  {
    name: 'relu, relu6, elu, selu and leakyRelu of NaN and ±Infinity',
    run: (tf) => {
      const x = tf.tensor1d([NaN, Infinity, -Infinity, -1]);
      return [tf.relu(x), tf.relu6(x), tf.elu(x), tf.selu(x), tf.leakyRelu(x, 0.1), tf.sigmoid(x), tf.softplus(x)];
    },
  },
  {
    name: 'norms with an infinite entry, and the infinity-order norm with NaN',
    run: (tf) => [tf.norm(tf.tensor1d([3, Infinity])), tf.norm(tf.tensor1d([3, -4, 1]), Infinity), tf.norm(tf.tensor1d([3, -4, 1]), -Infinity), tf.norm(tf.tensor1d([NaN, 1]), 1), tf.norm(tf.tensor2d([[1, -2], [3, 4]]), 'fro')],
  },
  {
    name: 'unique keeps NaN and ±Infinity entries, in order of first sight',
    run: (tf) => {
      const u = tf.unique(tf.tensor1d([Infinity, 1, -Infinity, Infinity, 1, NaN]));
      return [u.values, u.indices];
    },
  },
  {
    name: 'sign, abs, floor, round and sqrt of NaN and ±Infinity and negative values',
    run: (tf) => {
      const x = tf.tensor1d([NaN, Infinity, -Infinity, -4, -0.5, 0.5, 1.5, 2.5]);
      return [tf.sign(x), tf.abs(x), tf.floor(x), tf.round(x), tf.sqrt(x), tf.reciprocal(tf.tensor1d([0, -0, Infinity]))];
    },
  },
  {
    name: 'comparisons with NaN and ±Infinity give false except notEqual',
    run: (tf) => {
      const a = tf.tensor1d([NaN, Infinity, -Infinity, NaN]);
      const b = tf.tensor1d([NaN, Infinity, Infinity, 1]);
      return [tf.equal(a, b), tf.notEqual(a, b), tf.greaterEqual(a, b), tf.lessEqual(a, b), tf.greater(a, b)];
    },
  },
  {
    name: 'log and log1p at zero and below, and exp and expm1 at ±Infinity',
    run: (tf) => [tf.log(tf.tensor1d([0, -1, Infinity])), tf.log1p(tf.tensor1d([-1, -2, Infinity])), tf.exp(tf.tensor1d([-Infinity, Infinity, NaN])), tf.expm1(tf.tensor1d([-Infinity, Infinity]))],
  },
  {
    name: 'div by zero for float32 gives ±Infinity and NaN, and for int32 what TF.js gives',
    run: (tf) => [tf.div(tf.tensor1d([1, -1, 0]), tf.tensor1d([0, 0, 0])), withDtype(tf.div(tf.tensor1d([4, -4, 0], 'int32'), tf.tensor1d([0, 0, 0], 'int32'))), tf.divNoNan(tf.tensor1d([1, 0, NaN]), tf.tensor1d([0, 0, 0])), tf.floorDiv(tf.tensor1d([1, -1]), tf.tensor1d([0, 0]))],
  },
  {
    name: 'moments and variance of a row holding Infinity, and batchNorm with an infinite variance',
    run: (tf) => {
      const m = tf.moments(tf.tensor2d([[1, Infinity], [2, 4]]), 1);
      return [m.mean, m.variance, tf.batchNorm(tf.tensor1d([1, 2]), tf.tensor1d([0, 0]), tf.tensor1d([Infinity, 1]))];
    },
  },
];

const axes: Program[] = [
  {
    name: 'reductions along negative axes, lists of them, and an axis past the rank throws',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
      return [tf.sum(x, -1), tf.max(x, [-1, 0]), tf.mean(x, -3, true), tf.prod(x, [-2]), attempt(() => tf.sum(x, 3).arraySync()), attempt(() => tf.min(x, -4).arraySync())];
    },
  },
  {
    name: 'a reduction with the same axis twice, as a negative and a positive',
    deviation: 'TF.js 4.22 counts a repeated axis twice in the reduced size, so sum over [1, -1] of a [2, 2] matrix gives the scalar 10 (every element) and max over [0, 0] the scalar 4; tessera reduces each named axis once ([3, 7] and [3, 4]), as TensorFlow does',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [attempt(() => tf.sum(x, [1, -1]).arraySync()), attempt(() => tf.max(x, [0, 0]).arraySync())];
    },
  },
  {
    name: 'concat along -1 and along an axis past the rank, and of tensors of different ranks',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2]]);
      const b = tf.tensor2d([[3]]);
      return [tf.concat([a, b], -1), attempt(() => tf.concat([a, b], 2).arraySync()), attempt(() => tf.concat([a, tf.tensor1d([1])], 0).arraySync()), attempt(() => tf.concat([a, b], 0).arraySync()), attempt(() => tf.concat([] as Tensor[]).arraySync())];
    },
  },
  {
    name: 'expandDims at -1, at the rank, and past it',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2]]);
      return [tf.expandDims(x, -1).shape, tf.expandDims(x, 2).shape, tf.expandDims(x, -3).shape, attempt(() => tf.expandDims(x, 3).shape), attempt(() => tf.expandDims(x, -4).shape)];
    },
  },
  {
    name: 'squeeze along -1, along an axis that is not 1, and with no axis',
    run: (tf) => {
      const x = tf.zeros([1, 3, 1]);
      return [tf.squeeze(x, [-1]).shape, tf.squeeze(x).shape, tf.squeeze(x, [0, 2]).shape, attempt(() => tf.squeeze(x, [1]).shape), attempt(() => tf.squeeze(x, [3]).shape)];
    },
  },
  {
    name: 'stack and unstack along -1, and stack of tensors with different shapes throws',
    run: (tf) => {
      const a = tf.tensor1d([1, 2]);
      const b = tf.tensor1d([3, 4]);
      return [tf.stack([a, b], -1), tf.unstack(tf.tensor2d([[1, 2], [3, 4]]), -1), attempt(() => tf.stack([a, tf.tensor1d([1])]).arraySync()), attempt(() => tf.stack([a, b], 2).arraySync())];
    },
  },
  {
    name: 'gather along -1, and with an index past the end',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [tf.gather(x, [2, 0], -1), attempt(() => tf.gather(x, [5]).arraySync()), attempt(() => tf.gather(x, [-1]).arraySync()), attempt(() => tf.gather(x, [0], 2).arraySync())];
    },
  },
  {
    name: 'reverse along -1 and a list of axes, and an axis past the rank throws',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [tf.reverse(x, -1), tf.reverse(x, [0, -1]), tf.reverse(x, []), attempt(() => tf.reverse(x, 2).arraySync())];
    },
  },
  {
    name: 'argMax and argMin along -1 and along an axis past the rank',
    run: (tf) => {
      const x = tf.tensor2d([[1, 5, 3], [9, 2, 4]]);
      return [tf.argMax(x, -1), tf.argMin(x, -2), attempt(() => tf.argMax(x, 2).arraySync()), attempt(() => tf.argMin(x, -3).arraySync())];
    },
  },
  {
    name: 'cumsum and cumprod along a negative axis',
    deviation: 'TF.js 4.22 throws for a negative axis (its transpose permutation keeps the -1); tessera counts it from the end, as TensorFlow\'s cumsum and cumprod do (cumsum along -1 of [[1, 2], [3, 4]] is [[1, 3], [3, 7]])',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [attempt(() => tf.cumsum(x, -1).arraySync()), attempt(() => tf.cumprod(x, -2).arraySync()), tf.cumsum(x, 1)];
    },
  },
  {
    name: 'softmax along the last axis given as its index, and along another axis throws',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 5]]);
      return [tf.softmax(x, 1), tf.logSoftmax(x, -1), attempt(() => tf.softmax(x, 0).arraySync()), attempt(() => tf.logSoftmax(x, 0).arraySync())];
    },
  },
  {
    name: 'split along -1 with sizes that include -1, and sizes that do not add up',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8]]);
      return [tf.split(x, 2, -1), tf.split(x, [1, -1], 1), attempt(() => tf.split(x, 3, 1).length), attempt(() => tf.split(x, [1, 2], 1).length)];
    },
  },
  {
    name: 'oneHot with an index past the depth and a negative index gives a zero row',
    run: (tf) => [tf.oneHot(tf.tensor1d([0, 3, -1, 2], 'int32'), 3), tf.oneHot(tf.tensor1d([1, 5], 'int32'), 2, 9, -1), tf.oneHot(tf.tensor2d([[0], [1]], [2, 1], 'int32'), 2)],
  },
  {
    name: 'transpose with a wrong-length perm or an axis past the rank throws, and a full perm works',
    run: (tf) => {
      const x = tf.zeros([2, 3, 4]);
      return [tf.transpose(x, [2, 0, 1]).shape, attempt(() => tf.transpose(x, [1, 0]).shape), attempt(() => tf.transpose(x, [0, 1, 3]).shape)];
    },
  },
  {
    name: 'tile with reps of the wrong length throws',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2]]);
      return [tf.tile(x, [2, 1]), attempt(() => tf.tile(x, [2]).arraySync()), attempt(() => tf.tile(x, [1, 1, 2]).arraySync())];
    },
  },
  {
    name: 'slice with size -1, begin past the end, and a size that overruns',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [tf.slice(x, [1, 1], [-1, -1]), tf.slice(x, 1), tf.slice(x, [0, 1]), attempt(() => tf.slice(x, [0, 2], [1, 2]).arraySync()), attempt(() => tf.slice(x, [3, 0]).arraySync())];
    },
  },
  {
    name: 'stridedSlice with negative strides, negative begin and end, and shrink masks',
    run: (tf) => {
      const x = tf.tensor1d([0, 1, 2, 3, 4, 5]);
      const m = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [tf.stridedSlice(x, [-1], [0], [-1]), tf.stridedSlice(x, [-2], [-6], [-2]), tf.stridedSlice(x, [0], [0], [-1], 1, 1), tf.stridedSlice(m, [1, -1], [2, 0], [1, -1]), tf.stridedSlice(m, [1, 0], [2, 3], [1, 1], 0, 0, 0, 0, 1), tf.stridedSlice(x, [10], [20], [1])];
    },
  },
  {
    name: 'stridedSlice shrinking one axis while stepping backwards along another',
    deviation: 'TF.js 4.22 throws "Requested out of range element at 2" when shrinkAxisMask drops an axis and another axis has a negative stride; tessera gives the row reversed ([6, 5] from [[1, 2, 3], [4, 5, 6]] with begin [1, -1], end [2, 0], strides [1, -1]), as TensorFlow does',
    run: (tf) => {
      const m = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [tf.stridedSlice(m, [1, -1], [2, 0], [1, -1], 0, 0, 0, 0, 1), tf.stridedSlice(m, [0, 2], [1, 0], [1, -1], 0, 0, 0, 0, 1)];
    },
  },
  {
    name: 'moments over negative axes with keepDims',
    run: (tf) => {
      const m = tf.moments(tf.tensor3d([[[1, 2], [3, 5]], [[0, 4], [8, 1]]]), [-1, -3], true);
      return [m.mean, m.variance];
    },
  },
  {
    name: 'mirrorPad by more than the edge allows throws, and by as much as it allows pads',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [attempt(() => tf.mirrorPad(x, [[2, 0], [0, 0]], 'reflect').arraySync()), tf.mirrorPad(x, [[2, 0], [0, 1]], 'symmetric'), attempt(() => tf.mirrorPad(x, [[3, 0], [0, 0]], 'symmetric').arraySync())];
    },
  },
];

const broadcast: Program[] = [
  {
    name: 'broadcasting [2, 1] with [1, 3], [3] with [2, 1, 3], and shapes that cannot broadcast',
    run: (tf) => {
      const a = tf.tensor2d([[1], [2]]);
      return [tf.add(a, tf.tensor2d([[10, 20, 30]])), tf.mul(tf.tensor1d([1, 2, 3]), tf.ones([2, 1, 3])).shape, attempt(() => tf.add(tf.zeros([2, 3]), tf.zeros([3, 2])).shape), attempt(() => tf.sub(tf.zeros([3]), tf.zeros([2])).shape)];
    },
  },
  {
    name: 'where broadcasts its condition and both branches',
    run: (tf) => {
      const c = tf.tensor2d([[true], [false]]);
      return [attempt(() => tf.where<Tensor>(c, tf.tensor1d([1, 2, 3]), tf.scalar(0)).arraySync()), tf.where(tf.tensor1d([true, false]), tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5, 6], [7, 8]])), attempt(() => tf.where(tf.scalar(true), tf.tensor1d([1, 2]), tf.tensor1d([3, 4])).arraySync())];
    },
  },
  {
    name: 'batched matMul broadcasts a rank-2 operand against a rank-3 one, and mismatched batches throw',
    run: (tf) => {
      const a = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
      const b = tf.tensor2d([[1, 0], [1, 1]]);
      return [tf.matMul(a, b), tf.matMul(b, a), tf.matMul(tf.ones([1, 2, 2]), a), attempt(() => tf.matMul(tf.ones([3, 2, 2]), a).shape), attempt(() => tf.matMul(tf.ones([2, 3]), tf.ones([2, 3])).shape)];
    },
  },
  {
    name: 'broadcastTo from a lower rank, from size 1, and to a shape it cannot fill',
    run: (tf) => [tf.broadcastTo(tf.tensor1d([1, 2]), [2, 2]), tf.broadcastTo(tf.scalar(3), [2, 1]), tf.broadcastTo(tf.tensor2d([[1], [2]]), [2, 2, 3]).shape, attempt(() => tf.broadcastTo(tf.tensor1d([1, 2]), [3]).shape), attempt(() => tf.broadcastTo(tf.zeros([2, 2]), [2]).shape)],
  },
  {
    name: 'comparisons, pow and atan2 broadcast a column against a row',
    run: (tf) => {
      const col = tf.tensor2d([[1], [2], [3]]);
      const row = tf.tensor1d([1, 2]);
      return [tf.greater(col, row), tf.pow(col, row), tf.atan2(col, tf.tensor2d([[1, -1]])), tf.squaredDifference(row, col), tf.mod(col, tf.tensor1d([2, 3]))];
    },
  },
  {
    name: 'a [1] tensor and a scalar broadcast against any shape, and a size-0 dimension against a size-1 one',
    run: (tf) => [tf.add(tf.tensor1d([5]), tf.tensor2d([[1, 2], [3, 4]])), tf.sub(tf.scalar(1), tf.tensor3d([[[1], [2]]])), tf.add(tf.zeros([0, 1]), tf.ones([1, 3])).shape, attempt(() => tf.add(tf.zeros([0]), tf.ones([2])).shape)],
  },
  {
    name: 'gradients of a broadcast add and mul sum back to each input\'s shape',
    run: (tf) => {
      const g = tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.mul(tf.add(a, b), b)));
      return g([tf.tensor2d([[1], [2]]), tf.tensor1d([3, 4, 5])]);
    },
  },
  {
    name: 'maximum, minimum and divNoNan broadcast a scalar tensor and a row',
    run: (tf) => [tf.maximum(tf.tensor2d([[1, 5], [3, -2]]), tf.tensor1d([2, 0])), tf.minimum(tf.scalar(1), tf.tensor1d([0, 2])), tf.divNoNan(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor1d([0, 2]))],
  },
];

const scalars: Program[] = [
  {
    name: 'binary ops given plain numbers and arrays return tensors',
    run: (tf) => [tf.add(2 as never, 3), tf.mul([1, 2] as never, 3), tf.sub(5 as never, [1, 2]), tf.maximum(1 as never, 2), tf.pow(2 as never, 10)],
  },
  {
    name: 'reductions of a scalar, and along axis 0 of a scalar',
    run: (tf) => {
      const s = tf.scalar(5);
      return [tf.sum(s), tf.max(s), tf.mean(s), attempt(() => tf.sum(s, 0).arraySync()), attempt(() => tf.argMax(s).arraySync()), attempt(() => tf.logSumExp(s).arraySync())];
    },
  },
  {
    name: 'reshape, expandDims and stack of scalars, and concat of scalars throws',
    run: (tf) => {
      const s = tf.scalar(5);
      return [tf.reshape(s, [1, 1]), tf.expandDims(s), tf.stack([s, tf.scalar(6)]), attempt(() => tf.concat([s, tf.scalar(6)]).arraySync()), attempt(() => tf.unstack(s).length)];
    },
  },
  {
    name: 'softmax, topk and reverse of a scalar',
    run: (tf) => {
      const s = tf.scalar(2);
      return [attempt(() => tf.softmax(s).arraySync()), attempt(() => tf.topk(s).values.arraySync()), attempt(() => tf.reverse(s).arraySync())];
    },
  },
  {
    name: 'cumsum and cumprod of a scalar',
    deviation: 'TF.js 4.22 returns 0 for the cumsum of the scalar 2 and 1 for the cumprod of the scalar 3 (its kernel accumulates over a rank-0 tensor as if it had an empty axis); tessera refuses a scalar, which has no axis to accumulate along',
    run: (tf) => [attempt(() => tf.cumsum(tf.scalar(2)).arraySync()), attempt(() => tf.cumprod(tf.scalar(3)).arraySync())],
  },
  {
    name: 'transpose, tile, squeeze and pad of a scalar',
    run: (tf) => {
      const s = tf.scalar(4);
      return [tf.transpose(s), attempt(() => tf.tile(s, []).arraySync()), tf.squeeze(s), attempt(() => tf.pad(s, []).arraySync())];
    },
  },
  {
    name: 'oneHot and gather with a scalar index drop a dimension or add one',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [tf.oneHot(tf.scalar(1, 'int32'), 3), tf.gather(x, tf.scalar(1, 'int32')), tf.gather(x, tf.scalar(0, 'int32'), 1), tf.gather(tf.tensor1d([7, 8, 9]), 2 as never)];
    },
  },
  {
    name: 'scalar tensors of each dtype through arithmetic with JavaScript numbers',
    run: (tf) => [withDtype(tf.add(tf.scalar(3, 'int32'), 4)), withDtype(tf.mul(tf.scalar(true, 'bool'), 2)), withDtype(tf.neg(tf.scalar(2, 'int32'))), withDtype(tf.div(tf.scalar(7, 'int32'), 2))],
  },
  {
    name: 'matMul, dot and outerProduct with scalar or rank-1 operands',
    run: (tf) => [attempt(() => tf.matMul(tf.scalar(2) as never, tf.scalar(3) as never).arraySync()), tf.dot(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])), tf.dot(tf.tensor1d([1, 2]), tf.tensor2d([[1, 0], [0, 1]])), attempt(() => tf.dot(tf.tensor1d([1, 2]), tf.tensor1d([1, 2, 3])).arraySync()), tf.outerProduct(tf.tensor1d([1, 2]), tf.tensor1d([3]))],
  },
  {
    name: 'tensor constructors with a shape that does not match the values, or a rank that does not match the helper',
    run: (tf) => [attempt(() => tf.tensor([1, 2, 3], [2, 2]).shape), attempt(() => tf.tensor2d([1, 2, 3]).shape), attempt(() => tf.tensor1d([[1, 2]] as never).shape), tf.tensor(7, [1, 1]), attempt(() => tf.scalar([1] as never).shape)],
  },
  {
    name: 'a ragged nested array given to tensor2d',
    deviation: 'TF.js 4.22 takes the shape from the first row only, so [[1, 2], [3]] becomes a [2, 2] tensor holding 3 values for 4 places; tessera refuses a ragged array',
    run: (tf) => [attempt(() => tf.tensor2d([[1, 2], [3]] as never).shape), attempt(() => tf.tensor([[1], [2, 3]] as never).shape)],
  },
  {
    name: 'fill, zerosLike and onesLike of scalars and of int32 and bool tensors',
    run: (tf) => [withDtype(tf.fill([2], 3, 'int32')), withDtype(tf.zerosLike(tf.scalar(true, 'bool'))), withDtype(tf.onesLike(tf.tensor1d([1, 2], 'int32'))), withDtype(tf.fill([], 1.5))],
  },
];

const more: Program[] = [
  {
    name: 'concat and stack of int32 with float32, and where with an int32 and a float32 branch',
    run: (tf) => {
      const i = tf.tensor1d([1, 2], 'int32');
      const f = tf.tensor1d([0.5, 1.5]);
      return [attempt(() => withDtype(tf.concat([i, f]))), attempt(() => withDtype(tf.stack([i, f]))), attempt(() => withDtype(tf.where(tf.tensor1d([true, false]), i, f)))];
    },
  },
  {
    name: 'mean of int32 gives float32, max and min along an axis keep int32, prod of int32 stays int32',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [4, 7]], [2, 2], 'int32');
      return [withDtype(tf.mean(x)), withDtype(tf.mean(x, 1)), withDtype(tf.max(x, 0)), withDtype(tf.min(x, 1, true)), withDtype(tf.prod(x, 1)), withDtype(tf.sum(x, -1))];
    },
  },
  {
    name: 'all and any of float32 and int32 tensors',
    run: (tf) => [attempt(() => withDtype(tf.all(tf.tensor1d([1, 0])))), attempt(() => withDtype(tf.any(tf.tensor1d([0, 2], 'int32')))), withDtype(tf.all(tf.tensor2d([[true, false], [true, true]]), 1)), withDtype(tf.any(tf.tensor2d([[false, false], [true, false]]), -1, true))],
  },
  {
    name: 'topk of int32 values keeps int32, and k larger than the last dimension throws',
    run: (tf) => {
      const t = tf.topk(tf.tensor1d([3, -1, 7], 'int32'), 2);
      return [withDtype(t.values), withDtype(t.indices), attempt(() => tf.topk(tf.tensor1d([1, 2]), 3).values.arraySync()), attempt(() => tf.topk(tf.tensor1d([1, 2]), -1).values.arraySync())];
    },
  },
  {
    name: 'unique of int32 and bool tensors, and of a matrix along an axis',
    run: (tf) => {
      const a = tf.unique(tf.tensor1d([3, 3, -1, 3], 'int32'));
      const b = tf.unique(tf.tensor1d([true, true, false]));
      const c = tf.unique(tf.tensor2d([[1, 0, 1], [1, 0, 1]]), 1);
      return [withDtype(a.values), a.indices, withDtype(b.values), b.indices, c.values, c.indices];
    },
  },
  {
    name: 'gather with float32 indices throws, and gather with batchDims',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [attempt(() => tf.gather(x, tf.tensor1d([0.5, 1])).arraySync()), tf.gather(x, tf.tensor2d([[2, 0], [1, 1]], [2, 2], 'int32'), 1, 1), withDtype(tf.gather(tf.tensor1d([true, false, true]), [2, 1]))];
    },
  },
  {
    name: 'gatherND and scatterND with in-range and out-of-range indices',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [tf.gatherND(x, tf.tensor2d([[1, 0], [0, 1]], [2, 2], 'int32')), tf.gatherND(x, tf.tensor2d([[1]], [1, 1], 'int32')), attempt(() => tf.gatherND(x, tf.tensor2d([[2, 0]], [1, 2], 'int32')).arraySync()), tf.scatterND(tf.tensor2d([[0], [2], [0]], [3, 1], 'int32'), tf.tensor1d([1, 2, 3]), [4])];
    },
  },
  {
    name: 'range with a negative step, a fractional step, a step of 0, and int32 dtype',
    run: (tf) => [tf.range(5, 0, -2), tf.range(0, 1, 0.25), attempt(() => tf.range(0, 5, 0).arraySync()), withDtype(tf.range(0, 4, 1, 'int32')), tf.range(0, -3), attempt(() => tf.range(0, 3, -1).arraySync())],
  },
  {
    name: 'linspace with one value, with equal ends, and with num 0',
    run: (tf) => [tf.linspace(2, 5, 1), tf.linspace(3, 3, 3), attempt(() => tf.linspace(0, 1, 0).arraySync()), tf.linspace(1, 0, 5)],
  },
  {
    name: 'eye with numColumns, batchShape, and a non-square shape',
    run: (tf) => [tf.eye(2, 3), tf.eye(3, 2), tf.eye(2, 2, [2]).shape, withDtype(tf.eye(2, undefined, undefined, 'int32')), tf.eye(0).shape],
  },
  {
    name: 'unsortedSegmentSum with repeated ids and an empty segment',
    run: (tf) => [tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4]), tf.tensor1d([0, 2, 0, 2], 'int32'), 4), tf.unsortedSegmentSum(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor1d([1, 1], 'int32'), 2)],
  },
  {
    name: 'unsortedSegmentSum with fewer segment ids than rows',
    deviation: 'TF.js 4.22 does not check the ids\' length: the sum of [1, 2] with ids [0] over 2 segments is [3, 0] (the row without an id joins segment 0); tessera refuses ids that are not one per row of x, as TensorFlow does',
    run: (tf) => [attempt(() => tf.unsortedSegmentSum(tf.tensor1d([1, 2]), tf.tensor1d([0], 'int32'), 2).arraySync())],
  },
  {
    name: 'bincount and denseBincount with weights, with a size smaller than the largest value, and binaryOutput on a matrix',
    run: (tf) => {
      const x = tf.tensor1d([1, 1, 3, 0, 5], 'int32');
      return [tf.bincount(x, tf.tensor1d([]), 4), tf.bincount(x, tf.tensor1d([0.5, 1, 2, 3, 4]), 6), tf.denseBincount(tf.tensor2d([[0, 1], [1, 1]], [2, 2], 'int32'), tf.tensor2d([], [0, 0]), 3), tf.denseBincount(tf.tensor2d([[0, 1], [1, 1]], [2, 2], 'int32'), tf.tensor2d([], [0, 0]), 3, true)];
    },
  },
  {
    name: 'denseBincount of a vector with binaryOutput',
    deviation: 'TF.js 4.22\'s cpu kernel ignores binaryOutput for a rank-1 input (it counts: [1, 1, 3, 0, 5] into 4 bins gives [1, 2, 0, 1]), though it honours it for rank 2; tessera gives [1, 1, 0, 1], as TensorFlow does',
    run: (tf) => [tf.denseBincount(tf.tensor1d([1, 1, 3, 0, 5], 'int32'), tf.tensor1d([]), 4, true)],
  },
  {
    name: 'searchSorted, lowerBound and upperBound with ties, values outside the range, and NaN',
    run: (tf) => {
      const seq = tf.tensor1d([1, 2, 2, 4]);
      const v = tf.tensor1d([0, 2, 3, 5, NaN]);
      return [tf.lowerBound(seq, v), tf.upperBound(seq, v), tf.searchSorted(tf.tensor2d([[1, 3], [2, 4]]), tf.tensor2d([[3], [1]]), 'right')];
    },
  },
  {
    name: 'diag of a vector and a matrix, and of an empty vector',
    run: (tf) => [tf.diag(tf.tensor1d([1, 2])), tf.diag(tf.tensor2d([[1, 2], [3, 4]])).shape, tf.diag(tf.tensor1d([])).shape, withDtype(tf.diag(tf.tensor1d([3, 4], 'int32')))],
  },
  {
    name: 'whereAsync and booleanMaskAsync with all false, all true, and a matrix mask',
    run: async (tf) => {
      const none = await tf.whereAsync(tf.tensor1d([false, false]));
      const all = await tf.whereAsync(tf.tensor2d([[true, false], [true, true]]));
      const m = await tf.booleanMaskAsync(tf.tensor2d([[1, 2], [3, 4], [5, 6]]), tf.tensor1d([false, true, true]));
      const e = await tf.booleanMaskAsync(tf.tensor1d([1, 2]), tf.tensor1d([false, false]));
      return [withDtype(none), withDtype(all), m, e];
    },
  },
  {
    name: 'setdiff1dAsync with repeats, with nothing removed and with everything removed',
    run: async (tf) => {
      const [a, ai] = await tf.setdiff1dAsync(tf.tensor1d([4, 1, 4, 2], 'int32'), tf.tensor1d([4], 'int32'));
      const [b, bi] = await tf.setdiff1dAsync(tf.tensor1d([1, 2]), tf.tensor1d([1, 2]));
      return [withDtype(a), ai, b, bi];
    },
  },
  {
    name: 'einsum for a trace-free contraction, an outer product, a transpose and a sum over all',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2], [3, 4]]);
      const b = tf.tensor2d([[0, 1], [1, 0]]);
      return [tf.einsum('ij,jk->ik', a, b), tf.einsum('i,j->ij', tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5])), tf.einsum('ij->ji', a), tf.einsum('ij->', a), tf.einsum('ij,ij->i', a, b), attempt(() => tf.einsum('ii->i', a).arraySync())];
    },
  },
  {
    name: 'prelu with a broadcast alpha, step with NaN and int32, and leakyRelu of int32',
    run: (tf) => [tf.prelu(tf.tensor2d([[-1, 2], [-3, -4]]), tf.tensor1d([0.1, 0.5])), tf.step(tf.tensor1d([NaN, -1, 0, 2]), 0.5), withDtype(tf.step(tf.tensor1d([-1, 0, 2], 'int32'))), withDtype(tf.leakyRelu(tf.tensor1d([-2, 2], 'int32'), 0.5))],
  },
  {
    name: 'trigonometric and hyperbolic ops of int32 give float32, and at ±Infinity',
    run: (tf) => {
      const i = tf.tensor1d([0, 1, -1], 'int32');
      const inf = tf.tensor1d([Infinity, -Infinity]);
      return [withDtype(tf.sin(i)), withDtype(tf.atan(i)), withDtype(tf.cosh(i)), tf.tanh(inf), tf.atan(inf), tf.sinh(inf), tf.sin(inf), tf.asin(tf.tensor1d([2, -1])), tf.acosh(tf.tensor1d([0.5, 1]))];
    },
  },
  {
    name: 'atan2 at the four signed zeros and with infinities',
    run: (tf) => [tf.atan2(tf.tensor1d([0, 0, -0, -0, 1, Infinity]), tf.tensor1d([0, -0, 0, -0, Infinity, Infinity]))],
  },
  {
    name: 'losses with all weights zero and with a reduction over an empty batch',
    run: (tf) => {
      const l = tf.tensor2d([[1, 0], [0, 1]]);
      const p = tf.tensor2d([[0.8, 0.2], [0.4, 0.6]]);
      const w = tf.zeros([2, 1]);
      return [tf.losses.meanSquaredError(l, p, w), tf.losses.absoluteDifference(l, p, w, tf.Reduction.SUM_BY_NONZERO_WEIGHTS), tf.losses.meanSquaredError(l, p, undefined, tf.Reduction.NONE), tf.losses.meanSquaredError(tf.zeros([0, 2]), tf.zeros([0, 2]))];
    },
  },
  {
    name: 'sigmoidCrossEntropy and softmaxCrossEntropy with ±Infinity logits and label smoothing',
    run: (tf) => [tf.losses.sigmoidCrossEntropy(tf.tensor1d([1, 0]), tf.tensor1d([Infinity, -Infinity])), tf.losses.softmaxCrossEntropy(tf.tensor2d([[0, 1]]), tf.tensor2d([[-Infinity, 0]])), tf.losses.sigmoidCrossEntropy(tf.tensor1d([1, 0]), tf.tensor1d([2, -1]), undefined, 0.2)],
  },
  {
    name: 'conv2d and maxPool over an empty batch keep the batch of 0',
    run: (tf) => [tf.conv2d(tf.zeros<Rank.R4>([0, 3, 3, 1]), tf.ones<Rank.R4>([2, 2, 1, 2]), 1, 'valid').shape, tf.maxPool(tf.zeros<Rank.R4>([0, 4, 4, 2]), 2, 2, 'same').shape, tf.avgPool(tf.zeros<Rank.R4>([0, 2, 2, 1]), 2, 1, 'valid').shape],
  },
  {
    name: 'reverse, tile and slice of bool and int32 tensors keep the dtype',
    run: (tf) => {
      const b = tf.tensor2d([[true, false], [false, false]]);
      const i = tf.tensor1d([1, 2, 3], 'int32');
      return [withDtype(tf.reverse(b, 1)), withDtype(tf.tile(b, [1, 2])), withDtype(tf.slice(i, 1, 2)), withDtype(tf.pad(i, [[1, 0]], 9)), withDtype(tf.transpose(b))];
    },
  },
  {
    name: 'sparseToDense with a scalar default, and indices out of order or repeated',
    run: (tf) => [tf.sparseToDense(tf.tensor1d([3, 0], 'int32'), tf.tensor1d([5, 6]), [5], tf.scalar(-1)), attempt(() => tf.sparseToDense(tf.tensor1d([0, 0], 'int32'), tf.tensor1d([1, 2]), [3]).arraySync()), attempt(() => tf.sparseToDense(tf.tensor1d([5], 'int32'), tf.tensor1d([1]), [3]).arraySync())],
  },
  {
    name: 'squeeze, flatten and reshape of [0, 1] and [1, 0] tensors',
    run: (tf) => [tf.squeeze(tf.zeros([0, 1])).shape, tf.squeeze(tf.zeros([1, 0])).shape, tf.reshape(tf.zeros([1, 0]), [0]).shape, attempt(() => tf.squeeze(tf.zeros([0, 1]), [0]).shape)],
  },
  {
    name: 'clipByValue with min above max throws, and with bounds given in either order for scalars',
    run: (tf) => [attempt(() => tf.clipByValue(tf.tensor1d([1, 2]), 3, 1).arraySync()), tf.clipByValue(tf.scalar(5), -1, 1), tf.clipByValue(tf.tensor1d([-0, 0.5]), 0, 0.25)],
  },
  {
    name: 'localResponseNormalization with a radius past the channels, and int32 input',
    run: (tf) => [tf.localResponseNormalization(tf.tensor4d([1, 2, 3], [1, 1, 1, 3]), 5, 1, 1, 0.5), attempt(() => withDtype(tf.localResponseNormalization(tf.tensor4d([1, 2], [1, 1, 1, 2], 'int32'))))],
  },
  {
    name: 'argMax over a bool matrix along each axis, and argMin with ties along -1',
    run: (tf) => [tf.argMax(tf.tensor2d([[false, true], [false, false]]), 1), tf.argMax(tf.tensor2d([[false, true], [true, true]]), 0), tf.argMin(tf.tensor2d([[2, 1, 1], [0, 0, 0]]), -1)],
  },
];

const conversions: Program[] = [
  {
    name: 'numbers stored as bool: zero is false, a fraction that rounds to zero too, NaN is true',
    run: (tf) => [withDtype(tf.tensor([0.4, 0.6, -0.4, NaN, 2, -0], [6], 'bool')), withDtype(tf.scalar(0.4, 'bool')), withDtype(tf.cast(tf.tensor1d([0.4, -0]), 'bool'))],
  },
  {
    name: 'fractional, NaN, infinite and too-large numbers stored as int32',
    run: (tf) => [withDtype(tf.tensor([2.9, -2.9, NaN, Infinity, 3e9], [5], 'int32')), withDtype(tf.cast(tf.tensor1d([2.9, -2.9, NaN, Infinity, 3e9]), 'int32')), withDtype(tf.fill([2], 2.7, 'int32')), withDtype(tf.scalar(-0.5, 'int32'))],
  },
  {
    name: 'bool values given as numbers to a float32 tensor, and booleans given to an int32 one',
    run: (tf) => [withDtype(tf.tensor([true, false], [2], 'float32')), withDtype(tf.tensor([true, false, true], [3], 'int32')), withDtype(tf.tensor1d([1, 0, 1], 'bool'))],
  },
  {
    name: 'neg, abs, square and sign of bool tensors',
    run: (tf) => {
      const b = tf.tensor1d([true, false]);
      return [attempt(() => withDtype(tf.neg(b))), attempt(() => withDtype(tf.abs(b))), attempt(() => withDtype(tf.square(b))), attempt(() => withDtype(tf.sign(b))), attempt(() => withDtype(tf.isNaN(b)))];
    },
  },
  {
    name: 'reciprocal, rsqrt, erf and softplus of int32 give float32',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 4], 'int32');
      return [withDtype(tf.reciprocal(x)), withDtype(tf.rsqrt(x)), withDtype(tf.erf(x)), withDtype(tf.softplus(x)), withDtype(tf.logSigmoid(x))];
    },
  },
  {
    name: 'pow at 0^0, of a negative base to a fraction, and 0 to a negative power',
    run: (tf) => [tf.pow(tf.tensor1d([0, -8, 0, -2]), tf.tensor1d([0, 1 / 3, -1, 0.5])), withDtype(tf.pow(tf.tensor1d([0, 2], 'int32'), tf.tensor1d([0, -1], 'int32'))), tf.pow(tf.tensor1d([-2, -2]), tf.tensor1d([2, 3]))],
  },
  {
    name: 'round of negative halves, floor and ceil of signed zeros, and sqrt and rsqrt at zero',
    run: (tf) => [tf.round(tf.tensor1d([-0.5, -1.5, -2.5, 0.5, 3.5])), tf.floor(tf.tensor1d([-0, -0.1])), tf.ceil(tf.tensor1d([-0.9, -0])), tf.sqrt(tf.tensor1d([-0, 0])), tf.rsqrt(tf.tensor1d([0, -0, Infinity]))],
  },
  {
    name: 'mod and floorDiv by zero for float32 and int32',
    run: (tf) => [tf.mod(tf.tensor1d([5, -5, 0]), tf.tensor1d([0, 0, 0])), withDtype(tf.mod(tf.tensor1d([5, -5], 'int32'), tf.tensor1d([0, 0], 'int32'))), withDtype(tf.floorDiv(tf.tensor1d([5, -5, 0], 'int32'), tf.tensor1d([0, 0, 0], 'int32')))],
  },
  {
    name: 'softplus, logSigmoid and sigmoid far out on either side stay finite',
    run: (tf) => {
      const x = tf.tensor1d([-100, -30, 30, 100]);
      return [tf.softplus(x), tf.logSigmoid(x), tf.sigmoid(x), tf.log1p(tf.tensor1d([1e-8, -0.5]))];
    },
  },
  {
    name: 'matMul and dot of bool tensors, and dot of int32 vectors',
    run: (tf) => [attempt(() => withDtype(tf.matMul(tf.tensor2d([[true]]), tf.tensor2d([[true]])))), withDtype(tf.dot(tf.tensor1d([1, 2], 'int32'), tf.tensor1d([3, 4], 'int32')))],
  },
  {
    name: 'reshape with two -1s, and -1 with a size that does not divide',
    run: (tf) => {
      const x = tf.zeros([2, 3]);
      return [attempt(() => tf.reshape(x, [-1, -1]).shape), attempt(() => tf.reshape(x, [4, -1]).shape), tf.reshape(x, [-1, 2]).shape, attempt(() => tf.reshape(x, [-2, -3]).shape)];
    },
  },
  {
    name: 'split with two -1 sizes, and tile and pad with negative counts',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3, 4]);
      return [attempt(() => tf.split(x, [-1, -1]).length), attempt(() => tf.tile(x, [-1]).shape), attempt(() => tf.pad(x, [[-1, 0]]).shape)];
    },
  },
  {
    name: 'slice with a negative begin, and with a size of 0 on one axis',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [attempt(() => tf.slice(x, [-1, 0], [1, 2]).arraySync()), tf.slice(x, [1, 0], [0, 3]).shape, attempt(() => tf.slice(x, [0, 0], [1, 4]).arraySync())];
    },
  },
  {
    name: 'oneHot with a dtype, with a float onValue, and with depth 0',
    run: (tf) => [withDtype(tf.oneHot(tf.tensor1d([0, 2], 'int32'), 3, 1, 0, 'float32')), withDtype(tf.oneHot(tf.tensor1d([1], 'int32'), 2, 0.5, -0.5)), attempt(() => tf.oneHot(tf.tensor1d([0], 'int32'), 0).shape)],
  },
  {
    name: 'logical ops broadcast bool tensors of different ranks',
    run: (tf) => [tf.logicalAnd(tf.tensor2d([[true], [false]]), tf.tensor1d([true, false])), tf.logicalOr(tf.scalar(false, 'bool'), tf.tensor1d([false, true])), tf.logicalXor(tf.tensor2d([[true, true]]), tf.tensor2d([[true], [false]]))],
  },
  {
    name: 'max and min of bool tensors along an axis, and argMin of a bool matrix',
    run: (tf) => {
      const b = tf.tensor2d([[true, false], [false, false]]);
      return [withDtype(tf.max(b, 1)), withDtype(tf.min(b, 0)), tf.argMin(b, 1)];
    },
  },
  {
    name: 'norm of an int32 vector, along a negative axis, and of a matrix with an ord it refuses',
    run: (tf) => [withDtype(tf.norm(tf.tensor1d([3, 4], 'int32'))), tf.norm(tf.tensor2d([[3, 4], [6, 8]]), 1, -1), tf.norm(tf.tensor2d([[1, -2], [3, 4]]), Infinity, [0, 1]), attempt(() => tf.norm(tf.tensor2d([[1, 2], [3, 4]]), 2, [0, 1]).arraySync())],
  },
  {
    name: 'cumsum with exclusive and reverse along the rows of a matrix',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [tf.cumsum(x, 1, true), tf.cumsum(x, 1, false, true), tf.cumsum(x, 0, true, true), tf.cumprod(x, 1, true, true)];
    },
  },
  {
    name: 'maximum of int32 and bool, and add of bool and int32',
    run: (tf) => {
      const i = tf.tensor1d([0, 2], 'int32');
      const b = tf.tensor1d([true, false]);
      return [attempt(() => withDtype(tf.maximum(i, b))), attempt(() => withDtype(tf.add(b, i))), attempt(() => withDtype(tf.mul(i, b)))];
    },
  },
];

const printedAndGrads: Program[] = [
  {
    name: 'printing NaN, ±Infinity, -0 and tiny and huge float32 values',
    run: (tf) => {
      tf.tensor1d([NaN, Infinity, -Infinity, -0, 0]).print();
      tf.tensor1d([1e-8, 1e8, -3.5e-5]).print();
      tf.tensor2d([[NaN, 1], [-Infinity, 2.5]]).print();
      return tf.tensor1d([NaN, -0]).toString();
    },
  },
  {
    name: 'printing int32 and bool tensors, scalars of each, and verbose print of an empty one',
    run: (tf) => {
      tf.tensor1d([-2147483648, 0, 7], 'int32').print();
      tf.tensor2d([[true, false], [false, true]]).print();
      tf.scalar(true, 'bool').print();
      tf.scalar(-3, 'int32').print();
      tf.zeros([0, 2], 'int32').print(true);
      return tf.tensor1d([true]).toString(true);
    },
  },
  {
    name: 'dataSync and array of bool and int32 tensors give their typed values',
    run: async (tf) => {
      const b = tf.tensor1d([true, false]);
      const i = tf.tensor1d([1, -2], 'int32');
      return [Array.from(b.dataSync()), b.dataSync().constructor.name, i.dataSync().constructor.name, await b.array(), await tf.zeros([0]).data().then((d) => d.length)];
    },
  },
  {
    name: 'gradients of max, min and argMax-free reductions with NaN and ties',
    run: (tf) => {
      const x = tf.tensor1d([1, NaN, 3]);
      return [tf.grad((v: Tensor) => tf.max(v))(x), tf.grad((v: Tensor) => tf.min(v))(tf.tensor1d([2, 2, 5])), tf.grad((v: Tensor) => tf.sum(v))(x), tf.grad((v: Tensor) => tf.mean(v))(tf.tensor1d([Infinity, 1]))];
    },
  },
  {
    name: 'gradients through empty tensors have the input\'s empty shape',
    run: (tf) => [tf.grad((v: Tensor) => tf.sum(tf.square(v)))(tf.zeros([0, 2])).shape, tf.grad((v: Tensor) => tf.sum(tf.matMul(v, tf.ones([2, 3]))))(tf.zeros([0, 2])).shape, tf.grad((v: Tensor) => tf.mean(tf.exp(v)))(tf.zeros([0]))],
  },
  {
    name: 'gradients of abs, relu and sqrt at zero, and of clipByValue at its bounds',
    run: (tf) => [tf.grad((v: Tensor) => tf.sum(tf.abs(v)))(tf.tensor1d([0, -1, 2])), tf.grad((v: Tensor) => tf.sum(tf.relu(v)))(tf.tensor1d([0, -1, 2])), tf.grad((v: Tensor) => tf.sum(tf.sqrt(v)))(tf.tensor1d([0, 4])), tf.grad((v: Tensor) => tf.sum(tf.clipByValue(v, -1, 1)))(tf.tensor1d([-1, 0, 1, 2]))],
  },
  {
    name: 'gradients of a broadcast scalar tensor and of an int32 input cast to float32',
    run: (tf) => {
      const [gs, gx] = tf.grads((s: Tensor, x: Tensor) => tf.sum(tf.mul(s, x)))([tf.scalar(2), tf.tensor2d([[1, 2], [3, 4]])]);
      return [gs, gx, tf.grad((v: Tensor) => tf.sum(tf.cast(v, 'float32')))(tf.tensor1d([1.5, 2]))];
    },
  },
  {
    name: 'gradients of pow at a zero base and of log at zero',
    run: (tf) => [tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.pow(a, b)))([tf.tensor1d([0, 0, 2]), tf.tensor1d([2, 0.5, 3])]), tf.grad((v: Tensor) => tf.sum(tf.log(v)))(tf.tensor1d([0, 2]))],
  },
  {
    name: 'chained methods with negative axes: sum, max, argMax, cumsum and expandDims',
    run: (tf) => {
      const x = tf.tensor2d([[1, 5, 2], [7, 0, 3]]);
      return [x.sum(-1), x.max(-2, true), x.argMax(-1), x.mean(-1, true), x.expandDims(-1).shape, x.min([-1, -2])];
    },
  },
  {
    name: 'tensors built from typed arrays of another kind take the declared dtype',
    run: (tf) => [withDtype(tf.tensor(new Int32Array([1, -2, 3]))), withDtype(tf.tensor(new Float32Array([1.5, 2]), [2], 'int32')), withDtype(tf.tensor(new Uint8Array([0, 2, 255]))), withDtype(tf.tensor(new Int32Array([0, 2]), [2], 'bool'))],
  },
  {
    name: 'losses with labels and predictions of different shapes throw',
    run: (tf) => [attempt(() => tf.losses.meanSquaredError(tf.tensor1d([1, 2]), tf.tensor1d([1, 2, 3])).arraySync()), attempt(() => tf.losses.absoluteDifference(tf.tensor2d([[1, 2]]) as Tensor, tf.tensor1d([1, 2])).arraySync()), attempt(() => tf.losses.softmaxCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[1, 0, 0]])).arraySync())],
  },
  {
    name: 'metrics on empty batches and on int32 labels',
    run: (tf) => [tf.metrics.binaryAccuracy(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.7], [0.6]])), tf.metrics.categoricalAccuracy(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.5, 0.5]])), tf.metrics.meanSquaredError(tf.zeros([0, 2]), tf.zeros([0, 2])).shape, tf.metrics.meanAbsoluteError(tf.tensor1d([1, 2], 'int32'), tf.tensor1d([1.5, 2]))],
  },
];

const imagesAndLayers: Program[] = [
  {
    name: 'nonMaxSuppression with no boxes, with maxOutputSize 0, and with an iouThreshold outside [0, 1]',
    run: (tf) => {
      const boxes = tf.tensor2d([[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, 2, 1, 3]]);
      const scores = tf.tensor1d([0.9, 0.8, 0.7]);
      return [tf.image.nonMaxSuppression(tf.zeros([0, 4]) as never, tf.zeros([0]) as never, 3), tf.image.nonMaxSuppression(boxes, scores, 0), attempt(() => tf.image.nonMaxSuppression(boxes, scores, 3, 1.5).arraySync()), tf.image.nonMaxSuppression(boxes, scores, 3, 0.5, 0.75)];
    },
  },
  {
    name: 'resizeBilinear and resizeNearestNeighbor to a 1×1 image and from a 1×1 image',
    run: (tf) => {
      const img = tf.tensor3d([[[1], [2]], [[3], [4]]]);
      return [tf.image.resizeBilinear(img, [1, 1]), tf.image.resizeNearestNeighbor(img, [1, 1]), tf.image.resizeBilinear(tf.tensor3d([[[5]]]), [2, 3]), tf.image.resizeBilinear(img, [3, 3], true)];
    },
  },
  {
    name: 'cropAndResize with no boxes, and with a box reaching outside the image',
    run: (tf) => {
      const img = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
      return [tf.image.cropAndResize(img, tf.zeros([0, 4]) as never, tf.tensor1d([], 'int32') as never, [2, 2]).shape, tf.image.cropAndResize(img, tf.tensor2d([[-0.5, -0.5, 1.5, 1.5]]), tf.tensor1d([0], 'int32'), [3, 3], 'bilinear', 9)];
    },
  },
  {
    name: 'bandPart with negative bounds keeping whole triangles, and bounds past the matrix',
    run: (tf) => {
      const m = tf.tensor2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
      return [tf.linalg.bandPart(m, 0, -1), tf.linalg.bandPart(m, -1, 0), tf.linalg.bandPart(m, 5, 5), attempt(() => tf.linalg.bandPart(tf.tensor1d([1, 2]) as Tensor, 0, 0).arraySync())];
    },
  },
  {
    name: 'conv2d with a stride larger than the kernel, and with a kernel whose in-channels do not match',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 25 }, (_, i) => i), [1, 5, 5, 1]);
      return [tf.conv2d(x, tf.ones<Rank.R4>([2, 2, 1, 1]), 3, 'valid'), tf.conv2d(x, tf.ones<Rank.R4>([1, 1, 1, 1]), [2, 3], 'same'), attempt(() => tf.conv2d(x, tf.ones<Rank.R4>([2, 2, 2, 1]), 1, 'valid').shape)];
    },
  },
  {
    name: 'signal.frame with a frame longer than the signal, with padding, and hammingWindow of length 1',
    run: (tf) => [tf.signal.frame(tf.tensor1d([1, 2, 3]), 4, 1).shape, tf.signal.frame(tf.tensor1d([1, 2, 3]), 2, 2, true, -1), tf.signal.hammingWindow(1), tf.signal.hannWindow(2)],
  },
  {
    name: 'a dense layer on a rank-3 input, and on an input with no rows',
    run: (tf) => {
      const d = tf.layers.dense({ units: 2, kernelInitializer: 'ones', biasInitializer: 'ones' });
      const y = d.apply(tf.ones([2, 3, 4])) as Tensor;
      return [y.shape, y.arraySync(), (d.apply(tf.zeros([0, 4])) as Tensor).shape];
    },
  },
  {
    name: 'concatenate along -1, and along an axis where the shapes differ',
    run: (tf) => {
      const a = tf.ones([2, 1, 2]);
      const b = tf.zeros([2, 1, 3]);
      return [(tf.layers.concatenate({ axis: -1 }).apply([a, b]) as Tensor).shape, attempt(() => (tf.layers.concatenate({ axis: 1 }).apply([a, b]) as Tensor).shape)];
    },
  },
  {
    name: 'a dropout layer with rate 0 at inference, and a softmax layer given NaN',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [tf.layers.dropout({ rate: 0 }).apply(x), tf.layers.dropout({ rate: 0.5 }).apply(x), tf.layers.softmax().apply(tf.tensor2d([[NaN, 1], [1, 1]]))];
    },
  },
  {
    name: 'a dropout layer with rate 1 passes its input through, in training too, as TF.js\'s drops only at 0 < rate < 1',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      const d = tf.layers.dropout({ rate: 1 });
      return [d.apply(x), d.apply(x, { training: true }), d.getConfig().rate];
    },
  },
  {
    name: 'a flatten layer on an empty batch',
    run: (tf) => [(tf.layers.flatten().apply(tf.zeros([0, 2, 3])) as Tensor).shape, tf.layers.flatten().apply(tf.zeros([0, 1, 1, 4]))],
  },
  {
    name: 'an embedding layer given an id past inputDim, and given int32 and float ids',
    run: (tf) => {
      const e = tf.layers.embedding({ inputDim: 3, outputDim: 2, embeddingsInitializer: 'ones' });
      return [(e.apply(tf.tensor2d([[0, 2]], [1, 2], 'int32')) as Tensor).arraySync(), (e.apply(tf.tensor2d([[1, 0]])) as Tensor).arraySync()];
    },
  },
];

const variablesAndMore: Program[] = [
  {
    name: 'a variable assigned a value of another dtype or shape throws, and an int32 variable keeps int32',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1, 2], 'int32'));
      v.assign(tf.tensor1d([5, 6], 'int32'));
      return [withDtype(v), attempt(() => v.assign(tf.tensor1d([1.5, 2]))), attempt(() => v.assign(tf.tensor1d([1, 2, 3], 'int32'))), withDtype(tf.variable(tf.scalar(true, 'bool')))];
    },
  },
  {
    name: 'depthToSpace and spaceToBatchND with a block that does not divide, and batchToSpaceND back',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 8 }, (_, i) => i), [1, 1, 2, 4]);
      const s = tf.spaceToBatchND(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]), [2, 2], [[0, 0], [0, 0]]);
      return [tf.depthToSpace(x, 2), attempt(() => tf.depthToSpace(x, 3).shape), s, tf.batchToSpaceND(s, [2, 2], [[0, 0], [0, 0]]), attempt(() => tf.spaceToBatchND(tf.zeros<Rank.R4>([1, 3, 3, 1]), [2, 2], [[0, 0], [0, 0]]).shape)];
    },
  },
  {
    name: 'meshgrid with xy and ij indexing, and with an empty vector',
    run: (tf) => [tf.meshgrid(tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5])), tf.meshgrid(tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5]), { indexing: 'ij' }), tf.meshgrid(tf.tensor1d([]), tf.tensor1d([1])).map((t) => t.shape)],
  },
  {
    name: 'tensorScatterUpdate with repeated indices, and with an index past the end',
    run: (tf) => [tf.tensorScatterUpdate(tf.zeros([4]), tf.tensor2d([[1], [3]], [2, 1], 'int32'), tf.tensor1d([7, 8])), attempt(() => tf.tensorScatterUpdate(tf.zeros([2]), tf.tensor2d([[5]], [1, 1], 'int32'), tf.tensor1d([1])).arraySync())],
  },
  {
    name: 'inTopKAsync with k larger than the number of classes and with ties',
    run: async (tf) => {
      const p = tf.tensor2d([[0.1, 0.5, 0.5], [0.9, 0.05, 0.05]]);
      return [await tf.inTopKAsync(p, tf.tensor1d([2, 1], 'int32'), 1), await tf.inTopKAsync(p, tf.tensor1d([0, 2], 'int32'), 5)];
    },
  },
  {
    name: 'conv1d with stride 2 and dilation, and maxPoolWithArgmax of a 2×2 image',
    run: (tf) => {
      const x = tf.tensor3d([1, 2, 3, 4, 5, 6], [1, 6, 1]);
      const r = tf.maxPoolWithArgmax(tf.tensor4d([1, 4, 3, 2], [1, 2, 2, 1]), 2, 2, 'valid');
      return [tf.conv1d(x, tf.tensor3d([1, -1], [2, 1, 1]), 2, 'valid'), tf.conv1d(x, tf.tensor3d([1, 1], [2, 1, 1]), 1, 'same', 'NWC', 2), r.result, r.indexes];
    },
  },
  {
    name: 'clone and identity-like ops keep empty, int32 and bool tensors as they are',
    run: (tf) => [withDtype(tf.clone(tf.zeros([0, 3], 'int32'))), withDtype(tf.clone(tf.tensor1d([true]))), withDtype(tf.reshape(tf.tensor1d([true, false]), [2, 1])), withDtype(tf.expandDims(tf.scalar(2, 'int32'), 0))],
  },
  {
    name: 'unstack and split of bool and int32 tensors, and unstack along an axis past the rank',
    run: (tf) => [tf.unstack(tf.tensor2d([[true, false], [false, true]])).map(withDtype), tf.split(tf.tensor1d([1, 2, 3, 4], 'int32'), 2).map(withDtype), attempt(() => tf.unstack(tf.zeros([2, 2]), 2).length)],
  },
  {
    name: 'squaredDifference and lessEqual with bool and int32 operands',
    run: (tf) => [attempt(() => withDtype(tf.squaredDifference(tf.tensor1d([true, false]), tf.tensor1d([false, false])))), withDtype(tf.lessEqual(tf.tensor1d([1, 2], 'int32'), tf.tensor1d([true, true]))), withDtype(tf.isFinite(tf.tensor1d([true])))],
  },
  {
    name: 'tf.tidy returning nested arrays and objects of tensors from empty and int32 ops keeps them',
    run: (tf) => {
      const before = tf.memory().numTensors;
      const out = tf.tidy(() => ({ e: tf.sum(tf.zeros([0, 2]), 0), i: [tf.add(tf.scalar(1, 'int32'), 2)] }));
      return [out.e, out.i[0], tf.memory().numTensors - before];
    },
  },
];

const orders: Program[] = [
  {
    name: 'topk with sorted false, on ties and on a matrix',
    run: (tf) => {
      const a = tf.topk(tf.tensor1d([1, 5, 3, 5, 2]), 3, false);
      const b = tf.topk(tf.tensor2d([[4, 1, 4, 3], [0, 0, 0, 1]]), 2, false);
      return [a.values, a.indices, b.values, b.indices];
    },
  },
  {
    name: 'moments and logSumExp of int32 tensors, and moments with keepDims over every axis',
    run: (tf) => {
      const i = tf.tensor2d([[1, 2], [3, 6]], [2, 2], 'int32');
      const m = tf.moments(i);
      const k = tf.moments(tf.tensor2d([[1, 2], [3, 6]]), [0, 1], true);
      return [withDtype(m.mean), withDtype(m.variance), withDtype(tf.logSumExp(i, 1)), k.mean.shape, k.variance];
    },
  },
  {
    name: 'unique of 0 and -0, argMax among them, and sign and equal of -0',
    run: (tf) => {
      const u = tf.unique(tf.tensor1d([0, -0, 1]));
      return [u.values.shape, u.indices, tf.sign(tf.tensor1d([-0, 0])), tf.equal(tf.tensor1d([-0]), tf.tensor1d([0])), tf.argMax(tf.tensor1d([-0, 0]))];
    },
  },
  {
    name: 'sum and mean of many float32 values, and a sum of values of very different sizes',
    run: (tf) => {
      const x = tf.fill([10000], 0.1);
      return [tf.sum(x), tf.mean(x), tf.sum(tf.tensor1d([1e8, 1, -1e8]))];
    },
  },
  {
    name: 'reverse and transpose of a rank-5 tensor along negative axes',
    run: (tf) => {
      const x = tf.reshape(tf.range(0, 32), [2, 2, 2, 2, 2]);
      return [tf.reverse(x, [-1, -4]), tf.transpose(x, [4, 3, 2, 1, 0]), tf.sum(x, [-5, -1])];
    },
  },
];

const refusals: Program[] = [
  {
    name: 'zeros, ones and fill with a negative or fractional dimension',
    run: (tf) => [attempt(() => tf.zeros([-1, 2]).shape), attempt(() => tf.ones([1.5]).shape), attempt(() => tf.fill([2, -3], 1).shape), attempt(() => tf.tensor([1, 2], [2, 1.0]).shape)],
  },
  {
    name: 'topk with a fractional k, split into 0 pieces, a sum over a fractional axis, and eye with a negative size',
    run: (tf) => {
      const x = tf.tensor1d([3, 1, 2, 4]);
      return [attempt(() => tf.topk(x, 1.5).values.shape), attempt(() => tf.split(x, 0).length), attempt(() => tf.sum(tf.tensor2d([[1, 2], [3, 4]]), 0.5).arraySync()), attempt(() => tf.eye(-1).shape)];
    },
  },
  {
    name: 'fractional sizes, counts and axes given to oneHot, expandDims, linspace, tile, pad and slice',
    deviation: 'TF.js 4.22 takes them and builds tensors from the fractions (oneHot depth 2.5 gives shape [1, 2.5], pad by 0.5 gives shape [2.5], tile by 1.5 gives [3], expandDims at 1.5 inserts at 1, linspace with 2.5 values gives 2, slice from 0.5 reads from 0); tessera refuses a count, size or axis that is not an integer, as TensorFlow does (issue 10)',
    run: (tf) => {
      const x = tf.tensor1d([1, 2]);
      return [
        attempt(() => tf.oneHot(tf.tensor1d([0], 'int32'), 2.5).shape), attempt(() => tf.expandDims(tf.zeros([2, 2]), 1.5).shape), attempt(() => tf.linspace(0, 1, 2.5).shape),
        attempt(() => tf.tile(x, [1.5]).shape), attempt(() => tf.pad(x, [[0.5, 0]]).shape), attempt(() => tf.slice(x, [0.5], [1]).arraySync()),
      ];
    },
  },
  {
    name: 'resizeBilinear and resizeNearestNeighbor to a height of 0',
    deviation: 'TF.js 4.22 returns an empty [0, 2, 1] image; tessera refuses a size that is not positive, as TensorFlow\'s resize ops do ("output dimensions must be positive")',
    run: (tf) => [attempt(() => tf.image.resizeBilinear(tf.ones<Rank.R3>([2, 2, 1]), [0, 2]).shape), attempt(() => tf.image.resizeNearestNeighbor(tf.ones<Rank.R3>([2, 2, 1]), [0, 2]).shape)],
  },
];

const lastCorners: Program[] = [
  {
    name: 'stack and concat of a single tensor, stack of none, and reverse with an axis named twice (it comes back in order) or three times',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      return [tf.stack([x]).shape, tf.concat([x]), attempt(() => tf.stack([]).shape), attempt(() => tf.reverse(x, [0, 0]).arraySync()), attempt(() => tf.reverse(x, [1, -1]).arraySync()), tf.reverse(x, [1, 1, -1]), tf.reverse(x, [0, -1, -2])];
    },
  },
  {
    name: 'gather with batchDims equal to the indices\' rank and past it, and with a negative batchDims',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const i = tf.tensor1d([2, 0], 'int32');
      return [attempt(() => tf.gather(x, i, 1, 1).arraySync()), attempt(() => tf.gather(x, i, 1, 2).arraySync()), attempt(() => tf.gather(x, i, 1, -1).arraySync())];
    },
  },
  {
    name: 'unsortedSegmentSum with a negative segment id and with numSegments 0',
    run: (tf) => [attempt(() => tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3]), tf.tensor1d([0, -1, 1], 'int32'), 2).arraySync()), attempt(() => tf.unsortedSegmentSum(tf.tensor1d([1]), tf.tensor1d([0], 'int32'), 0).shape)],
  },
  {
    name: 'batchNorm of a rank-4 input with rank-1 statistics, and with a scalar variance and no offset',
    run: (tf) => {
      const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]);
      return [tf.batchNorm(x, tf.tensor1d([1, 2]), tf.tensor1d([1, 4]), tf.tensor1d([0, 1]), tf.tensor1d([2, 1]), 0.001), tf.batchNorm(x, tf.scalar(4), tf.scalar(2))];
    },
  },
  {
    name: 'cumsum of a bool tensor with exclusive and reverse, and sum of a bool matrix along an axis with keepDims',
    run: (tf) => {
      const b = tf.tensor2d([[true, false, true], [true, true, false]]);
      return [attempt(() => withDtype(tf.cumsum(b, 1, true, true))), withDtype(tf.sum(b, 1, true)), withDtype(tf.mean(b, 0))];
    },
  },
  {
    name: 'clipByValue with NaN and infinite bounds',
    run: (tf) => {
      const x = tf.tensor1d([-3, 0, 3]);
      return [attempt(() => tf.clipByValue(x, -Infinity, 1).arraySync()), attempt(() => tf.clipByValue(x, NaN, 1).arraySync()), attempt(() => tf.clipByValue(x, -1, NaN).arraySync())];
    },
  },
];

export const s27Edges: Program[] = [
  ...empty, ...dtypes, ...nonFinite, ...axes, ...broadcast, ...scalars, ...more, ...conversions, ...printedAndGrads, ...imagesAndLayers, ...variablesAndMore, ...orders, ...refusals, ...lastCorners,
];
