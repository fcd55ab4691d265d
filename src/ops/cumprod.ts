import type { Tensor } from '../tensor/tensor';
import { argError, assertBoolean, describeValue } from '../util/validate';
import { mul } from './binary';
import { cast, clone } from './cast';
import { concat } from './concat';
import { ones } from './creation';
import { reverse as flip } from './reverse';
import { slice } from './slice';
import { toTensor, type TensorLike } from './tensor-like';

/** x along axis shifted forward by k places, the first k filled with 1 (the product's identity). */
function shifted(x: Tensor, axis: number, k: number): Tensor {
  const n = x.shape[axis];
  const head = ones(x.shape.map((d, i) => (i === axis ? Math.min(k, n) : d)), x.dtype);
  // Shifted wholly out, x still joins as an empty slice, so the result stays x's op (zero gradient, not "unused").
  return concat([head, slice(x, x.shape.map(() => 0), x.shape.map((d, i) => (i === axis ? Math.max(n - k, 0) : d)))], axis);
}

/**
 * Running products along axis, as tf.cumprod(x, axis = 0, exclusive = false, reverse = false): exclusive leaves
 * each element out of its own product, reverse multiplies from the end. A scan of ⌈log₂ n⌉ products of shifted
 * copies, so its gradient is exact at zeros too.
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
  const a = axis < 0 ? axis + t.rank : axis;
  let y = reverse ? flip(t, a) : t;
  if (exclusive) y = shifted(y, a, 1);
  for (let k = 1; k < t.shape[a]; k *= 2) y = mul(y, shifted(y, a, k));
  if (reverse) y = flip(y, a);
  // An axis of 0 or 1 elements ran no op: the result is a tensor of its own, as TF.js's, never x itself.
  return (y === x ? clone(y) : y) as T;
}
