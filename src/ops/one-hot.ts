import { arrayTypeFor } from '../backend/handle';
import type { Tensor, DType } from '../tensor/tensor';
import { assertDtype, assertTensorDtype } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import { argError, assertFiniteNumber, assertHoldable, describeValue } from '../util/validate';
import { backend } from './engine';
import { toTensor, type TensorLike } from './tensor-like';

/**
 * indices (int32) as one-hot rows of length depth, as tf.oneHot(indices, depth, onValue = 1, offValue = 0,
 * dtype = 'int32'): shape indices.shape + [depth]. An index outside [0, depth) (-1 for padding, say) gives a row of
 * offValue, as in TF.js.
 */
export function oneHot(indices: Tensor | TensorLike, depth: number, onValue?: number, offValue?: number, dtype?: DType): Tensor {
  onValue ??= 1; offValue ??= 0; dtype ??= 'int32';
  const op = 'oneHot';
  const idx = toTensor(op, 'indices', indices, 'int32');
  assertTensorDtype(op, 'indices', idx, 'int32');
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 2) throw argError(op, 'depth', describeValue(depth), 'an integer >= 2');
  assertHoldable(op, 'depth', [...idx.shape, depth]);
  assertFiniteNumber(op, 'onValue', onValue);
  assertFiniteNumber(op, 'offValue', offValue);
  assertDtype(op, 'dtype', dtype);
  // The values as an array of dtype stores them, as TF.js's kernel writes them (into float32, read back as dtype):
  // int32 truncates (1.7 gives 1), bool keeps a value's integer part (0.5 gives false).
  const stored = new (arrayTypeFor(dtype))(2);
  stored[0] = onValue;
  stored[1] = offValue;
  const [on, off] = dtype === 'bool' ? [...stored].map((v) => (v !== 0 ? 1 : 0)) : [...stored];
  const y = backend().oneHot(idx, depth, on, off, dtype);
  // A zero gradient for the indices, as TF.js's, so a chain through them stays connected.
  recordOp('oneHot', [idx], y, null);
  return y;
}
