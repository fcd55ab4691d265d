import type { TypedArray } from '../shared/types';

/**
 * Running sums along one axis of x viewed as [outer, n, inner] (n = the axis length): out[o, k, i] sums x[o, j, i]
 * over j ≤ k (j < k when exclusive; j ≥ k, or j > k, when reverse), accumulated in float64 as tf.cumsum.
 */
export function cumsum(x: TypedArray, outer: number, n: number, inner: number, exclusive: boolean, reverse: boolean, out: TypedArray): void {
  const stride = inner;
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let i = 0; i < inner; i++) {
      let acc = 0;
      for (let s = 0; s < n; s++) {
        const k = reverse ? n - 1 - s : s;
        const at = base + k * stride + i;
        if (exclusive) { out[at] = acc; acc += x[at]; }
        else { acc += x[at]; out[at] = acc; }
      }
    }
  }
}
