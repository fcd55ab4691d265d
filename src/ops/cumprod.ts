import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { argError, assertBoolean, describeValue } from '../util/validate';
import { cast } from './cast';
import type { CumulativeAttrs } from './cumsum';
import { backend } from './engine';
import { toTensor, type TensorLike } from './tensor-like';

/**
 * Running products along axis, as tf.cumprod(x, axis = 0, exclusive = false, reverse = false): exclusive leaves
 * each element out of its own product, reverse multiplies from the end. Multiplied in the running order, as TF.js
 * multiplies (a zero before an overflow gives 0, not 0 · ∞); its backward rule needs no division, so it is exact
 * at zeros (ops/grads/math.ts).
 */
export function cumprod<T extends Tensor>(x: T | TensorLike, axis?: number, exclusive?: boolean, reverse?: boolean): T {
  axis ??= 0; exclusive ??= false; reverse ??= false;
  const x0 = toTensor('cumprod', 'x', x);
  // bool products are int32, as TF.js's.
  const t = x0.dtype === 'bool' ? cast(x0, 'int32') : x0;
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -t.rank || axis >= t.rank) {
    const expected = t.rank === 0 ? 'a tensor of rank >= 1 (x is a scalar)' : `an integer in [${-t.rank}, ${t.rank}) for a rank-${t.rank} tensor`;
    throw argError('cumprod', 'axis', describeValue(axis), expected);
  }
  assertBoolean('cumprod', 'exclusive', exclusive);
  assertBoolean('cumprod', 'reverse', reverse);
  const attrs: CumulativeAttrs = { axis: axis < 0 ? axis + t.rank : axis, exclusive, reverse };
  const y = backend().cumprod(t, attrs.axis, exclusive, reverse);
  recordOp<CumulativeAttrs>('cumprod', [t], y, attrs);
  return y as T;
}
