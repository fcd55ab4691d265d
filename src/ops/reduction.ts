import type { ReduceOp } from '../backend/backend';
import { unnumberedTidy } from '../tensor/tidy';
import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import { isFloatDtype, type Tensor } from '../tensor/tensor';
import { cast } from './cast';
import { toTensor, type TensorLike } from './tensor-like';
import { add, div, logicalAnd } from './binary';
import { assertBoolean, normalizeAxes } from '../util/validate';

/** The shape of x with the reduced axes kept as 1s. */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

export interface ReduceAttrs {
  /** The reduced axes, sorted. */
  axes: number[];
}

/** @internal A recorded reduction over `axis` (all axes when absent), recorded under the op's name with its sorted axes. */
export function reduceOp(op: ReduceOp, input: Tensor | TensorLike, axis: unknown, keepDims: boolean): Tensor {
  // bool sums and multiplies as int32 (a sum of flags is a count), as TF.js; any / all take it as it is.
  const t = toTensor(op, 'x', input);
  const x = t.dtype === 'bool' && op !== 'any' && op !== 'all' ? cast(t, 'int32') : t;
  assertBoolean(op, 'keepDims', keepDims);
  const axes = normalizeAxes(op, axis, x.rank);
  let reduced = backend().reduce(op, x, axes);
  recordOp<ReduceAttrs>(op, [x], reduced, { axes });
  // Over an empty axis TF.js's kernels start from the first value past the end of x's (empty) data: a float max or
  // min is NaN, and all is false.
  if (axes.some((a) => x.shape[a] === 0)) {
    if ((op === 'max' || op === 'min') && isFloatDtype(x.dtype)) reduced = add(reduced, NaN);
    if (op === 'all') reduced = logicalAnd(reduced, false);
  }
  return keepDims ? reduced.reshape(keptShape(x.shape, axes)) : reduced;
}

/** Sum over axis (all axes when omitted), as tf.sum(x, axis?, keepDims?); int32 and bool sum to int32. */
export function sum<T extends Tensor>(x: Tensor | TensorLike, axis?: number | number[], keepDims?: boolean): T {
  keepDims ??= false;
  return reduceOp('sum', x, axis, keepDims) as T;
}

/**
 * Mean over axis (all axes when omitted), as tf.mean(x, axis?, keepDims?); int32 and bool give float32, and the mean
 * of nothing is 0, as TF.js.
 */
export function mean<T extends Tensor>(input: Tensor | TensorLike, axis?: number | number[], keepDims?: boolean): T {
  keepDims ??= false;
  assertBoolean('mean', 'keepDims', keepDims);
  // In a scope, as TF.js's ops: only the mean outlives the call (not the sum, the count's scalar, a cast input).
  return unnumberedTidy(() => {
    const t = toTensor('mean', 'x', input);
    const x = isFloatDtype(t.dtype) ? t : cast(t, 'float32');
    const axes = normalizeAxes('mean', axis, x.rank);
    const count = axes.reduce((n, a) => n * x.shape[a], 1);
    // Divided before summing, as TF.js, so a mean of values near the float32 maximum does not overflow.
    return sum(count === 0 ? x : div(x, count), axes, keepDims);
  }) as T;
}

/** Max over axis (all when omitted), as tf.max(x, axis?, keepDims?); bool stays bool (any), as TF.js. */
export function max<T extends Tensor>(x: Tensor | TensorLike, axis?: number | number[], keepDims?: boolean): T {
  keepDims ??= false;
  const t = toTensor('max', 'x', x);
  return boolExtreme(reduceOp('max', t, axis, keepDims), t) as T;
}

/** Min over axis (all when omitted), as tf.min(x, axis?, keepDims?); bool stays bool (all), as TF.js. */
export function min<T extends Tensor>(x: Tensor | TensorLike, axis?: number | number[], keepDims?: boolean): T {
  keepDims ??= false;
  const t = toTensor('min', 'x', x);
  return boolExtreme(reduceOp('min', t, axis, keepDims), t) as T;
}

/** reduceOp takes bool as int32; the max or min of flags is a flag again. */
function boolExtreme(y: Tensor, x: Tensor): Tensor {
  return y.dtype === 'int32' && x.dtype === 'bool' ? cast(y, 'bool') : y;
}
