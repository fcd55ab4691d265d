import type { Tensor } from '../tensor/tensor';
import { binaryOp, type Operand } from './binary';
import type { TensorLike } from './tensor-like';
import { unaryOp } from './unary';

// Trigonometric and hyperbolic functions, as tf.sin ... tf.cosh and tf.atan2. Outside an inverse function's
// domain the result is NaN, as in TF.js (that is the value, not bad input).

export const sin = <T extends Tensor>(x: T | TensorLike): T => unaryOp('sin', x) as T;
export const cos = <T extends Tensor>(x: T | TensorLike): T => unaryOp('cos', x) as T;
export const tan = <T extends Tensor>(x: T | TensorLike): T => unaryOp('tan', x) as T;
export const asin = <T extends Tensor>(x: T | TensorLike): T => unaryOp('asin', x) as T;
export const acos = <T extends Tensor>(x: T | TensorLike): T => unaryOp('acos', x) as T;
export const atan = <T extends Tensor>(x: T | TensorLike): T => unaryOp('atan', x) as T;
export const sinh = <T extends Tensor>(x: T | TensorLike): T => unaryOp('sinh', x) as T;
export const cosh = <T extends Tensor>(x: T | TensorLike): T => unaryOp('cosh', x) as T;
export const asinh = <T extends Tensor>(x: T | TensorLike): T => unaryOp('asinh', x) as T;
export const acosh = <T extends Tensor>(x: T | TensorLike): T => unaryOp('acosh', x) as T;
export const atanh = <T extends Tensor>(x: T | TensorLike): T => unaryOp('atanh', x) as T;

/** The angle of the point (b, a) in (−π, π], elementwise with broadcasting, as tf.atan2(a, b). */
export function atan2<T extends Tensor>(a: Operand, b: Operand): T {
  return binaryOp('atan2', a, b) as T;
}
