import * as tf from '@tensorflow/tfjs';

// Functions generic in the rank, as library code written against TF.js is.
function standardize<R extends tf.Rank>(x: tf.Tensor<R>): tf.Tensor<R> {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x);
    return x.sub(mean).div(variance.sqrt().add(1e-6)) as tf.Tensor<R>;
  });
}

function firstAxis<R extends tf.Rank>(x: tf.Tensor<R>): number {
  const shape: tf.ShapeMap[R] = x.shape;
  return shape.length > 0 ? x.shape[0] : 1;
}

export function genericRank(): tf.Tensor2D {
  const t = tf.tensor<tf.Rank.R2>([[1, 2], [3, 4]]);
  const n: tf.Tensor2D = standardize(t);
  const t3: tf.Tensor<tf.Rank.R3> = tf.zeros<tf.Rank.R3>([2, 2, 2]);
  const flat: tf.Tensor1D = t3.flatten();
  const rank: tf.Rank = tf.Rank.R1;
  const wide: tf.Tensor = n;
  console.log(firstAxis(t3), flat.size, rank, wide.rank, n.rankType);
  return n;
}
