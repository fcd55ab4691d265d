import * as tf from '@tensorflow/tfjs';

// Ops whose results TF.js types by rank, assigned as such; a tensor's buffer typed float32 by default; a Sequential's
// predict with its config; a graph model named with its type parameter and its inputs' ModelTensorInfo.
export async function resultTypes(model: tf.Sequential, graph: tf.GraphModel<string | tf.io.IOHandler>): Promise<number> {
  const x = tf.tensor1d([1, 2, 2]);
  const ids: tf.Tensor1D = tf.unique(x).indices;
  const distinct: tf.Tensor1D = tf.unique(x).values;
  const coords: tf.Tensor2D = await tf.whereAsync(tf.greater(x, 1));
  const image = tf.zeros([1, 8, 8, 3]) as tf.Tensor4D;
  const crops: tf.Tensor4D = tf.image.cropAndResize(image, [[0, 0, 1, 1]], [0], [4, 4], 'bilinear', 0);
  const confusion: tf.Tensor2D = tf.math.confusionMatrix(tf.tensor1d([0, 1], 'int32'), tf.tensor1d([1, 1], 'int32'), 2);
  const counts: tf.Tensor1D = tf.denseBincount(tf.tensor1d([1, 1, 2], 'int32'), tf.tensor1d([]), 4);
  const bins: tf.Tensor1D = tf.bincount(tf.tensor1d([1, 1, 2], 'int32'), tf.tensor1d([]), 4);
  const penalty: tf.Scalar = tf.regularizers.l2().apply(tf.ones([2, 2]));
  const basis = tf.linalg.gramSchmidt([tf.tensor1d([1, 0]), tf.tensor1d([1, 1])]) as tf.Tensor1D[];
  const values: tf.TensorBuffer<tf.Rank.R2> = await tf.ones<tf.Rank.R2>([2, 2]).buffer();
  const sync: tf.TensorBuffer<tf.Rank.R1, 'float32'> = x.bufferSync();
  const predicted = model.predict(tf.ones([2, 4]), { batchSize: 2, verbose: false }) as tf.Tensor;
  const inputs: tf.ModelTensorInfo[] = graph.inputs;
  const info: tf.TensorInfo = { dataId: {}, shape: [1], dtype: 'float32' };
  const buffers: number = tf.backend().numDataIds();
  return ids.size + distinct.size + coords.size + crops.size + confusion.size + counts.size + bins.size + penalty.size + basis.length
    + values.size + sync.size + predicted.size + inputs.length + info.shape.length + buffers;
}
