import * as tf from '@tensorflow/tfjs';

// TF.js's top-level arg and config types, as programs annotate with them.
export async function topLevelTypes(model: tf.LayersModel, dataset: tf.data.Dataset<tf.TensorContainer>): Promise<tf.Tensor | tf.Tensor[]> {
  const lstm: tf.LSTMLayerArgs = { units: 4, returnSequences: true };
  const gru: tf.GRULayerArgs = { units: 4 };
  const simple: tf.SimpleRNNLayerArgs = { units: 4 };
  const rnn: tf.RNNLayerArgs = { cell: tf.layers.lstmCell({ units: 4 }) };
  const lstmCell: tf.LSTMCellLayerArgs = { units: 4 };
  const gruCell: tf.GRUCellLayerArgs = { units: 4 };
  const simpleCell: tf.SimpleRNNCellLayerArgs = { units: 4 };
  const layers = [tf.layers.lstm(lstm), tf.layers.gru(gru), tf.layers.simpleRNN(simple), tf.layers.rnn(rnn)];
  const cells = [tf.layers.lstmCell(lstmCell), tf.layers.gruCell(gruCell), tf.layers.simpleRNNCell(simpleCell)];
  const fitArgs: tf.ModelFitDatasetArgs<tf.TensorContainer> = { epochs: 1 };
  await model.fitDataset(dataset, fitArgs);
  const scalar: tf.ScalarLike = 1;
  const nested: tf.RecursiveArray<number> = [[1], [2, [3]]];
  const pixels: tf.PixelData = { width: 1, height: 1, data: new Uint8Array(4) };
  const activation: tf.fused.Activation = 'relu';
  const graph: tf.InferenceModel = await tf.loadGraphModel('https://example.com/model.json');
  console.log(layers, cells, scalar, nested, tf.browser.fromPixels(pixels), activation, graph.inputs);
  const predictConfig: tf.ModelPredictConfig = { batchSize: 2 };
  return model.predict(tf.ones([2, 1]), predictConfig);
}
