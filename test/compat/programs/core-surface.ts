import type { Program } from '../harness';

// tfjs-core surface programs reach for: chained Tensor methods of the less common ops, tensor properties.

const attempt = (fs: Array<() => unknown>) => fs.map((f) => { try { return f(); } catch { return 'threw'; } });

export const coreSurface: Program[] = [
  {
    name: 'chained onesLike, zerosLike, divNoNan, euclideanNorm and unique',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3], [0, 4, -1]]);
      const { values, indices } = tf.tensor1d([4, 2, 4, 7, 2], 'int32').unique();
      const rows = tf.tensor2d([[1, 2], [3, 4], [1, 2]]).unique(0);
      return [
        x.onesLike(), x.zerosLike(), tf.tensor1d([1, 2], 'int32').onesLike(), x.divNoNan(tf.tensor2d([[2, 0, 3], [0, 8, 0]])),
        x.euclideanNorm(), x.euclideanNorm(1), x.euclideanNorm([0, 1], true), values, indices, rows.values, rows.indices,
      ];
    },
  },
  {
    name: 'chained image and block ops: resizeBilinear, resizeNearestNeighbor, spaceToBatchND, batchToSpaceND, depthToSpace',
    run: (tf) => {
      const img = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]);
      const toBatch = img.spaceToBatchND([2, 2], [[0, 0], [0, 0]]);
      return [
        img.resizeBilinear([3, 3]), img.resizeBilinear([4, 4], true), img.resizeBilinear([3, 5], false, true),
        img.resizeNearestNeighbor([4, 3]), img.resizeNearestNeighbor([3, 3], true), tf.tensor3d([1, 2, 3, 4], [2, 2, 1]).resizeNearestNeighbor([3, 3], false, true),
        toBatch, toBatch.batchToSpaceND([2, 2], [[0, 0], [0, 0]]), tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 2, 4]).depthToSpace(2),
      ];
    },
  },
  {
    name: 'chained localResponseNormalization and pool',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 32 }, (_, i) => (i % 7) - 3), [1, 4, 4, 2]);
      return [
        x.localResponseNormalization(), x.localResponseNormalization(1, 2, 0.5, 0.75),
        x.pool([2, 2], 'max', 'valid'), x.pool([2, 2], 'avg', 'same', 1, 2), x.pool([2, 2], 'max', 'same', 2),
        tf.tensor3d(Array.from({ length: 9 }, (_, i) => i), [3, 3, 1]).pool(2, 'avg', 'valid'),
      ];
    },
  },
  {
    name: 'x.variable() as tf.variable, and the disposed check',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3]);
      const v = x.variable();
      const frozen = tf.tensor1d([5, 6], 'int32').variable(false, 'frozenCount');
      v.assign(tf.tensor1d([4, 5, 6]));
      const gone = tf.tensor1d([1]);
      gone.dispose();
      return [v, x, v.trainable, frozen.trainable, frozen.name, frozen.dtype, x.throwIfDisposed() === undefined, attempt([() => gone.throwIfDisposed(), () => gone.variable()])];
    },
  },
  {
    name: 'tensor.bytes() and tensor.strides',
    run: async (tf) => {
      const ints = await tf.tensor1d([1, 256, -1], 'int32').bytes();
      const floats = await tf.tensor2d([[1.5, -2]]).bytes();
      return [Array.from(ints), Array.from(floats), tf.scalar(1).strides, tf.tensor1d([1, 2]).strides, tf.zeros([2, 3]).strides, tf.zeros([2, 3, 4, 5]).strides];
    },
  },
  {
    name: 'tf.math.confusionMatrix of class ids, float labels, out-of-range ids and its checks',
    run: (tf) => {
      const labels = tf.tensor1d([0, 1, 2, 1, 0], 'int32');
      const predictions = tf.tensor1d([0, 2, 2, 1, 1], 'int32');
      const cm = tf.math.confusionMatrix(labels, predictions, 3);
      return [
        cm, tf.math.confusionMatrix(tf.tensor1d([0.9, 1.2, 3]), tf.tensor1d([1, 1, 0]), 2),
        tf.math.confusionMatrix(tf.tensor1d([3, 1, -1], 'int32'), tf.tensor1d([0, 1, 1], 'int32'), 2),
        cm.div(cm.sum(1, true)), tf.metrics.binaryAccuracy(tf.tensor1d([1, 0]), tf.tensor1d([1, 1])),
        attempt([
          () => tf.math.confusionMatrix(labels, predictions, 0), () => tf.math.confusionMatrix([1, 1], [0, 0], 1), () => tf.math.confusionMatrix(labels, predictions, 2.5),
          () => tf.math.confusionMatrix(labels, tf.tensor1d([1, 2], 'int32'), 3), () => tf.math.confusionMatrix(tf.tensor2d([[1]]), tf.tensor2d([[1]]), 2),
          () => tf.math.confusionMatrix(labels, predictions, undefined as unknown as number),
        ]),
      ];
    },
  },
];
