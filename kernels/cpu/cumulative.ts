import type { TypedArray } from '../shared/types';

/**
 * Running sums (or products) along one axis of x viewed as [outer, n, inner] (n = the axis length):
 * out[o, k, i] sums x[o, j, i] over j ≤ k (j < k when exclusive; j ≥ k, or j > k, when reverse). Each result is the
 * previous one as stored in out combined with one x, as TF.js's kernels do: a float32 result is rounded at every
 * step, and a product keeps the running order's zeros and infinities (0 · 1e30 · 1e30 stays 0).
 */
export function cumulative(
  x: TypedArray, outer: number, n: number, inner: number, exclusive: boolean, reverse: boolean, product: boolean, out: TypedArray,
): void {
  const identity = product ? 1 : 0;
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let i = 0; i < inner; i++) {
      let prev = -1;
      for (let s = 0; s < n; s++) {
        const at = base + (reverse ? n - 1 - s : s) * inner + i;
        const next = exclusive ? (prev < 0 ? identity : x[prev]) : x[at];
        out[at] = prev < 0 ? next : product ? out[prev] * next : out[prev] + next;
        prev = at;
      }
    }
  }
}
