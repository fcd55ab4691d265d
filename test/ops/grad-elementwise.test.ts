import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as tn from '../../src/index';
import { broadcastPairArb, shapeArb, shapeWithAxisArb } from '../arbitraries';
import { FC, distinctTensor, expectGradOk, randTensor, seedArb } from '../helpers';
import { binaryCases, unaryCases, untiedPair } from './op-cases';

describe('elementwise backward rules match finite differences (float64)', () => {
  for (const [name, f, opts] of unaryCases) {
    it(name, () => {
      fc.assert(fc.property(shapeArb(0, 3), seedArb, (shape, seed) => expectGradOk(f, [randTensor(shape, seed, opts)])), FC);
    });
  }

  for (const [name, f, aOpts, bOpts] of binaryCases) {
    it(`${name} with broadcasting (the gradient sums back to each input's shape)`, () => {
      fc.assert(
        fc.property(broadcastPairArb, seedArb, ([sa, sb], seed) => expectGradOk(f, [randTensor(sa, seed, aOpts), randTensor(sb, seed + 1, bOpts)])),
        FC,
      );
    });
  }

  for (const [name, f] of [['maximum', tn.maximum], ['minimum', tn.minimum]] as const) {
    it(`${name} with broadcasting (distinct values: no ties)`, () => {
      fc.assert(
        fc.property(broadcastPairArb, seedArb, ([sa, sb], seed) => expectGradOk(f, untiedPair(sa, sb, seed))),
        FC,
      );
    });
  }
});

describe('reductions, softmax, cross-entropy, reshape, slice, cast: backward rules (float64)', () => {
  const axesArb = shapeWithAxisArb(1, 3).chain(([shape, axis]) => fc.tuple(fc.constant(shape), fc.constant(axis), fc.boolean()));

  for (const [name, f, distinct] of [
    ['sum', tn.sum, false],
    ['mean', tn.mean, false],
    ['max', tn.max, true],
    ['min', tn.min, true],
  ] as const) {
    it(`${name} over random axes (numbers, arrays, negative, omitted), keepDims both ways`, () => {
      fc.assert(
        fc.property(axesArb, seedArb, ([shape, axis, keepDims], seed) => {
          const x = distinct ? distinctTensor(shape, seed) : randTensor(shape, seed);
          expectGradOk((t) => f(t, axis, keepDims), [x]);
        }),
        FC,
      );
    });
  }

  it('softmax and logSoftmax over the last axis', () => {
    fc.assert(
      fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
        expectGradOk((t) => tn.softmax(t), [randTensor(shape, seed)]);
        expectGradOk((t) => tn.logSoftmax(t), [randTensor(shape, seed + 1)]);
      }),
      FC,
    );
  });

  it('sparseSoftmaxCrossEntropy (fused, mean over the batch)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 6 }), seedArb, (rows, classes, seed) => {
        const labels = tn.tensor(Array.from({ length: rows }, (_, i) => (seed + i * 7) % classes));
        expectGradOk((l) => tn.sparseSoftmaxCrossEntropy(labels, l), [tn.mul(randTensor([rows, classes], seed), 3)]);
      }),
      FC,
    );
  });

  it('reshape, slice and cast pass gradients through', () => {
    fc.assert(
      fc.property(shapeArb(1, 3), seedArb, fc.nat(), fc.nat(), (shape, seed, b, s) => {
        const x = randTensor(shape, seed);
        const begin = b % shape[0];
        const size = 1 + (s % (shape[0] - begin));
        expectGradOk((t) => tn.square(tn.reshape(t, [-1])), [x]);
        expectGradOk((t) => tn.square(tn.slice(t, begin, size)), [x]);
        expectGradOk((t) => tn.square(tn.cast(t, 'float64')), [x]);
      }),
      FC,
    );
  });
});
