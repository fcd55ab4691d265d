import { matMulConstants, type MatMulConstants } from './matmul';
import type { KernelInput, KernelThis } from './kernel-this';

/** matMul's constants plus where each product's matrices start: 0 for an operand whose one matrix every product shares. */
export interface BatchMatMulConstants extends MatMulConstants {
  aStride: number;
  bStride: number;
}

export function batchMatMulConstants(
  aBatch: number, bBatch: number, m: number, n: number, k: number, transposeA: boolean, transposeB: boolean,
): BatchMatMulConstants {
  return { ...matMulConstants(m, n, k, transposeA, transposeB), aStride: aBatch === 1 ? 0 : m * k, bStride: bBatch === 1 ? 0 : k * n };
}

/** out[(i * m + row) * n + col] = Σ_p a_i[row, p] · b_i[p, col]. */
export function batchMatMulKernel(this: KernelThis<BatchMatMulConstants>, a: KernelInput, b: KernelInput): number {
  const t = this.thread.x;
  const product = this.constants.m * this.constants.n;
  const i = Math.floor(t / product);
  const within = t - i * product;
  const row = Math.floor(within / this.constants.n);
  const col = within - row * this.constants.n;
  const aBase = i * this.constants.aStride + row * this.constants.aRow;
  const bBase = i * this.constants.bStride + col * this.constants.bCol;
  let sum = 0;
  for (let p = 0; p < this.constants.k; p++) {
    sum += a[aBase + p * this.constants.aDepth] * b[bBase + p * this.constants.bDepth];
  }
  return sum;
}
