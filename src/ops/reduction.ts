import type { ReduceOp } from '../backend/backend';
import { backend } from '../backend/registry';
import { recordOp } from '../backprop';
import type { Tensor } from '../tensor';
import { div, mul, raw } from './binary';
import { zeros } from './creation';
import { assertBoolean, assertTensor, normalizeAxes } from './validate';

/** The shape of x with the reduced axes kept as 1s. */
function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** Spreads a reduced tensor back over the shape it was reduced from. */
function broadcastBack(g: Tensor, shape: readonly number[], axes: readonly number[]): Tensor {
  return raw('add', g.reshape(keptShape(shape, axes)), zeros(shape, g.dtype));
}

function reduceOp(op: ReduceOp, name: string, x: Tensor, axis: unknown, keepDims: boolean, backward: (dy: Tensor, y: Tensor, axes: number[]) => Tensor): Tensor {
  assertTensor(name, 'x', x);
  assertBoolean(name, 'keepDims', keepDims);
  const axes = normalizeAxes(name, axis, x.rank);
  const reduced = backend().reduce(op, x, axes);
  recordOp([x], reduced, (dy) => [backward(dy, reduced, axes)]);
  return keepDims ? reduced.reshape(keptShape(x.shape, axes)) : reduced;
}

/** Sum over axis (all axes when omitted), as tf.sum(x, axis?, keepDims?). */
export function sum(x: Tensor, axis?: number | number[], keepDims = false): Tensor {
  return reduceOp('sum', 'sum', x, axis, keepDims, (dy, _y, axes) => broadcastBack(dy, x.shape, axes));
}

/** Mean over axis (all axes when omitted), as tf.mean(x, axis?, keepDims?). */
export function mean(x: Tensor, axis?: number | number[], keepDims = false): Tensor {
  assertTensor('mean', 'x', x);
  const axes = normalizeAxes('mean', axis, x.rank);
  const count = axes.reduce((n, a) => n * x.shape[a], 1);
  return div(sum(x, axes, keepDims), count);
}

function extremum(op: 'max' | 'min', x: Tensor, axis: unknown, keepDims: boolean): Tensor {
  return reduceOp(op, op, x, axis, keepDims, (dy, y, axes) => {
    // Every position equal to the extremum receives the gradient, as in TF.js.
    const hit = raw('equal', x, y.reshape(keptShape(x.shape, axes)));
    return mul(broadcastBack(dy, x.shape, axes), hit);
  });
}

/** Max over axis (all when omitted), as tf.max(x, axis?, keepDims?). */
export function max(x: Tensor, axis?: number | number[], keepDims = false): Tensor {
  return extremum('max', x, axis, keepDims);
}

/** Min over axis (all when omitted), as tf.min(x, axis?, keepDims?). */
export function min(x: Tensor, axis?: number | number[], keepDims = false): Tensor {
  return extremum('min', x, axis, keepDims);
}
