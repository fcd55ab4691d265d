import type { Program, TF } from '../harness';

// Cases from a differential fuzz of the tfjs-core ops against TF.js 4.22: batched fused products, channels-first
// convolutions, non-finite values next to the places an op writes or skips, dtypes of edge cases, and the edge
// arguments TF.js accepts.

/** Deterministic, non-trivial values of a shape. */
const wave = (tf: TF, shape: number[], k = 0.7) => tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i * k + 0.3) * 2), shape);

export const s17OpsFuzz: Program[] = [
  {
    name: 'fused.matMul with batched operands and a bias, any activation and transposes, and its gradients',
    run: (tf) => {
      const [a, b] = [wave(tf, [2, 3, 3]), wave(tf, [2, 3, 3], 0.4)];
      const bias = tf.tensor1d([1, -2, 3]);
      const f = (x: typeof a, y: typeof a) => tf.fused.matMul({ a: x, b: y, bias, activation: 'relu', transposeA: true });
      return [
        tf.fused.matMul({ a: tf.ones([2, 3, 3]), b: tf.ones([2, 3, 3]), bias }),
        f(a, b),
        tf.fused.matMul({ a: wave(tf, [2, 2, 3]), b: wave(tf, [2, 4, 3]), bias: tf.tensor1d([1, -2, 3, 4]), activation: 'linear', transposeB: true }),
        tf.fused.matMul({ a: wave(tf, [2, 3]), b: wave(tf, [2, 3, 2]), bias: tf.tensor1d([1, -2]) }),
        tf.grads((x, y) => f(x, y).square().sum())([a, b]),
      ];
    },
  },
];
