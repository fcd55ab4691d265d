import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastShapes } from '../../kernels/shared/broadcast';
import { cast as castJs } from '../../kernels/cpu/cast';
import { binary as binaryJs, clip as clipJs, unary as unaryJs } from '../../kernels/cpu/elementwise';
import { logSoftmax as logSoftmaxJs, softmax as softmaxJs } from '../../kernels/cpu/softmax';
import { reduce as reduceJs, sumToShape } from '../../kernels/cpu/reduce';
import { argReduce as argReduceJs } from '../../kernels/cpu/indexing';
import type { CpuKernels } from '../../kernels/cpu/kernel-set';
import { MIN_ELEMENTS } from '../../kernels/cpu/wasm/elementwise-simd';
import { returnsBool, type BinaryOp, type UnaryOp } from '../../kernels/shared/op-names';
import { asIs, ownKernels, placeIn, randomArray, type Place } from './simd-helpers';

/** randomArray with NaN, ±Infinity, a subnormal and a huge value sprinkled in, so their handling is compared too. */
function withSpecials(length: number, seed: number): Float32Array {
  const x = randomArray(length, seed);
  const specials = [NaN, Infinity, -Infinity, 1e-40, -3e38];
  for (let i = seed % 11; i < length; i += 11) x[i] = specials[i % specials.length];
  return x;
}

/** Equal bits, except that any NaN equals any NaN (engines may differ in a NaN's payload, never in NaN-ness). */
function expectSame(got: Float32Array, want: Float32Array): void {
  expect(got.length).toBe(want.length);
  const bg = new Uint32Array(got.buffer, got.byteOffset, got.length), bw = new Uint32Array(want.buffer, want.byteOffset, want.length);
  for (let i = 0; i < got.length; i++) {
    if (bg[i] !== bw[i] && !(Number.isNaN(got[i]) && Number.isNaN(want[i]))) expect({ i, got: got[i], want: want[i] }).toEqual({ i, got: want[i], want: want[i] });
  }
}

/**
 * Values on a coarse grid (so that equal pairs and ties occur) with ±0, NaN, ±Infinity and subnormals of both
 * signs sprinkled in: what comparisons must agree on.
 */
function comparable(length: number, seed: number): Float32Array {
  const x = randomArray(length, seed, 2);
  const specials = [NaN, Infinity, -Infinity, 1e-40, -1e-40, 0, -0, 1.5e-45];
  for (let i = seed % 5; i < length; i += 5) x[i] = specials[(i + seed) % specials.length];
  return x;
}

/** Equal bytes. */
function sameBytes(got: Uint8Array, want: Uint8Array): void {
  expect(got.length).toBe(want.length);
  const i = got.findIndex((v, j) => v !== want[j]);
  if (i >= 0) expect({ i, got: got[i] }).toEqual({ i, got: want[i] });
}

const size = (shape: readonly number[]): number => shape.reduce((n, d) => n * d, 1);
const compareOps: BinaryOp[] = ['greater', 'equal', 'less', 'lessEqual', 'greaterEqual', 'notEqual'];
const binaryOps: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'prelu', 'pow'];
const unaryOps: UnaryOp[] = ['relu', 'relu6', 'step', 'square', 'sigmoid', 'tanh', 'elu', 'neg', 'abs', 'sqrt', 'floor', 'ceil', 'round', 'exp'];
// Where round, relu6 and elu turn: halves either side of zero (−0.5 gives +0, −0.4 gives −0), 6 and just above it,
// elu's switch to its Taylor polynomial at −2^-6 and its exp's clamp.
const turns = [-0.5, 0.5, -0.4, 0.4, -1.5, 2.5, -2.5, 6, 6.000001, 7.5, -0.49999997, 8388607.5, -0.015625, -0.0156249991, -1e-7, -800];
// Channel counts around the 4-lane vectors and the 16-column chunks, and the resnet's own widths.
const channels = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(24, 33, 48));
// Batches from the smallest that reaches the SIMD kernels' minimum size (smaller calls run the JS kernel) up.
const nhwc = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), channels)
  .map(([extra, h, w, c]) => [Math.ceil(MIN_ELEMENTS / (h * w * c)) + extra, h, w, c]);
// Same-shape sizes either side of the minimum, a vector and a 4096-float row.
const flatSize = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: MIN_ELEMENTS - 2, max: MIN_ELEMENTS + 9 }), fc.constantFrom(1000, 4095, 4096, 4097, 8195, 12288 + 7));

/**
 * The [a, b] shape pairs of a case: same shape, per-channel either way round, rank-1 channels, a middle-axis broadcast
 * either way round (blocks of rows), one broadcast along an outer and an inner axis (the JS kernel's), a scalar, and
 * one float per row either way round (x − mean(x, -1, true)).
 */
function shapePairs(s: number[]): [number[], number[]][] {
  const c = s[3];
  const perRow = [s[0], s[1], s[2], 1];
  return [[s, s], [s, [1, 1, 1, c]], [[1, 1, 1, c], s], [s, [c]], [s, [s[0], 1, s[2], c]], [[s[0], 1, s[2], c], s], [s, [1, s[1], 1, c]], [s, [1]],
    [s, perRow], [perRow, s]];
}

function suite(name: string, kernels: () => CpuKernels, runs: number, place: Place = asIs): void {
  /** One binary call through the kernels and through the JS kernel, compared: bool bytes for a comparison, else float32 bits. */
  const binaryMatches = (op: BinaryOp, a: Float32Array, aShape: readonly number[], b: Float32Array, bShape: readonly number[]): void => {
    const n = size(broadcastShapes(aShape, bShape) ?? []);
    const Out = returnsBool(op) ? Uint8Array : Float32Array;
    const got = place(new Out(n).fill(9)), want = new Out(n);
    kernels().binary(op, place(a), aShape, place(b), bShape, got);
    binaryJs(op, a, aShape, b, bShape, want);
    if (got instanceof Uint8Array) sameBytes(got, want as Uint8Array);
    else expectSame(got, want as Float32Array);
  };

  describe(name, () => {
    it('binary matches the JS kernel on same-shape, per-channel and other broadcasts', () => {
      fc.assert(fc.property(nhwc, fc.constantFrom(...binaryOps), fc.nat(), (s, op, seed) => {
        for (const [aShape, bShape] of shapePairs(s)) {
          const a = withSpecials(size(aShape), seed), b = withSpecials(size(bShape), seed + 1);
          if (op === 'div') b[0] = 0;
          binaryMatches(op, a, aShape, b, bShape);
        }
      }), { seed: 1, numRuns: runs });
    });

    it('binary matches the JS kernel on flat same-shape operands, rows of 4096 and the last row included', () => {
      fc.assert(fc.property(flatSize, fc.constantFrom(...binaryOps), fc.nat(), (n, op, seed) => {
        binaryMatches(op, withSpecials(n, seed), [n], withSpecials(n, seed + 2), [n]);
      }), { seed: 2, numRuns: Math.ceil(runs / 2) });
    });

    it('binary matches the JS kernel with a one-element operand (a scalar) on either side, special values included', () => {
      const scalars = [NaN, Infinity, -Infinity, 0, -0, 1, 1e-40, -3e38, 0.3];
      const scalarShapes = [[], [1], [1, 1]];
      fc.assert(fc.property(flatSize, fc.constantFrom(...binaryOps), fc.constantFrom(...scalars), fc.constantFrom(...scalarShapes), fc.nat(), (n, op, v, sShape, seed) => {
        const x = withSpecials(n, seed);
        // Rank 1, and rank 2 with a row length that is not a multiple of 4 when n allows.
        const fullShapes = n % 7 === 0 && n > 0 ? [[n], [n / 7, 7]] : [[n]];
        for (const xShape of fullShapes) {
          for (const scalarFirst of [true, false]) {
            const [aShape, bShape] = scalarFirst ? [sShape, xShape] : [xShape, sShape];
            const [a, b] = scalarFirst ? [Float32Array.of(v), x] : [x, Float32Array.of(v)];
            binaryMatches(op, a, aShape, b, bShape);
          }
        }
      }), { seed: 5, numRuns: runs });
    });

    it('comparisons into bool match the JS kernel on same-shape, per-channel, scalar and other broadcasts (NaN, ±0, subnormals)', () => {
      fc.assert(fc.property(nhwc, fc.constantFrom(...compareOps), fc.nat(), (s, op, seed) => {
        for (const [aShape, bShape] of [...shapePairs(s), [[1], s]]) {
          binaryMatches(op, comparable(size(aShape), seed), aShape, comparable(size(bShape), seed + 1), bShape);
        }
      }), { seed: 6, numRuns: runs });
    });

    it('comparisons into bool match the JS kernel on flat operands (rows of 4096 and the last row) and against special scalars', () => {
      const scalars = [NaN, Infinity, -Infinity, 0, -0, 1e-40, 0.5];
      fc.assert(fc.property(flatSize, fc.constantFrom(...compareOps), fc.constantFrom(...scalars), fc.nat(), (n, op, v, seed) => {
        const a = comparable(n, seed), b = comparable(n, seed + 2);
        for (const [x, xShape, y, yShape] of [[a, [n], b, [n]], [a, [n], Float32Array.of(v), []], [Float32Array.of(v), [1], b, [n]]] as const) {
          binaryMatches(op, x, xShape, y, yShape);
        }
      }), { seed: 7, numRuns: runs });
    });

    it('casts of bool to float32 (any byte) and of float32 to bool (NaN true, −0 false) match the JS kernel', () => {
      fc.assert(fc.property(flatSize, fc.nat(), (n, seed) => {
        const x = Uint8Array.from(randomArray(n, seed), (v, i) => (i % 13 === 5 ? 255 : v > 0 ? 1 : 0));
        const got = place(new Float32Array(n).fill(9)), want = new Float32Array(n);
        kernels().cast(place(x), got);
        castJs(x, want);
        expectSame(got, want);
        const floats = comparable(n, seed);
        const gotBools = place(new Uint8Array(n).fill(9)), wantBools = new Uint8Array(n);
        kernels().cast(place(floats), gotBools);
        castJs(floats, wantBools);
        sameBytes(gotBools, wantBools);
      }), { seed: 8, numRuns: runs });
    });

    it('softmax and logSoftmax match the JS kernels bit for bit on rows of any length, special values included', () => {
      const shape = fc.tuple(fc.integer({ min: 1, max: 24 }), fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(257, 1000)));
      fc.assert(fc.property(shape, fc.nat(), fc.constantFrom(1, 30), fc.boolean(), ([rows, cols], seed, scale, log) => {
        const x = withSpecials(rows * cols, seed).map((v) => v * scale);
        const got = place(new Float32Array(rows * cols).fill(9)), want = new Float32Array(rows * cols);
        (log ? kernels().logSoftmax : kernels().softmax)(place(x), rows, cols, got);
        (log ? logSoftmaxJs : softmaxJs)(x, rows, cols, want);
        expectSame(got, want);
      }), { seed: 5, numRuns: runs });
    });

    it('unary matches the JS kernel (relu and relu6 keep -0, step passes NaN, round takes the zeros TF.js gives)', () => {
      fc.assert(fc.property(flatSize, fc.constantFrom(...unaryOps), fc.nat(), (n, op, seed) => {
        const x = withSpecials(n, seed);
        for (let i = seed % 3, t = seed; i < n; i += 3, t++) x[i] = turns[t % turns.length];
        const got = place(new Float32Array(n).fill(9)), want = new Float32Array(n);
        kernels().unary(op, place(x), got);
        unaryJs(op, x, want);
        expectSame(got, want);
      }), { seed: 3, numRuns: runs });
    });

    it('clip matches the JS kernel for any bounds (float64 ones between float32s, ±0, infinite, equal), NaN and ±0 kept', () => {
      const bounds = [-1, -0.5, -0.1, -0, 0, 0.1, 1 / 3, 0.5, 1, -Infinity, Infinity, 1e39, -1e-45];
      fc.assert(fc.property(flatSize, fc.constantFrom(...bounds), fc.constantFrom(...bounds), fc.nat(), (n, p, q, seed) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const x = comparable(n, seed);
        // Values on either side of the bounds as float32 rounds them, and the bounds themselves.
        for (let i = seed % 4; i < n; i += 4) x[i] = Math.fround([lo, hi][i % 2]) * (i % 8 < 4 ? 1 : 1 + 2 ** -23);
        const got = place(new Float32Array(n).fill(9)), want = new Float32Array(n);
        kernels().clip(place(x), lo, hi, got);
        clipJs(x, lo, hi, want);
        expectSame(got, want);
      }), { seed: 6, numRuns: runs });
    });

    it('argMax and argMin along the last axis match the JS kernel (ties, ±0, NaN first or later, rows of any length)', () => {
      const dims = fc.tuple(fc.integer({ min: 1, max: 70 }), fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(31, 64, 257)));
      fc.assert(fc.property(dims, fc.nat(), fc.boolean(), ([rows, cols], seed, max) => {
        const x = comparable(rows * cols, seed);
        // Now and then a row led by NaN (index 0 wins), and one of equal values.
        if (seed % 3 === 0) x[0] = NaN;
        if (seed % 5 === 0) x.fill(-0, 0, cols).fill(0, cols >> 1, cols);
        const got = new Int32Array(rows).fill(-9), want = new Int32Array(rows);
        kernels().argReduce(max, place(x), rows, cols, 1, got);
        argReduceJs(max, x, rows, cols, 1, want);
        expect(Array.from(got)).toEqual(Array.from(want));
      }), { seed: 8, numRuns: runs });
    });

    it('sums and maxima over the axes before the last, and sums, maxima and minima along it, match the JS kernel bit for bit, as does sumToShape; other reductions fall back', () => {
      fc.assert(fc.property(nhwc, fc.nat(), (s, seed) => {
        const x = randomArray(size(s), seed);
        x[seed % x.length] = seed % 3 ? 3e7 : -0; // a large value makes float64 and float32 accumulation differ
        // A NaN now and then (a maximum it reaches is NaN) and a column of zeros of both signs (+0 beats −0).
        if (seed % 4 === 1) x[(seed * 7) % x.length] = NaN;
        // Now and then no value above zero, so that a maximum is a zero and must be +0 where the row has one.
        if (seed % 4 === 2) x.forEach((v, i) => { if (v > 0) x[i] = -v; });
        for (let i = s[3] - 1; i < x.length; i += s[3]) x[i] = i % 2 ? -0 : 0;
        const reductions = [['sum', [0, 1, 2]], ['sum', [0, 1]], ['sum', [1, 2]], ['sum', [2]], ['max', [0, 1, 2]], ['max', [1]], ['max', [1, 2]], ['min', [1]],
          ['sum', [0, 1, 2, 3]], ['sum', [0, 3]], ['sum', [3]], ['max', [3]], ['min', [3]], ['max', [0, 1, 2, 3]], ['min', [2, 3]], ['sum', [1, 2, 3]]] as const;
        for (const [op, axes] of reductions) {
          const outSize = size(s.filter((_, i) => !(axes as readonly number[]).includes(i)));
          const got = place(new Float32Array(outSize).fill(9)), want = new Float32Array(outSize);
          kernels().reduce(op, place(x), s, axes, got);
          reduceJs(op, x, s, axes, want);
          expectSame(got, want);
        }
        for (const target of [[s[3]], [1, 1, s[2], s[3]], [s[1], 1, 1]]) {
          const got = place(new Float32Array(size(target)).fill(9)), want = new Float32Array(size(target));
          sumToShape(place(x), s, target, got, kernels().reduce);
          sumToShape(x, s, target, want);
          expectSame(got, want);
        }
      }), { seed: 4, numRuns: runs });
    });
  });
}

const [one, oneKernels] = ownKernels(1);
suite('SIMD elementwise kernels, one thread', () => oneKernels, 120);
suite('SIMD elementwise kernels, one thread, operands resident', () => oneKernels, 60, placeIn(one, 'resident'));
suite('SIMD elementwise kernels, one thread, operands mixed', () => oneKernels, 60, placeIn(one, 'mixed'));

// Splitting every call, however small, exercises the chunked paths; results must equal the JS kernels' (so one thread's).
const [two, twoKernels] = ownKernels(2, { splitAll: true });
describe('SIMD elementwise kernels, two threads', () => {
  beforeAll(() => two.setThreads(2));
  afterAll(() => two.terminate());

  it('give bit-identical results to one thread on the residual CNN\'s batch-norm shapes', () => {
    for (const s of [[32, 14, 14, 24], [32, 7, 7, 48]]) {
      const c = s[3];
      const x = randomArray(size(s), 1), y = randomArray(size(s), 2), bias = randomArray(c, 3);
      const outputs = [oneKernels, twoKernels].map((k) => {
        const [sum, centred, scaled, relu, step] = [c, x.length, x.length, x.length, x.length].map((n) => new Float32Array(n));
        k.reduce('sum', x, s, [0, 1, 2], sum);
        k.binary('sub', x, s, sum, [1, 1, 1, c], centred);
        k.binary('mul', centred, s, y, s, scaled);
        k.binary('add', bias, [c], scaled, s, scaled);
        k.unary('relu', scaled, relu);
        k.unary('step', scaled, step);
        return [sum, centred, scaled, relu, step];
      });
      outputs[0].forEach((out, i) => expectSame(outputs[1][i], out));
    }
  });
});
suite('SIMD elementwise kernels, two threads, every call split', () => twoKernels, 40);
suite('SIMD elementwise kernels, two threads, every call split, operands resident', () => twoKernels, 30, placeIn(two, 'resident'));

describe('SIMD elementwise kernels on other dtypes', () => {
  it('run the JS kernels for float64 and int32', () => {
    const a = Float64Array.of(0.1, 0.2, 0.3, 0.4), b = Float64Array.of(1e-17, 1, 2, 3);
    const out = new Float64Array(4), want = new Float64Array(4);
    oneKernels.binary('add', a, [4], b, [4], out);
    binaryJs('add', a, [4], b, [4], want);
    expect(Array.from(out)).toEqual(Array.from(want));
    expect(out[0]).toBe(0.1 + 1e-17); // not rounded to float32
    const sum = new Float64Array(2);
    oneKernels.reduce('sum', Float64Array.of(1, 1e-17, 1, 1e-17), [2, 2], [0], sum);
    expect(Array.from(sum)).toEqual([2, 2e-17]);
    const sq = new Float64Array(1);
    oneKernels.unary('square', Float64Array.of(0.1), sq);
    expect(sq[0]).toBe(0.1 * 0.1);
    const ints = new Int32Array(3);
    oneKernels.binary('div', Int32Array.of(7, -7, 9), [3], Int32Array.of(2, 2, 4), [3], ints);
    expect(Array.from(ints)).toEqual([3, -3, 2]);
  });
});
