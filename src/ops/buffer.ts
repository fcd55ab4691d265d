import { assertDtype } from '../tensor/checks';
import { TensorBuffer } from '../tensor/tensor';
import type { DataType, DataTypeMap, Rank, ShapeMap } from '../tensor/value-types';
import { argError, assertShape, describeValue } from '../util/validate';

/**
 * An empty (zero-filled) or given-values buffer of a shape to fill element by element, as tf.buffer(shape,
 * dtype = 'float32', values?); the given array or typed array is used as it is, as TF.js keeps it, so the program's
 * later writes into it reach the buffer (toTensor converts it to the dtype's values).
 */
export function buffer<R extends Rank = Rank, D extends DataType = 'float32'>(shape: ShapeMap[R], dtype?: D, values?: DataTypeMap[D] | ArrayLike<number>): TensorBuffer<R, D> {
  dtype ??= 'float32' as D;
  const dims = assertShape('buffer', 'shape', shape);
  if (dtype !== 'string') assertDtype('buffer', 'dtype', dtype);
  if (values == null) return new TensorBuffer<R, D>(dims, dtype);
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw argError('buffer', 'values', describeValue(values), 'an array or a typed array');
  return new TensorBuffer<R, D>(dims, dtype, values as DataTypeMap[D]);
}
