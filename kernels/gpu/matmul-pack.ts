import type { BatchMatMulPlan } from './batch-matmul';
import type { KernelInput, KernelThis, Vec4 } from './kernel-this';

/**
 * Texel (i · m + row) · quads + q of packed A: op(a_i)[row, 4q .. 4q+3], zero past k (batch-matmul.ts). One
 * kernel for both layouts of a: the transpose is in aRow and aDepth.
 */
export function packMatMulAKernel(this: KernelThis<BatchMatMulPlan>, a: KernelInput): Vec4 {
  const t = this.thread.x;
  const y = Math.floor(t / this.constants.quads);
  const p = 4 * (t - y * this.constants.quads);
  const i = Math.floor(y / this.constants.m);
  const row = y - i * this.constants.m;
  const base = i * this.constants.m * this.constants.k + row * this.constants.aRow + p * this.constants.aDepth;
  const d = this.constants.aDepth;
  const k = this.constants.k;
  return [
    p < k ? a[base] : 0,
    p + 1 < k ? a[base + d] : 0,
    p + 2 < k ? a[base + 2 * d] : 0,
    p + 3 < k ? a[base + 3 * d] : 0,
  ];
}

/** Texel (i · depth + p) · n4 + c of packed B: op(b_i)[p, 4c .. 4c+3], zero past k and past n. */
export function packMatMulBKernel(this: KernelThis<BatchMatMulPlan>, b: KernelInput): Vec4 {
  const t = this.thread.x;
  const y = Math.floor(t / this.constants.n4);
  const col = 4 * (t - y * this.constants.n4);
  const i = Math.floor(y / this.constants.depth);
  const p = y - i * this.constants.depth;
  const base = i * this.constants.k * this.constants.n + p * this.constants.bDepth + col * this.constants.bCol;
  const c = this.constants.bCol;
  const n = p < this.constants.k ? this.constants.n : 0;
  return [
    col < n ? b[base] : 0,
    col + 1 < n ? b[base + c] : 0,
    col + 2 < n ? b[base + 2 * c] : 0,
    col + 3 < n ? b[base + 3 * c] : 0,
  ];
}
