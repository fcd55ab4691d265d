import { isFloatDtype, type Tensor } from '../../tensor/tensor';
import { trackedByAnyTape } from '../../tensor/tape';
import { div, equal, greater, logicalAnd, mul, pow, sub } from '../binary';
import { sumToShape } from '../broadcast';
import { cast } from '../cast';
import { zeros, zerosLike } from '../creation';
import { greaterEqual, less, lessEqual } from '../compare';
import { log, logicalNot, neg, step } from '../unary';
import { where } from '../where';
import { rule, type GradientTable } from './table';

type Side = (dy: Tensor, a: Tensor, b: Tensor, y: Tensor) => Tensor;

/** A binary op's rule: each operand's gradient (only where needed) at the broadcast shape, summed back to its own shape. */
export function binaryGrad(da: Side, db: Side) {
  return rule((dy, { inputs: [a, b], output, needed }) => [
    needed[0] ? sumToShape(da(dy, a, b, output), a.shape) : null,
    needed[1] ? sumToShape(db(dy, a, b, output), b.shape) : null,
  ]);
}

export function unaryGrad(grad: (dy: Tensor, x: Tensor, y: Tensor) => Tensor) {
  return rule((dy, { inputs: [x], output }) => [grad(dy, x, output)]);
}

/** Zeros of x's shape, in x's dtype when it is float, else in dy's (gradients are float, as TF.js's). */
export function zeroGradOf(x: Tensor, dy: Tensor): Tensor {
  return isFloatDtype(x.dtype) ? zerosLike(x) : zeros(x.shape, dy.dtype);
}

/** Piecewise-constant ops (comparisons, step, argMax): a zero gradient, recorded, so that gradients through masks stay connected (relu'' = 0). */
export const zeroGrad = rule((dy, { inputs, needed }) => inputs.map((x, i) => (needed[i] ? zeroGradOf(x, dy) : null)));

/** A comparison's bool result as 0/1 in like's dtype, so masks keep a float64 computation in float64. */
function mask(condition: Tensor, like: Tensor): Tensor {
  return cast(condition, like.dtype);
}

/**
 * log a where a > 0, else 0: pow's gradient for the exponent, as TF.js (a ≤ 0 or NaN contributes nothing). a is
 * selected, not masked arithmetically (a·m + 1 − m is NaN for a NaN or infinite a), and the log taken of the
 * selection, so the rule's own gradient has no 1/a outside a > 0.
 */
function logWherePositive(a: Tensor): Tensor {
  return log(where(greater(a, 0), a, 1));
}

/**
 * The exponent of pow's base gradient b·a^(b−1): b − 1, but 0 where b is 0, so that the derivative of the constant
 * a^0 is 0·a^0 = 0 (TF.js's 0·0^−1 is NaN at 0, and 0·a^−1 overflows to 0·∞ below |a| ≈ 1e-308; x^1's second
 * derivative and x^n's (n+2)th did the same below 1e-154). The mask is a constant, so the exponent's own gradient
 * stays 1 and the rule differentiates again to the same zeros. Where a tape differentiates b, the mask is only
 * where a is 0 too, so that d/db of b·a^(b−1) stays a^(b−1)·(1 + b·ln a) elsewhere (PyTorch: likewise, a number
 * exponent masked wherever it is 0, a differentiated one not).
 */
function powerBelow(a: Tensor, b: Tensor, bDifferentiated: boolean): Tensor {
  const constantPower = bDifferentiated ? logicalAnd(equal(a, 0), equal(b, 0)) : equal(b, 0);
  return sub(b, cast(logicalNot(constantPower), b.dtype));
}

export const elementwiseGrads: GradientTable = {
  // (x − mean)·scale + offset: the rules of the sub, mul and add it stands for, each summed to its operand's shape.
  channelAffine: rule((dy, { inputs: [x, mean, scale, offset], needed }) => {
    const dz = needed[0] || needed[1] ? mul(dy, scale) : null;
    return [
      needed[0] ? dz : null,
      dz && needed[1] ? sumToShape(neg(dz), mean.shape) : null,
      needed[2] ? sumToShape(mul(dy, sub(x, mean)), scale.shape) : null,
      needed[3] ? sumToShape(dy, offset.shape) : null,
    ];
  }),
  add: binaryGrad((dy) => dy, (dy) => dy),
  sub: binaryGrad((dy) => dy, (dy) => neg(dy)),
  mul: binaryGrad((dy, _a, b) => mul(dy, b), (dy, a) => mul(dy, a)),
  div: binaryGrad((dy, _a, b) => div(dy, b), (dy, a, b) => neg(div(mul(div(dy, b), a), b))),
  // TF.js's masks: ties go to a (maximum: a where a >= b, b where a < b; minimum: a where a <= b, b where a > b),
  // and where either operand is NaN neither gets dy.
  maximum: binaryGrad((dy, a, b) => mul(dy, mask(greaterEqual(a, b), dy)), (dy, a, b) => mul(dy, mask(less(a, b), dy))),
  minimum: binaryGrad((dy, a, b) => mul(dy, mask(lessEqual(a, b), dy)), (dy, a, b) => mul(dy, mask(greater(a, b), dy))),
  pow: rule((dy, { inputs: [a, b], output, needed }) => [
    needed[0] ? sumToShape(mul(dy, mul(b, pow(a, powerBelow(a, b, needed[1] || trackedByAnyTape(b))))), a.shape) : null,
    needed[1] ? sumToShape(mul(dy, mul(output, logWherePositive(a))), b.shape) : null,
  ]),
  greater: zeroGrad,
  equal: zeroGrad,
  neg: unaryGrad((dy) => neg(dy)),
  // 1 where x > 0, else -1 (at 0 too), as TF.js's dy·step(x, -1): the kinks of relu(x) - x·z + log(1 + e^-|x|) (the
  // sigmoid cross-entropy) then cancel, and its gradient at logits of exactly 0 is sigmoid(0) - z.
  abs: unaryGrad((dy, x) => mul(dy, sub(mul(step(x), 2), 1))),
  exp: unaryGrad((dy, _x, y) => mul(dy, y)),
  log: unaryGrad((dy, x) => div(dy, x)),
  sqrt: unaryGrad((dy, _x, y) => div(dy, mul(y, 2))),
  square: unaryGrad((dy, x) => mul(dy, mul(x, 2))),
  // 0 at 0, as TF.js and PyTorch.
  relu: unaryGrad((dy, x) => mul(dy, step(x))),
  sigmoid: unaryGrad((dy, _x, y) => mul(dy, mul(y, sub(1, y)))),
  tanh: unaryGrad((dy, _x, y) => mul(dy, sub(1, mul(y, y)))),
  reciprocal: unaryGrad((dy, _x, y) => neg(mul(dy, mul(y, y)))),
  step: zeroGrad,
  isNaN: zeroGrad,
  isInf: zeroGrad,
  isFinite: zeroGrad,
  zerosLike: zeroGrad,
  onesLike: zeroGrad,
};
