import * as tf from '@tensorflow/tfjs';

// A user's RNN cell as TF.js's types require it: stateSize declared as a field (TF.js's is abstract).
class MinimalRNNCell extends tf.layers.RNNCell {
  static className = 'MinimalRNNCell';
  units: number;
  stateSize: number;

  constructor(args: { units: number }) {
    super({});
    this.units = args.units;
    this.stateSize = args.units;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const [x, h] = inputs as tf.Tensor[];
    const out = tf.add(x, h);
    return [out, out];
  }
}

export function rnnCell(): tf.layers.Layer {
  const cell = new MinimalRNNCell({ units: 2 });
  const size: number | number[] = tf.layers.lstmCell({ units: 3 }).stateSize;
  console.log(size);
  return tf.layers.rnn({ cell, inputShape: [3, 2] });
}
