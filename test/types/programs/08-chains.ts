import * as tf from '@tensorflow/tfjs';

// Chained methods with results annotated by rank; math and reductions as functions too.
export function chains(x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D {
  const z: tf.Tensor2D = x.add(y).mul(2).sub(tf.scalar(1)).div(3);
  const act = z.relu().sigmoid().tanh() as tf.Tensor2D;
  const stats: tf.Tensor1D = act.square().mean(1);
  const norm: tf.Tensor2D = tf.div(x, tf.norm(x, 'euclidean', 1, true));
  const soft: tf.Tensor2D = tf.softmax(x);
  const logits: tf.Tensor2D = x.logSoftmax();
  const best: tf.Tensor1D = soft.argMax(1);
  const top = tf.topk(x, 1);
  const topValues: tf.Tensor2D = top.values;
  const clipped: tf.Tensor2D = tf.clipByValue(x, 0, 1);
  const mask = tf.greater(x, y) as tf.Tensor2D;
  const chosen: tf.Tensor2D = tf.where(mask, x, y);
  const total: tf.Scalar = tf.sum(chosen);
  const mx: tf.Scalar = x.max();
  const cs: tf.Tensor2D = tf.cumsum(x, 1);
  const m = tf.maximum(x, 0.5) as tf.Tensor2D;
  const p: tf.Tensor2D = tf.pow(x, 2);
  const e: tf.Tensor2D = tf.exp(tf.neg(x)).abs().sqrt().log1p();
  const sd: tf.Tensor2D = tf.squaredDifference(x, y);
  const all = tf.logicalAnd(mask, mask).all() as tf.Scalar;
  const lse: tf.Tensor1D = tf.logSumExp(x, 1);
  const outer: tf.Tensor2D = tf.outerProduct(stats, stats);
  const d: tf.Tensor = tf.dot(x, y);
  console.log(norm.size, logits.size, best.size, topValues.size, clipped.size, total.size, mx.size, cs.size, m.size, p.size, e.size, sd.size, all.size, lse.size, outer.size, d.size);
  return stats;
}
