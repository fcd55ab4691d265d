import type { Tensor } from '../tensor/tensor';
import { argError, assertBoolean, describeValue, fmtValue, normalizeAxes } from '../util/validate';
import { keptShape, max, min, sum } from './reduction';
import { reshape } from './reshape';
import { abs, sqrt, square } from './unary';
import { toTensor, type TensorLike } from './tensor-like';

export type NormOrd = number | 'euclidean' | 'fro';

function badOrd(op: string, ord: unknown, kind: string, expected: string): Error {
  return argError(op, 'ord', describeValue(ord), `${expected} for a ${kind} norm`);
}

/** A vector norm over the given axes (one, or none: elementwise), or over every element when `axis` is undefined. */
function vectorNorm(op: string, x: Tensor, ord: unknown, axis: number[] | undefined): Tensor {
  if (ord === 1) return sum(abs(x), axis);
  if (ord === Infinity) return max(abs(x), axis);
  if (ord === -Infinity) return min(abs(x), axis);
  // 'fro' is a matrix norm only (two axes), as in TF.js, where with no axis it meets the flattened vector and throws.
  if (ord === 'euclidean' || ord === 2) return sqrt(sum(square(x), axis));
  throw badOrd(op, ord, 'vector', "'euclidean', 1, 2, Infinity or -Infinity");
}

/** A matrix norm over the axes [rows, cols] (distinct, non-negative). */
function matrixNorm(op: string, x: Tensor, ord: unknown, [rows, cols]: number[]): Tensor {
  // After reducing one axis, an axis after it moves down by one.
  const after = (kept: number, gone: number) => (kept > gone ? kept - 1 : kept);
  if (ord === 1) return max(sum(abs(x), rows), after(cols, rows));
  if (ord === Infinity) return max(sum(abs(x), cols), after(rows, cols));
  if (ord === -Infinity) return min(sum(abs(x), cols), after(rows, cols));
  if (ord === 'fro' || ord === 'euclidean') return sqrt(sum(square(x), [rows, cols]));
  throw badOrd(op, ord, 'matrix', "'euclidean', 'fro', 1, Infinity or -Infinity");
}

/**
 * A vector or matrix norm, as tf.norm(x, ord = 'euclidean', axis = null, keepDims = false): with no axis every
 * element counts as one vector; one axis gives vector norms along it; two axes [rows, cols] give matrix norms
 * (1: max column sum, Infinity: max row sum, 'fro' / 'euclidean': Frobenius).
 */
export function norm(x: Tensor | TensorLike, ord?: NormOrd, axis: number | number[] | null = null, keepDims?: boolean): Tensor {
  ord ??= 'euclidean'; keepDims ??= false;
  return normAs('norm', x, ord, axis, keepDims);
}

/** @internal norm, its errors naming op (tf.euclideanNorm is norm with ord 'euclidean'). */
export function normAs(op: string, x: Tensor | TensorLike, ord: NormOrd, axis: number | number[] | null, keepDims: boolean): Tensor {
  x = toTensor(op, 'x', x);
  assertBoolean(op, 'keepDims', keepDims);
  // As TF.js, a scalar's norm is its absolute value whatever the axis and ord (keepDims still checks the axis).
  if (x.rank === 0 && !keepDims) return abs(x);
  const list = axis === null || axis === undefined ? null : Array.isArray(axis) ? axis : [axis];
  // As TF.js, a vector's (or a scalar's) norm over no axes is taken elementwise.
  if (list !== null && (list.length > 2 || (list.length === 0 && x.rank > 1))) {
    throw argError(op, 'axis', `${describeValue(axis)} ${fmtValue(axis)}`, 'null, one axis or two axes (or [] for a vector or a scalar)');
  }
  const axes = list === null ? [] : list.map((a) => normalizeAxes(op, a, x.rank)[0]);
  if (axes.length === 2 && axes[0] === axes[1]) throw argError(op, 'axis', fmtValue(axis), 'two distinct axes');
  let result: Tensor;
  if (x.rank === 0) result = abs(x);
  else if (axes.length === 2) result = matrixNorm(op, x, ord, axes);
  else result = list === null ? vectorNorm(op, reshape(x, [x.size]), ord, undefined) : vectorNorm(op, x, ord, axes);
  if (!keepDims) return result;
  return reshape(result, keptShape(x.shape, list === null ? x.shape.map((_, i) => i) : axes));
}
