import * as tf from '@tensorflow/tfjs';

// Gradient functions: grad, grads, valueAndGrads, variableGrads, customGrad.
export function gradients(): number {
  const f = (x: tf.Tensor): tf.Tensor => x.square().sum();
  const g = tf.grad(f);
  const dx: tf.Tensor = g(tf.tensor1d([1, 2, 3]));
  const h = tf.grads((a: tf.Tensor, b: tf.Tensor) => a.mul(b).sum());
  const [da, db] = h([tf.scalar(2), tf.scalar(3)]);
  const vg = tf.valueAndGrads((a: tf.Tensor) => a.exp().sum() as tf.Scalar);
  const { value, grads } = vg([tf.tensor1d([0, 1])]);
  const v = tf.variable(tf.tensor1d([1, 2]));
  const out = tf.variableGrads(() => v.square().sum() as tf.Scalar);
  const gradMap: tf.NamedTensorMap = out.grads;
  const lossValue: tf.Scalar = out.value;
  const clipped = tf.customGrad((x, save) => {
    const input = x as tf.Tensor;
    (save as tf.GradSaveFunc)([input]);
    return { value: input.clipByValue(-1, 1), gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [dy.mul(tf.onesLike(saved[0]))] };
  });
  const c = clipped(tf.tensor1d([-2, 0.5, 2]));
  const optimizer: tf.Optimizer = tf.train.adam();
  optimizer.applyGradients(gradMap);
  return dx.size + da.size + db.size + value.size + grads.length + lossValue.size + c.size;
}
