import type { Program } from '../harness';

// Image work on NHWC tensors: convolutions (plain, strided, dilated, 'same'), pooling, depthwise and separable
// convolutions, transposed convolution, batch normalisation, and their gradients.

/** A deterministic NHWC image batch and filters (no random generator: the two libraries' generators differ). */
function ramp(tf: import('../harness').TF, shape: number[], scale = 0.1, offset = 0) {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Array.from({ length: n }, (_, i) => Math.sin(i * 1.3 + offset) * scale * 10), shape);
}

export const images: Program[] = [
  {
    name: 'conv2d: valid, same, strides, dilations',
    run: (tf) => {
      const x = ramp(tf, [2, 6, 5, 3]);
      const f = ramp(tf, [3, 3, 3, 4], 0.05, 1);
      return [
        tf.conv2d(x, f, 1, 'valid'), tf.conv2d(x, f, 2, 'same'), tf.conv2d(x, f, [1, 2], 'same'), tf.conv2d(x, f, 1, 'valid', 'NHWC', 2),
        tf.conv2d(x.slice([0], [1]).squeeze([0]), f, 1, 'same'), x.conv2d(f, 1, 'valid'),
      ];
    },
  },
  {
    name: 'max and average pooling',
    run: (tf) => {
      const x = ramp(tf, [1, 5, 6, 2]);
      return [
        tf.maxPool(x, 2, 2, 'valid'), tf.maxPool(x, 3, 1, 'same'), tf.maxPool(x, [2, 3], [1, 2], 'same'), tf.avgPool(x, 2, 2, 'valid'),
        tf.avgPool(x, 3, 2, 'same'), tf.avgPool(x, [3, 2], 1, 'valid'), x.maxPool(2, 1, 'valid'), tf.maxPool(x.squeeze([0]), 2, 2, 'same'),
      ];
    },
  },
  {
    name: 'depthwise, separable and transposed convolutions',
    run: (tf) => {
      const x = ramp(tf, [1, 5, 5, 2]);
      const dw = ramp(tf, [3, 3, 2, 2], 0.05, 2);
      const pw = ramp(tf, [1, 1, 4, 3], 0.05, 3);
      const ft = ramp(tf, [3, 3, 4, 2], 0.05, 4);
      return [
        tf.depthwiseConv2d(x, dw, 1, 'same'), tf.depthwiseConv2d(x, dw, 2, 'valid'), tf.depthwiseConv2d(x, dw, 1, 'valid', 'NHWC', 2),
        tf.separableConv2d(x, dw, pw, 1, 'same'), tf.separableConv2d(x, dw, pw, [2, 1], 'valid'),
        tf.conv2dTranspose(x, ft, [1, 10, 10, 4], 2, 'same'), tf.conv2dTranspose(x, ft, [1, 7, 7, 4], 1, 'valid'),
        tf.conv2dTranspose(x, ft, [1, 11, 11, 4], 2, 'valid'), tf.conv1d(ramp(tf, [2, 7, 3]), ramp(tf, [2, 3, 2], 0.05, 5), 2, 'same'),
      ];
    },
  },
  {
    name: 'batch normalisation with moments',
    run: (tf) => {
      const x = ramp(tf, [2, 3, 3, 2]);
      const { mean, variance } = tf.moments(x, [0, 1, 2]);
      const gamma = tf.tensor1d([1.5, 0.5]);
      const beta = tf.tensor1d([0.1, -0.1]);
      return [
        tf.batchNorm(x, mean, variance), tf.batchNorm(x, mean, variance, beta, gamma, 1e-3), x.batchNorm(mean, variance, undefined, gamma),
        tf.batchNorm(x, tf.scalar(0.5), tf.scalar(2), tf.scalar(1), tf.scalar(3)),
      ];
    },
  },
  {
    name: 'a small CNN forward pass with relu, pooling, flatten and dense',
    run: (tf) => {
      const x = ramp(tf, [2, 8, 8, 1]);
      const k1 = ramp(tf, [3, 3, 1, 4], 0.03, 1);
      const k2 = ramp(tf, [16 * 4, 3], 0.02, 2);
      const h = tf.conv2d(x, k1, 1, 'same').relu().maxPool(2, 2, 'valid').maxPool(2, 2, 'valid');
      const logits = h.reshape([2, -1]).matMul(k2).add(tf.tensor1d([0.1, 0, -0.1]));
      return [h.shape, logits, tf.softmax(logits), logits.argMax(1)];
    },
  },
  {
    name: 'convolution and pooling gradients',
    run: (tf) => {
      const x = ramp(tf, [1, 5, 5, 2]);
      const f = ramp(tf, [3, 3, 2, 3], 0.05, 1);
      const dw = ramp(tf, [2, 2, 2, 1], 0.05, 2);
      const ft = ramp(tf, [3, 3, 3, 2], 0.05, 3);
      const g = tf.grads((a, b) => tf.conv2d(a, b, 2, 'same').square().sum());
      return [
        ...g([x, f]),
        ...tf.grads((a, b) => tf.depthwiseConv2d(a, b, 1, 'valid').sin().sum())([x, dw]),
        tf.grad((a) => tf.maxPool(a, 2, 1, 'same').sum())(x),
        tf.grad((a) => tf.avgPool(a, 3, 2, 'same').square().sum())(x),
        ...tf.grads((a, b) => tf.conv2dTranspose(a, b, [1, 9, 9, 3], 2, 'valid').square().sum())([x, ft]),
        tf.grad((a) => tf.batchNorm(a, tf.scalar(0.2), tf.scalar(1.5), tf.scalar(0.3), tf.scalar(2)).square().sum())(x),
      ];
    },
  },
  {
    name: 'image preprocessing: scale to [0, 1], crop, flip, channel means',
    run: (tf) => {
      const pixels = tf.tensor3d(Array.from({ length: 4 * 4 * 3 }, (_, i) => (i * 37) % 256), [4, 4, 3], 'int32');
      const img = pixels.toFloat().div(255);
      const cropped = img.slice([1, 1, 0], [2, 2, 3]);
      const flipped = tf.reverse(img, 1);
      const means = img.mean([0, 1]);
      const gray = img.mul(tf.tensor1d([0.299, 0.587, 0.114])).sum(-1, true);
      const batch = tf.stack([img, flipped]);
      return [cropped, flipped, means, gray, batch.shape, img.sub(means).div(img.sub(means).square().mean([0, 1]).sqrt()).max(), pixels.max(), pixels.cast('float32').mean()];
    },
  },
];
