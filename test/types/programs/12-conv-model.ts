import * as tf from '@tensorflow/tfjs';

// The MNIST convnet of the TF.js tutorial, with its layer configs as object literals.
export function convModel(): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 5, strides: 1, activation: 'relu', kernelInitializer: 'heNormal' }),
      tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }),
      tf.layers.conv2d({ filters: 16, kernelSize: [3, 3], padding: 'same', activation: 'relu', useBias: false }),
      tf.layers.batchNormalization(),
      tf.layers.averagePooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.25 }),
      tf.layers.dense({ units: 10, kernelInitializer: 'heNormal', activation: 'softmax' }),
    ],
  });
  const optimizer = tf.train.adam();
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const probs = model.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor2D;
  const classes: tf.Tensor1D = probs.argMax(-1);
  console.log(classes.shape, model.layers.length, model.outputs[0].shape);
  return model;
}
