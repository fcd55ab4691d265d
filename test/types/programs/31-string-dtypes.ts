import * as tf from '@tensorflow/tfjs';

// String and complex64 tensors as TF.js types them: DataType names both, a tensor's dtype may be either, and a string
// tensor's values read back as string[] (DataTypeMap['string']).
export async function strings(): Promise<number> {
  const words = tf.tensor1d(['a', 'b', 'b', 'c']);
  const dtype: tf.DataType = words.dtype;
  const names: tf.DataType[] = ['string', 'complex64', 'float32', 'int32', 'bool'];
  const values: string[] = words.dataSync<'string'>();
  const later: tf.DataTypeMap['string'] = await words.data<'string'>();
  const { values: distinct, indices } = tf.unique(words);
  const same = tf.equal(words, tf.scalar('b'));
  const buffer = tf.buffer([2], 'string', ['x', 'y']);
  buffer.set('z', 1);
  const fromBuffer = buffer.toTensor();
  const isString = (t: tf.Tensor) => t.dtype === 'string';
  const isComplex = (t: tf.Tensor) => t.dtype === 'complex64';
  const joined = tf.concat([words, fromBuffer]).reshape([2, 3]);
  const tiled = tf.tile(tf.scalar('s').expandDims(0), [3]);
  const filled = tf.fill([2], 'q');
  console.log(dtype, names.length, later.length, isString(distinct), isComplex(tf.complex([1], [2])));
  return values.length + indices.size + same.size + joined.size + tiled.size + filled.size;
}
