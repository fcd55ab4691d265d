import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, distinctTensor, expectGradOk, randTensor, seedArb } from '../helpers';

const dim = fc.integer({ min: 1, max: 6 });

describe('backward rules match finite differences (float64)', () => {
  it('matMul, all transpose cases', () => {
    fc.assert(
      fc.property(dim, dim, dim, fc.boolean(), fc.boolean(), seedArb, (m, n, k, tA, tB, seed) => {
        const a = randTensor(tA ? [k, m] : [m, k], seed);
        const b = randTensor(tB ? [n, k] : [k, n], seed + 1);
        expectGradOk((x, y) => tn.matMul(x, y, tA, tB), [a, b]);
      }),
      FC,
    );
  });

  it('conv2d, strides 1-3, valid and same', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 2 }), h: fc.integer({ min: 3, max: 7 }), w: fc.integer({ min: 3, max: 7 }),
          inC: fc.integer({ min: 1, max: 3 }), outC: fc.integer({ min: 1, max: 3 }),
          kh: fc.integer({ min: 1, max: 3 }), kw: fc.integer({ min: 1, max: 3 }),
          sh: fc.integer({ min: 1, max: 3 }), sw: fc.integer({ min: 1, max: 3 }),
          pad: fc.constantFrom('valid' as const, 'same' as const), seed: seedArb,
        }),
        (c) => {
          const x = randTensor([c.n, c.h, c.w, c.inC], c.seed);
          const f = randTensor([c.kh, c.kw, c.inC, c.outC], c.seed + 1);
          expectGradOk((a, b) => tn.conv2d(a, b, [c.sh, c.sw], c.pad), [x, f]);
        },
      ),
      { ...FC, numRuns: 20 },
    );
  });

  it('maxPool (distinct values: no ties)', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 2 }), h: fc.integer({ min: 2, max: 7 }), w: fc.integer({ min: 2, max: 7 }),
          c: fc.integer({ min: 1, max: 3 }), f: fc.integer({ min: 1, max: 3 }), s: fc.integer({ min: 1, max: 3 }),
          pad: fc.constantFrom('valid' as const, 'same' as const), seed: seedArb,
        }),
        (c) => {
          const f = Math.min(c.f, c.h, c.w);
          expectGradOk((a) => tn.maxPool(a, f, c.s, c.pad), [distinctTensor([c.n, c.h, c.w, c.c], c.seed)]);
        },
      ),
      FC,
    );
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
