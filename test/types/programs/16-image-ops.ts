import * as tf from '@tensorflow/tfjs';

// NHWC image ops with Tensor3D/Tensor4D in and out.
export function imageOps(batch: tf.Tensor4D, image: tf.Tensor3D): tf.Tensor4D {
  const filter: tf.Tensor4D = tf.randomNormal([3, 3, 3, 8], 0, 0.1, 'float32', 7);
  const conv: tf.Tensor4D = tf.conv2d(batch, filter, 1, 'same');
  const one: tf.Tensor3D = tf.conv2d(image, filter, [2, 2], 'valid');
  const pooled: tf.Tensor4D = tf.maxPool(conv, 2, 2, 'same');
  const avg: tf.Tensor4D = tf.avgPool(conv, [2, 2], 2, 'valid');
  const dw: tf.Tensor4D = tf.depthwiseConv2d(batch, tf.ones<tf.Rank.R4>([3, 3, 3, 1]), 1, 'same');
  const sep: tf.Tensor4D = tf.separableConv2d(batch, tf.ones<tf.Rank.R4>([3, 3, 3, 1]), tf.ones<tf.Rank.R4>([1, 1, 3, 4]), 1, 'same');
  const up: tf.Tensor4D = tf.conv2dTranspose(pooled, tf.ones<tf.Rank.R4>([2, 2, 8, 8]), [1, 4, 4, 8], 2, 'same');
  const seq: tf.Tensor3D = tf.conv1d(tf.zeros<tf.Rank.R3>([1, 10, 2]), tf.ones<tf.Rank.R3>([3, 2, 4]), 1, 'same');
  const m = tf.mean(conv, [0, 1, 2]) as tf.Tensor1D;
  const v = tf.moments(conv, [0, 1, 2]).variance as tf.Tensor1D;
  const normed: tf.Tensor4D = tf.batchNorm(conv, m, v, undefined, undefined, 1e-3);
  const chained: tf.Tensor4D = batch.conv2d(filter, 1, 'same');
  console.log(one.shape, avg.shape, dw.shape, sep.shape, up.shape, seq.shape, normed.shape, chained.shape);
  return pooled;
}
