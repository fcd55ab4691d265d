import * as tf from '@tensorflow/tfjs';

// tidy returning typed tensors and containers; keep, dispose and memory.
export function scopes(): number {
  const a = tf.tensor1d([1, 2, 3]);
  const y: tf.Tensor1D = tf.tidy(() => a.square().add(1));
  const s: tf.Scalar = tf.tidy('sum', () => y.sum());
  const pair = tf.tidy(() => ({ min: a.min() as tf.Scalar, max: a.max() as tf.Scalar }));
  const list: tf.Tensor[] = tf.tidy(() => [a.mul(2), a.div(2)]);
  const kept: tf.Tensor1D = tf.tidy(() => tf.keep(a.neg()));
  const nothing: void = tf.tidy(() => {
    a.exp();
  });
  const container: tf.TensorContainer = { a, list };
  const named: tf.NamedTensorMap = { y, s };
  tf.dispose([y, s, pair.min, pair.max]);
  tf.dispose(list);
  tf.dispose(kept);
  console.log(nothing, container, Object.keys(named));
  return tf.memory().numTensors;
}
