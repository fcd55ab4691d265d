import * as tf from '@tensorflow/tfjs';

// TF.js's apply returns Tensor|Tensor[]|SymbolicTensor|SymbolicTensor[], so programs assert the form they expect.
export function applyForms(): tf.LayersModel {
  const x = tf.input({ shape: [5, 3] });
  const [seq, h, c] = tf.layers.lstm({ units: 4, returnSequences: true, returnState: true }).apply(x) as tf.SymbolicTensor[];
  const gruOut = tf.layers.gru({ units: 4, returnState: true }).apply(seq, { initialState: [h] }) as tf.SymbolicTensor[];
  const last = tf.layers.simpleRNN({ units: 4 }).apply(seq) as tf.SymbolicTensor;
  const dense = tf.layers.dense({ units: 2 });
  const out = dense.apply(tf.layers.concatenate().apply([last, gruOut[0], c]) as tf.SymbolicTensor) as tf.SymbolicTensor;
  const asList = tf.layers.dense({ units: 2 }).apply([out]) as tf.SymbolicTensor[];
  const concrete = dense.apply(tf.zeros([2, 12])) as tf.Tensor;
  const states = tf.layers.lstm({ units: 2, returnState: true }).apply(tf.zeros([1, 5, 3])) as tf.Tensor[];
  const layer: tf.layers.Layer = dense;
  const anyForm = layer.apply(out);
  const model = tf.model({ inputs: x, outputs: [out, asList[0]] });
  const fromModel = model.apply(tf.zeros([1, 5, 3])) as tf.Tensor[];
  console.log(concrete.shape, states.length, fromModel.length, anyForm instanceof tf.SymbolicTensor);
  return model;
}
