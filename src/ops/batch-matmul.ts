import { broadcastShapes } from '../backend/shapes';
import { assertSameDtype, assertTensor } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import { sizeOfShape, type Tensor } from '../tensor/tensor';
import { assertBoolean, fmtShape } from '../util/validate';
import { broadcastTo } from './broadcast';
import { backend } from './engine';
import { reshape } from './reshape';

export interface BatchMatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

/**
 * @internal Products of matrix batches, as one op: a [aBatch, ., .] and b [bBatch, ., .], each batch the other's or 1.
 * Its gradient (grads/batch-matmul.ts) is made of this op again, so second derivatives work.
 */
export function batchMatMul3d(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
  const y = backend().batchMatMul(a, b, transposeA, transposeB);
  recordOp<BatchMatMulAttrs>('batchMatMul', [a, b], y, { transposeA, transposeB });
  return y;
}

/** x's matrices as a batch [count, rows, cols], broadcast first to `batchShape` when x holds neither one nor all. */
function asBatch(x: Tensor, batchShape: readonly number[]): Tensor {
  const [rows, cols] = x.shape.slice(-2);
  const own = sizeOfShape(x.shape.slice(0, -2));
  const count = sizeOfShape(batchShape);
  // One matrix broadcasts in the product itself, except against an empty batch, which it must become.
  if (own === count || (own === 1 && count > 0)) return reshape(x, [own, rows, cols]);
  return reshape(broadcastTo(x, [...batchShape, rows, cols]), [count, rows, cols]);
}

/**
 * tf.matMul for operands of rank >= 2 where one has rank >= 3: a product per matrix, over batch dimensions (all
 * but the last two) that broadcast as TF.js's BatchMatMul does. Called by matMul.
 */
export function batchedMatMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
  assertTensor('matMul', 'a', a);
  assertTensor('matMul', 'b', b);
  assertBoolean('matMul', 'transposeA', transposeA);
  assertBoolean('matMul', 'transposeB', transposeB);
  assertSameDtype('matMul', a, b);
  if (a.rank < 2 || b.rank < 2) {
    throw new Error(`matMul: a and b must have rank >= 2, got shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
  }
  const [ra, ca] = a.shape.slice(-2);
  const [rb, cb] = b.shape.slice(-2);
  const [m, innerA] = transposeA ? [ca, ra] : [ra, ca];
  const [innerB, n] = transposeB ? [cb, rb] : [rb, cb];
  if (innerA !== innerB) {
    throw new Error(
      `matMul: the inner dimensions of a${transposeA ? 'ᵀ' : ''} ${fmtShape(a.shape)} and b${transposeB ? 'ᵀ' : ''} ${fmtShape(b.shape)} must match, got ${innerA} and ${innerB}`,
    );
  }
  const batchShape = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  if (!batchShape) {
    throw new Error(`matMul: the batch dimensions of a ${fmtShape(a.shape)} and b ${fmtShape(b.shape)} (all but the last two) must broadcast`);
  }
  const outShape = [...batchShape, m, n];
  // One shared right matrix: a's matrices stack into a single product (one GEMM, the dense-layer case).
  if (sizeOfShape(b.shape.slice(0, -2)) === 1 && !transposeA) {
    const rows = sizeOfShape(a.shape.slice(0, -1));
    return reshape(batchMatMul3d(reshape(a, [1, rows, ca]), reshape(b, [1, rb, cb]), false, transposeB), outShape);
  }
  return reshape(batchMatMul3d(asBatch(a, batchShape), asBatch(b, batchShape), transposeA, transposeB), outShape);
}
