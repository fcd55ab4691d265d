import * as tf from '@tensorflow/tfjs';

// The static fromConfig of TF.js's Serializable, written by a class that is not a layer.
class MySGD extends tf.SGDOptimizer {
  static override className = 'MySGD';

  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config.learningRate as number);
  }
}
tf.serialization.registerClass(MySGD);

export function fromConfig(): tf.Optimizer {
  const ctor: tf.serialization.SerializableConstructor<tf.SGDOptimizer> = MySGD;
  const make: tf.serialization.FromConfigMethod<tf.SGDOptimizer> = (cls, config) => new cls(config.learningRate as number);
  const name: string = tf.serialization.getRegisteredName(ctor);
  console.log(name, make(ctor, { learningRate: 0.1 }).getConfig());
  return MySGD.fromConfig<tf.SGDOptimizer>(MySGD, { learningRate: 0.5 });
}
