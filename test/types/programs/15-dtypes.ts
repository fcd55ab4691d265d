import * as tf from '@tensorflow/tfjs';

// dtypes as values and types: casts, comparisons giving bool, int32 labels.
export function dtypes(values: number[]): tf.DataType[] {
  const dtype: tf.DataType = 'int32';
  const x = tf.tensor1d(values);
  const ints: tf.Tensor1D = x.cast(dtype);
  const asType: tf.Tensor1D = x.asType('int32');
  const floats = ints.toFloat();
  const bools: tf.Tensor1D = x.greater(0);
  const notB: tf.Tensor1D = tf.logicalNot(bools);
  const labels = tf.tensor1d([0, 2, 1], 'int32');
  const oneHot = tf.oneHot(labels, 3);
  const fromTyped: tf.Tensor = tf.tensor(new Int32Array([1, 2, 3]));
  const typed: tf.TypedArray = new Float32Array([1, 2]);
  const t2 = tf.tensor2d(typed, [1, 2], 'float32');
  const n: tf.NumericDataType = 'bool';
  return [ints.dtype, asType.dtype, floats.dtype, bools.dtype, notB.dtype, oneHot.dtype, fromTyped.dtype, t2.dtype, n];
}
