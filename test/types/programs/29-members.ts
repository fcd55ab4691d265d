import * as tf from '@tensorflow/tfjs';

// Public members of TF.js's classes that custom optimizers and stateful RNN code use.
export async function members(): Promise<tf.Tensor[]> {
  const rnn = tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [1, 3, 1] }) as tf.RNN;
  rnn.apply(tf.ones([1, 3, 1]));
  const states: tf.Tensor[] = rnn.getStates();
  const optimizer = tf.train.sgd(0.1);
  const iter = await optimizer.saveIterations();
  console.log(iter.name, iter.tensor.dataSync());
  return states;
}
