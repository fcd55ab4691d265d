import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { argError, assertBoolean, describeValue } from '../util/validate';
import { cast } from './cast';
import { backend } from './engine';
import { toTensor, type TensorLike } from './tensor-like';

export interface CumulativeAttrs {
  axis: number;
  exclusive: boolean;
  reverse: boolean;
}

/**
 * Running sums along axis, as tf.cumsum(x, axis = 0, exclusive = false, reverse = false): exclusive leaves each
 * element out of its own sum, reverse sums from the end. A negative axis counts from the last.
 */
export function cumsum<T extends Tensor>(x: T | TensorLike, axis?: number, exclusive?: boolean, reverse?: boolean): T {
  axis ??= 0; exclusive ??= false; reverse ??= false;
  x = toTensor('cumsum', 'x', x) as T;
  // bool sums count, in int32, as TF.js's.
  if (x.dtype === 'bool') x = cast(x, 'int32') as T;
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -x.rank || axis >= x.rank) {
    const expected = x.rank === 0 ? 'a tensor of rank >= 1 (x is a scalar)' : `an integer in [${-x.rank}, ${x.rank}) for a rank-${x.rank} tensor`;
    throw argError('cumsum', 'axis', describeValue(axis), expected);
  }
  assertBoolean('cumsum', 'exclusive', exclusive);
  assertBoolean('cumsum', 'reverse', reverse);
  const attrs: CumulativeAttrs = { axis: axis < 0 ? axis + x.rank : axis, exclusive, reverse };
  const y = backend().cumsum(x, attrs.axis, exclusive, reverse);
  recordOp<CumulativeAttrs>('cumsum', [x], y, attrs);
  return y as T;
}
