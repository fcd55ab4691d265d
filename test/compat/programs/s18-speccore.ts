import type { Scalar, Tensor, Tensor4D } from '../../../src/index';
import type { Program } from '../harness';

// Cases of TF.js 4.22's own tfjs-core unit tests (the speccore sweep) where tessera differed: intermediates a loss
// function frees by hand, scatterND's 1-D indices, negative segment ids, TensorLike loss weights and dropout input.

export const s18SpecCore: Program[] = [
  {
    name: 'grad and minimize through an intermediate that f disposed',
    run: (tf) => {
      const x = tf.scalar(1).variable();
      tf.train.sgd(0.1).minimize(() => { const y = x.square(); const z = y.square(); y.dispose(); return z as Scalar; });
      const g = tf.grad((a) => { const y = a.square(); const z = y.square(); y.dispose(); return z; })(tf.scalar(2));
      const vg = tf.valueAndGrad((a) => { const y = a.relu(); const z = y.mul(y).sum(); y.dispose(); return z; })(tf.tensor1d([1, -2, 3]));
      const copy = tf.grad((a) => { const c = a.clone(); const z = c.square().sum(); c.dispose(); return z; })(tf.tensor1d([1, 2]));
      // An untracked operand of a recorded op (the constant c of mul) freed by hand.
      const constant = tf.grad((a) => { const c = tf.scalar(3); const z = a.mul(c); c.dispose(); return z; })(tf.scalar(2));
      const second = tf.grad((a) => tf.grad((b) => { const y = b.square(); const z = y.mul(b); y.dispose(); return z; })(a))(tf.scalar(2));
      return { x, g, vg, copy, constant, second };
    },
  },
  {
    name: 'custom training loops that free their activations inside the loss',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      const y = tf.tensor2d([[1, 0, 0], [0, 1, 0]]);
      const logitsLoss = tf.train.sgd(0.1).minimize(() => {
        const logits = m.predict(x) as Tensor;
        const loss = tf.losses.softmaxCrossEntropy(y, logits);
        logits.dispose();
        return loss as Scalar;
      }, true);
      const w = tf.variable(tf.ones([2, 2]));
      const hiddenLoss = tf.train.sgd(0.1).minimize(() => {
        const h = tf.tensor2d([[1, 2]]).matMul(w);
        const a = h.relu();
        const loss = a.square().mean();
        h.dispose();
        a.dispose();
        return loss as Scalar;
      }, true);
      return { logitsLoss, kernel: m.getWeights()[0], hiddenLoss, w };
    },
  },
  {
    name: 'tensors counted around a gradient whose f disposes intermediates, and their use after dispose',
    run: (tf) => {
      const x = tf.tensor1d([1, 2]);
      const w = tf.variable(tf.tensor1d([0.5, -1]));
      const opt = tf.train.sgd(0.1);
      const n0 = tf.memory().numTensors;
      let usedAfterDispose = 'ok';
      const g = tf.grad((a) => {
        const y = a.square();
        const z = y.sum();
        y.dispose();
        try { y.add(1); } catch { usedAfterDispose = 'threw'; }
        return z;
      })(x);
      const afterGrad = tf.memory().numTensors - n0;
      g.dispose();
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        opt.minimize(() => { const h = x.mul(w); const loss = h.square().sum(); h.dispose(); return loss as Scalar; });
        counts.push(tf.memory().numTensors - n0);
      }
      return { afterGrad, counts, usedAfterDispose, w };
    },
  },
  {
    name: 'scatterND and tensorScatterUpdate with 1-D indices, one index per row',
    run: (tf) => {
      const rows = tf.tensor1d([0, 4, 2], 'int32');
      const attempt = (f: () => Tensor) => { try { return f(); } catch { return 'threw'; } };
      return [
        tf.scatterND(rows, tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3]), [5, 3]),
        tf.scatterND(tf.tensor1d([3], 'int32'), tf.tensor1d([101]), [5]),
        tf.scatterND([1, 1, 3], [2, 3, 4], [5]),
        tf.scatterND(tf.tensor1d([1, 2], 'int32'), tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]), [3, 3]),
        tf.tensorScatterUpdate(tf.zeros([5]), tf.tensor1d([3], 'int32'), tf.tensor1d([101])),
        tf.tensorScatterUpdate(tf.zeros([3, 2]), tf.tensor1d([2, 0], 'int32'), tf.tensor2d([1, 2, 3, 4], [2, 2])),
        attempt(() => tf.scatterND(tf.tensor1d([1, 2], 'int32'), tf.scalar(5), [3, 3])),
        tf.gatherND(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor1d([1], 'int32')),
      ];
    },
  },
  {
    name: 'unsortedSegmentSum drops the rows of negative segment ids, and gives them a zero gradient',
    run: (tf) => {
      const ids = tf.tensor1d([0, 2, -1, 1], 'int32');
      const rows = tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]);
      return [
        tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4]), ids, 3),
        tf.unsortedSegmentSum(rows, tf.tensor1d([-1, 0, -5, 0], 'int32'), 2),
        tf.unsortedSegmentSum(tf.tensor1d([1, 2]), [-1, -1], 2),
        tf.grad((a) => tf.unsortedSegmentSum(a, ids, 3))(tf.tensor1d([1, 2, 3, 4]), tf.tensor1d([11, 2, 7])),
        tf.grad((a) => tf.unsortedSegmentSum(a, ids, 3).square().sum())(rows),
      ];
    },
  },
  {
    name: 'loss weights and computeWeightedLoss losses as plain arrays',
    run: (tf) => {
      const labels = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
      const preds = tf.tensor2d([[0.2, 0.7, 0.1], [0.6, 0.3, 0.1]]);
      return [
        tf.losses.meanSquaredError(tf.tensor1d([1, 2, 3]), tf.tensor1d([1, 3, 5]), [1, 0, 2]),
        tf.losses.absoluteDifference([1, 2, 3], [1, 3, 5], [1, 1, 1]),
        tf.losses.hingeLoss(labels, preds, [[1, 2, 3], [0, 1, 1]]),
        tf.losses.huberLoss(labels, preds, [2, 1, 0]),
        tf.losses.logLoss(labels, preds, [[1], [3]]),
        tf.losses.cosineDistance(labels, preds, 1, [[2], [1]]),
        tf.losses.sigmoidCrossEntropy(labels, preds, [1, 2, 3]),
        tf.losses.softmaxCrossEntropy(labels, preds, [1, 2]),
        tf.losses.meanSquaredError(labels, preds, 2, tf.Reduction.MEAN),
        tf.losses.computeWeightedLoss([1, 2, 3]),
        tf.losses.computeWeightedLoss([[1, 2], [3, 4]], [0, 1], tf.Reduction.MEAN),
      ];
    },
  },
  {
    name: 'loss weights that broadcast with the losses to a larger shape',
    run: (tf) => {
      const labels = tf.tensor2d([[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
      const logits = tf.tensor2d([[10, -10, -10], [-10, 10, -10], [-10, -10, 10]]);
      const wide = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const x = tf.tensor1d([1, 2, 3]);
      const y = tf.tensor1d([2, 2, 2]);
      return [
        tf.losses.softmaxCrossEntropy(labels, logits, tf.tensor2d([[0.1, 0.2, 0.3], [0.1, 0.2, 0.3], [0.1, 0.2, 0.3]])),
        tf.losses.softmaxCrossEntropy(labels, logits, tf.tensor2d([[0.1, 0.2, 0.3]]), 0.3, tf.Reduction.MEAN),
        tf.losses.softmaxCrossEntropy(labels, logits, tf.tensor2d([[1], [2], [3]])),
        tf.losses.computeWeightedLoss(x, wide),
        tf.losses.computeWeightedLoss(x, tf.tensor2d([[1, 0, 3], [0, 0, 6]]), tf.Reduction.SUM_BY_NONZERO_WEIGHTS),
        tf.losses.computeWeightedLoss(x, wide, tf.Reduction.MEAN),
        tf.losses.computeWeightedLoss(x, wide, tf.Reduction.SUM),
        tf.losses.meanSquaredError(x, y, wide, tf.Reduction.NONE),
        tf.grad((p) => tf.losses.meanSquaredError(x, p, wide))(y),
      ];
    },
  },
  {
    name: 'dropout and print of plain arrays',
    run: (tf) => {
      tf.print([1, 2]);
      tf.print([[1, 2], [3, 4]], true);
      return [tf.dropout([1, 2, 3, 4], 0), tf.dropout([[1, 2], [3, 4]], 0.5, undefined, 7)];
    },
  },
  {
    // TF.js writes the float draws into a bool buffer (bytes 2 or 255 for wider ranges), so these compare as booleans.
    name: 'randomUniform with dtype bool: true where the draw has a non-zero whole part',
    run: (tf) => [
      tf.randomUniform([6], 0, 1, 'bool', 7),
      tf.randomUniform([2, 3, 4], undefined, undefined, 'bool', 'seed').shape,
      tf.randomUniform([6], 0, 5, 'bool', 7).toInt().notEqual(0),
      tf.randomUniform([2, 3], -3, 3, 'bool', 'abc').toInt().notEqual(0),
    ],
  },
  {
    name: 'signal.frame with a zero step where no frame fits',
    run: (tf) => {
      const attempt = (f: () => Tensor) => { try { return f(); } catch { return 'threw'; } };
      const x = tf.tensor1d([1, 2, 3, 4, 5]);
      return [
        tf.signal.frame(x, 6, 0), tf.signal.frame(x, 6, 1), tf.signal.frame(x, 2, 2),
        attempt(() => tf.signal.frame(x, 2, -1)),
      ];
    },
  },
  {
    name: 'image.transform takes float transforms only, as Tensors (TensorLike ones are read as float32)',
    run: (tf) => {
      const attempt = (f: () => Tensor) => { try { return f(); } catch { return 'threw'; } };
      const image = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
      return [
        attempt(() => tf.image.transform(image, tf.tensor2d([1, 0, 0, 0, 1, 0, 0, 0], [1, 8], 'int32'))),
        tf.image.transform(image, [[1, 0, 1, 0, 1, 0, 0, 0]]),
      ];
    },
  },
  {
    name: 'momentum optimizer: tensors freed by dispose()',
    deviation: "TF.js 4.22's MomentumOptimizer.dispose() frees its momentum scalar and accumulators but leaves the SGD scalar -lr it inherits alive (a leak); tessera frees it too",
    run: (tf) => {
      const opt = tf.train.momentum(0.1, 0.5);
      const x = tf.tensor1d([1, 2]).variable();
      opt.minimize(() => x.square().sum() as Scalar);
      x.dispose();
      const n = tf.memory().numTensors;
      opt.dispose();
      return tf.memory().numTensors - n;
    },
  },
  {
    name: 'explicit pads with non-zero batch or channel entries',
    deviation: 'TF.js 4.22 ignores the batch and channel entries of an explicit pad; tessera refuses non-zero ones, as TensorFlow does',
    run: (tf) => {
      const attempt = (f: () => Tensor) => { try { return f(); } catch { return 'threw'; } };
      const x = tf.ones([1, 3, 3, 1]) as Tensor4D;
      const pad: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [0, 0], [0, 1], [0, 1]];
      return [
        attempt(() => tf.conv2d(x, tf.ones([2, 2, 1, 1]) as Tensor4D, 1, pad)),
        attempt(() => tf.depthwiseConv2d(x, tf.ones([2, 2, 1, 1]) as Tensor4D, 1, pad)),
        attempt(() => tf.maxPool(x, 2, 1, pad)),
      ];
    },
  },
  {
    name: 'maxPool and pool of int32 values below zero with a numeric or explicit pad: the padding never wins',
    run: (tf) => {
      const x = tf.tensor([1, 3, 1, -4, -1, 0, -4, -5], [2, 1, 4, 1], 'int32') as Tensor4D;
      return [
        tf.maxPool(x, 2, [2, 1], 1),
        tf.maxPool(x, 2, [2, 1], [[0, 0], [1, 1], [1, 1], [0, 0]]),
        tf.pool(x, 2, 'max', 1),
      ];
    },
  },
];
