import { SELU_SCALE, SELU_SCALE_ALPHA } from '../../backend/math-constants';
import type { Tensor } from '../../tensor/tensor';
import { add, div, equal, greater, minimum, mul, sub } from '../binary';
import type { ClipAttrs } from '../arithmetic';
import { softplus } from '../activations';
import { lessEqual } from '../compare';
import { concat } from '../concat';
import { zeros, zerosLike } from '../creation';
import { cumprod } from '../cumprod';
import { cumsum, type CumulativeAttrs } from '../cumsum';
import { keptShape, type ReduceAttrs } from '../reduction';
import { reshape } from '../reshape';
import { reverse as flip } from '../reverse';
import { slice } from '../slice';
import { inversePerm, transpose } from '../transpose';
import { where } from '../where';
import { cos, cosh, sin, sinh } from '../trig';
import { exp, neg, sqrt, square, step } from '../unary';
import { binaryGrad, unaryGrad, zeroGrad } from './elementwise';
import { rule, type GradientTable } from './table';

// The math family's backward rules, each made of recorded ops so that it can be differentiated again.

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** dy·d where x > 0 and dy·e elsewhere, from the mask m = step(x). */
const piecewise = (dy: Tensor, m: Tensor, d: Tensor | number, e: Tensor | number) => mul(dy, add(mul(m, d), mul(sub(1, m), e)));

/**
 * prod's gradient: for each element, the product of the other elements of its group, as the product of the
 * elements before it and of those after it (two exclusive cumprods, as TF.js's rule). No division: a zero or a NaN
 * reaches only the others' products, and, cumprod being made of products, its own derivatives are exact at zeros too.
 */
function prodGrad(dy: Tensor, x: Tensor, axes: number[]): Tensor {
  const n = axes.reduce((k, a) => k * x.shape[a], 1);
  const groups = x.size / Math.max(n, 1);
  const rest = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const perm = [...rest, ...axes];
  const rows = reshape(transpose(x, perm), [groups, n]);
  const others = mul(cumprod(rows, 1, true), cumprod(rows, 1, true, true));
  return mul(reshape(dy, keptShape(x.shape, axes)), transpose(reshape(others, perm.map((a) => x.shape[a])), inversePerm(perm)));
}

/** x moved k places toward the start of axis, the k places it leaves at the end filled with zeros. */
function shiftedBack(x: Tensor, axis: number, k: number): Tensor {
  const n = x.shape[axis];
  const m = Math.min(k, n);
  const fill = zeros(x.shape.map((d, i) => (i === axis ? m : d)), x.dtype);
  return concat([slice(x, x.shape.map((_, i) => (i === axis ? m : 0)), x.shape.map((d, i) => (i === axis ? n - m : d))), fill], axis);
}

/**
 * cumprod's gradient (reverse mirrors it): dx_i = E_i · R_i, with E the exclusive cumprod (the product before i) and
 * R_i = Σ_{j ≥ i} dy_j · Π_{i < k ≤ j} x_k (exclusive: Σ_{j > i} dy_j · Π_{i < k < j} x_k), the backward linear
 * recurrence R_i = b_i + x_{i+1} · R_{i+1}, solved in ⌈log₂ n⌉ doubling steps. Products and sums only, no division,
 * so it is exact at zeros, and it can be differentiated again.
 */
function cumprodGrad(dy: Tensor, x: Tensor, attrs: CumulativeAttrs): Tensor {
  const { axis, exclusive, reverse } = attrs;
  if (reverse) return flip(cumprodGrad(flip(dy, axis), flip(x, axis), { ...attrs, reverse: false }), axis);
  const n = x.shape[axis];
  let a = shiftedBack(x, axis, 1);
  let b = exclusive ? shiftedBack(dy, axis, 1) : dy;
  for (let k = 1; k < n; k *= 2) {
    b = add(b, mul(a, shiftedBack(b, axis, k)));
    if (2 * k < n) a = mul(a, shiftedBack(a, axis, k));
  }
  return mul(cumprod(x, axis, true), b);
}

export const mathGrads: GradientTable = {
  sin: unaryGrad((dy, x) => mul(dy, cos(x))),
  cos: unaryGrad((dy, x) => neg(mul(dy, sin(x)))),
  tan: unaryGrad((dy, x) => div(dy, square(cos(x)))),
  asin: unaryGrad((dy, x) => div(dy, sqrt(sub(1, square(x))))),
  acos: unaryGrad((dy, x) => neg(div(dy, sqrt(sub(1, square(x)))))),
  atan: unaryGrad((dy, x) => div(dy, add(1, square(x)))),
  sinh: unaryGrad((dy, x) => mul(dy, cosh(x))),
  cosh: unaryGrad((dy, x) => mul(dy, sinh(x))),
  // d/dx x^(−1/2) = −y/(2x): −∞ at −0 (y = −∞) as at +0, as TF.js's (−y³/2 gave +∞ there). At −∞ NaN, as at every
  // x < 0, where TF.js gives 0 (its −dy/(2·x^1.5) takes pow(−∞, 1.5) = ∞).
  rsqrt: unaryGrad((dy, x, y) => mul(dy, div(mul(y, -0.5), x))),
  log1p: unaryGrad((dy, x) => div(dy, add(x, 1))),
  expm1: unaryGrad((dy, _x, y) => mul(dy, add(y, 1))),
  erf: unaryGrad((dy, x) => mul(dy, mul(exp(neg(square(x))), TWO_OVER_SQRT_PI))),
  // Below 0, elu' = eˣ and selu' = scale·alpha·eˣ, taken as exp(min(x, 0)): y + 1 (TF.js's form) loses every digit
  // as y nears −1 (from x ≈ −20 in float64), and the min keeps eˣ from overflowing where the mask drops it.
  elu: unaryGrad((dy, x) => piecewise(dy, step(x), 1, exp(minimum(x, 0)))),
  selu: unaryGrad((dy, x) => piecewise(dy, step(x), SELU_SCALE, mul(exp(minimum(x, 0)), SELU_SCALE_ALPHA))),
  relu6: unaryGrad((dy, x) => mul(dy, mul(step(x), lessEqual(x, 6)))),
  // dy where min ≤ x ≤ max (at the bounds too, not at NaN), as TF.js's; equal bounds make the op a constant, whose
  // gradient is 0 (TF.js's is disconnected there, and throws). The mask is y = x: the clip keeps x exactly there and
  // gives a bound ≠ x or NaN elsewhere, one comparison where TF.js's mask takes three ops (a hardSigmoid gate's,
  // every step of a GRU). The 0 elsewhere is a scalar the select broadcasts, not a tensor of zeros made per call.
  clipByValue: rule<ClipAttrs>((dy, { inputs: [x], output: y, attrs: { clipValueMin: lo, clipValueMax: hi } }) => [
    lo === hi ? zerosLike(dy) : where(equal(y, x), dy, 0),
  ]),
  // σ(x) as exp(−softplus(−x)) (and σ(−x) as exp(−softplus(x))): the same values, but their own derivative comes out
  // as σ(x)·σ(−x), where the sigmoid's rule, y·(1 − y), loses every digit of 1 − y once σ nears 1 (|x| ≈ 30 in float64).
  softplus: unaryGrad((dy, x) => mul(dy, exp(neg(softplus(neg(x)))))),
  logSigmoid: unaryGrad((dy, x) => mul(dy, exp(neg(softplus(x))))),
  asinh: unaryGrad((dy, x) => div(dy, sqrt(add(square(x), 1)))),
  acosh: unaryGrad((dy, x) => div(dy, sqrt(sub(square(x), 1)))),
  atanh: unaryGrad((dy, x) => div(dy, sub(1, square(x)))),
  atan2: binaryGrad(
    (dy, a, b) => div(mul(dy, b), add(square(a), square(b))),
    (dy, a, b) => neg(div(mul(dy, a), add(square(a), square(b)))),
  ),
  // x > 0 passes dy; elsewhere (0 included, as TF.js) x takes dy·alpha and alpha takes dy·x. Selected, as TF.js's and
  // PyTorch's rules select: alpha's gradient is 0 where x > 0 even where dy is NaN.
  prelu: binaryGrad(
    (dy, x, alpha) => where(greater(x, 0), dy, mul(dy, alpha)),
    (dy, x) => where(greater(x, 0), zerosLike(dy), mul(dy, x)),
  ),
  less: zeroGrad,
  lessEqual: zeroGrad,
  greaterEqual: zeroGrad,
  notEqual: zeroGrad,
  any: zeroGrad,
  all: zeroGrad,
  prod: rule<ReduceAttrs>((dy, { inputs: [x], attrs: { axes } }) => [prodGrad(dy, x, axes)]),
  // The adjoint of a running sum is the running sum the other way.
  cumsum: rule<CumulativeAttrs>((dy, { attrs: { axis, exclusive, reverse } }) => [cumsum(dy, axis, exclusive, !reverse)]),
  cumprod: rule<CumulativeAttrs>((dy, { inputs: [x], attrs }) => [cumprodGrad(dy, x, attrs)]),
};
