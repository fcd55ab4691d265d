import * as tf from '@tensorflow/tfjs';

// A layer whose weight shape comes from its input's Shape; the losses typed by their result (a Scalar where a loss
// function must give one); model.optimizer set; a kernel typed with DataId and BackendValues.
class Scale extends tf.layers.Layer {
  private w: tf.LayerVariable | null = null;
  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const s = inputShape as tf.Shape;
    this.w = this.addWeight('w', [s[s.length - 1]], 'float32', tf.initializers.ones());
  }
  override call(x: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.mul(Array.isArray(x) ? x[0] : x, (this.w as tf.LayerVariable).read());
  }
  static className = 'Scale';
}

type CpuLike = { readSync(id: tf.DataId): tf.BackendValues };

export function extensionTypes(model: tf.LayersModel, host: CpuLike): number {
  const layer = new Scale({});
  const w = tf.variable(tf.zeros([2, 1]));
  const [x, y] = [tf.ones([4, 2]), tf.ones([4, 1])];
  const { value } = tf.train.sgd(0.1).computeGradients(() => tf.losses.meanSquaredError(y, x.matMul(w)));
  const ce: tf.Scalar = tf.losses.softmaxCrossEntropy(y, x);
  const weighted: tf.Scalar = tf.losses.computeWeightedLoss(tf.ones([3]));
  model.optimizer = tf.train.adam(0.01);
  const id: tf.DataId = x.dataId;
  return layer.countParams() + value.size + ce.size + weighted.size + host.readSync(id).length;
}
