import type { KernelInput, KernelThis, Vec4 } from './kernel-this';

/**
 * Where packMatMulKernel finds an operand's values: x_i[row, p] (a row of op(a_i), or a column of op(b_i), p along
 * k) sits at i · rows · k + row · rowStride + p · depthStride; `quads` texels a row.
 */
export interface MatMulPackConstants {
  rows: number;
  k: number;
  rowStride: number;
  depthStride: number;
  quads: number;
}

/**
 * Texel (i · rows + row) · quads + q: x_i[row, 4q .. 4q+3], zero past k (batch-matmul.ts). One kernel for both
 * operands and both layouts of each: which operand and its transpose are in the strides.
 */
export function packMatMulKernel(this: KernelThis<MatMulPackConstants>, x: KernelInput): Vec4 {
  const t = this.thread.x;
  const y = Math.floor(t / this.constants.quads);
  const p = 4 * (t - y * this.constants.quads);
  const i = Math.floor(y / this.constants.rows);
  const row = y - i * this.constants.rows;
  const base = i * this.constants.rows * this.constants.k + row * this.constants.rowStride + p * this.constants.depthStride;
  const d = this.constants.depthStride;
  const k = this.constants.k;
  return [
    p < k ? x[base] : 0,
    p + 1 < k ? x[base + d] : 0,
    p + 2 < k ? x[base + 2 * d] : 0,
    p + 3 < k ? x[base + 3 * d] : 0,
  ];
}
