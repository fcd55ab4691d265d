import type { Program } from '../harness';

// Numerical and semantic corners an ordinary program meets: extreme values, ties, powers at 0, typed-array inputs,
// a rank-1 condition for where, reductions of one element, and tf.tidy around gradients.

export const edges: Program[] = [
  {
    name: 'extreme values through activations and reductions',
    run: (tf) => {
      const x = tf.tensor1d([-1000, -50, -1e-8, 0, 1e-8, 50, 1000]);
      return [
        x.sigmoid(), x.softplus(), x.logSigmoid(), x.tanh(), x.elu(), x.selu(), tf.logSumExp(x), tf.softmax(x), tf.logSoftmax(x),
        x.exp().log(), tf.erf(x), x.expm1(), x.log1p(),
      ];
    },
  },
  {
    name: 'ties in argMax, argMin, max gradients and topk',
    run: (tf) => {
      const x = tf.tensor2d([[1, 3, 3], [2, 2, 2]]);
      return [x.argMax(1), x.argMin(1), x.argMax(0), tf.topk(x, 2).indices, tf.grad((t) => t.max(1).sum())(x), tf.grad((t) => t.min().mul(1))(x)];
    },
  },
  {
    name: 'powers: zero, negative bases, int exponents',
    run: (tf) => [
      tf.pow(tf.tensor1d([0, 0, 2, -2, -2]), tf.tensor1d([0, 2, -1, 2, 0.5])), tf.pow(tf.tensor1d([2, -3], 'int32'), tf.tensor1d([3, 2], 'int32')),
      tf.pow(tf.tensor1d([4, 9]), 0.5), tf.pow(2, tf.tensor1d([1, 2, 3])), tf.grad((t) => tf.pow(t, tf.scalar(2)).sum())(tf.tensor1d([0, -1, 3])),
      tf.sqrt(tf.tensor1d([0, 4])), tf.square(tf.tensor1d([-3])),
    ],
  },
  {
    name: 'typed-array and nested inputs',
    run: (tf) => [
      tf.tensor(new Float32Array([1, 2, 3, 4]), [2, 2]), tf.tensor(new Int32Array([1, 2]), [2, 1]), tf.tensor(new Uint8Array([1, 0, 1]), [3], 'bool'),
      tf.tensor([[[1, 2]], [[3, 4]]]), tf.tensor2d(new Float32Array([5, 6]), [1, 2]), tf.tensor([1, 2, 3], [3], 'float32').reshape([1, 3, 1]),
      tf.tensor([[1, 2], [3, 4]], undefined, 'int32').dtype, tf.tensor(3).shape, tf.tensor([]).shape, tf.tensor([[]]).shape,
    ],
  },
  {
    name: 'where with a rank-1 condition on a matrix',
    run: (tf) => {
      const cond = tf.tensor1d([true, false]);
      const a = tf.tensor2d([[1, 2], [3, 4]]);
      const b = tf.tensor2d([[-1, -2], [-3, -4]]);
      const tries: Array<() => unknown> = [() => tf.where(cond, a, b), () => tf.where(tf.tensor2d([[true], [false]]), a, b), () => tf.where(tf.scalar(true), a, b)];
      return tries.map((g) => { try { return g(); } catch { return 'threw'; } });
    },
  },
  {
    name: 'gradients inside tf.tidy and memory afterwards',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3]);
      const before = tf.memory().numTensors;
      const g = tf.tidy(() => tf.grad((t) => t.square().mul(t).sum())(x));
      const afterTidy = tf.memory().numTensors - before;
      const vals = g.arraySync();
      g.dispose();
      return { afterTidy, vals, end: tf.memory().numTensors - before };
    },
  },
  {
    name: 'reductions over size-1 and empty axes, and keepDims shapes',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 2, 3]]]);
      return [
        x.sum(0), x.max(1, true), x.mean([0, 1]), x.min([0, 1, 2], true), tf.argMax(x, 2), tf.prod(x, [0, 1, 2]),
        tf.sum(tf.zeros([2, 0]), 1), tf.max(tf.zeros([2, 0]), 0), tf.mean(tf.zeros([0])), tf.prod(tf.zeros([0])), tf.logSumExp(tf.zeros([3, 1]), 1, true),
      ];
    },
  },
  {
    name: 'batchNorm on a matrix and moments with keepDims',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 6, 8], [0, -1, 5]]);
      const { mean, variance } = tf.moments(x, 0, true);
      return [tf.batchNorm(x, mean, variance, tf.zeros([3]), tf.ones([3]), 1e-5), tf.batchNorm(x, mean.squeeze(), variance.squeeze()), mean, variance];
    },
  },
  {
    name: 'comparison and equality with NaN and broadcasting scalars',
    run: (tf) => {
      const x = tf.tensor1d([NaN, 1, 2]);
      return [x.equal(x), x.notEqual(NaN), x.greater(1), x.lessEqual(2), tf.maximum(x, 1.5), tf.minimum(x, 1.5), x.isNaN().any(), x.equal(tf.scalar(1))];
    },
  },
  {
    name: 'int32 edge cases: overflow-free sums, negative mod, division by zero',
    run: (tf) => {
      const a = tf.tensor1d([7, -7, 0, 5], 'int32');
      const b = tf.tensor1d([0, 0, 0, -2], 'int32');
      const tries: Array<() => unknown> = [() => a.div(b), () => a.floorDiv(b), () => a.mod(b), () => a.mod(tf.tensor1d([3, 3, 3, 3], 'int32')), () => tf.scalar(100000, 'int32').mul(tf.scalar(100000, 'int32'))];
      return tries.map((g) => { try { return g(); } catch { return 'threw'; } });
    },
  },
];
