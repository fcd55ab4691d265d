import { Tensor } from '../tensor/tensor';
import { broadcastShapes } from '../backend/shapes';
import { argError, describeValue, fmtShape, fmtValue } from '../util/validate';
import { div, equal } from './binary';
import { ones, onesLike, scalar, zerosLike } from './creation';
import { matMul } from './matmul';
import { normAs } from './norm';
import { reshape } from './reshape';
import { eye } from './sequences';
import { matchedOperands, toTensor, type TensorLike } from './tensor-like';
import { cast } from './cast';
import { where } from './where';

// Ops TF.js builds from other ops, built here from the same ones: their values, dtypes and gradients follow.

/** a / b, with 0 wherever b is 0 (even 0 / 0), as tf.divNoNan. */
export function divNoNan<T extends Tensor>(a: Tensor | TensorLike | number, b: Tensor | TensorLike | number): T {
  // A number takes the other operand's dtype, as in div (a float64 tensor's divisor is not rounded to float32).
  const [ta, tb] = matchedOperands('divNoNan', a, b, cast);
  if (!broadcastShapes(ta.shape, tb.shape)) throw argError('divNoNan', 'b', `shape ${fmtShape(tb.shape)}`, `a shape that broadcasts with a's ${fmtShape(ta.shape)}`);
  // Dividing by 1 where b is 0 keeps the discarded branch finite, so its gradient there is 0, not 0 · ∞ = NaN.
  const isZero = equal(tb, 0);
  const quotient = div(ta, where(isZero, onesLike(tb), tb));
  return where(isZero, zerosLike(quotient), quotient) as T;
}

/** The euclidean norm over axis (all axes when null), as tf.euclideanNorm(x, axis = null, keepDims = false). */
export function euclideanNorm(x: Tensor | TensorLike, axis: number | number[] | null = null, keepDims?: boolean): Tensor {
  keepDims ??= false;
  return normAs('euclideanNorm', x, 'euclidean', axis, keepDims);
}

/** A tensor of shape [...x.shape, ...x.shape] with x on its diagonal, as tf.diag. */
export function diag(x: Tensor | TensorLike): Tensor {
  const t = toTensor('diag', 'x', x);
  // Selected, not multiplied by the identity, so an Infinity or NaN in x stays off the rest of its column (∞·0 is NaN).
  const onDiagonal = eye(t.size, t.size, undefined, 'bool');
  return reshape(where(onDiagonal, reshape(t, [t.size]), scalar(0, t.dtype)), [...t.shape, ...t.shape]);
}

/**
 * Coordinate matrices from two coordinate vectors, as tf.meshgrid(x, y, {indexing = 'xy'}): with 'xy' both are
 * [y.size, x.size] (x varying along rows), with 'ij' [x.size, y.size].
 */
export function meshgrid<T extends Tensor>(x?: T | TensorLike, y?: T | TensorLike, { indexing = 'xy' }: { indexing?: string } = {}): T[] {
  if (indexing !== 'xy' && indexing !== 'ij') throw argError('meshgrid', 'indexing', `${describeValue(indexing)} ${fmtValue(indexing)}`, "'xy' or 'ij'");
  if (x === undefined) return [];
  const tx = toTensor('meshgrid', 'x', x);
  if (y === undefined) return [tx as T];
  const ty = toTensor('meshgrid', 'y', y);
  const [w, h] = [tx.size, ty.size];
  if (indexing === 'xy') {
    return [matMul(ones([h, 1], tx.dtype), reshape(tx, [1, w])), matMul(reshape(ty, [h, 1]), ones([1, w], ty.dtype))] as T[];
  }
  return [matMul(reshape(tx, [w, 1]), ones([1, h], tx.dtype)), matMul(ones([w, 1], ty.dtype), reshape(ty, [1, h]))] as T[];
}

