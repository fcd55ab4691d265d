// The row-sparse GEMM path (each row of op(A) listed as its nonzero elements) must give exactly the bits of the
// 4×8 micro-kernel and of their JS twin gemmBlockedF32, on one thread and split either way (by rows, by column
// tiles), with every epilogue, and must leave the dense path to run when B holds a NaN or an Infinity.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../kernels/shared/op-names';
import { gemmBlockedF32 } from '../../kernels/cpu/gemm-blocked';
import { gemmNaive } from '../../kernels/cpu/gemm';
import { createSimdGemm, type SimdGemm } from '../../kernels/cpu/wasm/gemm-simd';
import { rowsPlan } from '../../kernels/cpu/wasm/gemm-rows';
import { randomFloat32 } from '../../bench/gemm-timing';
import { Random } from '../../src/util/random';

const KC = 256;

interface Case {
  m: number; n: number; k: number; transA: boolean; transB: boolean; accumulate: boolean; seed: number;
  /** Shares of op(A)'s rows that are all zero, and of its other elements that are zero. */
  zeroRows: number; zeros: number;
  /** null: plain product; else the fused epilogue. */
  act: Activation | null;
}

/** op(A) (stored transposed when transA) with whole zero rows and scattered zeros, as a ReLU output. */
function sparseA({ m, k, transA, seed, zeroRows, zeros }: Case): Float32Array {
  const a = randomFloat32(m * k, seed);
  const r = new Random(seed + 3);
  for (let i = 0; i < m; i++) {
    const dead = r.next() < zeroRows;
    for (let p = 0; p < k; p++) if (dead || r.next() < zeros) a[transA ? p * m + i : i * k + p] = 0;
  }
  return a;
}

/** Same bits, or NaN in both (which NaN an engine makes of 0·Inf is not specified). */
function expectSame(got: Float32Array, want: Float32Array, what: string): void {
  const g = new Uint32Array(got.buffer, got.byteOffset, got.length), w = new Uint32Array(want.buffer, want.byteOffset, want.length);
  for (let i = 0; i < got.length; i++) {
    if (g[i] !== w[i] && !(Number.isNaN(got[i]) && Number.isNaN(want[i]))) throw new Error(`${what}: C[${i}] = ${got[i]}, want ${want[i]}`);
  }
}

function run(g: SimdGemm, c: Case, a: Float32Array, b: Float32Array, c0: Float32Array, bias: Float32Array): Float32Array {
  const out = c0.slice();
  if (c.act) g.gemmBiasActivation(a, b, out, c.m, c.n, c.k, c.transA, c.transB, bias, c.act);
  else g.gemm(a, b, out, c.m, c.n, c.k, c.transA, c.transB, c.accumulate);
  return out;
}

function twin(c: Case, a: Float32Array, b: Float32Array, c0: Float32Array, bias: Float32Array): Float32Array {
  const out = c0.slice();
  gemmBlockedF32(a, b, out, c.m, c.n, c.k, c.transA, c.transB, c.act ? false : c.accumulate, KC, c.act ? bias : null, c.act ?? 'linear');
  return out;
}

// Sizes around the 32-column tile and the 4-row panel, and k around the 256 block.
const dim = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(31, 32, 33, 64, 65), fc.integer({ min: 13, max: 80 }));
const depth = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(3, 4, 5, 255, 256, 257, 520));
const cases = fc.record({
  m: dim, n: dim, k: depth, transA: fc.boolean(), transB: fc.boolean(), accumulate: fc.boolean(), seed: fc.nat({ max: 1e6 }),
  zeroRows: fc.constantFrom(0, 0.3, 1), zeros: fc.constantFrom(0, 0.6, 0.95), act: fc.constantFrom(null, 'linear' as const, 'relu' as const),
});

describe('row-sparse WebAssembly SIMD gemm', () => {
  const dense = createSimdGemm({ threads: 1, sparseMinFlops: Infinity, rowSparseMinShare: Infinity });
  // The micro-kernel skipping all-zero panel rows (index_a), with the row-sparse path off.
  const panels = createSimdGemm({ threads: 1, sparseMinFlops: 0, rowSparseMinShare: Infinity });
  const rows = createSimdGemm({ threads: 1, sparseMinFlops: 0, rowSparseMinShare: -Infinity });
  // Splits every product, however small, so every split path runs on small shapes.
  const split = createSimdGemm({ threads: 2, sparseMinFlops: 0, rowSparseMinShare: -Infinity, splitFlops: 0 });
  beforeAll(() => split.setThreads(2));
  afterAll(() => split.terminate());

  const inputs = (c: Case): [Float32Array, Float32Array, Float32Array, Float32Array] =>
    [sparseA(c), randomFloat32(c.k * c.n, c.seed + 1), randomFloat32(c.m * c.n, c.seed + 2), randomFloat32(c.n, c.seed + 4)];

  it('gives the bits of the 4×8 micro-kernel (skipping zero panel rows or not) and of the JS twin, on one thread and on two', () => {
    fc.assert(fc.property(cases, (c) => {
      const [a, b, c0, bias] = inputs(c);
      const want = twin(c, a, b, c0, bias);
      expectSame(run(dense, c, a, b, c0, bias), want, 'dense');
      expectSame(run(panels, c, a, b, c0, bias), want, 'zero panel rows skipped');
      expectSame(run(rows, c, a, b, c0, bias), want, 'rows');
      expectSame(run(split, c, a, b, c0, bias), want, 'rows, 2 threads');
    }), { seed: 21, numRuns: 300 });
  });

  it('splits the seed model\'s dense-layer products by rows, by column tiles and by k blocks with the same bits', () => {
    const shapes: Case[] = [
      { m: 32, n: 128, k: 5408, transA: false, transB: false, accumulate: false, seed: 1, zeroRows: 0, zeros: 0.62, act: 'relu' },
      { m: 5408, n: 128, k: 32, transA: true, transB: false, accumulate: true, seed: 2, zeroRows: 0.1, zeros: 0.62, act: null },
      { m: 32, n: 5408, k: 128, transA: false, transB: true, accumulate: false, seed: 3, zeroRows: 0, zeros: 0.5, act: null },
      // Inference at batch 256: B too large to stay in cache, yet split by rows (enough rows for each thread).
      { m: 256, n: 128, k: 5408, transA: false, transB: false, accumulate: false, seed: 4, zeroRows: 0, zeros: 0.62, act: 'relu' },
      // The same split over Aᵀ, accumulating.
      { m: 200, n: 128, k: 700, transA: true, transB: false, accumulate: true, seed: 5, zeroRows: 0.2, zeros: 0.6, act: null },
      // Few rows, B in place: split by k blocks, the blocks' sums added to C (its old values too) in order.
      { m: 20, n: 64, k: 1000, transA: false, transB: false, accumulate: true, seed: 6, zeroRows: 0.1, zeros: 0.6, act: null },
      { m: 7, n: 96, k: 777, transA: false, transB: false, accumulate: false, seed: 7, zeroRows: 0, zeros: 0.5, act: 'linear' },
      { m: 50, n: 32, k: 600, transA: true, transB: false, accumulate: false, seed: 8, zeroRows: 0.3, zeros: 0.7, act: 'relu' },
      // Two column tiles on two threads, B packed (the residual CNN's filter gradient): split by rows.
      { m: 432, n: 48, k: 1568, transA: true, transB: false, accumulate: false, seed: 10, zeroRows: 0.1, zeros: 0.6, act: null },
    ];
    for (const c of shapes) {
      const [a, b, c0, bias] = inputs(c);
      const want = run(dense, c, a, b, c0, bias);
      expectSame(run(rows, c, a, b, c0, bias), want, `rows ${c.m}×${c.n}×${c.k}`);
      expectSame(run(split, c, a, b, c0, bias), want, `rows, 2 threads ${c.m}×${c.n}×${c.k}`);
    }
  });

  it('splits by rows, not by column tiles, a product with fewer than two tiles a thread (one chunk each would wait on the slower)', () => {
    // The residual CNN's filter gradient 432×48×1568 (B packed, too large to stay in cache): two tiles.
    expect(rowsPlan(432, 48, 1568, false, 2)).toEqual({ tiles: 2, inPlace: false, byRows: false, splitRows: true });
    // Three tiles on two threads too; four (two a thread) still split by tiles, as do too few rows for two threads.
    expect(rowsPlan(432, 96, 1568, true, 2).splitRows).toBe(true);
    expect(rowsPlan(432, 100, 1568, true, 2).splitRows).toBe(false);
    expect(rowsPlan(100, 48, 1568, false, 2).splitRows).toBe(false);
    // The seed model's dense-layer input gradient at batch 256 (169 tiles, B packed) by tiles; B in place by rows.
    expect(rowsPlan(256, 5408, 128, true, 2).splitRows).toBe(false);
    expect(rowsPlan(256, 128, 5408, false, 2).splitRows).toBe(true);
  });

  it('keeps the NaN and Infinity of A, and of 0·Infinity and 0·NaN in B (B not finite: the dense path runs)', () => {
    // B's bad value in the first or a later k block, C's old values kept or not; n = 40 is split by rows on two
    // threads, n = 64 with k = 1100 (B in place, not cached, few rows) by k blocks, each thread checking its own.
    const combos = [40, 64].flatMap((n) => [false, true].flatMap((acc) => [5, 1000].flatMap((row) => [Infinity, -Infinity, NaN].map((v) => [n, acc, row, v] as const))));
    for (const [n, accumulate, badRow, bad] of combos) {
      const c: Case = { m: 9, n, k: 1100, transA: false, transB: false, accumulate, seed: 5, zeroRows: 0.5, zeros: 0.8, act: null };
      const [a0, b0, c0, bias] = inputs(c);
      const a = a0.slice();
      a[2 * c.k + 7] = bad; // A row 2, k 7
      for (let i = 0; i < c.m; i++) a[i * c.k + badRow] = 0; // where B's bad value is met, A is 0
      const b = b0.slice();
      b[badRow * c.n + 3] = bad; // B row badRow (in the first or the second k block), column 3
      const want = Float64Array.from(accumulate ? c0 : new Float32Array(c.m * c.n));
      gemmNaive(Float64Array.from(a), Float64Array.from(b), want, c.m, c.n, c.k, false, false, accumulate);
      for (const g of [rows, split]) {
        const got = run(g, c, a, b, c0, bias);
        expectSame(got, run(dense, c, a, b, c0, bias), 'dense');
        // Every row of C meets B's bad value in column 3 as 0·bad, which is NaN.
        for (let i = 0; i < c.m; i++) expect(Number.isNaN(got[i * c.n + 3])).toBe(true);
        for (let i = 0; i < got.length; i++) expect(Object.is(got[i], Math.fround(want[i])) || (Number.isNaN(got[i]) && Number.isNaN(want[i])) || Math.abs(got[i] - want[i]) < 1e-3).toBe(true);
      }
    }
  });

  it('matches gemmNaive within float32 rounding on a large sparse product', () => {
    const c: Case = { m: 70, n: 100, k: 600, transA: true, transB: true, accumulate: true, seed: 9, zeroRows: 0.2, zeros: 0.7, act: null };
    const [a, b, c0, bias] = inputs(c);
    const want = Float64Array.from(c0);
    gemmNaive(Float64Array.from(a), Float64Array.from(b), want, c.m, c.n, c.k, true, true, true);
    const got = run(split, c, a, b, c0, bias);
    let worst = 0;
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
    expect(worst).toBeLessThan(1e-4);
  });
});
