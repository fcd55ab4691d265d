import * as tf from '@tensorflow/tfjs';

// A model written as a class over rank-typed variables, the way hand-rolled TF.js models are.
class Linear {
  readonly kernel: tf.Variable<tf.Rank.R2>;
  readonly bias: tf.Variable<tf.Rank.R1>;

  constructor(inputs: number, units: number) {
    this.kernel = tf.variable(tf.randomNormal<tf.Rank.R2>([inputs, units], 0, 0.1, 'float32', 3));
    this.bias = tf.variable(tf.zeros<tf.Rank.R1>([units]));
  }

  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => x.matMul(this.kernel).add(this.bias) as tf.Tensor2D);
  }

  get variables(): tf.Variable[] {
    return [this.kernel, this.bias];
  }

  dispose(): void {
    this.kernel.dispose();
    this.bias.dispose();
  }
}

export async function classWeights(): Promise<number[][]> {
  await tf.setBackend('cpu');
  await tf.ready();
  console.log(tf.getBackend());
  const layer = new Linear(3, 2);
  const x: tf.Tensor2D = tf.tensor2d([[1, 2, 3]]);
  const optimizer = tf.train.sgd(0.1);
  optimizer.minimize(() => layer.apply(x).square().sum() as tf.Scalar, false, layer.variables);
  layer.kernel.assign(tf.zeros<tf.Rank.R2>([3, 2]));
  const image: tf.Tensor3D = tf.browser.fromPixels({ data: new Uint8Array(16), width: 2, height: 2 }, 3);
  const rows = await layer.apply(x).array();
  layer.dispose();
  console.log(image.shape);
  return rows;
}
