import type { Tensor } from '../tensor/tensor';
import { argError, describeValue, normalizeAxes } from '../util/validate';
import { recordOp } from '../tensor/tape';
import { zeros } from './creation';
import { backend } from './engine';
import { toTensor, type TensorLike } from './tensor-like';

function argReduce(op: 'argMax' | 'argMin', x: Tensor | TensorLike, axis: unknown): Tensor {
  const t = toTensor(op, 'x', x);
  if (t.rank === 0) throw argError(op, 'x', 'a scalar', 'a tensor of rank >= 1');
  // As TF.js, one axis may come in an array.
  const one = Array.isArray(axis) && axis.length === 1 ? axis[0] : axis;
  if (typeof one !== 'number') throw argError(op, 'axis', describeValue(axis), 'a single integer axis (or an array of one)');
  const [a] = normalizeAxes(op, one, t.rank);
  // An empty axis gives index 0, as TF.js's kernel (which starts each search at the first place).
  const y = t.shape[a] === 0 ? zeros(t.shape.filter((_, i) => i !== a), 'int32') : backend().argReduce(op, t, a);
  // Recorded with a zero gradient, as TF.js's: a loss built on the index stays connected to x.
  recordOp(op, [t], y, null);
  return y;
}

/** Index (int32) of the largest value along axis, the first on ties, as tf.argMax(x, axis = 0); its gradient is zero. */
export function argMax<T extends Tensor>(x: Tensor | TensorLike, axis?: number | [number]): T {
  axis ??= 0;
  return argReduce('argMax', x, axis) as T;
}

/** Index (int32) of the smallest value along axis, the first on ties, as tf.argMin(x, axis = 0). */
export function argMin<T extends Tensor>(x: Tensor | TensorLike, axis?: number | [number]): T {
  axis ??= 0;
  return argReduce('argMin', x, axis) as T;
}
