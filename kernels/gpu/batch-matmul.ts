import { loopParts } from './loop-parts';
import type { KernelThis, PackedInput, Vec4 } from './kernel-this';

/**
 * How max(aBatch, bBatch) products op(a_i)[m,k] · op(b_i)[k,n] run as vec4 work. Scalar texture fetches cost the
 * most on software rasterizers (SwiftShader, llvmpipe), and a scalar product fetches twice per multiply-add, so:
 * - pack A (matmul-pack.ts): each row of op(a_i) as `quads` texels of 4 consecutive k values;
 * - pack B: op(b_i) as `depth` rows of `n4` texels of 4 consecutive columns;
 * - each thread of the product sums 4 adjacent outputs, one A texel and 4 B texels per 16 multiply-adds;
 * - unpack lays the vec4 outputs out as the flat [batch, m, n] texture every other kernel reads, summing the
 *   parts a long k was split into (loop-parts.ts).
 * Transposes are folded into the packing strides, and k and n are zero-padded to multiples of 4, so one product
 * kernel covers every transpose pair and size.
 */
export interface BatchMatMulPlan {
  m: number;
  n: number;
  k: number;
  /** a_i[row, p] sits at i * m * k + row * aRow + p * aDepth. */
  aRow: number;
  aDepth: number;
  /** b_i[p, col] sits at i * k * n + p * bDepth + col * bCol. */
  bDepth: number;
  bCol: number;
  /** Texels of 4 k values per packed A row: parts · span, k zero-padded to 4 · quads. */
  quads: number;
  /** Packed B rows per product (4 · quads) and texels of 4 columns per row (n zero-padded to 4 · n4). */
  depth: number;
  n4: number;
  /** Packed A rows (m) and packed B rows (depth) between products; 0 for an operand every product shares. */
  aStride: number;
  bStride: number;
  /** Output rows of all products (batch · m), and the texels each loop part writes (rows · n4). */
  rows: number;
  partTexels: number;
  /** Texels of k each part's thread sums, and the parts. */
  span: number;
  parts: number;
}

export function batchMatMulPlan(
  aBatch: number, bBatch: number, m: number, n: number, k: number, transposeA: boolean, transposeB: boolean,
): BatchMatMulPlan {
  const { parts } = loopParts(Math.ceil(k / 4));
  // Parts of equal span, so the padding past k stays under one texel per part.
  const span = Math.ceil(Math.ceil(k / 4) / parts);
  const quads = parts * span;
  const n4 = Math.ceil(n / 4);
  const rows = Math.max(aBatch, bBatch) * m;
  return {
    m, n, k,
    aRow: transposeA ? 1 : k, aDepth: transposeA ? m : 1,
    bDepth: transposeB ? 1 : n, bCol: transposeB ? k : 1,
    quads, depth: 4 * quads, n4,
    aStride: aBatch === 1 ? 0 : m, bStride: bBatch === 1 ? 0 : 4 * quads,
    rows, partTexels: rows * n4, span, parts,
  };
}

/**
 * Texel (part · rows + i · m + row) · n4 + c4 holds part's sums of out_i[row, 4·c4 .. 4·c4+3]: packed A row
 * (i·aStride + row), texels from part · span, against packed B rows i·bStride + 4·(part · span) on, texel c4.
 */
export function batchMatMulKernel(this: KernelThis<BatchMatMulPlan>, a: PackedInput, b: PackedInput): Vec4 {
  const t = this.thread.x;
  const y = Math.floor(t / this.constants.n4);
  const c4 = t - y * this.constants.n4;
  const part = Math.floor(y / this.constants.rows);
  const r = y - part * this.constants.rows;
  const i = Math.floor(r / this.constants.m);
  const row = r - i * this.constants.m;
  const first = part * this.constants.span;
  const aBase = (i * this.constants.aStride + row) * this.constants.quads + first;
  const bBase = (i * this.constants.bStride + 4 * first) * this.constants.n4 + c4;
  const step = this.constants.n4;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let q = 0; q < this.constants.span; q++) {
    const av = a[aBase + q];
    const at = bBase + 4 * q * step;
    const b0 = b[at];
    const b1 = b[at + step];
    const b2 = b[at + 2 * step];
    const b3 = b[at + 3 * step];
    s0 += av[0] * b0[0] + av[1] * b1[0] + av[2] * b2[0] + av[3] * b3[0];
    s1 += av[0] * b0[1] + av[1] * b1[1] + av[2] * b2[1] + av[3] * b3[1];
    s2 += av[0] * b0[2] + av[1] * b1[2] + av[2] * b2[2] + av[3] * b3[2];
    s3 += av[0] * b0[3] + av[1] * b1[3] + av[2] * b2[3] + av[3] * b3[3];
  }
  return [s0, s1, s2, s3];
}
