import * as tf from '@tensorflow/tfjs';

// Creation functions with ranked results, annotated as a TF.js user annotates them.
export function creation(): number[][] {
  const a: tf.Tensor2D = tf.tensor2d([[1, 2], [3, 4]]);
  const b = tf.tensor2d([5, 6, 7, 8], [2, 2]);
  const c: tf.Tensor2D = tf.matMul(a, b);
  const s: tf.Scalar = tf.scalar(3);
  const d = c.add(s) as tf.Tensor2D;
  const v: tf.Tensor1D = tf.tensor1d([1, 2, 3], 'int32');
  const cube: tf.Tensor3D = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
  const batch: tf.Tensor4D = tf.zeros([1, 2, 2, 1]);
  const ones = tf.ones<tf.Rank.R2>([2, 3]);
  const filled: tf.Tensor2D = tf.fill([2, 2], 7);
  const r: tf.Tensor2D = tf.randomNormal([3, 3], 0, 1, 'float32', 42);
  const u = tf.randomUniform([4], -1, 1) as tf.Tensor1D;
  const lin: tf.Tensor1D = tf.linspace(0, 1, 5);
  const rng: tf.Tensor1D = tf.range(0, 10, 2);
  const id: tf.Tensor2D = tf.eye(3);
  const like: tf.Tensor2D = tf.zerosLike(a);
  const shape: [number, number] = d.shape;
  console.log(shape[0] + shape[1], v.rank, v.dtype, cube.size, batch.shape[3], ones.shape, filled.dtype, r.rank, u.size);
  console.log(lin.shape[0], rng.shape[0], id.shape[1], like.dtype);
  const rows: number[][] = d.arraySync();
  return rows;
}
