import * as tf from '@tensorflow/tfjs';

// The functional API: symbolic tensors through layers, several inputs, a model over the graph.
export function functional(): tf.LayersModel {
  const a: tf.SymbolicTensor = tf.input({ shape: [8], name: 'a' });
  const b = tf.input({ shape: [4] });
  const dense: tf.layers.Layer = tf.layers.dense({ units: 6, activation: 'relu' });
  const ha = dense.apply(a) as tf.SymbolicTensor;
  const hb = tf.layers.dense({ units: 6 }).apply(b) as tf.SymbolicTensor;
  const merged = tf.layers.concatenate().apply([ha, hb]) as tf.SymbolicTensor;
  const summed = tf.layers.add().apply([ha, hb]) as tf.SymbolicTensor;
  const both = tf.layers.concatenate({ axis: -1 }).apply([merged, summed]) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'out' }).apply(both) as tf.SymbolicTensor;
  const model: tf.LayersModel = tf.model({ inputs: [a, b], outputs: out, name: 'two-inputs' });
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const shape: tf.Shape = out.shape;
  const concrete = dense.apply(tf.zeros([2, 8])) as tf.Tensor;
  const layer = model.getLayer('out');
  const weights: tf.Tensor[] = layer.getWeights();
  console.log(shape, concrete.shape, weights.length, model.inputs.length, model.outputs[0].shape, model.countParams());
  return model;
}
