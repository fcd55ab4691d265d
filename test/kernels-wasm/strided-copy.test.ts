import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concat, gatherStrided, scatterStrided } from '../../kernels/cpu/strided';
import { rowMajorStrides } from '../../kernels/shared/strided';
import type { CpuKernels } from '../../kernels/cpu/kernel-set';
import type { WasmRuntime } from '../../kernels/cpu/wasm/runtime';
import { asIs, ownKernels, placeIn, type Place } from './simd-helpers';

// The SIMD set's copyStrided (copy_rows: one memory.copy a contiguous run, for arrays in its memory) against a
// naive loop over every coordinate that moves bits as integers, so NaN payloads must survive too.

const size = (shape: readonly number[]): number => shape.reduce((n, d) => n * d, 1);

/** dst[dstOffset + Σ c·dstStrides] = src[srcOffset + Σ c·srcStrides], on the arrays' bits. */
function naiveCopy(src: Float32Array | Int32Array, srcOffset: number, srcStrides: number[], dst: Float32Array | Int32Array, dstOffset: number, dstStrides: number[], shape: number[]): void {
  const s32 = new Int32Array(src.buffer, src.byteOffset, src.length), d32 = new Int32Array(dst.buffer, dst.byteOffset, dst.length);
  const c = shape.map(() => 0);
  for (let i = 0; i < size(shape); i++) {
    d32[c.reduce((o, ck, k) => o + ck * dstStrides[k], dstOffset)] = s32[c.reduce((o, ck, k) => o + ck * srcStrides[k], srcOffset)];
    for (let k = shape.length - 1; k >= 0 && ++c[k] === shape[k]; k--) c[k] = 0;
  }
}

/** Distinct values, with quiet NaNs of different payloads among them (as bits: the same for both array types). */
function ramp(Type: Float32ArrayConstructor | Int32ArrayConstructor, n: number): Float32Array | Int32Array {
  const x = new Type(n);
  const bits = new Int32Array(x.buffer);
  for (let i = 0; i < n; i++) bits[i] = i % 5 === 4 ? 0x7fc00000 + i : 0x3f800000 + i;
  return x;
}

const bitsOf = (x: Float32Array | Int32Array): number[] => Array.from(new Int32Array(x.buffer, x.byteOffset, x.length));

// Ranks up to 4, each axis 1 to 5 long, and inner runs around the 4-byte vector and longer (the LSTM's 128).
const shapeArb = fc.tuple(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 3 }), fc.constantFrom(1, 2, 3, 5, 8, 33, 128))
  .map(([outer, inner]) => [...outer, inner]);

function suite(name: string, runtime: WasmRuntime, kernels: CpuKernels): void {
  const places: [string, Place][] = [['both resident', placeIn(runtime, 'resident')], ['one resident', placeIn(runtime, 'mixed')], ['neither resident', asIs]];

  describe(name, () => {
    it('copies as the naive loop for strides of any sign, zero included, on either side, float32 and int32', () => {
      for (const [where, place] of places) {
        fc.assert(fc.property(shapeArb, fc.nat(), fc.boolean(), fc.boolean(), (shape, seed, int, gather) => {
          const Type = int ? Int32Array : Float32Array;
          // One side walks strides in {-2, -1, 0, 1, 2}·(a base that keeps axes apart) (the innermost mostly 1, so
          // that runs are contiguous); the other is contiguous, or the reverse for the scattering direction.
          const strided = shape.map((_, k) => {
            const pick = ((seed >> (3 * k)) % 5) - 2;
            return k === shape.length - 1 ? (seed % 4 ? 1 : pick) : pick * size(shape.slice(k + 1)) * 2;
          });
          const lowest = shape.reduce((o, d, k) => o + Math.min(0, (d - 1) * strided[k]), 0);
          const highest = shape.reduce((o, d, k) => o + Math.max(0, (d - 1) * strided[k]), 0);
          const offset = -lowest + (seed % 3);
          const contiguous = rowMajorStrides(shape);
          const wide = offset + highest + 1 + (seed % 2), narrow = size(shape);
          const [srcLength, dstLength, srcOffset, dstOffset, srcStrides, dstStrides] = gather
            ? [wide, narrow, offset, 0, strided, contiguous] : [narrow, wide, 0, offset, contiguous, strided];
          const src = place(ramp(Type, srcLength)), dst = place(new Type(dstLength).fill(-1));
          const want = new Type(dstLength).fill(-1);
          kernels.copyStrided(src, srcOffset, srcStrides, dst, dstOffset, dstStrides, shape);
          naiveCopy(src, srcOffset, srcStrides, want, dstOffset, dstStrides, shape);
          expect({ where, bits: bitsOf(dst) }).toEqual({ where, bits: bitsOf(want) });
        }), { seed: 6, numRuns: 150 });
      }
    });

    it('permutes axes (transposes of the last two in 4×4 tiles and edges) as the naive loop, float32 and int32', () => {
      // Shapes whose last two axes run past a 64-column block and off the 4×4 tiles, and axes of 1.
      const dimArb = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constantFrom(63, 64, 65, 130));
      const permuted = fc.array(dimArb, { minLength: 2, maxLength: 4 }).filter((s) => size(s) <= 40_000)
        .chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.map((_, k) => k), { minLength: s.length, maxLength: s.length })));
      for (const [where, place] of places) {
        fc.assert(fc.property(permuted, fc.boolean(), ([shape, perm], int) => {
          const Type = int ? Int32Array : Float32Array;
          const strides = rowMajorStrides(shape);
          const outShape = perm.map((k) => shape[k]), srcStrides = perm.map((k) => strides[k]);
          const src = place(ramp(Type, size(shape))), dst = place(new Type(size(shape)).fill(-1));
          const want = new Type(size(shape)).fill(-1);
          gatherStrided(src, 0, srcStrides, dst, outShape, kernels.copyStrided);
          naiveCopy(src, 0, srcStrides, want, 0, rowMajorStrides(outShape), outShape);
          expect({ where, bits: bitsOf(dst) }).toEqual({ where, bits: bitsOf(want) });
        }), { seed: 7, numRuns: 60 });
      }
    });

    it('splits, joins, pads and repeats rows as worked out by hand', () => {
      const place = placeIn(runtime, 'resident');
      // x = [[0..5], [6..11]]: its columns 2..3 (split's piece), then x reversed along both axes.
      const x = place(Float32Array.from({ length: 12 }, (_, i) => i));
      const piece = place(new Float32Array(4));
      gatherStrided(x, 2, [6, 1], piece, [2, 2], kernels.copyStrided);
      expect(Array.from(piece)).toEqual([2, 3, 8, 9]);
      const reversed = place(new Float32Array(12));
      gatherStrided(x, 11, [-6, -1], reversed, [2, 6], kernels.copyStrided);
      expect(Array.from(reversed)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
      // Each row of x repeated twice (a stride-0 axis between the rows and their elements).
      const repeated = place(new Float32Array(24));
      gatherStrided(x, 0, [6, 0, 1], repeated, [2, 2, 6], kernels.copyStrided);
      expect(Array.from(repeated)).toEqual([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 6, 7, 8, 9, 10, 11]);
      // concat of [2, 1] and [2, 2] along axis 1 (the gradient of split).
      const joined = place(new Float32Array(6));
      concat([place(Float32Array.of(1, 4)), place(Float32Array.of(2, 3, 5, 6))], [[2, 1], [2, 2]], 1, joined, [2, 3], kernels.copyStrided);
      expect(Array.from(joined)).toEqual([1, 2, 3, 4, 5, 6]);
      // piece put back at columns 1..2 of a [2, 4] of sevens (slice's gradient, pad).
      const padded = place(new Float32Array(8));
      scatterStrided(piece, [2, 2], padded, [2, 4], [0, 1], [1, 1], 7, kernels.copyStrided);
      expect(Array.from(padded)).toEqual([7, 2, 3, 7, 7, 8, 9, 7]);
    });
  });
}

const [shared, sharedKernels] = ownKernels(1);
suite('SIMD copyStrided, shared memory', shared, sharedKernels);
const [fixed, fixedKernels] = ownKernels(1, { memory: 'fixed' });
suite('SIMD copyStrided, fixed (unshared) memory', fixed, fixedKernels);
// Every call split across two threads, however small (the transposes' rows shared out).
const [two, twoKernels] = ownKernels(2, { splitAll: true });
describe('on two threads', () => {
  beforeAll(() => two.setThreads(2));
  afterAll(() => two.terminate());
  suite('SIMD copyStrided, two threads', two, twoKernels);
});
