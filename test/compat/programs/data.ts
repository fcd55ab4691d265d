import type { Tensor } from '../../../src/index';
import type { Program } from '../harness';

// Data preparation as TF.js tutorials do it: normalising features, one-hot labels, selecting rows, splitting into
// train and test sets, padding and reshaping, top-k predictions, segment sums.

export const data: Program[] = [
  {
    name: 'min-max and z-score normalisation of a feature matrix',
    run: (tf) => {
      const features = tf.tensor2d([[1, 200], [2, 180], [3, 260], [4, 210], [5, 150]]);
      const min = features.min(0);
      const max = features.max(0);
      const minMax = features.sub(min).div(max.sub(min));
      const { mean, variance } = tf.moments(features, 0);
      const z = features.sub(mean).div(variance.sqrt());
      const unit = tf.div(features, tf.norm(features, 'euclidean', 1, true));
      return { minMax, z, mean, variance, unit, back: minMax.mul(max.sub(min)).add(min) };
    },
  },
  {
    name: 'one-hot labels and back with argMax',
    run: (tf) => {
      const labels = tf.tensor1d([0, 2, 1, 2, 3], 'int32');
      const oneHot = tf.oneHot(labels, 4);
      const smooth = tf.oneHot(labels, 4, 0.9, 0.025);
      const back = oneHot.argMax(-1);
      const correct = back.equal(labels).sum();
      return [oneHot, smooth, back, correct, tf.oneHot(tf.tensor2d([[0, 1], [1, 0]], [2, 2], 'int32'), 2), labels.oneHot(4)];
    },
  },
  {
    name: 'train/test split with gather, slice and split',
    run: (tf) => {
      const xs = tf.range(0, 20).reshape([10, 2]);
      const ys = tf.range(0, 10, 1, 'int32');
      const order = tf.tensor1d([3, 7, 1, 9, 0, 2, 8, 4, 6, 5], 'int32');
      const shuffledX = xs.gather(order);
      const shuffledY = tf.gather(ys, order);
      const [trainX, testX] = tf.split(shuffledX, [8, 2]);
      const trainY = shuffledY.slice(0, 8);
      const testY = shuffledY.slice([8], [-1]);
      return [trainX, testX, trainY, testY, tf.gather(xs, [1, 1, 0], 1), tf.gather(xs, tf.tensor2d([[0, 1], [2, 3]], [2, 2], 'int32'))];
    },
  },
  {
    name: 'gather with batchDims',
    run: (tf) => {
      const params = tf.range(0, 24).reshape([2, 3, 4]);
      const idx = tf.tensor2d([[0, 2], [1, 1]], [2, 2], 'int32');
      const tries: Array<() => unknown> = [
        () => tf.gather(params, idx, 1, 1),
        () => tf.gather(params, idx, 2, 1),
        () => tf.gather(params, tf.tensor3d([[[0], [3], [1]], [[2], [2], [0]]], [2, 3, 1], 'int32'), 2, 2),
        () => tf.gather(params, tf.tensor2d([[0, 1, 2], [2, 1, 0]], [2, 3], 'int32'), -1, 1),
        () => params.gather(idx, 1, -1),
      ];
      return tries.map((g) => { try { return g(); } catch { return 'threw'; } });
    },
  },
  {
    name: 'concat, stack, unstack, tile and reverse',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2], [3, 4]]);
      const b = tf.tensor2d([[5, 6], [7, 8]]);
      return [
        tf.concat([a, b]), tf.concat([a, b], 1), tf.concat([a, b], -1), a.concat(b, 0), tf.concat([tf.tensor1d([1]), tf.tensor1d([2, 3])]),
        tf.stack([a, b]), tf.stack([a, b], 2), tf.stack([a, b], -1), tf.unstack(a), tf.unstack(b, 1), tf.tile(a, [2, 3]),
        tf.reverse(a), tf.reverse(a, 1), tf.reverse(a, [0, 1]), a.tile([1, 2]), tf.concat1d([tf.tensor1d([1, 2]), tf.tensor1d([3])]),
        tf.concat2d([a, b], 1),
      ];
    },
  },
  {
    name: 'slice, stridedSlice and reshape with -1',
    run: (tf) => {
      const x = tf.range(0, 24).reshape([2, 3, 4]);
      return [
        x.slice([0, 1], [2, 1]), x.slice([1, 0, 2]), x.slice([0, 0, 1], [-1, -1, 2]), tf.slice(x, 1, 1), x.slice([0, 2, 0], [1, -1, -1]),
        tf.stridedSlice(x, [0, 0, 0], [2, 3, 4], [1, 1, 2]), tf.stridedSlice(x, [1, 2, 3], [0, 0, 0], [-1, -1, -1], 0, 0),
        tf.stridedSlice(x, [0, 1], [0, 3], [1, 1], 1, 0), tf.stridedSlice(x, [0], [1], [1], 0, 0, 0, 0, 1),
        tf.stridedSlice(x, [0, 0], [1, 2], [1, 1], 0, 0, 0, 1), x.stridedSlice([0, -2], [2, -1], [1, 1]),
        x.reshape([-1, 4]), x.reshape([4, -1]), tf.reshape(x, [-1]), x.flatten(), x.as2D(6, 4), x.reshape([2, -1, 2]),
        tf.slice2d(x.reshape([6, 4]), [1, 1], [2, 2]),
      ];
    },
  },
  {
    name: 'where, masks and boolean selection',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3], [-4, 5, -6]]);
      const mask = x.greater(0);
      return [
        tf.where(mask, x, tf.zerosLike(x)), tf.where(mask, x, tf.scalar(-1) as Tensor), tf.where(tf.tensor1d([true, false]).reshape([2, 1]), x, x.neg()),
        x.where(mask, 0), x.mul(mask.cast('float32')), tf.where(x.abs().lessEqual(3), tf.onesLike(x), tf.zerosLike(x)).sum(),
        tf.where(mask, tf.ones([2, 3], 'int32'), tf.zeros([2, 3], 'int32')),
      ];
    },
  },
  {
    name: 'top-k predictions and accuracy',
    run: (tf) => {
      const probs = tf.tensor2d([[0.1, 0.6, 0.3, 0.0], [0.5, 0.2, 0.2, 0.1], [0.25, 0.25, 0.4, 0.1]]);
      const labels = tf.tensor1d([1, 2, 2], 'int32');
      const { values, indices } = tf.topk(probs, 2);
      const top1 = tf.topk(probs).indices.squeeze([1]);
      const inTop2 = indices.equal(labels.expandDims(1)).any(1);
      return { values, indices, top1, inTop2, accuracy: inTop2.cast('float32').mean(), ints: tf.topk(tf.tensor1d([3, 1, 4, 1, 5], 'int32'), 3) };
    },
  },
  {
    name: 'padding, mirror padding and broadcastTo',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [
        x.pad([[1, 1], [2, 0]]), tf.pad(x, [[0, 0], [1, 1]], 9), tf.mirrorPad(x, [[1, 1], [2, 2]], 'reflect'),
        tf.mirrorPad(x, [[1, 0], [0, 3]], 'symmetric'), tf.broadcastTo(tf.tensor1d([1, 2, 3]), [2, 3]), tf.broadcastTo(tf.scalar(5), [2, 2]),
        tf.broadcastTo(tf.tensor2d([[1], [2]]), [3, 2, 2]), tf.pad1d(tf.tensor1d([1, 2]), [1, 2]), tf.pad(tf.tensor1d([1, 2], 'int32'), [[2, 1]], 7),
      ];
    },
  },
  {
    name: 'expandDims, squeeze, transpose with perm',
    run: (tf) => {
      const x = tf.range(0, 6).reshape([1, 2, 3, 1]);
      return [
        x.squeeze(), x.squeeze([0]), tf.squeeze(x, [-1]), x.squeeze().expandDims(0), x.squeeze().expandDims(-1), tf.expandDims(tf.scalar(1), 0),
        x.transpose(), x.transpose([0, 2, 1, 3]), tf.transpose(x.squeeze(), [1, 0]), tf.squeeze(tf.ones([1, 1])),
      ];
    },
  },
  {
    name: 'scatterND, gatherND and unsortedSegmentSum',
    run: (tf) => {
      const indices = tf.tensor2d([[0], [2], [0]], [3, 1], 'int32');
      const updates = tf.tensor1d([5, 7, 1]);
      const params = tf.range(0, 12).reshape([3, 4]);
      return [
        tf.scatterND(indices, updates, [4]), tf.gatherND(params, tf.tensor2d([[0, 1], [2, 3]], [2, 2], 'int32')),
        tf.gatherND(params, tf.tensor2d([[1], [0]], [2, 1], 'int32')),
        tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4]), tf.tensor1d([0, 1, 0, 1], 'int32'), 2),
        tf.unsortedSegmentSum(params, tf.tensor1d([1, 1, 0], 'int32'), 3),
        tf.scatterND(tf.tensor2d([[1, 1], [0, 3]], [2, 2], 'int32'), tf.tensor1d([1, 2], 'int32'), [2, 4]),
      ];
    },
  },
  {
    name: 'bag of words counts with oneHot and sum',
    run: (tf) => {
      const docs = tf.tensor2d([[1, 3, 3, 0], [2, 2, 2, 1]], [2, 4], 'int32');
      const counts = tf.oneHot(docs, 5).sum(1);
      const tf_ = counts.cast('float32').div(counts.sum(1, true));
      const df = counts.greater(0).cast('float32').sum(0);
      const idf = tf.log(tf.scalar(2).div(df.add(1))).add(1);
      return { counts, tf_, idf, tfidf: tf_.mul(idf) };
    },
  },
  {
    name: 'random tensors: shapes, dtypes and ranges (values depend on the generator)',
    run: (tf) => {
      const u = tf.randomUniform([200], -2, 3, 'float32', 7);
      const n = tf.randomNormal([2, 3], 0, 1, 'float32', 7);
      const t = tf.truncatedNormal([500], 1, 2, 'float32', 3);
      const i = tf.randomUniformInt([300], 0, 5, 11);
      return {
        shapes: [u.shape, n.shape, t.shape, i.shape], dtypes: [u.dtype, n.dtype, t.dtype, i.dtype],
        uRange: u.greaterEqual(-2).logicalAnd(u.less(3)).all(), tRange: t.sub(1).abs().lessEqual(4).all(),
        iRange: i.greaterEqual(0).logicalAnd(i.less(5)).all(),
      };
    },
  },
  {
    name: 'oneHot with an index past depth',
    run: (tf) => tf.oneHot(tf.tensor1d([0, 3], 'int32'), 3),
  },
  {
    name: 'topk with sorted = false',
    run: (tf) => tf.topk(tf.tensor2d([[0.1, 0.6, 0.3, 0.0], [0.25, 0.25, 0.4, 0.1]]), 3, false).values,
  },
];
