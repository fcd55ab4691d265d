import * as tf from '@tensorflow/tfjs';

// Wrong usages that must not compile (each line below a marker must be an error, against TF.js and tessera alike).
export function rejected(): void {
  const v = tf.tensor1d([1, 2, 3]);
  const m = tf.tensor2d([[1, 2], [3, 4]]);
  // @ts-expect-error a Tensor1D is not a Tensor2D
  const wrongRank: tf.Tensor2D = v;
  // @ts-expect-error a 2-D shape is not a 3-D one
  const wrongShape: [number, number, number] = m.shape;
  // @ts-expect-error a tensor of unknown rank is not a Scalar without a cast
  const notScalar: tf.Scalar = tf.tensor([1, 2]) as tf.Tensor;
  // @ts-expect-error not a dtype
  tf.zeros([2], 'float16');
  // @ts-expect-error not a Rank
  const badRank: tf.Rank = 'R7';
  // @ts-expect-error arraySync of a Tensor2D is number[][], not number[]
  const flat: number[] = m.arraySync();
  // @ts-expect-error dataSync<'int32'>() is an Int32Array
  const f32: Float32Array = m.dataSync<'int32'>();
  // @ts-expect-error a Variable's assign takes a tensor of its rank
  tf.variable(tf.tensor2d([[1]])).assign(v);
  // @ts-expect-error tidy's function takes no arguments
  tf.tidy((x: tf.Tensor) => x);
  // @ts-expect-error tidy's function must not be async (what it makes after an await would escape the scope)
  void tf.tidy(async () => tf.scalar(1));
  // @ts-expect-error fit's arguments have no 'epoch' key
  void tf.sequential().fit(m, m, { epoch: 3 });
  // @ts-expect-error units must be a number
  tf.layers.dense({ units: '4' });
  // @ts-expect-error padding is 'valid' or 'same'
  tf.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'full' });
  console.log(wrongRank, wrongShape, notScalar, badRank, flat, f32);
}
