import type { Tensor } from '../tensor/tensor';
import { addTensorMethods } from './method-table';
import { elu, leakyRelu, logSigmoid, prelu, relu6, selu, softplus, step } from './activations';
import { addN, clipByValue, squaredDifference } from './arithmetic';
import { greaterEqual, less, lessEqual, notEqual } from './compare';
import { cumprod } from './cumprod';
import { cumsum } from './cumsum';
import { moments } from './moments';
import { norm, type NormOrd } from './norm';
import { all, any, logSumExp, prod } from './reduce-math';
import { erf, expm1, log1p, rsqrt } from './special';
import { acos, acosh, asin, asinh, atan, atan2, atanh, cos, cosh, sin, sinh, tan } from './trig';

// The math ops, and the same ops as Tensor methods (x.sin(), x.prod(1), ...) as TF.js chains them. The public
// surface takes the ops from here, so a bundle that keeps any of them keeps the methods too.

export { sin, cos, tan, asin, acos, atan, sinh, cosh, asinh, acosh, atanh, atan2, rsqrt, log1p, expm1, erf };
export { elu, selu, leakyRelu, prelu, relu6, softplus, step, logSigmoid };
export { less, lessEqual, greaterEqual, notEqual, clipByValue, squaredDifference, addN };
export { prod, any, all, logSumExp, cumsum, cumprod, moments, norm };
export type { NormOrd };

type Axis = number | number[] | null;

const unaries = { sin, cos, tan, asin, acos, atan, sinh, cosh, asinh, acosh, atanh, rsqrt, log1p, expm1, erf, elu, selu, relu6, softplus, logSigmoid };
const binaries = { atan2, squaredDifference, less, lessEqual, greaterEqual, notEqual };
const reductions = { prod, any, all, logSumExp };

const each = <F>(ops: Record<string, F>, method: (op: F) => unknown) => Object.fromEntries(Object.entries(ops).map(([name, op]) => [name, method(op)]));

addTensorMethods({
  ...each(unaries, (op) => function (this: Tensor) { return op(this); }),
  ...each(binaries, (op) => function (this: Tensor, b: Tensor | number) { return op(this, b); }),
  ...each(reductions, (op) => function (this: Tensor, axis?: Axis, keepDims?: boolean) { return op(this, axis, keepDims); }),
  leakyRelu(this: Tensor, alpha?: number) { return leakyRelu(this, alpha); },
  prelu(this: Tensor, alpha: Tensor) { return prelu(this, alpha); },
  step(this: Tensor, alpha?: number) { return step(this, alpha); },
  clipByValue(this: Tensor, min: number, max: number) { return clipByValue(this, min, max); },
  cumsum(this: Tensor, axis?: number, exclusive?: boolean, reverse?: boolean) { return cumsum(this, axis, exclusive, reverse); },
  cumprod(this: Tensor, axis?: number, exclusive?: boolean, reverse?: boolean) { return cumprod(this, axis, exclusive, reverse); },
  norm(this: Tensor, ord?: NormOrd, axis?: Axis, keepDims?: boolean) { return norm(this, ord, axis, keepDims); },
});
