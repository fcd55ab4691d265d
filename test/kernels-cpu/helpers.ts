import { expect } from 'vitest';
import fc from 'fast-check';
import type { FloatArray } from '../../kernels/shared/types';

export type DType = 'float32' | 'float64';
export const dtypes: readonly DType[] = ['float32', 'float64'];
export const dtypeArb = fc.constantFrom<DType>('float32', 'float64');

/** fast-check options shared by every property: a fixed seed so failures reproduce. */
export const runs = (numRuns: number) => ({ seed: 42, numRuns });

export function alloc(dtype: DType, n: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

/** Uniform values in [-1, 1) from a small seeded generator (mulberry32): cheap, and reproducible from fast-check's seed. */
export function random(dtype: DType, n: number, seed: number): FloatArray {
  const out = alloc(dtype, n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/** Fast vs reference: |a - e| <= tol * max(1, max|e|), tol 1e-5 for float32 and 1e-12 for float64. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, dtype: DType): void {
  expect(actual.length).toBe(expected.length);
  let scale = 1;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  const tol = (dtype === 'float32' ? 1e-5 : 1e-12) * scale;
  for (let i = 0; i < expected.length; i++) {
    if (!(Math.abs(actual[i] - expected[i]) <= tol) && !Object.is(actual[i], expected[i])) {
      expect.fail(`element ${i}: got ${actual[i]}, expected ${expected[i]} (tol ${tol})`);
    }
  }
}
