import type { ReduceOp } from '../backend/backend';
import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { div } from './binary';
import { assertBoolean, normalizeAxes } from '../util/validate';
import { assertTensor } from '../tensor/checks';

/** The shape of x with the reduced axes kept as 1s. */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

export interface ReduceAttrs {
  /** The reduced axes, sorted. */
  axes: number[];
}

/** @internal A recorded reduction over `axis` (all axes when absent), recorded under the op's name with its sorted axes. */
export function reduceOp(op: ReduceOp, x: Tensor, axis: unknown, keepDims: boolean): Tensor {
  assertTensor(op, 'x', x);
  assertBoolean(op, 'keepDims', keepDims);
  const axes = normalizeAxes(op, axis, x.rank);
  const reduced = backend().reduce(op, x, axes);
  recordOp<ReduceAttrs>(op, [x], reduced, { axes });
  return keepDims ? reduced.reshape(keptShape(x.shape, axes)) : reduced;
}

/** Sum over axis (all axes when omitted), as tf.sum(x, axis?, keepDims?). */
export function sum(x: Tensor, axis?: number | number[], keepDims = false): Tensor {
  return reduceOp('sum', x, axis, keepDims);
}

/** Mean over axis (all axes when omitted), as tf.mean(x, axis?, keepDims?). */
export function mean(x: Tensor, axis?: number | number[], keepDims = false): Tensor {
  assertTensor('mean', 'x', x);
  const axes = normalizeAxes('mean', axis, x.rank);
  const count = axes.reduce((n, a) => n * x.shape[a], 1);
  return div(sum(x, axes, keepDims), count);
}

/** Max over axis (all when omitted), as tf.max(x, axis?, keepDims?). */
export function max(x: Tensor, axis?: number | number[], keepDims = false): Tensor {
  return reduceOp('max', x, axis, keepDims);
}

/** Min over axis (all when omitted), as tf.min(x, axis?, keepDims?). */
export function min(x: Tensor, axis?: number | number[], keepDims = false): Tensor {
  return reduceOp('min', x, axis, keepDims);
}
