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
 * dtype = 'int32'): shape indices.shape + [depth]. An index outside [0, depth) is an error (TF.js gives a row of offValue).
 */
export function oneHot(indices: Tensor | TensorLike, depth: number, onValue = 1, offValue = 0, dtype: DType = 'int32'): Tensor {
  const op = 'oneHot';
  const idx = toTensor(op, 'indices', indices, 'int32');
  assertTensorDtype(op, 'indices', idx, 'int32');
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 2) throw argError(op, 'depth', describeValue(depth), 'an integer >= 2');
  assertFiniteNumber(op, 'onValue', onValue);
  assertFiniteNumber(op, 'offValue', offValue);
  assertDtype(op, 'dtype', dtype);
  const v = idx.hostValues();
  for (let i = 0; i < v.length; i++) {
    if (!(v[i] >= 0 && v[i] < depth)) throw argError(op, `indices[${i}]`, String(v[i]), `an index in [0, ${depth - 1}]`);
  }
  const classes = new Tensor([depth], 'int32', Int32Array.from({ length: depth }, (_, i) => i));
  const hit = equal(reshape(idx, [...idx.shape, 1]), classes);
  return where(hit, scalar(onValue, dtype), scalar(offValue, dtype));
}
