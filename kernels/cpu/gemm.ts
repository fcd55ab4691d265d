import type { Activation } from '../shared/op-names';
import { biasActivation } from './bias-activation';
import type { FloatArray } from '../shared/types';

/** The signature shared by every gemm, so callers (conv) can take a faster one, e.g. WebAssembly SIMD. */
export type GemmFn = typeof gemm;

/** C = act(op(A)·op(B) + bias), bias along C's columns: a GEMM with the bias + activation fused into its stores. */
export type GemmBiasActivationFn = (
  a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, k: number, transA: boolean, transB: boolean,
  bias: FloatArray, act: Activation,
) => void;

// Goto-style blocking: a KC×NR micro-panel of B stays in L1 while an MC×KC block of A sits in L2.
const KC = 256;
const MC = 128;
const NC = 2048;
const MR = 4;
const NR = 4;

// Packed panels are float64 whatever the input dtype: the micro-kernel then sees one array type
// (monomorphic, so V8 optimises it once) and sums in float64 as the naive loop does.
const packedA = new Float64Array(MC * KC);
let packedB = new Float64Array(0);
const tile = new Float64Array(MR * NR);

/** C[m×n] = op(A)·op(B) (or C += … when accumulate). A is stored [m,k] row-major, or [k,m] when transA; B is [k,n], or [n,k] when transB. C must not overlap A or B. */
export function gemm(
  a: FloatArray, b: FloatArray, c: FloatArray,
  m: number, n: number, k: number,
  transA: boolean, transB: boolean, accumulate: boolean,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) c.fill(0, 0, m * n);
    return;
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const add = accumulate || pc > 0;
      packB(b, n, k, transB, pc, kc, jc, nc);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(a, m, k, transA, ic, mc, pc, kc);
        macroKernel(mc, nc, kc, c, ic * n + jc, n, add);
      }
    }
  }
}

/** Copies op(A)[ic..ic+mc, pc..pc+kc] into MR-row strips, column-major within a strip, zero-padding the last strip. */
function packA(a: FloatArray, m: number, k: number, transA: boolean, ic: number, mc: number, pc: number, kc: number): void {
  const pa = packedA;
  for (let i0 = 0, off = 0; i0 < mc; i0 += MR, off += MR * kc) {
    const rows = Math.min(MR, mc - i0);
    for (let r = 0; r < MR; r++) {
      let dst = off + r;
      if (r >= rows) {
        for (let p = 0; p < kc; p++, dst += MR) pa[dst] = 0;
      } else if (transA) {
        for (let p = 0, src = pc * m + ic + i0 + r; p < kc; p++, dst += MR, src += m) pa[dst] = a[src];
      } else {
        for (let p = 0, src = (ic + i0 + r) * k + pc; p < kc; p++, dst += MR) pa[dst] = a[src + p];
      }
    }
  }
}

/** Copies op(B)[pc..pc+kc, jc..jc+nc] into NR-column strips, row-major within a strip, zero-padding the last strip. */
function packB(b: FloatArray, n: number, k: number, transB: boolean, pc: number, kc: number, jc: number, nc: number): void {
  const need = Math.ceil(nc / NR) * NR * kc;
  if (packedB.length < need) packedB = new Float64Array(need);
  const pb = packedB;
  for (let j0 = 0, off = 0; j0 < nc; j0 += NR, off += NR * kc) {
    const cols = Math.min(NR, nc - j0);
    for (let col = 0; col < NR; col++) {
      let dst = off + col;
      if (col >= cols) {
        for (let p = 0; p < kc; p++, dst += NR) pb[dst] = 0;
      } else if (transB) {
        for (let p = 0, src = (jc + j0 + col) * k + pc; p < kc; p++, dst += NR) pb[dst] = b[src + p];
      } else {
        for (let p = 0, src = pc * n + jc + j0 + col; p < kc; p++, dst += NR, src += n) pb[dst] = b[src];
      }
    }
  }
}

/** Runs the micro-kernel over every MR×NR tile of the packed block, writing C from cOff with row stride ldc. */
function macroKernel(mc: number, nc: number, kc: number, c: FloatArray, cOff: number, ldc: number, add: boolean): void {
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const cols = Math.min(NR, nc - j0);
    const bOff = j0 * kc;
    for (let i0 = 0; i0 < mc; i0 += MR) {
      const rows = Math.min(MR, mc - i0);
      const o = cOff + i0 * ldc + j0;
      if (rows === MR && cols === NR) {
        microKernel(packedA, i0 * kc, packedB, bOff, kc, c, o, ldc, add);
      } else {
        // Edge tile: the zero padding makes a full 4×4 product valid; keep only its rows×cols corner.
        microKernel(packedA, i0 * kc, packedB, bOff, kc, tile, 0, NR, false);
        storeTile(c, o, ldc, rows, cols, add);
      }
    }
  }
}

/** The 4×4 register tile: 16 accumulators held in locals across the whole k loop, then stored (or added) to C. */
function microKernel(
  pa: Float64Array, aOff: number, pb: Float64Array, bOff: number, kc: number,
  c: FloatArray, o: number, ldc: number, add: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++, aOff += MR, bOff += NR) {
    const a0 = pa[aOff], a1 = pa[aOff + 1], a2 = pa[aOff + 2], a3 = pa[aOff + 3];
    const b0 = pb[bOff], b1 = pb[bOff + 1], b2 = pb[bOff + 2], b3 = pb[bOff + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  const o1 = o + ldc, o2 = o1 + ldc, o3 = o2 + ldc;
  if (add) {
    c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03;
    c[o1] += c10; c[o1 + 1] += c11; c[o1 + 2] += c12; c[o1 + 3] += c13;
    c[o2] += c20; c[o2 + 1] += c21; c[o2 + 2] += c22; c[o2 + 3] += c23;
    c[o3] += c30; c[o3 + 1] += c31; c[o3 + 2] += c32; c[o3 + 3] += c33;
  } else {
    c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
    c[o1] = c10; c[o1 + 1] = c11; c[o1 + 2] = c12; c[o1 + 3] = c13;
    c[o2] = c20; c[o2 + 1] = c21; c[o2 + 2] = c22; c[o2 + 3] = c23;
    c[o3] = c30; c[o3 + 1] = c31; c[o3 + 2] = c32; c[o3 + 3] = c33;
  }
}

/** Writes (or adds) the valid rows×cols corner of the edge tile into C. */
function storeTile(c: FloatArray, o: number, ldc: number, rows: number, cols: number, add: boolean): void {
  for (let r = 0; r < rows; r++, o += ldc) {
    const t = r * NR;
    if (add) for (let j = 0; j < cols; j++) c[o + j] += tile[t + j];
    else for (let j = 0; j < cols; j++) c[o + j] = tile[t + j];
  }
}

/** The reference: a plain triple loop, one float64 dot product per output. */
export function gemmNaive(
  a: FloatArray, b: FloatArray, c: FloatArray,
  m: number, n: number, k: number,
  transA: boolean, transB: boolean, accumulate: boolean,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        const av = transA ? a[p * m + i] : a[i * k + p];
        const bv = transB ? b[j * k + p] : b[p * n + j];
        sum += av * bv;
      }
      c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
    }
  }
}

/** The JS epilogue GEMM: the product, then bias + activation in place (the bits a fused one must match). */
export const gemmBiasActivation: GemmBiasActivationFn = (a, b, c, m, n, k, transA, transB, bias, act) => {
  gemm(a, b, c, m, n, k, transA, transB, false);
  biasActivation(c, bias, m, n, act, c);
};
