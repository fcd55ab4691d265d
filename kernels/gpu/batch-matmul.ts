import { loopParts } from './loop-parts';
import type { KernelInput, KernelThis } from './kernel-this';

/**
 * Shapes of op(a)[m,k] · op(b)[k,n] and how each operand is walked: a transposed operand is the
 * same kernel with its strides swapped, so one function covers all four transpose cases.
 */
interface MatMulConstants {
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

function matMulConstants(m: number, n: number, k: number, transposeA: boolean, transposeB: boolean): MatMulConstants {
  return {
    m, n, k,
    aRow: transposeA ? 1 : k, aDepth: transposeA ? m : 1,
    bDepth: transposeB ? 1 : n, bCol: transposeB ? k : 1,
  };
}

/**
 * matMul's constants plus where each product's matrices start (0 for an operand whose one matrix every product
 * shares), the outputs of one part (`size`) and the inner indices each part sums (`span`, loop-parts.ts).
 */
export interface BatchMatMulConstants extends MatMulConstants {
  aStride: number;
  bStride: number;
  size: number;
  span: number;
}

/** The constants of max(aBatch, bBatch) products (one, unbatched, for matMul) and how many parts each output sums. */
export function batchMatMulConstants(
  aBatch: number, bBatch: number, m: number, n: number, k: number, transposeA: boolean, transposeB: boolean,
): { constants: BatchMatMulConstants; parts: number } {
  const { span, parts } = loopParts(k);
  const constants = {
    ...matMulConstants(m, n, k, transposeA, transposeB),
    aStride: aBatch === 1 ? 0 : m * k, bStride: bBatch === 1 ? 0 : k * n, size: Math.max(aBatch, bBatch) * m * n, span,
  };
  return { constants, parts };
}

/** part[(i * m + row) * n + col] = Σ a_i[row, p] · b_i[p, col] over the part's span of p. */
export function batchMatMulKernel(this: KernelThis<BatchMatMulConstants>, a: KernelInput, b: KernelInput): number {
  const t = this.thread.x;
  const part = Math.floor(t / this.constants.size);
  const flat = t - part * this.constants.size;
  const product = this.constants.m * this.constants.n;
  const i = Math.floor(flat / product);
  const within = flat - i * product;
  const row = Math.floor(within / this.constants.n);
  const col = within - row * this.constants.n;
  const first = part * this.constants.span;
  const aBase = i * this.constants.aStride + row * this.constants.aRow + first * this.constants.aDepth;
  const bBase = i * this.constants.bStride + col * this.constants.bCol + first * this.constants.bDepth;
  let sum = 0;
  for (let p = 0; p < this.constants.span; p++) {
    if (first + p < this.constants.k) sum += a[aBase + p * this.constants.aDepth] * b[bBase + p * this.constants.bDepth];
  }
  return sum;
}
