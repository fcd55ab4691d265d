import { Tensor, type DType } from '../tensor/tensor';
import { assertDtype, assertTensorDtype } from '../tensor/checks';
import { argError, assertFiniteNumber, describeValue } from '../util/validate';
import { equal } from './binary';
import { scalar } from './creation';
import { reshape } from './reshape';
import { toTensor, type TensorLike } from './tensor-like';
import { where } from './where';

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
  assertFiniteNumber(op, 'onValue', onValue);
  assertFiniteNumber(op, 'offValue', offValue);
  assertDtype(op, 'dtype', dtype);
  const classes = new Tensor([depth], 'int32', Int32Array.from({ length: depth }, (_, i) => i));
  const hit = equal(reshape(idx, [...idx.shape, 1]), classes);
  return where(hit, scalar(onValue, dtype), scalar(offValue, dtype));
}
