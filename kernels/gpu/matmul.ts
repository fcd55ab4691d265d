import type { KernelInput, KernelThis } from './kernel-this';

/**
 * Shapes of op(a)[m,k] · op(b)[k,n] and how each operand is walked: a transposed operand is the
 * same kernel with its strides swapped, so one function covers all four transpose cases.
 */
export interface MatMulConstants {
  m: number;
  n: number;
  k: number;
  /** a[row, p] sits at row * aRow + p * aDepth. */
  aRow: number;
  aDepth: number;
  /** b[p, col] sits at p * bDepth + col * bCol. */
  bDepth: number;
  bCol: number;
}

export function matMulConstants(m: number, n: number, k: number, transposeA: boolean, transposeB: boolean): MatMulConstants {
  return {
    m, n, k,
    aRow: transposeA ? 1 : k, aDepth: transposeA ? m : 1,
    bDepth: transposeB ? 1 : n, bCol: transposeB ? k : 1,
  };
}

/** out[row * n + col] = Σ_p a[row, p] · b[p, col]. */
export function matMulKernel(this: KernelThis<MatMulConstants>, a: KernelInput, b: KernelInput): number {
  const i = this.thread.x;
  const row = Math.floor(i / this.constants.n);
  const col = i - row * this.constants.n;
  let sum = 0;
  for (let p = 0; p < this.constants.k; p++) {
    sum += a[row * this.constants.aRow + p * this.constants.aDepth] * b[p * this.constants.bDepth + col * this.constants.bCol];
  }
  return sum;
}
