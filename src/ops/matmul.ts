import { cast } from './cast';
import { backend } from './engine';
import { matchedOperands } from './tensor-like';
import { batchedMatMul } from './batch-matmul';
import { recordOp } from '../tensor/tape';
import { Tensor } from '../tensor/tensor';
import { assertBoolean, fmtShape } from '../util/validate';
import { assertRank, assertSameDtype, assertTensor } from '../tensor/checks';
import type { TensorLike } from './tensor-like';

export interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

/** op(a) · op(b), as tf.matMul(a, b, transposeA, transposeB); rank >= 3 operands multiply per matrix over broadcast batch dims. */
export function matMul<T extends Tensor>(a: Tensor | TensorLike, b: Tensor | TensorLike, transposeA?: boolean, transposeB?: boolean): T {
  transposeA ??= false; transposeB ??= false;
  // Mixed dtypes multiply in the higher one (int32 · float32 is float32), as TF.js's makeTypesMatch.
  [a, b] = matchedOperands('matMul', a, b, cast);
  if (a.rank > 2 || b.rank > 2) return batchedMatMul(a, b, transposeA, transposeB) as T;
  checkMatMul(a, b, transposeA, transposeB);
  const y = backend().matMul(a, b, transposeA, transposeB);
  recordOp<MatMulAttrs>('matMul', [a, b], y, { transposeA, transposeB });
  return y as T;
}

/** @internal Checks matMul's arguments, with its error messages. */
export function checkMatMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): void {
  assertTensor('matMul', 'a', a);
  assertTensor('matMul', 'b', b);
  assertRank('matMul', 'a', a, 2);
  assertRank('matMul', 'b', b, 2);
  assertBoolean('matMul', 'transposeA', transposeA);
  assertBoolean('matMul', 'transposeB', transposeB);
  assertSameDtype('matMul', a, b);
  const innerA = transposeA ? a.shape[0] : a.shape[1];
  const innerB = transposeB ? b.shape[1] : b.shape[0];
  if (innerA !== innerB) {
    throw new Error(
      `matMul: the inner dimensions of a${transposeA ? 'ᵀ' : ''} ${fmtShape(a.shape)} and b${transposeB ? 'ᵀ' : ''} ${fmtShape(b.shape)} must match, got ${innerA} and ${innerB}`,
    );
  }
}
