import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gemm, gemmNaive } from '../../kernels/cpu/gemm';
import { dtypeArb, dtypes, expectClose, random, runs, type DType } from './helpers';

function check(dtype: DType, m: number, n: number, k: number, transA: boolean, transB: boolean, accumulate: boolean, seed: number): void {
  const a = random(dtype, m * k, seed);
  const b = random(dtype, k * n, seed + 1);
  const c0 = random(dtype, m * n, seed + 2);
  const fast = c0.slice(), naive = c0.slice();
  gemm(a, b, fast, m, n, k, transA, transB, accumulate);
  gemmNaive(a, b, naive, m, n, k, transA, transB, accumulate);
  expectClose(fast, naive, dtype);
}

describe('gemm', () => {
  it('multiplies a hand-computed 2x3 · 3x2', () => {
    const a = new Float64Array([1, 2, 3, 4, 5, 6]);
    const b = new Float64Array([7, 8, 9, 10, 11, 12]);
    const c = new Float64Array(4);
    gemm(a, b, c, 2, 2, 3, false, false, false);
    expect(Array.from(c)).toEqual([58, 64, 139, 154]);
    gemm(a, b, c, 2, 2, 3, false, false, true);
    expect(Array.from(c)).toEqual([116, 128, 278, 308]);
  });

  it('with k = 0 gives zeros, or leaves C unchanged when accumulating', () => {
    const c = new Float32Array([1, 2, 3, 4, 5, 6, 7]);
    gemm(new Float32Array(0), new Float32Array(0), c, 2, 3, 0, false, false, true);
    expect(Array.from(c)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    gemm(new Float32Array(0), new Float32Array(0), c, 2, 3, 0, true, true, false);
    expect(Array.from(c)).toEqual([0, 0, 0, 0, 0, 0, 7]);
  });

  it('matches the naive triple loop on random small shapes, all transposes, both dtypes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 23 }), fc.integer({ min: 1, max: 23 }), fc.integer({ min: 0, max: 37 }),
        fc.boolean(), fc.boolean(), fc.boolean(), dtypeArb, fc.nat(),
        (m, n, k, ta, tb, acc, dtype, seed) => check(dtype, m, n, k, ta, tb, acc, seed),
      ),
      runs(300),
    );
  });

  // Shapes that cross every cache block (MC 128, KC 256, NC 2048) with ragged remainders.
  const big: [number, number, number][] = [[131, 37, 301], [3, 2053, 5], [1, 7, 513], [9, 1, 260]];
  for (const dtype of dtypes) {
    for (const [m, n, k] of big) {
      it(`matches the naive loop across cache blocks: ${m}x${n}x${k} ${dtype}`, () => {
        for (const ta of [false, true]) for (const tb of [false, true]) check(dtype, m, n, k, ta, tb, ta !== tb, m + n + k);
      });
    }
  }
});
