import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';
import { Random } from '../../src/util/random';
import { expectHvpOk } from './hvp';
import { cappedSparseSoftmaxCrossEntropy } from '../../src/ops/cross-entropy';
import { expectMatchesTfjs, tf, twin } from './nets-reference';

type Loss = (labels: tn.Tensor, predictions: tn.Tensor, weights?: tn.Tensor | number, reduction?: tn.Reduction) => tn.Tensor;
type TfLoss = (labels: tf.Tensor, predictions: tf.Tensor, weights?: tf.Tensor, reduction?: tf.Reduction) => tf.Tensor;

/** Each loss as (labels, predictions, weights, reduction), with label and prediction ranges where it is defined. */
const cases: [string, Loss, TfLoss, [number, number], [number, number]][] = [
  ['absoluteDifference', tn.losses.absoluteDifference, tf.losses.absoluteDifference, [-2, 2], [-2, 2]],
  ['meanSquaredError', tn.losses.meanSquaredError, tf.losses.meanSquaredError, [-2, 2], [-2, 2]],
  ['hingeLoss', tn.losses.hingeLoss, tf.losses.hingeLoss, [0, 1], [-2, 2]],
  ['huberLoss', (l, p, w, r) => tn.losses.huberLoss(l, p, w, 0.7, r), (l, p, w, r) => tf.losses.huberLoss(l, p, w, 0.7, r), [-2, 2], [-2, 2]],
  ['logLoss', (l, p, w, r) => tn.losses.logLoss(l, p, w, 1e-7, r), (l, p, w, r) => tf.losses.logLoss(l, p, w, 1e-7, r), [0, 1], [0.05, 0.95]],
  ['cosineDistance', (l, p, w, r) => tn.losses.cosineDistance(l, p, 1, w, r), (l, p, w, r) => tf.losses.cosineDistance(l, p, 1, w, r), [-1, 1], [-1, 1]],
  ['sigmoidCrossEntropy', (l, p, w, r) => tn.losses.sigmoidCrossEntropy(l, p, w, 0.1, r), (l, p, w, r) => tf.losses.sigmoidCrossEntropy(l, p, w, 0.1, r), [0, 1], [-9, 9]],
  ['softmaxCrossEntropy', (l, p, w, r) => tn.losses.softmaxCrossEntropy(l, p, w, 0.2, r), (l, p, w, r) => tf.losses.softmaxCrossEntropy(l, p, w, 0.2, r), [0, 1], [-9, 9]],
];

const reductions = [tn.Reduction.NONE, tn.Reduction.MEAN, tn.Reduction.SUM, tn.Reduction.SUM_BY_NONZERO_WEIGHTS, undefined];

describe('tn.losses match TF.js for every weighting and reduction', () => {
  for (const [name, loss, tfLoss, labelRange, predRange] of cases) {
    it(name, () => {
      const shape = [4, 3];
      const [labels, tLabels] = twin(shape, 1, ...labelRange);
      const [preds, tPreds] = twin(shape, 2, ...predRange);
      // Per-row losses (cosine, softmax) have shape [4, 1] or [4]: weights per row fit every loss.
      const rowWeights = name === 'softmaxCrossEntropy' ? [4] : [4, 1];
      const weightings: [tn.Tensor | undefined, tf.Tensor | undefined][] = [
        [undefined, undefined],
        [tn.scalar(2.5), tf.scalar(2.5)],
        [tn.tensor([1, 0, 2, 0.5], rowWeights), tf.tensor([1, 0, 2, 0.5], rowWeights)],
      ];
      for (const [w, tw] of weightings) {
        for (const r of reductions) {
          expectMatchesTfjs(loss(labels, preds, w, r), tfLoss(tLabels, tPreds, tw, r));
        }
      }
    });
  }

  it('computeWeightedLoss, with TF.js defaults and a weight that is zero everywhere (NaN, as TF.js)', () => {
    const [losses, tLosses] = twin([3, 2], 5, 0, 3);
    const [w, tw] = twin([3, 2], 6, 0, 1);
    for (const r of reductions) expectMatchesTfjs(tn.losses.computeWeightedLoss(losses, w, r), tf.losses.computeWeightedLoss(tLosses, tw, r));
    expectMatchesTfjs(tn.losses.computeWeightedLoss(losses), tf.losses.computeWeightedLoss(tLosses));
    expect(tn.losses.computeWeightedLoss(losses, 0).dataSync()[0]).toBeNaN();
    expect(tn.Reduction.SUM_BY_NONZERO_WEIGHTS).toBe(tf.Reduction.SUM_BY_NONZERO_WEIGHTS);
  });

  it('an int32 side, labels or predictions, is upcast to the other\'s float dtype, as TF.js\'s arithmetic does', () => {
    // In [0, 1], where every loss is defined with either side as labels.
    const ints = [1, 0, 0, 1];
    const floats = [0.5, 0.25, 0.75, 0.5];
    for (const [name, loss, tfLoss] of cases) {
      expectMatchesTfjs(loss(tn.tensor(floats, [2, 2]), tn.tensor(ints, [2, 2], 'int32')), tfLoss(tf.tensor(floats, [2, 2]), tf.tensor(ints, [2, 2], 'int32')));
      expectMatchesTfjs(loss(tn.tensor(ints, [2, 2], 'int32'), tn.tensor(floats, [2, 2])), tfLoss(tf.tensor(ints, [2, 2], 'int32'), tf.tensor(floats, [2, 2])));
      expect(loss(tn.tensor(floats, [2, 2]), tn.tensor(ints, [2, 2], 'int32')).dtype, name).toBe('float32');
    }
    expect(tn.losses.meanSquaredError(tn.tensor([1.5, 0]), tn.tensor([1, 1], [2], 'int32')).dataSync()[0]).toBeCloseTo(0.625, 6);
  });

  it('hand-computed: mean squared error and softmax cross-entropy of one row', () => {
    const mse = tn.losses.meanSquaredError(tn.tensor([1, 0, 0, 1], [2, 2]), tn.tensor([0.8, 0.3, 0.4, 0.9], [2, 2]));
    expect(mse.dataSync()[0]).toBeCloseTo((0.04 + 0.09 + 0.16 + 0.01) / 4, 6);
    const ce = tn.losses.softmaxCrossEntropy(tn.tensor([[0, 1]]), tn.tensor([[0, Math.log(3)]]));
    expect(ce.dataSync()[0]).toBeCloseTo(-Math.log(3 / 4), 6);
  });
});

/** One (label, prediction) pair per element, kept off each loss's kinks (|l - p| = 0 or delta, z·p = 1). */
const smoothPairs: Record<string, (r: Random) => [number, number]> = {
  absoluteDifference: (r) => { const l = r.uniform(-2, 2); return [l, l + (r.next() < 0.5 ? -1 : 1) * r.uniform(0.1, 1)]; },
  meanSquaredError: (r) => [r.uniform(-2, 2), r.uniform(-2, 2)],
  hingeLoss: (r) => [r.next() < 0.5 ? 0 : 1, (r.next() < 0.5 ? -1 : 1) * (r.next() < 0.5 ? r.uniform(0.1, 0.8) : r.uniform(1.2, 2))],
  huberLoss: (r) => { const l = r.uniform(-2, 2); return [l, l + (r.next() < 0.5 ? -1 : 1) * (r.next() < 0.5 ? r.uniform(0.1, 0.6) : r.uniform(0.8, 2))]; },
  logLoss: (r) => [r.uniform(0, 1), r.uniform(0.05, 0.95)],
  cosineDistance: (r) => [r.uniform(-1, 1), r.uniform(-1, 1)],
  sigmoidCrossEntropy: (r) => [r.uniform(0, 1), r.uniform(-5, 5)],
  softmaxCrossEntropy: (r) => [r.uniform(0, 1), r.uniform(-5, 5)],
};

describe('tn.losses gradients (float64)', () => {
  for (const [name, loss] of cases) {
    it(`${name}: first derivative and Hessian-vector product in the predictions and the weights`, () => {
      fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 }), seedArb, (rows, cols, seed) => {
        const r = new Random(seed);
        const pairs = Array.from({ length: rows * cols }, () => smoothPairs[name](r));
        const labels = tn.tensor(Float64Array.from(pairs, ([l]) => l), [rows, cols], 'float64');
        const preds = tn.tensor(Float64Array.from(pairs, ([, p]) => p), [rows, cols], 'float64');
        const w = randTensor(name === 'softmaxCrossEntropy' ? [rows] : [rows, 1], seed + 2, { positive: true });
        for (const reduction of [tn.Reduction.MEAN, tn.Reduction.SUM_BY_NONZERO_WEIGHTS]) {
          const f = (p: tn.Tensor, weights: tn.Tensor) => loss(labels, p, weights, reduction);
          expectGradOk(f, [preds, w]);
          expectHvpOk(f, [preds, w], seed);
        }
      }), { ...FC, numRuns: 10 });
    });
  }

  it('softmax and sigmoid cross-entropy are differentiable in their labels too', () => {
    const labels = randTensor([3, 4], 7, { positive: true });
    const logits = randTensor([3, 4], 8);
    expectGradOk((l, x) => tn.losses.softmaxCrossEntropy(l, x, undefined, 0.1), [labels, logits]);
    expectGradOk((l, x) => tn.losses.sigmoidCrossEntropy(l, x, undefined, 0.1), [labels, logits]);
  });
});

describe('tn.losses reject bad input, naming the loss and argument', () => {
  const a = tn.zeros([2, 3]);
  it('shapes, weights, reduction, smoothing, axis', () => {
    expect(() => tn.losses.meanSquaredError(a, tn.zeros([2, 2]))).toThrow(/meanSquaredError: labels and predictions must have the same shape, got \[2, 3\] and \[2, 2\]/);
    expect(() => tn.losses.absoluteDifference(a, a, tn.ones([3, 3]))).toThrow(/absoluteDifference: weights must be a shape that broadcasts with the losses' \[2, 3\], got shape \[3, 3\]/);
    expect(() => tn.losses.hingeLoss(a, a, undefined, 7 as tn.Reduction)).toThrow(/hingeLoss: reduction must be a tn.Reduction .*got number 7/);
    expect(() => tn.losses.softmaxCrossEntropy(a, a, undefined, 2)).toThrow(/softmaxCrossEntropy: labelSmoothing must be a number in \[0, 1\], got number 2/);
    expect(() => tn.losses.sigmoidCrossEntropy(a, tn.zeros([3, 2]))).toThrow(/sigmoidCrossEntropy: multiClassLabels and logits must have the same shape/);
    expect(() => tn.losses.cosineDistance(a, a, 2)).toThrow(/cosineDistance: axis must be integers in \[-2, 2\)/);
    expect(() => tn.losses.huberLoss(a, a, undefined, -1)).toThrow(/huberLoss: delta must be a positive number, got number -1/);
    expect(() => tn.losses.logLoss(a, 'x' as unknown as tn.Tensor)).toThrow(/logLoss: predictions must be a Tensor or TensorLike values .*, got string/);
    expect(() => tn.losses.computeWeightedLoss('x' as unknown as tn.Tensor)).toThrow(/computeWeightedLoss: losses must be a Tensor or TensorLike values .*, got string/);
  });

  it('a null reduction, delta or epsilon is refused, as TF.js refuses it (only undefined takes the default); a null labelSmoothing is none', () => {
    const none = null as unknown as number;
    expect(() => tn.losses.meanSquaredError(a, a, undefined, none)).toThrow(/meanSquaredError: reduction must be a tn.Reduction .*got null/);
    expect(() => tn.losses.computeWeightedLoss(a, undefined, none)).toThrow(/computeWeightedLoss: reduction must be a tn.Reduction .*got null/);
    expect(() => tn.losses.cosineDistance(a, a, 1, undefined, none)).toThrow(/cosineDistance: reduction must be a tn.Reduction .*got null/);
    expect(() => tn.losses.huberLoss(a, a, undefined, none)).toThrow(/huberLoss: delta must be a finite number, got null/);
    expect(() => tn.losses.logLoss(a, a, undefined, none)).toThrow(/logLoss: epsilon must be a finite number, got null/);
    const [l, x] = [tn.tensor2d([[1, 0]]), tn.tensor2d([[0.3, -0.6]])];
    expect(tn.losses.softmaxCrossEntropy(l, x, undefined, none).dataSync()).toEqual(tn.losses.softmaxCrossEntropy(l, x).dataSync());
    expect(tn.losses.meanSquaredError(l, x, undefined, undefined).dataSync()[0]).toBeCloseTo((0.7 ** 2 + 0.6 ** 2) / 2, 6);
  });

  it('sparse metrics refuse one-hot labels of yPred\'s rank also in an empty batch, as TF.js (which cannot squeeze them)', () => {
    expect(() => tn.metrics.sparseCategoricalAccuracy(tn.zeros([0, 3]), tn.zeros([0, 3]))).toThrow(/sparseCategoricalAccuracy: yTrue must be one class id per row of yPred \[0, 3\]: shape \[0\] or \[0, 1\].*got shape \[0, 3\]/);
    expect(tn.metrics.sparseCategoricalAccuracy(tn.zeros([0, 1]), tn.zeros([0, 3])).shape).toEqual([0]);
  });
});

describe('capped sparse cross-entropy on cpu', () => {
  it('runs no capping ops when no row is above the cap, and caps the rows above it (hand-computed)', async () => {
    const logits = tn.tensor2d([[0, 0], [30, 0]]);
    const labels = tn.tensor1d([0, 1]);
    // Row 0: -log(1/2) = 0.693; row 1: -log softmax = 30 + log(1 + e^-30), above a cap of 5.
    const none = await tn.profile(() => cappedSparseSoftmaxCrossEntropy(labels, logits, 40));
    expect(none.kernelNames).not.toContain('Greater');
    const some = await tn.profile(() => cappedSparseSoftmaxCrossEntropy(labels, logits, 5));
    expect(some.kernelNames).toContain('Greater');
    expect(cappedSparseSoftmaxCrossEntropy(labels, logits, 5).dataSync()[0]).toBeCloseTo((Math.LN2 + 5) / 2, 6);
    const g = tn.grad((l: tn.Tensor) => cappedSparseSoftmaxCrossEntropy(labels, l, 5))(logits).arraySync() as number[][];
    // Row 0: (softmax - onehot) / 2 = [-0.25, 0.25]; row 1 is capped: zero.
    expect(g[0][0]).toBeCloseTo(-0.25, 6);
    expect(g[0][1]).toBeCloseTo(0.25, 6);
    expect(g[1].map(Math.abs)).toEqual([0, 0]);
  });
});
