import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { broadcastPairArb, shapeArb } from '../arbitraries';
import { FC, distinctTensor, randTensor, seedArb } from '../helpers';
import { expectHvpOk, hvpReport } from './hvp';
import { binaryCases, conv2dCaseArb, matMulCaseArb, maxPoolCaseArb, unaryCases, untiedPair } from './op-cases';

// Second derivatives of every differentiable op in tn: the Hessian-vector product (the gradient of ⟨∇g, v⟩, so
// every backward rule is differentiated once more) against central differences of the gradient, in float64.

const HVP_RUNS = { ...FC, numRuns: 15 } as const;

/** A shape of rank >= 1, a non-empty set of its axes written at random as positive or negative, and keepDims. */
const axesArb = shapeArb(1, 4).chain((shape) =>
  fc.tuple(
    fc.constant(shape),
    fc.subarray(shape.map((_, i) => i), { minLength: 1 }).chain((axes) =>
      fc.tuple(...axes.map((a) => fc.constantFrom(a, a - shape.length))),
    ),
    fc.boolean(),
  ),
);

describe('Hessian-vector products of every op match central differences (float64)', () => {
  it('dilation2d in x and filter (strides, dilations, same padding; random values, so window ties are improbable)', () => {
    fc.assert(fc.property(seedArb, (seed) => expectHvpOk((x, f) => tn.dilation2d(x, f, [1, 2], 'same', [2, 1]), [randTensor([1, 5, 4, 2], seed), randTensor([2, 2, 2], seed + 1)], seed)), HVP_RUNS);
  });

  for (const [name, f, opts] of unaryCases) {
    it(name, () => {
      fc.assert(fc.property(shapeArb(0, 3), seedArb, (shape, seed) => expectHvpOk(f, [randTensor(shape, seed, opts)], seed)), HVP_RUNS);
    });
  }

  for (const [name, f, aOpts, bOpts] of binaryCases) {
    it(`${name}, operands of different ranks broadcasting over size-1 axes`, () => {
      fc.assert(
        fc.property(broadcastPairArb, seedArb, ([sa, sb], seed) => expectHvpOk(f, [randTensor(sa, seed, aOpts), randTensor(sb, seed + 1, bOpts)], seed)),
        HVP_RUNS,
      );
    });
  }

  for (const [name, f] of [['maximum', tn.maximum], ['minimum', tn.minimum]] as const) {
    it(`${name} with broadcasting (no ties)`, () => {
      fc.assert(
        fc.property(broadcastPairArb, seedArb, ([sa, sb], seed) => expectHvpOk(f, untiedPair(sa, sb, seed), seed)),
        HVP_RUNS,
      );
    });
  }

  it('greater and equal: piecewise constant, so a zero gradient that stays connected', () => {
    const a = randTensor([3, 2], 1);
    const b = randTensor([2], 2);
    const r = hvpReport((x, y) => tn.mul(x, tn.greater(x, y)), [a, b], 3);
    expect(r.maxError).toBeLessThan(1e-6);
    expect(r.scale).toBeGreaterThan(0);
    const [ga, gb] = tn.grads((x, y) => tn.sum(tn.equal(x, y)))([a, b]);
    expect([...ga.dataSync(), ...gb.dataSync()]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  for (const [name, f, distinct] of [
    ['sum', tn.sum, false],
    ['mean', tn.mean, false],
    ['max', tn.max, true],
    ['min', tn.min, true],
  ] as const) {
    it(`${name} over random (also negative) axes, keepDims both ways`, () => {
      fc.assert(
        fc.property(axesArb, seedArb, ([shape, axes, keepDims], seed) => {
          const x = distinct ? distinctTensor(shape, seed) : randTensor(shape, seed);
          expectHvpOk((t) => f(t, axes, keepDims), [x], seed);
        }),
        HVP_RUNS,
      );
    });
  }

  it('sum, mean, max and min over every axis', () => {
    fc.assert(
      fc.property(shapeArb(0, 3), seedArb, (shape, seed) => {
        for (const f of [tn.sum, tn.mean]) expectHvpOk((t) => f(t), [randTensor(shape, seed)], seed);
        for (const f of [tn.max, tn.min]) expectHvpOk((t) => tn.mul(f(t), tn.sum(t)), [distinctTensor(shape, seed)], seed);
      }),
      HVP_RUNS,
    );
  });

  it('softmax and logSoftmax (last axis, given as -1 or rank - 1)', () => {
    fc.assert(
      fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
        expectHvpOk((t) => tn.softmax(t), [randTensor(shape, seed)], seed);
        expectHvpOk((t) => tn.logSoftmax(t, shape.length - 1), [randTensor(shape, seed + 1)], seed);
      }),
      HVP_RUNS,
    );
  });

  it('sparseSoftmaxCrossEntropy (its rule uses recorded probabilities)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 5 }), seedArb, (rows, classes, seed) => {
        const labels = tn.tensor(Array.from({ length: rows }, (_, i) => (seed + i * 7) % classes));
        expectHvpOk((l) => tn.sparseSoftmaxCrossEntropy(labels, l), [tn.mul(randTensor([rows, classes], seed), 3)], seed);
      }),
      HVP_RUNS,
    );
  });

  it('matMul, every transpose case', () => {
    fc.assert(fc.property(matMulCaseArb(5), (c) => expectHvpOk(c.f, c.inputs(), c.seed)), HVP_RUNS);
  });

  it('conv2d (its input- and filter-gradient ops differentiated again), strides 1-2, valid and same, batched or one image', () => {
    fc.assert(fc.property(conv2dCaseArb({ minBatch: 0, maxSide: 6, maxStride: 2 }), (c) => expectHvpOk(c.f, c.inputs(), c.seed)), HVP_RUNS);
  });

  it('maxPool (its backward is an op whose gradient gathers at the winners; no ties)', () => {
    fc.assert(fc.property(maxPoolCaseArb(6), (c) => expectHvpOk(c.f, c.inputs(), c.seed)), HVP_RUNS);
  });

  it('reshape, flatten, slice (its gradient pads, and the pad slices back) and cast', () => {
    fc.assert(
      fc.property(shapeArb(1, 3), seedArb, fc.nat(), fc.nat(), (shape, seed, b, s) => {
        const x = randTensor(shape, seed);
        const begin = b % shape[0];
        const size = 1 + (s % (shape[0] - begin));
        expectHvpOk((t) => tn.exp(tn.reshape(t, [-1])), [x], seed);
        expectHvpOk((t) => tn.sigmoid(tn.flatten(t)), [x], seed);
        expectHvpOk((t) => tn.tanh(tn.slice(t, begin, size)), [x], seed);
        expectHvpOk((t) => tn.cast(t, 'float64'), [x], seed);
      }),
      HVP_RUNS,
    );
  });

  it('fused matMul and conv2d with bias, linear or relu (pre-activations kept off the kink)', () => {
    const dim = fc.integer({ min: 1, max: 4 });
    fc.assert(
      fc.property(dim, dim, dim, fc.boolean(), seedArb, fc.constantFrom('linear' as const, 'relu' as const), (m, n, k, tB, seed, activation) => {
        const a = randTensor([m, k], seed);
        const b = randTensor(tB ? [n, k] : [k, n], seed + 1);
        const bias = randTensor([n], seed + 2);
        fc.pre(tn.add(tn.matMul(a, b, false, tB), bias).dataSync().every((v) => Math.abs(v) > 1e-3));
        expectHvpOk((x, y, c) => tn.fused.matMul({ a: x, b: y, transposeB: tB, bias: c, activation }), [a, b, bias], seed);
        const x = randTensor([2, 4, 4, k], seed + 3);
        const f = randTensor([2, 2, k, n], seed + 4);
        fc.pre(tn.add(tn.conv2d(x, f, 1, 'same'), bias).dataSync().every((v) => Math.abs(v) > 1e-3));
        expectHvpOk((p, q, c) => tn.fused.conv2d({ x: p, filter: q, strides: 1, pad: 'same', bias: c, activation }), [x, f, bias], seed);
      }),
      HVP_RUNS,
    );
  });

  it('sparseToDense (values and default) and tensorScatterUpdate (tensor and updates), duplicate places included', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        expectHvpOk((v, d) => tn.sparseToDense([[0, 2], [1, 1], [0, 2]], v, [2, 3], d), [randTensor([3], seed), randTensor([], seed + 1)], seed);
        expectHvpOk((x, u) => tn.tensorScatterUpdate(x, [[2, 1], [0, 0], [2, 1]], u), [randTensor([3, 2, 2], seed), randTensor([3, 2], seed + 1)], seed);
      }),
      HVP_RUNS,
    );
  });

  it('softmax and sigmoid cross-entropy in their labels and logits, with label smoothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 4 }), seedArb, (rows, classes, seed) => {
        const labels = randTensor([rows, classes], seed, { positive: true });
        const logits = randTensor([rows, classes], seed + 1);
        expectHvpOk((l, x) => tn.losses.softmaxCrossEntropy(l, x, undefined, 0.1), [labels, logits], seed);
        expectHvpOk((l, x) => tn.losses.sigmoidCrossEntropy(l, x, undefined, 0.2), [labels, logits], seed);
      }),
      HVP_RUNS,
    );
  });

  it('argMax, argMin and oneHot of a cast: a zero gradient that stays connected, in the second derivative too', () => {
    const x = distinctTensor([2, 3], 4);
    const f = (t: tn.Tensor) => tn.mul(tn.add(tn.sum(tn.cast(tn.argMax(t, 1), 'float64')), tn.sum(tn.cast(tn.argMin(t), 'float64'))), tn.sum(tn.square(t)));
    expectHvpOk(f, [x], 4);
    expectHvpOk((t) => tn.mul(tn.sum(tn.cast(tn.oneHot(tn.cast(tn.abs(t), 'int32'), 3), 'float64')), t), [x], 5);
  });

  it('customGrad whose gradFunc is made of ops', () => {
    const cube = tn.customGrad((x, save) => {
      (save as tn.GradSaveFunc)([x as tn.Tensor]);
      return { value: tn.mul(tn.square(x as tn.Tensor), x as tn.Tensor), gradFunc: (dy, [s]) => tn.mul(dy, tn.mul(tn.square(s), 3)) };
    });
    fc.assert(fc.property(shapeArb(0, 2), seedArb, (shape, seed) => expectHvpOk(cube, [randTensor(shape, seed)], seed)), HVP_RUNS);
  });
});

describe('Hessian-vector product of a whole small CNN (conv2d + relu, maxPool, dense, softmax cross-entropy)', () => {
  it('matches central differences over every weight, read from the model', () => {
    const model = tn.sequential({
      layers: [
        tn.layers.conv2d({ filters: 2, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 1], dtype: 'float64', kernelInitializer: tn.initializers.glorotUniform({ seed: 5 }), biasInitializer: tn.initializers.randomNormal({ stddev: 0.1, seed: 6 }) }),
        tn.layers.maxPooling2d({ poolSize: 2, dtype: 'float64' }),
        tn.layers.flatten({ dtype: 'float64' }),
        tn.layers.dense({ units: 3, activation: 'softmax', dtype: 'float64', kernelInitializer: tn.initializers.glorotUniform({ seed: 7 }) }),
      ],
    });
    const images = randTensor([3, 6, 6, 1], 11);
    const labels = tn.tensor([2, 0, 1]);
    const loss = () => {
      const layers = model.layers;
      let h = images;
      layers.forEach((l, i) => (h = l.apply(h, { training: false, logits: i === layers.length - 1 })));
      return tn.sparseSoftmaxCrossEntropy(labels, h);
    };
    const r = hvpReport(loss, model.trainableWeights, 12);
    expect(r.scale).toBeGreaterThan(1e-3);
    expect(r.maxError, r.where).toBeLessThan(1e-6);
  });
});
