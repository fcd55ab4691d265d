/**
 * C[m×n] = op(A)·op(B) (or C += … when accumulate) for float32 matrices too small to pay for a call into the SIMD
 * gemm (its operand copies, packing and dispatch cost microseconds): a plain loop that rounds to float32 after each
 * multiply and each add, in k order, then adds the sum to C when accumulating, as the SIMD micro-kernel does within
 * one k-block, so the bits are the same for k up to its block length. The matrices start at aAt, bAt and cAt (a
 * batch's products read in place).
 */
export function gemmTinyFloat32(
  a: Float32Array, b: Float32Array, c: Float32Array,
  m: number, n: number, k: number,
  transA: boolean, transB: boolean, accumulate: boolean,
  aAt = 0, bAt = 0, cAt = 0,
): void {
  const aRow = transA ? 1 : k, aCol = transA ? m : 1;
  const bRow = transB ? 1 : n, bCol = transB ? k : 1;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum = Math.fround(sum + Math.fround(a[aAt + i * aRow + p * aCol] * b[bAt + p * bRow + j * bCol]));
      const at = cAt + i * n + j;
      c[at] = accumulate ? Math.fround(c[at] + sum) : sum;
    }
  }
}
