import type { TypedArray } from '../shared/types';

/**
 * Running sums along one axis of x viewed as [outer, n, inner] (n = the axis length): out[o, k, i] sums x[o, j, i]
 * over j ≤ k (j < k when exclusive; j ≥ k, or j > k, when reverse). Each sum is the previous one as stored in out
 * plus one x, as TF.js's kernel adds them: a float32 result is rounded at every step.
 */
export function cumsum(x: TypedArray, outer: number, n: number, inner: number, exclusive: boolean, reverse: boolean, out: TypedArray): void {
  const stride = inner;
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let i = 0; i < inner; i++) {
      let prev = -1;
      for (let s = 0; s < n; s++) {
        const at = base + (reverse ? n - 1 - s : s) * stride + i;
        out[at] = prev < 0 ? (exclusive ? 0 : x[at]) : out[prev] + (exclusive ? x[prev] : x[at]);
        prev = at;
      }
    }
  }
}
