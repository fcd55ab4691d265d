import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conv2dBackpropFilter } from '../../kernels/cpu/conv';
import { gemm, type GemmFn } from '../../kernels/cpu/gemm';
import { im2col } from '../../kernels/cpu/im2col';
import { gemmSimd } from '../../kernels/cpu/wasm/index';
import { conv2dGeometry } from '../../kernels/shared/geometry';
import { Random } from '../../src/util/random';
import { sameBits } from './simd-helpers';

// A filter gradient whose dy is mostly zeros is computed as dyᵀ · cols (dy the product's A, its zeros skipped) and
// written back transposed: the same bits as colsᵀ · dy, on the JS and the SIMD GEMM, NaN and infinities included.

const problem = fc.record({
  batch: fc.integer({ min: 1, max: 3 }), h: fc.integer({ min: 3, max: 14 }), w: fc.integer({ min: 3, max: 14 }),
  inC: fc.integer({ min: 1, max: 9 }), outC: fc.constantFrom(1, 3, 8, 13, 16), k: fc.constantFrom(1, 2, 3),
  stride: fc.integer({ min: 1, max: 2 }), pad: fc.constantFrom('valid' as const, 'same' as const),
  zeros: fc.constantFrom(0, 0.3, 0.6, 0.9, 1), special: fc.constantFrom('none', 'nan', 'inf'), seed: fc.nat(),
});

describe('conv2dBackpropFilter', () => {
  for (const [name, gemmFn] of [['JS gemm', gemm], ['SIMD gemm', gemmSimd]] as [string, GemmFn][]) {
    it(`gives colsᵀ · dy's bits whether or not dy is mostly zeros (${name})`, () => {
      fc.assert(fc.property(problem, (p) => {
        const g = conv2dGeometry([p.batch, p.h, p.w, p.inC], [p.k, p.k, p.inC, p.outC], [p.stride, p.stride], p.pad);
        const r = new Random(p.seed);
        const x = Float32Array.from({ length: p.batch * p.h * p.w * p.inC }, () => r.uniform(-2, 2));
        if (p.special !== 'none') x[r.int(x.length)] = p.special === 'nan' ? NaN : -Infinity;
        const dy = Float32Array.from({ length: g.batch * g.outH * g.outW * g.outC }, () => (r.next() < p.zeros ? 0 : r.uniform(-1, 1)));
        const patch = g.kh * g.kw * g.inC, rows = g.batch * g.outH * g.outW;
        const cols = new Float32Array(rows * patch);
        const got = new Float32Array(patch * g.outC).fill(5);
        conv2dBackpropFilter(x, dy, g, got, cols, gemmFn);
        const want = new Float32Array(patch * g.outC);
        im2col(x, g, cols);
        gemmFn(cols, dy, want, patch, g.outC, rows, true, false, false);
        sameBits(got, want);
      }), { seed: 11, numRuns: 150 });
    });
  }

  it('takes the transposed product for a dy mostly zeros, the direct one otherwise', () => {
    const g = conv2dGeometry([2, 8, 8, 4], [3, 3, 4, 8], [1, 1], 'same');
    const calls: number[][] = [];
    const recording: GemmFn = (a, b, c, m, n, k, ta, tb, acc) => {
      calls.push([m, n, k]);
      gemm(a, b, c, m, n, k, ta, tb, acc);
    };
    const x = new Float32Array(2 * 8 * 8 * 4).fill(1);
    const cols = new Float32Array(2 * 64 * 36);
    for (const zeros of [0.9, 0.1]) {
      const dy = Float32Array.from({ length: 2 * 64 * 8 }, (_, i) => ((i * 0.618) % 1 < zeros ? 0 : 1));
      conv2dBackpropFilter(x, dy, g, new Float32Array(36 * 8), cols, recording);
    }
    expect(calls).toEqual([[8, 36, 128], [36, 8, 128]]);
  });
});
