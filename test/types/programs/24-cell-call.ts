import * as tf from '@tensorflow/tfjs';

// A cell called by hand on [x, ...states] gives [output, ...states] (TF.js's own convLstm2dCell example destructures it).
export function cellCall(): tf.Tensor[] {
  const cell = tf.layers.convLstm2dCell({ filters: 2, kernelSize: 1 });
  const input = tf.ones([1, 3, 3, 1]);
  cell.build(input.shape);
  const [o, h, c] = cell.call([input, tf.zeros([1, 3, 3, 2]), tf.zeros([1, 3, 3, 2])], {});
  const lstm = tf.layers.lstmCell({ units: 2 });
  const out: tf.Tensor | tf.Tensor[] = lstm.call([tf.ones([1, 3]), tf.zeros([1, 2]), tf.zeros([1, 2])], {});
  console.log(out);
  return [o, h, c];
}
