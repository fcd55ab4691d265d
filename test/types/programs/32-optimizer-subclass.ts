import * as tf from '@tensorflow/tfjs';

// Optimizers of the user's own, named as TF.js's own are: a static getter, and a static field.
class SignStep extends tf.Optimizer {
  static get className(): string {
    return 'SignStep';
  }

  applyGradients(grads: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[]): void {
    const list = Array.isArray(grads) ? grads : Object.keys(grads).map((name) => ({ name, tensor: grads[name] }));
    for (const { name, tensor } of list) {
      const v = tf.engine().registeredVariables[name];
      tf.tidy(() => v.assign(tf.sub(v, tf.mul(tf.sign(tensor), 0.01))));
    }
  }

  getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}

class Halving extends tf.Optimizer {
  static className = 'Halving';

  applyGradients(): void {}

  getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}

tf.serialization.registerClass(SignStep);
tf.serialization.registerClass(Halving);
export const names: string[] = [new SignStep().getClassName(), new Halving().getClassName()];
