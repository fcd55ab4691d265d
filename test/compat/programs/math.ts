import type { Program } from '../harness';

// Arithmetic as users write it: broadcasting, chained methods, dtype rules on int32 and bool, the float-only ops
// given int32, reductions with negative axes and keepDims, and the special values (NaN, Infinity).

export const math: Program[] = [
  {
    name: 'broadcasting edge cases',
    run: (tf) => {
      const col = tf.tensor2d([[1], [2], [3]]);
      const row = tf.tensor1d([10, 20]);
      return [
        col.add(row),
        tf.mul(tf.ones([2, 1, 3]), tf.tensor2d([[1, 2, 3], [4, 5, 6]])),
        tf.sub(tf.scalar(1), tf.tensor([[1, 2]])),
        tf.div(tf.ones([4, 1, 1]), tf.tensor([1, 2, 4])),
        tf.maximum(tf.tensor([[1, 5]]), tf.tensor([[3], [2]])),
        tf.pow(tf.tensor([2, 3]), tf.tensor([[2], [3]])),
        tf.add(tf.zeros([0, 3]), tf.ones([1, 3])),
        tf.squaredDifference(tf.tensor([1, 2, 3]), 2),
      ];
    },
  },
  {
    name: 'chained tensor methods',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3], [-4, 5, -6]]);
      return [
        x.add(1).square().mean(1),
        x.abs().sum(-1, true).sqrt(),
        x.transpose().matMul(x),
        x.relu().max(0).min(),
        x.exp().log().sub(x).abs().max(),
        x.reshape([3, 2]).argMax(1),
        x.neg().sigmoid().round(),
        x.flatten().reverse().slice(1, 3),
        x.greater(0).logicalAnd(x.less(4)),
        x.div(2).floor().mod(3),
        x.clipByValue(-2, 2).tanh(),
      ];
    },
  },
  {
    name: 'int32 arithmetic and result dtypes',
    run: (tf) => {
      const a = tf.tensor1d([7, -7, 4, 0], 'int32');
      const b = tf.tensor1d([2, 2, -3, 5], 'int32');
      return [
        a.add(b), a.sub(b), a.mul(b), a.div(b), a.floorDiv(b), a.mod(b),
        a.maximum(b), a.minimum(b), a.neg(), a.abs(), a.square(), a.sign(),
        a.pow(tf.tensor1d([2, 1, 0, 3], 'int32')),
        a.sum(), a.max(), a.min(), a.prod(), a.cumsum(),
        tf.addN([a, b, a]),
        a.equal(b), a.less(0), a.notEqual(b),
      ];
    },
  },
  {
    name: 'float-only ops given int32 (result dtypes as TF.js)',
    run: (tf) => {
      const i = tf.tensor1d([1, 4, 9], 'int32');
      const ops: Array<[string, () => unknown]> = [
        ['exp', () => tf.exp(i)], ['log', () => tf.log(i)], ['sqrt', () => tf.sqrt(i)], ['rsqrt', () => tf.rsqrt(i)],
        ['sin', () => tf.sin(i)], ['cos', () => tf.cos(i)], ['tanh', () => tf.tanh(i)], ['sigmoid', () => tf.sigmoid(i)],
        ['relu', () => tf.relu(i)], ['mean', () => tf.mean(i)], ['reciprocal', () => tf.reciprocal(i)],
        ['log1p', () => tf.log1p(i)], ['expm1', () => tf.expm1(i)], ['softplus', () => tf.softplus(i)],
        ['elu', () => tf.elu(i)], ['selu', () => tf.selu(i)], ['relu6', () => tf.relu6(i)], ['step', () => tf.step(i)],
        ['leakyRelu', () => tf.leakyRelu(i)], ['floor', () => tf.floor(i)], ['ceil', () => tf.ceil(i)], ['round', () => tf.round(i)],
        ['erf', () => tf.erf(i)], ['atan2', () => tf.atan2(i, i)], ['isNaN', () => tf.isNaN(i)], ['isFinite', () => tf.isFinite(i)],
        ['logSigmoid', () => tf.logSigmoid(i)], ['logSumExp', () => tf.logSumExp(i)], ['softmax', () => tf.softmax(i)],
        ['norm', () => tf.norm(i)], ['moments', () => tf.moments(i)], ['clipByValue', () => tf.clipByValue(i, 2, 5)],
        ['squaredDifference', () => tf.squaredDifference(i, i)], ['asin', () => tf.asin(i)], ['sinh', () => tf.sinh(i)],
      ];
      return ops.map(([name, f]) => { try { return [name, f()]; } catch { return [name, 'threw']; } });
    },
  },
  {
    name: 'mixed dtypes: int32 with float32, bool arithmetic',
    run: (tf) => {
      const i = tf.tensor1d([1, 2], 'int32');
      const f = tf.tensor1d([0.5, 0.5]);
      const b = tf.tensor1d([true, false]);
      const tries: Array<() => unknown> = [
        () => tf.add(i, f), () => tf.mul(f, i), () => i.add(1.5), () => f.add(i),
        () => tf.mul(b, i), () => tf.sub(b, f), () => b.sum(), () => b.mean(),
        () => tf.maximum(i, f), () => tf.where(b, i, f), () => tf.concat([i, f]), () => tf.stack([i, b]),
        () => tf.equal(i, f), () => tf.logicalAnd(b, i), () => tf.matMul(i.reshape([1, 2]), f.reshape([2, 1])),
        () => tf.addN([i, f]), () => tf.squaredDifference(i, f),
      ];
      return tries.map((g) => { try { return g(); } catch { return 'threw'; } });
    },
  },
  {
    name: 'reductions with negative axes and keepDims',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
      return [
        x.sum(-1), x.sum([0, -1]), x.mean(-2, true), x.max([1, 2], true), x.min(-3),
        tf.prod(x, 1), tf.logSumExp(x, -1, true), tf.argMax(x, -1), tf.argMin(x, 0),
        tf.any(x.greater(6), 1), tf.all(x.greater(0), [0, 1], true), x.sum(null, true),
        tf.mean(x, [], false),
      ];
    },
  },
  {
    name: 'NaN, Infinity and special values',
    run: (tf) => {
      const x = tf.tensor1d([NaN, Infinity, -Infinity, 0, -0, 1]);
      return [
        x.isNaN(), x.isInf(), x.isFinite(), x.sign(), x.relu(), x.abs(), tf.step(x), tf.step(x, 0.5),
        x.exp(), x.sigmoid(), x.tanh(), x.max(), x.min(), x.argMax(), x.sum(), tf.maximum(x, 0), tf.clipByValue(x, -1, 1),
        tf.log(tf.tensor1d([0, -1])), tf.sqrt(tf.tensor1d([-1])), tf.div(tf.tensor1d([1, 0, -1]), 0),
        tf.floorDiv(tf.tensor1d([1, -1]), 0),
      ];
    },
  },
  {
    name: 'elementwise math catalogue',
    run: (tf) => {
      const x = tf.linspace(-0.9, 0.9, 7);
      return [
        x.sin(), x.cos(), x.tan(), x.asin(), x.acos(), x.atan(), x.sinh(), x.cosh(), x.erf(), x.log1p(), x.expm1(),
        x.elu(), x.selu(), x.softplus(), x.logSigmoid(), x.relu6(), x.leakyRelu(0.1), x.prelu(tf.scalar(0.3)),
        tf.atan2(x, x.add(0.5)), x.reciprocal(), x.mul(4).round(), x.mul(4).ceil(), tf.sign(x), tf.rsqrt(x.abs().add(1)),
      ];
    },
  },
  {
    name: 'comparisons and logic on bool tensors',
    run: (tf) => {
      const a = tf.tensor1d([1, 2, 3, 4]);
      const b = tf.tensor1d([4, 2, 1, 4]);
      const m = a.greaterEqual(b);
      return [
        a.equal(b), a.notEqual(b), a.less(b), a.lessEqual(b), a.greater(b), m,
        m.logicalNot(), m.logicalOr(a.less(2)), m.logicalXor(a.equal(b)), tf.any(m), tf.all(m), m.cast('float32').sum(),
        tf.where(m, a, b), m.sum(), m.toFloat().mean(),
      ];
    },
  },
  {
    name: 'round half to even, mod and floorDiv signs',
    run: (tf) => {
      const x = tf.tensor1d([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5]);
      const a = tf.tensor1d([7, -7, 7, -7, 7.5]);
      const b = tf.tensor1d([3, 3, -3, -3, 2]);
      return [x.round(), a.mod(b), a.floorDiv(b), tf.mod(tf.tensor1d([5, -5], 'int32'), tf.tensor1d([3, 3], 'int32'))];
    },
  },
  {
    name: 'cumsum, prod, norm and moments',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3], [4, 5, -6]]);
      return [
        x.cumsum(), x.cumsum(1), x.cumsum(1, true), x.cumsum(1, false, true), tf.cumsum(x, -1, true, true),
        x.prod(), x.prod(1, true), x.norm(), x.norm(1), x.norm(2), x.norm(Infinity), x.norm('fro', [0, 1]),
        x.norm('euclidean', 1, true), tf.norm(x, 1, 0), tf.norm(x, Infinity, -1), tf.norm(x, 2, [0, 1]), tf.norm(x, 1, [0, 1]),
        tf.moments(x), tf.moments(x, 0), tf.moments(x, [1], true),
      ];
    },
  },
  {
    name: 'matMul variants and dot',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const b = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
      const batch = tf.range(0, 24).reshape([2, 3, 4]);
      return [
        tf.matMul(a, b), tf.matMul(a, a, false, true), tf.matMul(a, a, true, false), tf.matMul(b, a, true, true),
        tf.matMul(batch, tf.ones([4, 2])), tf.matMul(batch, batch, false, true), tf.matMul(tf.ones([1, 2, 3]), tf.ones([3, 3, 1])),
        tf.dot(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])), tf.dot(a, tf.tensor1d([1, 1, 1])), tf.dot(tf.tensor1d([1, 1]), a),
        tf.outerProduct(tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5])), a.dot(b),
      ];
    },
  },
  {
    name: 'softmax and logSoftmax on axes',
    run: (tf) => {
      const logits = tf.tensor2d([[1, 2, 3], [1, 1, 1]]);
      const tries: Array<() => unknown> = [
        () => tf.softmax(logits), () => tf.softmax(logits, -1), () => tf.softmax(logits, 0), () => tf.logSoftmax(logits),
        () => tf.logSoftmax(logits, 0), () => tf.softmax(tf.tensor1d([1000, 1000])), () => logits.softmax(),
        () => tf.softmax(tf.scalar(1)),
      ];
      return tries.map((g) => { try { return g(); } catch { return 'threw'; } });
    },
  },
  {
    name: 'bool + bool',
    run: (tf) => tf.add(tf.tensor1d([true, false]), tf.tensor1d([true, false])),
  },
  {
    name: 'int32 and bool through the float-only ops: the errors',
    run: (tf) => {
      const i = tf.tensor1d([1, 4], 'int32');
      const b = tf.tensor1d([true, false]);
      const ops = [tf.log, tf.sqrt, tf.rsqrt, tf.sin, tf.cos, tf.tan, tf.cosh, tf.tanh, tf.sigmoid, tf.elu, tf.floor, tf.ceil, tf.softmax];
      return ops.map((op) => [i, b].map((x) => { try { return op(x); } catch { return 'threw'; } }));
    },
  },
  {
    name: 'bool inputs to dtype-keeping ops',
    run: (tf) => {
      const b = tf.tensor1d([true, false, true]);
      return [b.abs(), b.neg(), b.square(), b.relu(), b.sign(), b.round(), tf.step(b), b.relu6(), b.asin(), b.acos(), b.expm1(), b.reciprocal(), b.exp(), tf.clipByValue(b, 0, 1)];
    },
  },
];
