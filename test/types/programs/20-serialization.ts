import * as tf from '@tensorflow/tfjs';

// A custom layer in the tfjs-examples style: its config typed with tf.serialization's ConfigDict types.
class Scale extends tf.layers.Layer {
  static className = 'Scale';
  private readonly factor: number;

  constructor(config: tf.serialization.ConfigDict) {
    super({ name: config.name as string | undefined });
    this.factor = config.factor as number;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.factor);
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config = super.getConfig();
    Object.assign(config, { factor: this.factor });
    return config;
  }
}
tf.serialization.registerClass(Scale);

export function serialization(): tf.serialization.ConfigDict {
  const value: tf.serialization.ConfigDictValue = { nested: [1, 'a', null, true] };
  const list: tf.serialization.ConfigDictArray = [1, 'a', { b: false }];
  const config: tf.serialization.ConfigDict = { factor: 2, value, list };
  const layer = new Scale(config);
  return { ...layer.getConfig(), extra: list };
}
