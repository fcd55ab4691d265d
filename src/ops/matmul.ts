import { backend } from '../backend/registry';
import { recordOp } from '../backprop';
import type { Tensor } from '../tensor';
import { assertBoolean, assertRank, assertSameDtype, assertTensor, fmtShape } from './validate';

/** op(a) · op(b) for rank-2 a and b, as tf.matMul(a, b, transposeA, transposeB). */
export function matMul(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  checkMatMul(a, b, transposeA, transposeB);
  const y = backend().matMul(a, b, transposeA, transposeB);
  recordOp([a, b], y, (dy) => matMulGrads(a, b, transposeA, transposeB, dy));
  return y;
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

/** @internal The gradients of y = op(a)·op(b) for a and b, from dy; differentiable themselves. */
export function matMulGrads(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean, dy: Tensor): [Tensor, Tensor] {
  if (!transposeA && !transposeB) return [matMul(dy, b, false, true), matMul(a, dy, true, false)];
  if (!transposeA && transposeB) return [matMul(dy, b, false, false), matMul(dy, a, true, false)];
  if (transposeA && !transposeB) return [matMul(b, dy, false, true), matMul(a, dy, false, false)];
  return [matMul(b, dy, true, true), matMul(dy, a, true, true)];
}
