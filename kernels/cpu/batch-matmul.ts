import type { GemmFn } from './gemm';
import type { FloatArray } from '../shared/types';

/** out[i] = op(a[i])·op(b[i]) over a batch: batchMatMul's arguments after its gemm. */
export type BatchGemmFn = (
  a: FloatArray, b: FloatArray, out: FloatArray, batch: number, aBatch: number, bBatch: number,
  m: number, n: number, k: number, transA: boolean, transB: boolean,
) => void;

/**
 * out[i] = op(a[i])·op(b[i]) for i < batch, each a row-major matrix product through `gemm`. a holds aBatch
 * matrices and b holds bBatch, each either batch or 1 (one matrix shared by every product).
 */
export function batchMatMul(
  gemm: GemmFn, a: FloatArray, b: FloatArray, out: FloatArray,
  batch: number, aBatch: number, bBatch: number,
  m: number, n: number, k: number, transA: boolean, transB: boolean,
): void {
  const aSize = m * k;
  const bSize = k * n;
  const outSize = m * n;
  for (let i = 0; i < batch; i++) {
    const ai = aBatch === 1 ? 0 : i * aSize;
    const bi = bBatch === 1 ? 0 : i * bSize;
    gemm(a.subarray(ai, ai + aSize), b.subarray(bi, bi + bSize), out.subarray(i * outSize, (i + 1) * outSize), m, n, k, transA, transB, false);
  }
}
