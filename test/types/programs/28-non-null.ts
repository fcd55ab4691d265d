import * as tf from '@tensorflow/tfjs';

// Dataset.size and model.optimizer, typed non-null as TF.js types them.
export function nonNull(): number {
  const size: number = tf.data.array([1, 2, 3]).size;
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  const optimizer: tf.Optimizer = model.optimizer;
  console.log(optimizer.getClassName());
  return size;
}
