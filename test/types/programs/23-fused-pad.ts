import * as tf from '@tensorflow/tfjs';

// tf.fused's convolutions take a numeric pad, as tf.conv2d (TF.js's own fused.conv2d example uses pad = 0).
export function fusedPad(): tf.Tensor[] {
  const x = tf.ones([1, 2, 2, 1]) as tf.Tensor4D;
  const filter = tf.ones([1, 1, 1, 1]) as tf.Tensor4D;
  const pad = 0;
  return [
    tf.fused.conv2d({ x, filter, strides: 1, pad, bias: tf.scalar(1), activation: 'relu' }),
    tf.fused.depthwiseConv2d({ x, filter, strides: 1, pad: 1 }),
    tf.fused.conv2d({ x, filter, strides: 1, pad: 'same' }),
  ];
}
