import { loopParts } from './loop-parts';
import type { MatMulPackConstants } from './matmul-pack';
import type { KernelThis, PackedInput, Vec4 } from './kernel-this';

/**
 * How max(aBatch, bBatch) products op(a_i)[m,k] · op(b_i)[k,n] run as vec4 work. Scalar texture fetches cost the
 * most on software rasterizers (SwiftShader, llvmpipe), and a scalar product fetches twice per multiply-add, so:
 * - pack (matmul-pack.ts) each row of op(a_i), and each column of op(b_i), as `quads` texels of 4 consecutive k;
 * - each thread of the product sums a 2×2 block of outputs (rows 2r, 2r+1 by columns 2c, 2c+1): 4 texel reads per
 *   16 multiply-adds, where 4 adjacent outputs of one row take 5 (one A texel, 4 B texels of 4 columns);
 * - unpack (batchMatMulUnpackKernel) lays the blocks out as the flat [batch, m, n] texture every other kernel reads,
 *   summing the parts a long k was split into (loop-parts.ts).
 * Transposes are folded into the packing strides, and k is zero-padded to a multiple of 4, so one product kernel
 * covers every transpose pair and size. An odd m or n gives its last block a row or column read twice (the last
 * one again, never past the operand), and unpack drops it.
 */
export interface BatchMatMulPlan {
  m: number;
  n: number;
  /** Blocks per product down m and across n: ceil(m / 2), ceil(n / 2). */
  m2: number;
  n2: number;
  /** Texels of 4 k values per packed row or column: parts · span, k zero-padded to 4 · quads. */
  quads: number;
  /** Packed A rows (m) and packed B columns (n) between products; 0 for an operand every product shares. */
  aStride: number;
  bStride: number;
  /** Block rows of all products (batch · m2), and the texels each loop part writes (blockRows · n2). */
  blockRows: number;
  partTexels: number;
  /** Texels of k each part's thread sums, and the parts. */
  span: number;
  parts: number;
}

export function batchMatMulPlan(aBatch: number, bBatch: number, m: number, n: number, k: number): BatchMatMulPlan {
  const { parts } = loopParts(Math.ceil(k / 4));
  // Parts of equal span, so the padding past k stays under one texel per part.
  const span = Math.ceil(Math.ceil(k / 4) / parts);
  const m2 = Math.ceil(m / 2);
  const n2 = Math.ceil(n / 2);
  const blockRows = Math.max(aBatch, bBatch) * m2;
  return {
    m, n, m2, n2, quads: parts * span,
    aStride: aBatch === 1 ? 0 : m, bStride: bBatch === 1 ? 0 : n,
    blockRows, partTexels: blockRows * n2, span, parts,
  };
}

/** The packings of op(a_i) by rows and of op(b_i) by columns (matmul-pack.ts) that the plan's product reads. */
export function batchMatMulPackings(
  plan: BatchMatMulPlan, k: number, transposeA: boolean, transposeB: boolean,
): { a: MatMulPackConstants; b: MatMulPackConstants } {
  const { m, n, quads } = plan;
  return {
    a: { rows: m, k, rowStride: transposeA ? 1 : k, depthStride: transposeA ? m : 1, quads },
    b: { rows: n, k, rowStride: transposeB ? k : 1, depthStride: transposeB ? 1 : n, quads },
  };
}

/**
 * Texel (part · blockRows + i · m2 + r) · n2 + c holds part's sums of out_i[2r + dr, 2c + dc] in lane 2·dr + dc:
 * packed A rows i·aStride + 2r (+1) against packed B columns i·bStride + 2c (+1), texels from part · span on.
 */
export function batchMatMulKernel(this: KernelThis<BatchMatMulPlan>, a: PackedInput, b: PackedInput): Vec4 {
  const t = this.thread.x;
  const y = Math.floor(t / this.constants.n2);
  const c = t - y * this.constants.n2;
  const part = Math.floor(y / this.constants.blockRows);
  const r = y - part * this.constants.blockRows;
  const i = Math.floor(r / this.constants.m2);
  const row = 2 * (r - i * this.constants.m2);
  const col = 2 * c;
  const first = part * this.constants.span;
  const quads = this.constants.quads;
  const a0 = (i * this.constants.aStride + row) * quads + first;
  const a1 = (i * this.constants.aStride + Math.min(row + 1, this.constants.m - 1)) * quads + first;
  const b0 = (i * this.constants.bStride + col) * quads + first;
  const b1 = (i * this.constants.bStride + Math.min(col + 1, this.constants.n - 1)) * quads + first;
  let s00 = 0;
  let s01 = 0;
  let s10 = 0;
  let s11 = 0;
  for (let q = 0; q < this.constants.span; q++) {
    const x0 = a[a0 + q];
    const x1 = a[a1 + q];
    const y0 = b[b0 + q];
    const y1 = b[b1 + q];
    s00 += x0[0] * y0[0] + x0[1] * y0[1] + x0[2] * y0[2] + x0[3] * y0[3];
    s01 += x0[0] * y1[0] + x0[1] * y1[1] + x0[2] * y1[2] + x0[3] * y1[3];
    s10 += x1[0] * y0[0] + x1[1] * y0[1] + x1[2] * y0[2] + x1[3] * y0[3];
    s11 += x1[0] * y1[0] + x1[1] * y1[1] + x1[2] * y1[2] + x1[3] * y1[3];
  }
  return [s00, s01, s10, s11];
}

/** out_i[row, col] of the flat [batch, m, n] result: its lane of its block, summed over the loop parts. */
export function batchMatMulUnpackKernel(this: KernelThis<BatchMatMulPlan>, blocks: PackedInput): number {
  const t = this.thread.x;
  const y = Math.floor(t / this.constants.n);
  const col = t - y * this.constants.n;
  const i = Math.floor(y / this.constants.m);
  const row = y - i * this.constants.m;
  // +0.5: floor stays exact where the GPU divides approximately.
  const r = Math.floor((row + 0.5) / 2);
  const c = Math.floor((col + 0.5) / 2);
  const lane = 2 * (row - 2 * r) + col - 2 * c;
  const at = (i * this.constants.m2 + r) * this.constants.n2 + c;
  let sum = 0;
  for (let p = 0; p < this.constants.parts; p++) {
    const v = blocks[p * this.constants.partTexels + at];
    sum += lane === 0 ? v[0] : (lane === 1 ? v[1] : (lane === 2 ? v[2] : v[3]));
  }
  return sum;
}
