import type { GradSaveFunc, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// First derivatives at the special points TF.js defines (kinks, ties, bounds, zero bases) and the edges of the
// gradient API (dy, non-scalar and unused results, int32 inputs, tidy and keep, customGrad twice).

/** Each try's result, or 'threw': a program compares which calls throw, one by one. */
const each = (tries: Array<() => unknown>) => tries.map((g) => { try { return g(); } catch { return 'threw'; } });

/** d/da and d/db of f at (a, b). */
const both = (tf: TF, f: (a: Tensor, b: Tensor) => Tensor, a: Tensor, b: Tensor) => tf.grads((x: Tensor, y: Tensor) => f(x, y))([a, b]);

export const s11Grads: Program[] = [
  {
    name: 'pow with a zero, negative or fractional base: gradients of the base and of the exponent',
    run(tf) {
      const base = tf.tensor1d([0, 0, 0, -2, -2, 2, 0]);
      const exp = tf.tensor1d([1, 2, 0.5, 2, 3, 0.5, -1]);
      return [...both(tf, (a, b) => tf.pow(a, b), base, exp), ...both(tf, (a, b) => tf.pow(a, b).sum(), base, exp)];
    },
  },
  {
    name: 'pow at 0^0: the base gradient, and x^1\'s second derivative at 0',
    deviation: 'TF.js 4.22 gives NaN (its rule b·a^(b−1) is 0·0^−1 there); tessera gives 0, the derivative of the constant x^0, as PyTorch and central differences',
    run(tf) {
      const zero = tf.tensor1d([0, 0]);
      const slope = (t: Tensor) => tf.grad((u: Tensor) => tf.sin(tf.pow(u, 1)).sum())(t);
      return [tf.grad((a: Tensor) => tf.pow(a, tf.tensor1d([0, 1])).sum())(zero), tf.grad((t: Tensor) => slope(t).sum())(zero)];
    },
  },
  {
    name: 'maximum and minimum at ties: the first operand takes the gradient',
    run(tf) {
      const a = tf.tensor2d([[1, 2, 3], [0, 2, -1]]);
      const b = tf.tensor2d([[1, 0, 3], [1, 2, -1]]);
      return [...both(tf, (x, y) => tf.maximum(x, y), a, b), ...both(tf, (x, y) => tf.minimum(x, y), a, b), ...both(tf, (x, y) => tf.maximum(x, y).square(), a, a), ...both(tf, (x, y) => tf.minimum(x, y), a, a)];
    },
  },
  {
    name: 'maximum and minimum gradients with broadcasting, at ties and off them',
    deviation: "TF.js 4.22's Maximum and Minimum gradients do not sum dy back over broadcast axes, so it throws ('The gradient of input 'b' has shape 2,3, which does not match the shape of the input 3'); tessera reduces each operand's gradient to its shape, as for add and mul",
    run(tf) {
      const a = tf.tensor2d([[1, 2, 3], [0, 2, -1]]);
      const b = tf.tensor1d([1, 2, 0]);
      return each([() => both(tf, (x, y) => tf.maximum(x, y), a, b), () => both(tf, (x, y) => tf.minimum(x, y), a, b), () => both(tf, (x, y) => tf.maximum(x, y), b, tf.scalar(2))]);
    },
  },
  {
    name: 'relu, relu6, leakyRelu, elu, selu, prelu and abs at exactly 0, and prelu\'s alpha',
    run(tf) {
      const x = tf.tensor1d([0, -0, 0, 6, -1, 2]);
      const alpha = tf.tensor1d([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
      return [
        tf.grad((t) => tf.relu(t))(x), tf.grad((t) => tf.relu6(t))(x), tf.grad((t) => tf.leakyRelu(t, 0.1))(x), tf.grad((t) => tf.elu(t))(x),
        tf.grad((t) => tf.selu(t))(x), tf.grad((t) => tf.abs(t))(x), ...both(tf, (t, a) => tf.prelu(t, a), x, alpha),
      ];
    },
  },
  {
    name: 'clipByValue exactly at its bounds',
    run(tf) {
      const x = tf.tensor1d([-1, -0.5, 0, 0.5, 1, 2]);
      return [tf.grad((t) => tf.clipByValue(t, -0.5, 0.5))(x), tf.grad((t) => tf.clipByValue(t, -1, 1).square())(x), tf.grad((t) => tf.clipByValue(t, 0.5, 2).mul(t))(x)];
    },
  },
  {
    name: 'prod\'s gradient where a group holds a NaN or an infinite element',
    run(tf) {
      const x = tf.tensor2d([[1, NaN, 2], [0, Infinity, 2], [Infinity, 1, 0], [-Infinity, 3, 2]]);
      return [tf.grad((t: Tensor) => tf.prod(t, 1).sum())(x), tf.grad((t: Tensor) => tf.prod(t))(tf.tensor1d([3, Infinity, 2]))];
    },
  },
  {
    name: 'gradients where an operand is NaN or infinite: maximum, minimum, clipByValue, pow\'s exponent, mod\'s divisor, rsqrt at ±0',
    run(tf) {
      const a = tf.tensor1d([NaN, 1, 2, 1, NaN, Infinity]);
      const b = tf.tensor1d([1, NaN, 1, 1, NaN, -Infinity]);
      const x = tf.tensor1d([NaN, Infinity, -Infinity, -1, 1, 0.5, 3]);
      return [
        ...both(tf, (p, q) => tf.maximum(p, q), a, b), ...both(tf, (p, q) => tf.minimum(p, q), a, b),
        tf.grad((t: Tensor) => tf.clipByValue(t, -1, 1))(x), tf.clipByValue(tf.tensor1d([NaN, 0, 2]), 0.5, 0.5),
        ...both(tf, (p, q) => tf.pow(p, q), tf.tensor1d([NaN, -Infinity, -Infinity, 0, -2, 2]), tf.tensor1d([0, 0, -1, -1, 2, 3])),
        ...both(tf, (p, q) => tf.mod(p, q), tf.tensor1d([1, -2, Infinity, 3, 5, 1e10]), tf.tensor1d([0, 0, 2, NaN, Infinity, 3])),
        tf.grad((t: Tensor) => tf.rsqrt(t))(tf.tensor1d([-0, 0, -4, Infinity])),
      ];
    },
  },
  {
    name: 'rsqrt\'s gradient at -Infinity',
    deviation: 'TF.js 4.22 gives 0 there (its -dy / (2·x^1.5) takes pow(-Infinity, 1.5) = Infinity) and NaN at every finite x < 0; rsqrt is NaN below 0, -Infinity included, and tessera\'s gradient is NaN there throughout',
    run: (tf) => tf.grad((t: Tensor) => tf.rsqrt(t))(tf.tensor1d([-Infinity, 4])),
  },
  {
    name: 'clipByValue with equal bounds: its gradient',
    deviation: 'TF.js 4.22 returns a fill of the bound, so x is disconnected and its gradient throws; tessera\'s is 0, the derivative of the constant (the values agree, NaN included)',
    run: (tf) => tf.grad((t: Tensor) => tf.clipByValue(t, 0.5, 0.5))(tf.tensor1d([0, 0.5, 1])),
  },
  {
    name: 'max and min gradients at ties over axes, with keepDims, and of the whole tensor',
    run(tf) {
      const x = tf.tensor3d([[[1, 1], [0, 1]], [[2, 2], [2, 2]]]);
      return [
        tf.grad((t) => tf.max(t, [1, 2]))(x), tf.grad((t) => tf.min(t, -1, true))(x), tf.grad((t) => tf.max(t, 0).mul(tf.tensor2d([[1, 2], [3, 4]])))(x),
        tf.grad((t) => tf.min(t).mul(3))(x), tf.grad((t) => tf.max(t, [0, 2], true).square())(x),
      ];
    },
  },
  {
    name: 'sqrt, rsqrt, log, log1p, reciprocal and div at their poles: infinite and NaN gradients',
    run(tf) {
      const x = tf.tensor1d([0, 1, 4]);
      const one = tf.tensor1d([1, 0, 2]);
      return [
        tf.grad((t) => tf.sqrt(t))(x), tf.grad((t) => tf.rsqrt(t))(x), tf.grad((t) => tf.log(t))(x), tf.grad((t) => tf.reciprocal(t))(x),
        ...both(tf, (a, b) => tf.div(a, b), one, x), tf.grad((t) => tf.sqrt(t).mul(t))(x), tf.grad((t) => tf.log1p(t))(tf.tensor1d([-1, 0])),
      ];
    },
  },
  {
    name: 'atan2, squaredDifference, mod and floorDiv at zeros and ties',
    run(tf) {
      const a = tf.tensor1d([0, 1, 0, -1, 3]);
      const b = tf.tensor1d([0, 0, 1, -1, 3]);
      return [...both(tf, (x, y) => tf.atan2(x, y), a, b), ...both(tf, (x, y) => tf.squaredDifference(x, y), a, b), ...both(tf, (x, y) => tf.mod(x, y), tf.tensor1d([3, -3, 2.5]), tf.tensor1d([2, 2, 1]))];
    },
  },
  {
    name: 'norms at the zero vector and at ties, and the euclidean norm of a matrix',
    run(tf) {
      const z = tf.zeros([3]);
      const t = tf.tensor1d([2, -2, 1]);
      return [
        tf.grad((v) => tf.norm(v))(z), tf.grad((v) => tf.norm(v, 1))(z), tf.grad((v) => tf.norm(v, Infinity))(t), tf.grad((v) => tf.norm(v, -Infinity))(tf.tensor1d([1, -1, 3])),
        tf.grad((v) => tf.euclideanNorm(v))(t), tf.grad((v) => tf.norm(v.reshape([1, 3]), 'fro', [0, 1]))(t),
      ];
    },
  },
  {
    name: 'grad, grads and valueAndGrad(s) with a dy, and a dy of the wrong shape or dtype',
    run(tf) {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      const y = tf.tensor1d([0.5, -1]);
      const dy = tf.tensor2d([[1, -1], [2, 0.5]]);
      const f = (a: Tensor) => a.square().mul(3);
      const g = (a: Tensor, b: Tensor) => a.mul(b);
      return each([
        () => tf.grad(f)(x, dy), () => tf.grads(g)([x, y], dy), () => tf.valueAndGrad(f)(x, dy), () => tf.valueAndGrads(g)([x, y], dy),
        () => tf.grad(f)(x, tf.ones([2])), () => tf.grad(f)(x, tf.ones([2, 2], 'int32')), () => tf.grads(g)([x, y], tf.ones([4])), () => tf.grad((a) => a.sum())(x, tf.scalar(2)),
        () => tf.grad(f)(x, tf.scalar(2)),
      ]);
    },
  },
  {
    name: 'grad and grads of TensorLike arguments and dy; valueAndGrad(s) refuse them; an empty argument list',
    run(tf) {
      const sq = (t: Tensor) => t.square();
      return each([
        () => tf.grad((t) => t.sum())([1, 2] as never), () => tf.grad(sq)(3 as never, 2 as never), () => tf.grads((a, b) => a.mul(b).sum())([[1, 2], 3] as never),
        () => tf.grad(sq)(tf.tensor1d([1, 2]), [1, 1] as never), () => tf.valueAndGrad((t) => t.sum())([1, 2] as never), () => tf.valueAndGrads((t) => t.sum())([[1, 2]] as never),
        () => tf.grads(() => tf.scalar(1))([]), () => tf.valueAndGrads(() => tf.scalar(1))([]), () => tf.grads((t) => t.sum())(tf.tensor1d([1]) as never),
      ]);
    },
  },
  {
    name: 'gradients of non-scalar results, of results that do not use an input, and of int32 and bool inputs',
    run(tf) {
      const x = tf.tensor1d([1, 2, 3]);
      const i = tf.tensor1d([1, 2, 3], 'int32');
      return each([
        () => tf.grad((a) => a.square())(x), () => tf.grads((a, b) => a.mul(b))([x, tf.tensor2d([[1], [2]])]), () => tf.valueAndGrad((a) => a.exp())(x),
        () => tf.grads((a, _b) => a.sum())([x, x]), () => tf.grads((_a, b) => b.sum())([x, tf.tensor1d([4])]), () => tf.grad(() => tf.scalar(2))(x),
        () => tf.grad((a) => a.toFloat().square().sum())(i), () => tf.grad((a) => a.mul(2).sum())(i), () => tf.grads((a, b) => a.mul(b.toFloat()).sum())([x, i]),
        () => tf.grad((a) => a.cast('int32').mul(3).toFloat().sum())(x), () => tf.grad((a) => a.cast('bool').toFloat().sum())(x), () => tf.grad((a) => a.round().sum())(x),
        () => tf.grad((a) => a.argMax().toFloat())(x), () => tf.grad((a) => a.argMin().toFloat())(x), () => tf.grad((a) => tf.oneHot(a.cast('int32'), 4).toFloat().sum())(x),
        () => tf.grad((a) => tf.oneHot(a, 4).sum())(i), () => tf.grad((a) => a.mul(2))(i, tf.tensor1d([1, 2, 3], 'int32')), () => tf.valueAndGrad((a) => a.mul(2).sum())(i),
        () => tf.grad((a) => a.toFloat().sum())(tf.tensor1d([true, false])), () => tf.grad((a) => tf.gather(x, a.cast('int32')).sum())(tf.tensor1d([0, 2])),
      ]);
    },
  },
  {
    name: 'int32 arguments through unary ops, matMul and mod, and the zero gradients of isNaN, isInf, isFinite, zerosLike and onesLike',
    run(tf) {
      const i = tf.tensor1d([1, -2, 3], 'int32');
      const x = tf.tensor1d([1, NaN, Infinity]);
      const fs: Array<(t: Tensor) => Tensor> = [
        (t) => t.square(), (t) => t.abs(), (t) => t.neg(), (t) => t.relu(), (t) => t.reciprocal(), (t) => t.atan(), (t) => t.exp(), (t) => t.sign(), (t) => t.round(),
        (t) => t.expm1(), (t) => t.selu(), (t) => tf.matMul(t.reshape([1, 3]), tf.ones([3, 1], 'int32')),
        (t) => tf.mod(t, tf.scalar(2, 'int32')).toFloat(),
      ];
      return each([
        ...fs.map((f) => () => tf.grad((t) => f(t).sum())(i)), ...[tf.isNaN, tf.isInf, tf.isFinite].map((p) => () => tf.grad((t) => p(t).toFloat().sum())(x)),
        ...[tf.zerosLike, tf.onesLike].map((p) => () => tf.grad((t) => p(t).sum())(x)),
      ]);
    },
  },
  {
    name: 'a loss made only of comparisons',
    deviation: "TF.js 4.22 has no gradient for Greater, Less, Equal and the other comparisons (it throws); tessera gives them a zero gradient that stays connected, so a mask built from x (relu's step, a where condition) differentiates, twice as well",
    run(tf) {
      const x = tf.tensor1d([0.5, 1, 2]);
      return each([
        () => tf.grad((a) => a.greater(1).toFloat().sum())(x), () => tf.grad((a) => a.lessEqual(a.mul(0.5)).toFloat().sum())(x),
        () => tf.grad((a) => tf.where(a.greater(1), a.square(), a.neg()).sum())(x),
      ]);
    },
  },
  {
    name: 'variableGrads: a non-scalar loss, unused and non-trainable variables, an empty var list, a loss that is not a tensor',
    run(tf) {
      const w = tf.variable(tf.tensor1d([1, -2]), true, 's11W');
      const c = tf.variable(tf.tensor1d([3, 4]), false, 's11C');
      const u = tf.variable(tf.scalar(5), true, 's11U');
      const read = (r: { value: Tensor; grads: Record<string, Tensor> }) => ({ value: r.value, names: Object.keys(r.grads).sort(), grads: Object.keys(r.grads).sort().map((k) => r.grads[k]) });
      const out = each([
        () => read(tf.variableGrads(() => w.mul(c).sum())), () => read(tf.variableGrads(() => w.square().sum(), [w, u])), () => read(tf.variableGrads(() => w.square())),
        () => read(tf.variableGrads(() => w.mul(c).sum(), [c])), () => read(tf.variableGrads(() => tf.scalar(1))), () => read(tf.variableGrads(() => w.sum(), [])),
        () => read(tf.variableGrads(() => u.mul(w.sum()), [u, w])), () => read(tf.variableGrads(() => w.sum().mul(c.sum()).add(u), [w, c, u])),
      ]);
      [w, c, u].forEach((v) => v.dispose());
      return out;
    },
  },
  {
    name: 'gradients inside tf.tidy, of a function that tidies and keeps, and the memory they leave',
    run(tf) {
      const x = tf.tensor1d([0.5, -1, 2]);
      const before = tf.memory().numTensors;
      const inner = (a: Tensor) => tf.tidy(() => a.square().mul(a).sum());
      const kept: Tensor[] = [];
      const keeping = (a: Tensor) => { const s = tf.keep(a.exp()); kept.push(s); return s.mul(a).sum(); };
      const g1 = tf.grad(inner)(x);
      const g2 = tf.tidy(() => tf.grad(keeping)(x));
      const g3 = tf.tidy(() => tf.grad((a) => tf.grad(inner)(a).sum())(x));
      const vg = tf.tidy(() => tf.valueAndGrad(inner)(x));
      const live = tf.memory().numTensors - before;
      const out = [g1, g2, g3, vg.value, vg.grad, kept.map((k) => k.isDisposed), live];
      return out;
    },
  },
  {
    name: 'customGrad differentiated twice, with saved tensors and two inputs',
    run(tf) {
      const cube = tf.customGrad((x, save) => {
        (save as GradSaveFunc)([x as Tensor]);
        return { value: (x as Tensor).pow(tf.scalar(3)), gradFunc: (dy, [s]) => [dy.mul(s.square()).mul(3)] };
      });
      const prodOf = tf.customGrad((a, b, save) => {
        (save as GradSaveFunc)([a as Tensor, b as Tensor]);
        return { value: (a as Tensor).mul(b as Tensor), gradFunc: (dy, [sa, sb]) => [dy.mul(sb), dy.mul(sa)] };
      });
      const x = tf.tensor1d([0.5, -1, 2]);
      const y = tf.tensor1d([2, 3, -1]);
      return each([
        () => tf.grad((t) => tf.grad((u) => cube(u))(t).sum())(x), () => tf.grad((t) => cube(t).sum())(x),
        () => tf.grads((a, b) => tf.grads((p, q) => prodOf(p, q).square())([a, b])[0].sum())([x, y]),
        () => tf.grad((t) => tf.grad((u) => cube(u).sin())(t).sum())(x),
      ]);
    },
  },
  {
    name: "softmaxCrossEntropy's gradient with respect to its labels",
    deviation: "TF.js 4.22's softmaxCrossEntropy gives the labels the gradient labels - softmax(logits) (the logits' gradient negated); the derivative of -Σ labels·logSoftmax(logits) in the labels is -logSoftmax(logits), which tessera gives",
    run(tf) {
      const labels = tf.tensor2d([[1, 0, 0], [0, 0.5, 0.5]]);
      const logits = tf.tensor2d([[2, 0.5, -1], [0.1, 0.2, 3]]);
      return [tf.grads((l: Tensor, x: Tensor) => tf.losses.softmaxCrossEntropy(l, x))([labels, logits]), tf.grads((l: Tensor, x: Tensor) => tf.losses.softmaxCrossEntropy(l, x, undefined, 0.1))([labels, logits])];
    },
  },
  {
    name: "softmaxCrossEntropy's gradient with respect to its logits when the labels do not sum to 1",
    deviation: "TF.js 4.22 gives the logits softmax(logits) - labels whatever the labels sum to; the derivative of -Σ labels·logSoftmax(logits) is softmax(logits)·Σlabels - labels, which tessera gives (as PyTorch's cross_entropy with soft labels)",
    run(tf) {
      const labels = tf.tensor2d([[0.5, 0.9, 0.2]]);
      const logits = tf.tensor2d([[0.1, 0.2, 0.3]]);
      return tf.grad((x: Tensor) => tf.losses.softmaxCrossEntropy(labels, x))(logits);
    },
  },
  {
    name: "maxPool3d's gradient where a window's maximum is tied",
    deviation: "TF.js 4.22's maxPool3d gradient goes to the last tied cell of a window (its 3-D kernel compares with >=), its maxPool's to the first; tessera sends both to the first, as PyTorch's max_pool3d (an all-zero window after relu is such a tie)",
    run(tf) {
      const x = tf.tensor5d([0, 0, 1, 2, 0, 0, 3, 0, 0, 0, 3, 1, 0, 0, 2, 0], [1, 2, 2, 4, 1]);
      return tf.grad((t: Tensor) => tf.maxPool3d(t, 2, 2, 'valid').sum())(x);
    },
  },
  {
    name: 'batched matMul and fused matMul whose batch dimensions broadcast: gradients',
    deviation: "TF.js 4.22's BatchMatMul gradient leaves the broadcast operand's gradient at the full batch shape, so it throws ('The gradient of input 'b' has shape 2,3,2, which does not match the shape of the input'); tessera sums it back to the operand's shape",
    run(tf) {
      const a = tf.range(0, 12).reshape([2, 2, 3]).div(5);
      const b = tf.range(0, 6).reshape([3, 2]).div(-3);
      return each([
        () => tf.grads((x: Tensor, y: Tensor) => tf.matMul(x, y).square().sum())([a, b]), () => tf.grads((x: Tensor, y: Tensor) => tf.matMul(y, x, true, true).sum())([a, b.reshape([1, 3, 2])]),
        () => tf.grads((x: Tensor, y: Tensor, c: Tensor) => tf.fused.matMul({ a: x, b: y, bias: c, activation: 'elu' }).sum())([a, b, tf.tensor1d([0.1, -0.2])]),
      ]);
    },
  },
  {
    name: 'unique and floorDiv gradients',
    deviation: "TF.js 4.22 has no gradient for unique (it throws) and gives floorDiv the gradient of real division (1/b and -a/b², for a function that is flat between its jumps); tessera passes unique's values their dy (at each value's first place) and gives floorDiv (and div of int32 tensors, which floors) zeros, as TensorFlow's own FloorDiv",
    run(tf) {
      const x = tf.tensor1d([0.5, 2, 0.5, -1]);
      return each([
        () => tf.grad((t: Tensor) => tf.unique(t).values.square().sum())(x), () => tf.grads((a: Tensor, b: Tensor) => tf.floorDiv(a, b).sum())([x, tf.tensor1d([2, 3, 0.3, 0.7])]),
        () => tf.grad((t: Tensor) => tf.div(t, tf.scalar(2, 'int32')).toFloat().sum())(tf.tensor1d([3, -4], 'int32')),
      ]);
    },
  },
  {
    name: 'first derivatives of the less common ops in every input, at ordinary points',
    run(tf) {
      const ramp = (n: number, shape: number[]) => tf.range(0, n).reshape(shape).sin();
      const a = tf.tensor2d([[1, 0], [0, 1]]);
      const p = tf.tensor2d([[0.5, -1], [2, 0.3]]);
      const sq = (t: Tensor) => t.square().sum();
      return [
        tf.grad((x) => sq(tf.localResponseNormalization(x as never, 2, 1, 0.5, 0.75)))(ramp(10, [1, 1, 2, 5])),
        tf.grads((x, m, v, o, s) => sq(tf.batchNorm(x, m, v, o, s, 0.01)))([ramp(6, [2, 3]), tf.tensor1d([0.1, 0.2, 0.3]), tf.tensor1d([1, 2, 0.5]), tf.tensor1d([0, 1, -1]), tf.tensor1d([2, 1, 0.5])]),
        tf.grad((x) => sq(tf.batchToSpaceND(x, [2, 2], [[0, 0], [0, 1]])))(ramp(16, [4, 2, 2, 1])),
        tf.grad((x) => sq(tf.cumsum(x, 1, true, true)))(tf.range(1, 7).reshape([2, 3]).div(3)),
        tf.grads((x, f) => sq(tf.conv1d(x as never, f as never, 2, 'same')))([ramp(12, [1, 6, 2]), ramp(12, [2, 2, 3]).cos()]),
        tf.grads((x, d, q) => sq(tf.separableConv2d(x as never, d as never, q as never, 1, 'valid')))([ramp(32, [1, 4, 4, 2]), ramp(16, [2, 2, 2, 2]).cos(), tf.range(0, 12).reshape([1, 1, 4, 3]).div(5)]),
        tf.grads((x, f) => sq(tf.depthwiseConv2d(x as never, f as never, 2, 'same')))([ramp(32, [1, 4, 4, 2]), ramp(16, [2, 2, 2, 2]).cos()]),
        tf.grads((x, f) => sq(tf.conv2dTranspose(x as never, f as never, [1, 5, 5, 2], 2, 'same')))([ramp(27, [1, 3, 3, 3]), ramp(24, [2, 2, 2, 3]).cos()]),
        tf.grad((x) => tf.logSumExp(x, 0, true).sum())(tf.range(0, 6).reshape([3, 2])), tf.grad((x) => tf.euclideanNorm(x, 1).sum())(tf.range(0, 6).reshape([3, 2])),
        tf.grad((x) => tf.moments(x, 1).variance.sum())(tf.range(0, 6).reshape([3, 2]).square()),
        tf.grads((l, x) => tf.losses.hingeLoss(l, x))([a, p]), tf.grads((l, x) => tf.losses.huberLoss(l, x, undefined, 0.5))([a, p]),
        tf.grads((l, x) => tf.losses.logLoss(l, x))([a, tf.tensor2d([[0.5, 0.2], [0.9, 0.3]])]), tf.grads((l, x) => tf.losses.sigmoidCrossEntropy(l, x, undefined, 0.1))([a, p]),
        tf.grads((l, x) => tf.losses.cosineDistance(l, x, 1))([tf.tensor2d([[1, 2], [3, 4]]), p]), tf.grads((l, x) => tf.losses.meanSquaredError(l, x))([a, p]),
        tf.grads((x, y, c, al) => tf.fused.matMul({ a: x, b: y, bias: c, activation: 'prelu', preluActivationWeights: al }).sum())([tf.tensor2d([[1, -2], [0.5, 1]]), tf.tensor2d([[1, 0.3], [-1, 2]]), tf.tensor1d([0.1, -0.2]), tf.tensor1d([0.2, 0.3])]),
        tf.grads((x, y, c) => tf.fused.matMul({ a: x, b: y, bias: c, activation: 'leakyrelu', leakyreluAlpha: 0.3 }).sum())([tf.tensor2d([[1, -2], [0.5, 1]]), tf.tensor2d([[1, 0.3], [-1, 2]]), tf.tensor1d([0.1, -0.2])]),
        tf.grads((v, x) => tf.movingAverage(v, x, 0.9, 2))([tf.tensor1d([1, 2]), tf.tensor1d([3, 5])]),
        tf.grads((w, b, d, c, h) => tf.basicLSTMCell(tf.scalar(1), w as never, b as never, d as never, c as never, h as never)[1].sum())([ramp(32, [4, 8]).div(3), tf.range(0, 8).div(10), tf.tensor2d([[1, -1]]), tf.tensor2d([[0.5, 0.1]]), tf.tensor2d([[0.2, -0.3]])]),
        tf.grad((x) => sq(tf.unsortedSegmentSum(x, tf.tensor1d([0, 2, 0], 'int32'), 3)))(tf.range(0, 6).reshape([3, 2])),
        tf.grad((x) => sq(tf.gather(x, tf.tensor2d([[0, 1], [1, 0]], [2, 2], 'int32'), 1, 1)))(tf.range(0, 12).reshape([2, 3, 2])),
        tf.grad((x) => sq(tf.image.resizeNearestNeighbor(x as never, [4, 5])))(ramp(12, [1, 2, 3, 2])), tf.grad((x) => sq(tf.maxPool3d(x as never, 2, 1, 'same')))(ramp(16, [1, 2, 4, 2, 1])),
        tf.grads((x, y) => tf.dot(x, y).square().sum())([tf.tensor1d([1, 2, 3]), tf.range(0, 6).reshape([3, 2])]), tf.grads((x, y) => tf.addN([x, y, x]).square().sum())([tf.tensor1d([1, 2]), tf.tensor1d([3, 4])]),
      ];
    },
  },
  {
    name: 'the gradient of a function that returns its argument',
    deviation: "TF.js 4.22 throws ('Cannot compute gradient of y=f(x) with respect to x') when f returns x itself, as no op lies between them; tessera gives dy (ones without one), the derivative of the identity",
    run(tf) {
      const x = tf.tensor1d([0.5, -1, 2]);
      return each([() => tf.grad((t: Tensor) => t)(x), () => tf.grad((t: Tensor) => t)(x, tf.tensor1d([1, 2, 3])), () => tf.valueAndGrad((t: Tensor) => t)(x)]);
    },
  },
];
