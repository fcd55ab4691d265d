import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gemm, gemmNaive } from '../../kernels/cpu/gemm';
import { createSimdGemm } from '../../kernels/cpu/wasm/gemm-simd';
import { gemmSimd, getGemmThreads, setGemmThreads, terminateGemmThreads } from '../../kernels/cpu/wasm/index';
// A seeded LCG rather than fast-check's values, so failures reproduce without shrinking.
import { randomFloat32 } from '../../bench/gemm-timing';

interface Case { m: number; n: number; k: number; transA: boolean; transB: boolean; accumulate: boolean; seed: number }

/** Runs `g` on float32 inputs and checks it against the float64 naive product, relative to each element's magnitude. */
function checkAgainstNaive(g: typeof gemm, { m, n, k, transA, transB, accumulate, seed }: Case): void {
  const a = randomFloat32(m * k, seed);
  const b = randomFloat32(k * n, seed + 1);
  const c0 = randomFloat32(m * n, seed + 2);
  const got = c0.slice();
  g(a, b, got, m, n, k, transA, transB, accumulate);
  const want = Float64Array.from(c0);
  gemmNaive(Float64Array.from(a), Float64Array.from(b), want, m, n, k, transA, transB, accumulate);
  // Σ|a|·|b| (+ |c| when accumulating): the scale float32 rounding errors grow with.
  const magnitude = Float64Array.from(c0, Math.abs);
  gemmNaive(Float64Array.from(a, Math.abs), Float64Array.from(b, Math.abs), magnitude, m, n, k, transA, transB, accumulate);
  for (let i = 0; i < m * n; i++) {
    const tol = 1e-5 * magnitude[i] + 1e-30;
    if (!(Math.abs(got[i] - want[i]) <= tol)) {
      throw new Error(`C[${i}] = ${got[i]}, want ${want[i]} (tolerance ${tol}) for ${JSON.stringify({ m, n, k, transA, transB, accumulate })}`);
    }
  }
}

// Sizes around the 4×8 tile edges, 1s and the occasional larger value; k includes 0 and crosses the 256 k-block.
const dim = fc.oneof(fc.integer({ min: 1, max: 19 }), fc.constantFrom(1, 3, 4, 5, 7, 8, 9, 16, 17, 33), fc.integer({ min: 20, max: 70 }));
const depth = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0, 1, 255, 256, 257, 600));
const cases = fc.record({ m: dim, n: dim, k: depth, transA: fc.boolean(), transB: fc.boolean(), accumulate: fc.boolean(), seed: fc.nat() });

describe('WebAssembly SIMD gemm, one thread', () => {
  const simd = createSimdGemm({ threads: 1 });

  it('matches gemmNaive on random shapes, all transposes, accumulate on and off', () => {
    fc.assert(fc.property(cases, (c) => checkAgainstNaive(simd.gemm, c)), { seed: 7, numRuns: 300 });
  });

  it.each([[false, false], [true, false], [false, true], [true, true]])('matches on a 70×90×300 product (transA %s, transB %s)', (transA, transB) => {
    for (const accumulate of [false, true]) checkAgainstNaive(simd.gemm, { m: 70, n: 90, k: 300, transA, transB, accumulate, seed: 11 });
  });

  it('treats k = 0 as an empty sum and m = 0 or n = 0 as nothing to do', () => {
    const c = Float32Array.of(1, 2, 3, 4);
    simd.gemm(new Float32Array(0), new Float32Array(0), c, 2, 2, 0, false, false, true);
    expect(Array.from(c)).toEqual([1, 2, 3, 4]);
    simd.gemm(new Float32Array(0), new Float32Array(0), c, 2, 2, 0, false, false, false);
    expect(Array.from(c)).toEqual([0, 0, 0, 0]);
    c.fill(5);
    simd.gemm(new Float32Array(0), new Float32Array(8), c, 0, 2, 4, false, false, false);
    expect(Array.from(c)).toEqual([5, 5, 5, 5]);
  });

  it('uses only the first m·k, k·n and m·n elements of longer arrays', () => {
    const a = randomFloat32(40, 1), b = randomFloat32(40, 2);
    const got = new Float32Array(20).fill(9), want = new Float32Array(20).fill(9);
    simd.gemm(a, b, got, 3, 5, 7, false, true, false);
    gemm(a.subarray(0, 21), b.subarray(0, 35), want, 3, 5, 7, false, true, false);
    for (let i = 0; i < 15; i++) expect(got[i]).toBeCloseTo(want[i], 5);
    expect(Array.from(got.subarray(15))).toEqual([9, 9, 9, 9, 9]);
  });

  it('delegates float64 operands to the JS gemm, bit for bit', () => {
    const a = Float64Array.from(randomFloat32(6 * 5, 3)), b = Float64Array.from(randomFloat32(5 * 7, 4));
    const got = new Float64Array(42), want = new Float64Array(42);
    simd.gemm(a, b, got, 6, 7, 5, true, false, false);
    gemm(a, b, want, 6, 7, 5, true, false, false);
    expect(got).toEqual(want);
  });

  it('stays correct when its memory grows between calls', () => {
    checkAgainstNaive(simd.gemm, { m: 5, n: 6, k: 7, transA: false, transB: false, accumulate: false, seed: 5 });
    checkAgainstNaive(simd.gemm, { m: 600, n: 40, k: 900, transA: true, transB: false, accumulate: true, seed: 6 });
    checkAgainstNaive(simd.gemm, { m: 9, n: 13, k: 3, transA: false, transB: true, accumulate: false, seed: 7 });
  });
});

/** Runs the same product through two gemms and requires bit-identical outputs. */
function sameBits(g1: typeof gemm, g2: typeof gemm, { m, n, k, transA, transB, accumulate, seed }: Case): void {
  const a = randomFloat32(m * k, seed), b = randomFloat32(k * n, seed + 1), c = randomFloat32(m * n, seed + 2);
  const c1 = c.slice(), c2 = c.slice();
  g1(a, b, c1, m, n, k, transA, transB, accumulate);
  g2(a, b, c2, m, n, k, transA, transB, accumulate);
  expect(firstDifference(c2, c1)).toBe(-1);
}

/** Index of the first element whose bits differ (-1 if none); deep equality is too slow on large arrays. */
function firstDifference(x: Float32Array, y: Float32Array): number {
  const bx = new Uint32Array(x.buffer, x.byteOffset, x.length), by = new Uint32Array(y.buffer, y.byteOffset, y.length);
  if (bx.length !== by.length) return Math.min(bx.length, by.length);
  for (let i = 0; i < bx.length; i++) if (bx[i] !== by[i]) return i;
  return -1;
}

describe('WebAssembly SIMD gemm, two threads', () => {
  const one = createSimdGemm({ threads: 1 });
  // Splitting every product, however small, exercises every split path on small shapes.
  const two = createSimdGemm({ threads: 2, splitFlops: 0 });
  beforeAll(() => two.setThreads(2));
  afterAll(() => two.terminate());

  it('gives bit-identical results to one thread on random shapes', () => {
    fc.assert(fc.property(cases, (c) => sameBits(one.gemm, two.gemm, c)), { seed: 7, numRuns: 200 });
  });

  it('is correct against gemmNaive when split', () => {
    fc.assert(fc.property(cases, (c) => checkAgainstNaive(two.gemm, c)), { seed: 8, numRuns: 60 });
  });

  it('stays bit-identical over many back-to-back split calls (a job must never be claimed half-written)', () => {
    // The conv forward and filter-gradient shapes, alternating so that every job differs from the one before:
    // a race in handing jobs to the worker once corrupted the filter gradient about one call in 60.
    const shapes: Case[] = [
      { m: 9, n: 32, k: 21632, transA: true, transB: false, accumulate: false, seed: 31 },
      { m: 21632, n: 32, k: 9, transA: false, transB: false, accumulate: false, seed: 33 },
    ];
    const runs = shapes.map((c) => {
      const a = randomFloat32(c.m * c.k, c.seed), b = randomFloat32(c.k * c.n, c.seed + 1);
      const expected = new Float32Array(c.m * c.n);
      one.gemm(a, b, expected, c.m, c.n, c.k, c.transA, c.transB, false);
      return { c, a, b, expected };
    });
    let mismatches = 0;
    for (let i = 0; i < 600; i++) {
      const { c, a, b, expected } = runs[i % 2];
      const out = new Float32Array(c.m * c.n);
      two.gemm(a, b, out, c.m, c.n, c.k, c.transA, c.transB, false);
      if (firstDifference(out, expected) >= 0) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('runs on the calling thread again after terminate()', () => {
    const g = createSimdGemm({ threads: 2, splitFlops: 0 });
    g.terminate();
    checkAgainstNaive(g.gemm, { m: 33, n: 17, k: 40, transA: false, transB: false, accumulate: false, seed: 9 });
  });
});

describe('gemmSimd (process-wide)', () => {
  afterAll(() => terminateGemmThreads());

  // The seed model's GEMM shapes plus square and transposed ones, each above the split threshold.
  const large: Case[] = [
    { m: 21632, n: 32, k: 9, transA: false, transB: false, accumulate: false, seed: 21 },
    { m: 9, n: 32, k: 21632, transA: true, transB: false, accumulate: false, seed: 22 },
    { m: 32, n: 128, k: 5408, transA: false, transB: false, accumulate: false, seed: 23 },
    { m: 5408, n: 128, k: 32, transA: true, transB: false, accumulate: true, seed: 24 },
    { m: 32, n: 5408, k: 128, transA: false, transB: true, accumulate: false, seed: 25 },
    { m: 257, n: 255, k: 301, transA: true, transB: true, accumulate: true, seed: 26 },
  ];

  it('gives bit-identical results with 1 and 2 threads on large shapes', async () => {
    const inputs = large.map((c) => ({ a: randomFloat32(c.m * c.k, c.seed), b: randomFloat32(c.k * c.n, c.seed + 1), c0: randomFloat32(c.m * c.n, c.seed + 2) }));
    const run = (): Float32Array[] => large.map((c, i) => {
      const out = inputs[i].c0.slice();
      gemmSimd(inputs[i].a, inputs[i].b, out, c.m, c.n, c.k, c.transA, c.transB, c.accumulate);
      return out;
    });
    await setGemmThreads(1);
    expect(getGemmThreads()).toBe(1);
    const single = run();
    await setGemmThreads(2);
    expect(getGemmThreads()).toBe(2);
    const split = run();
    split.forEach((out, i) => expect(firstDifference(out, single[i])).toBe(-1));
  });

  it('matches gemmNaive on a large split product', async () => {
    await setGemmThreads(2);
    checkAgainstNaive(gemmSimd, { m: 300, n: 200, k: 150, transA: true, transB: false, accumulate: true, seed: 31 });
  });
});
