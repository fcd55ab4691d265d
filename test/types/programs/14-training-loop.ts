import * as tf from '@tensorflow/tfjs';

// A custom training loop over a small MLP held in variables.
interface Params {
  w1: tf.Variable;
  b1: tf.Variable;
  w2: tf.Variable;
}

function forward(p: Params, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const h = tf.relu(tf.add(tf.matMul(x, p.w1), p.b1)) as tf.Tensor2D;
    return h.matMul(p.w2) as tf.Tensor2D;
  });
}

export function trainLoop(x: tf.Tensor2D, labels: tf.Tensor2D, steps: number): number {
  const p: Params = {
    w1: tf.variable(tf.randomNormal([4, 8], 0, 0.1, 'float32', 1), true, 'w1'),
    b1: tf.variable(tf.zeros([8]), true, 'b1'),
    w2: tf.variable(tf.truncatedNormal([8, 3], 0, 0.1, 'float32', 2), true, 'w2'),
  };
  const optimizer: tf.Optimizer = tf.train.momentum(0.01, 0.9);
  let last = 0;
  for (let step = 0; step < steps; step++) {
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(labels, forward(p, x)) as tf.Scalar);
    optimizer.applyGradients(grads);
    last = value.dataSync()[0];
    tf.dispose(value);
    tf.dispose(grads);
  }
  const acc = tf.metrics.categoricalAccuracy(labels, forward(p, x)).mean() as tf.Scalar;
  const mse: tf.Tensor = tf.losses.meanSquaredError(labels, forward(p, x));
  console.log(acc.dataSync()[0], mse.size, tf.train.rmsprop(0.01).getClassName());
  return last;
}
