import * as tf from '@tensorflow/tfjs';

// Linear regression with variables and optimizer.minimize, as the TF.js tutorials write it.
export function fitLine(xs: number[], ys: number[]): [number, number] {
  const m = tf.variable(tf.scalar(0.1));
  const b = tf.variable(tf.scalar(0));
  const w: tf.Variable = tf.variable(tf.zeros([2, 2]));
  const named = tf.variable(tf.ones([3]), true, 'bias');
  const optimizer: tf.Optimizer = tf.train.sgd(0.05);
  const x = tf.tensor1d(xs);
  const y = tf.tensor1d(ys);
  const predict = (input: tf.Tensor1D): tf.Tensor1D => tf.tidy(() => input.mul(m).add(b));
  const loss = (pred: tf.Tensor1D, label: tf.Tensor1D): tf.Scalar => pred.sub(label).square().mean();
  for (let i = 0; i < 10; i++) {
    optimizer.minimize(() => loss(predict(x), y));
  }
  const cost = optimizer.minimize(() => loss(predict(x), y) as tf.Scalar, true, [m, b]);
  if (cost) cost.dispose();
  w.assign(tf.ones([2, 2]));
  console.log(named.name, named.trainable, w.shape);
  const adam = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
  adam.minimize(() => tf.losses.meanSquaredError(y, predict(x)) as tf.Scalar);
  return [m.dataSync()[0], b.dataSync()[0]];
}
