import * as tf from '@tensorflow/tfjs';

// Shape ops with the result types TF.js users name.
export function shapes(): number[] {
  const x = tf.tensor1d([1, 2, 3, 4, 5, 6]);
  const m: tf.Tensor2D = x.reshape([2, 3]);
  const m2 = tf.reshape<tf.Rank.R2>(x, [3, 2]);
  const asM: tf.Tensor2D = x.as2D(2, 3);
  const back: tf.Tensor1D = asM.as1D();
  const auto = x.reshape([-1, 2]) as tf.Tensor2D;
  const col: tf.Tensor2D = x.expandDims(1);
  const sq: tf.Tensor1D = col.squeeze();
  const sq2 = tf.squeeze<tf.Tensor1D>(col, [1]);
  const t: tf.Tensor2D = m.transpose();
  const joined: tf.Tensor2D = tf.concat([m, m], 0);
  const joined2: tf.Tensor2D = tf.concat2d([m, m], 1);
  const stacked = tf.stack([x, x]) as tf.Tensor2D;
  const parts: tf.Tensor2D[] = tf.split(m, 3, 1);
  const [left, right] = tf.split<tf.Tensor2D>(m, [1, 2], 1);
  const rows: tf.Tensor1D[] = tf.unstack(m) as tf.Tensor1D[];
  const sliced: tf.Tensor2D = m.slice([0, 1], [2, 2]);
  const sliced2 = tf.slice(m, [1, 0], [1, -1]);
  const picked: tf.Tensor2D = tf.gather(m, tf.tensor1d([1, 0], 'int32'));
  const tiled: tf.Tensor2D = tf.tile(m, [2, 1]);
  const padded: tf.Tensor2D = tf.pad(m, [[1, 1], [0, 0]]);
  const rev: tf.Tensor2D = tf.reverse(m, 1);
  const bc = tf.broadcastTo(tf.tensor1d([1, 2, 3]), [2, 3]);
  const strided = tf.stridedSlice(m, [0, 0], [2, 3], [1, 2]);
  const oh: tf.Tensor2D = tf.oneHot(tf.tensor1d([0, 2], 'int32'), 3) as tf.Tensor2D;
  return [m2.size, back.size, auto.size, sq.size, sq2.size, t.size, joined.size, joined2.size, stacked.size, parts.length,
    left.size, right.size, rows.length, sliced.size, sliced2.size, picked.size, tiled.size, padded.size, rev.size, bc.size, strided.size, oh.size];
}
