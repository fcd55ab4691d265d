import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';
import { conv2dCaseArb, matMulCaseArb, maxPoolCaseArb } from './op-cases';

const dim = fc.integer({ min: 1, max: 6 });

describe('backward rules match finite differences (float64)', () => {
  it('matMul, all transpose cases', () => {
    fc.assert(fc.property(matMulCaseArb(6), (c) => expectGradOk(c.f, c.inputs())), FC);
  });

  it('conv2d, strides 1-3, valid and same', () => {
    fc.assert(fc.property(conv2dCaseArb({ minBatch: 1, maxSide: 7, maxStride: 3 }), (c) => expectGradOk(c.f, c.inputs())), { ...FC, numRuns: 20 });
  });

  it('maxPool (distinct values: no ties)', () => {
    fc.assert(fc.property(maxPoolCaseArb(7), (c) => expectGradOk(c.f, c.inputs())), FC);
  });

  it('fused matMul and conv2d with bias and relu (inputs kept off the kink)', () => {
    fc.assert(
      fc.property(dim, dim, dim, seedArb, fc.constantFrom('linear' as const, 'relu' as const), (m, n, k, seed, activation) => {
        const a = randTensor([m, k], seed);
        const b = randTensor([k, n], seed + 1);
        const bias = randTensor([n], seed + 2);
        const z = tn.add(tn.matMul(a, b), bias).dataSync();
        fc.pre(z.every((v) => Math.abs(v) > 1e-3));
        expectGradOk((x, y, c) => tn.fused.matMul({ a: x, b: y, bias: c, activation }), [a, b, bias]);
        const x = randTensor([1, 4, 4, k], seed + 3);
        const f = randTensor([2, 2, k, n], seed + 4);
        const zc = tn.add(tn.conv2d(x, f, 1, 'valid'), bias).dataSync();
        fc.pre(zc.every((v) => Math.abs(v) > 1e-3));
        expectGradOk((p, q, c) => tn.fused.conv2d({ x: p, filter: q, strides: 1, pad: 'valid', bias: c, activation }), [x, f, bias]);
      }),
      FC,
    );
  });
});
