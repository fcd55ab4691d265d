import { arrayTypeFor, type DType } from '../backend/handle';
import { assertDtype } from '../tensor/checks';
import { TensorBuffer } from '../tensor/tensor';
import type { DataType, DataTypeMap, Rank, ShapeMap } from '../tensor/value-types';
import { argError, assertShape, describeValue } from '../util/validate';

/**
 * An empty (zero-filled) or given-values buffer of a shape to fill element by element, as tf.buffer(shape,
 * dtype = 'float32', values?); a typed array of the dtype's type is used as it is (TF.js shares it too), other
 * values are copied into one.
 */
export function buffer<R extends Rank = Rank, D extends DataType = 'float32'>(shape: ShapeMap[R], dtype?: D, values?: DataTypeMap[D] | ArrayLike<number>): TensorBuffer<R, D> {
  dtype ??= 'float32' as D;
  const dims = assertShape('buffer', 'shape', shape);
  assertDtype('buffer', 'dtype', dtype);
  if (values == null) return new TensorBuffer<R, D>(dims, dtype);
  const Type = arrayTypeFor(dtype as DType);
  if (values instanceof Type) return new TensorBuffer<R, D>(dims, dtype, values as DataTypeMap[D]);
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw argError('buffer', 'values', describeValue(values), 'an array or a typed array');
  return new TensorBuffer<R, D>(dims, dtype, Type.from(values as ArrayLike<number>) as DataTypeMap[D]);
}
