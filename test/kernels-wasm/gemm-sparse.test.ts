// The SIMD gemm skips rows of packed A that are all zero (ReLU outputs) when B is finite. Skipping must give
// exactly the bits of the dense micro-kernel (its twin: the same gemm with skipping off), on every split, and
// must never hide a NaN that 0·Inf or 0·NaN would have put in C.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gemmNaive } from '../../kernels/cpu/gemm';
import { createSimdGemm } from '../../kernels/cpu/wasm/gemm-simd';
import { randomFloat32 } from '../../bench/gemm-timing';
import { Random } from '../../src/util/random';

interface Case { m: number; n: number; k: number; transA: boolean; transB: boolean; accumulate: boolean; seed: number; zeroColumns: number; zeros: number }

/** op(A) with whole k columns zeroed (a feature dead in every sample) and scattered zeros, as after a ReLU. */
function sparseA({ m, k, transA, seed, zeroColumns, zeros }: Case): Float32Array {
  const a = randomFloat32(m * k, seed);
  const r = new Random(seed + 3);
  const at = (i: number, p: number): number => (transA ? p * m + i : i * k + p);
  for (let p = 0; p < k; p++) {
    const dead = r.next() < zeroColumns;
    for (let i = 0; i < m; i++) if (dead || r.next() < zeros) a[at(i, p)] = 0;
  }
  return a;
}

function bitsOf(x: Float32Array): Uint32Array {
  return new Uint32Array(x.buffer, x.byteOffset, x.length);
}

const dim = fc.oneof(fc.integer({ min: 1, max: 19 }), fc.constantFrom(1, 3, 4, 5, 8, 9, 33), fc.integer({ min: 20, max: 70 }));
const depth = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(1, 255, 256, 257, 600));
const cases = fc.record({
  m: dim, n: dim, k: depth, transA: fc.boolean(), transB: fc.boolean(), accumulate: fc.boolean(), seed: fc.nat({ max: 1e6 }),
  zeroColumns: fc.constantFrom(0, 0.3, 0.7, 1), zeros: fc.constantFrom(0, 0.5, 0.9),
});

describe('WebAssembly SIMD gemm skipping all-zero rows of A', () => {
  const dense = createSimdGemm({ threads: 1, sparseMinFlops: Infinity });
  const sparse = createSimdGemm({ threads: 1, sparseMinFlops: 0 });
  const split = createSimdGemm({ threads: 2, sparseMinFlops: 0, splitFlops: 0 });
  beforeAll(() => split.setThreads(2));
  afterAll(() => split.terminate());

  const run = (g: typeof dense, c: Case, a: Float32Array, b: Float32Array, c0: Float32Array): Float32Array => {
    const out = c0.slice();
    g.gemm(a, b, out, c.m, c.n, c.k, c.transA, c.transB, c.accumulate);
    return out;
  };

  it('gives the dense micro-kernel\'s bits, on one thread and split either way', () => {
    fc.assert(fc.property(cases, (c) => {
      const a = sparseA(c), b = randomFloat32(c.k * c.n, c.seed + 1), c0 = randomFloat32(c.m * c.n, c.seed + 2);
      const want = bitsOf(run(dense, c, a, b, c0));
      expect(bitsOf(run(sparse, c, a, b, c0))).toEqual(want);
      expect(bitsOf(run(split, c, a, b, c0))).toEqual(want);
    }), { seed: 14, numRuns: 250 });
  });

  it('matches gemmNaive on the seed model\'s dense-layer shapes with ReLU-like inputs', () => {
    const shapes: Case[] = [
      { m: 32, n: 128, k: 5408, transA: false, transB: false, accumulate: false, seed: 1, zeroColumns: 0.4, zeros: 0.3 },
      { m: 5408, n: 128, k: 32, transA: true, transB: false, accumulate: false, seed: 2, zeroColumns: 0.4, zeros: 0.3 },
      { m: 37, n: 130, k: 517, transA: false, transB: true, accumulate: true, seed: 3, zeroColumns: 0.5, zeros: 0.5 },
    ];
    for (const c of shapes) {
      const a = sparseA(c), b = randomFloat32(c.k * c.n, c.seed + 1), c0 = randomFloat32(c.m * c.n, c.seed + 2);
      const want = Float64Array.from(c0);
      gemmNaive(Float64Array.from(a), Float64Array.from(b), want, c.m, c.n, c.k, c.transA, c.transB, c.accumulate);
      for (const g of [sparse, split]) {
        const got = run(g, c, a, b, c0);
        let worst = 0;
        for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
        expect(worst).toBeLessThan(1e-3);
      }
    }
  });

  it('keeps the NaN of 0·Infinity and 0·NaN: a B that is not finite turns skipping off', () => {
    const c: Case = { m: 9, n: 12, k: 40, transA: false, transB: false, accumulate: false, seed: 5, zeroColumns: 1, zeros: 0 };
    const a = sparseA(c); // every row of A is zero
    for (const bad of [Infinity, -Infinity, NaN]) {
      const b = randomFloat32(c.k * c.n, 6);
      b[7 * c.n + 3] = bad; // B row 7, column 3
      const want = new Float64Array(c.m * c.n);
      gemmNaive(Float64Array.from(a), Float64Array.from(b), want, c.m, c.n, c.k, false, false, false);
      for (const g of [sparse, split]) {
        const got = run(g, c, a, b, new Float32Array(c.m * c.n));
        for (let i = 0; i < got.length; i++) expect(Object.is(got[i], want[i]) || (Number.isNaN(got[i]) && Number.isNaN(want[i]))).toBe(true);
        expect(Number.isNaN(got[3])).toBe(true);
      }
    }
  });
});
