import type { Activation } from '../shared/op-names';
import type { FloatArray } from '../shared/types';

/**
 * The WebAssembly SIMD GEMM's arithmetic in plain JS, the twin its micro-kernels (the 4×8 one and the row-sparse
 * one, without FMA) must match bit for bit: C = op(A)·op(B) in float32, each element summed over k blocks of
 * `kc`, each block from +0 in k order (sum + a·b, each operation rounded to float32), the block's sum then added
 * to C (old + sum; the first block stored unless accumulate); with a bias, C = act(C + bias) at the end
 * (relu: v < 0 ? 0 : v). Float64 rounds each float32 sum and product correctly here: it has more than 2·24 + 2
 * bits, so rounding twice (to float64, then to float32) gives the float32 result.
 */
export function gemmBlockedF32(
  a: FloatArray, b: FloatArray, c: Float32Array, m: number, n: number, k: number, transA: boolean, transB: boolean,
  accumulate: boolean, kc: number, bias: FloatArray | null = null, act: Activation = 'linear',
): void {
  const f = Math.fround;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let out = accumulate ? c[i * n + j] : 0;
      for (let p0 = 0; p0 < k; p0 += kc) {
        let sum = 0;
        for (let p = p0; p < Math.min(k, p0 + kc); p++) sum = f(sum + f(f(transA ? a[p * m + i] : a[i * k + p]) * f(transB ? b[j * k + p] : b[p * n + j])));
        out = accumulate || p0 > 0 ? f(out + sum) : sum;
      }
      if (bias) {
        const t = f(out + bias[j]);
        out = act === 'relu' && t < 0 ? 0 : t;
      }
      c[i * n + j] = out;
    }
  }
}
