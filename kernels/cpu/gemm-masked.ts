import type { FloatArray } from '../shared/types';

/** gemmMasked's signature, so a cpu kernel set can take a faster one. */
export type GemmMaskedFn = typeof gemmMasked;

/**
 * Dot products one entry at a time run at about half a blocked GEMM's rate per product (no register tile to share
 * A's loads), and the GEMM skips A's zeros, which these do not: a mask with more than this share of nonzeros is
 * declined (bench/dense-gemm.ts: the masked product 16% faster at 33% nonzero, 39% at 24%).
 */
export const MASKED_DENSITY = 0.5;

/** Whether gemmMasked takes this mask: at most MASKED_DENSITY of its `length` values not ±0. */
export function maskTaken(nonzero: number, length: number): boolean {
  return nonzero <= length * MASKED_DENSITY;
}

const keep = (x: number): number => x;

/**
 * C[i, j] = A[i, :] · B[j, :] where mask[i, j] is not ±0, else 0: A [m, k], B [n, k], mask and C [m, n], row-major;
 * false, writing nothing, for a mask mostly nonzero (maskTaken), where the caller's dense product is faster.
 * A product's input gradient where only the nonzero entries of the product's input are read back (the gradient
 * of a relu's output), with the work of the zero entries skipped. Each dot product is summed in the SIMD
 * kernel's order (kernels/cpu/wasm/gemm-masked-module.ts): four partial sums over k = 4t + l, then (0 + 2) + (1 + 3),
 * then the k % 4 remainder; rounded to float32 after every operation when C is a Float32Array, so that the two
 * agree bit for bit.
 */
export function gemmMasked(a: FloatArray, b: FloatArray, mask: FloatArray, c: FloatArray, m: number, n: number, k: number): boolean {
  let nonzero = 0;
  for (let i = 0; i < m * n; i++) if (mask[i] !== 0) nonzero++;
  if (!maskTaken(nonzero, m * n)) return false;
  const r = c instanceof Float32Array ? Math.fround : keep;
  const k4 = k & ~3;
  const lanes = new Float64Array(4);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (mask[i * n + j] === 0) {
        c[i * n + j] = 0;
        continue;
      }
      const [ai, bj] = [i * k, j * k];
      lanes.fill(0);
      for (let p = 0; p < k4; p++) lanes[p & 3] = r(lanes[p & 3] + r(a[ai + p] * b[bj + p]));
      let sum = r(r(lanes[0] + lanes[2]) + r(lanes[1] + lanes[3]));
      for (let p = k4; p < k; p++) sum = r(sum + r(a[ai + p] * b[bj + p]));
      c[i * n + j] = sum;
    }
  }
  return true;
}
