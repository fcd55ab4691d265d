import { rowMajorStrides } from '../backend/shapes';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { argError, assertBoolean, fmtShape, shown } from '../util/validate';
import { backend } from './engine';
import { reshape } from './reshape';
import { toTensor, type TensorLike } from './tensor-like';
import { complexOf, imagPart, isComplex, realPart } from './complex-parts';
import { neg } from './unary';

export interface TransposeAttrs {
  perm: readonly number[];
}

/**
 * As tf.transpose(x, perm?, conjugate?): output axis i is x's axis perm[i]; perm defaults to the axes reversed.
 * conjugate (complex tensors only) also negates the imaginary part.
 */
export function transpose<T extends Tensor>(x: T | TensorLike, perm?: number[], conjugate?: boolean): T {
  if (isComplex(x)) {
    if (conjugate != null) assertBoolean('transpose', 'conjugate', conjugate);
    const im = transpose(imagPart(x), perm);
    return complexOf(transpose(realPart(x), perm), conjugate ? neg(im) : im) as T;
  }
  x = toTensor('transpose', 'x', x) as T;
  if (conjugate != null) assertBoolean('transpose', 'conjugate', conjugate);
  const p = perm ?? x.shape.map((_, i) => x.rank - 1 - i);
  const isPerm = Array.isArray(p) && p.length === x.rank && p.every((a) => Number.isInteger(a) && a >= 0 && a < x.rank) && new Set(p).size === x.rank;
  if (!isPerm) throw argError('transpose', 'perm', shown(p), `a permutation of 0..${x.rank - 1} (one entry per axis of x, shape ${fmtShape(x.shape)})`);
  if (p.every((a, i) => a === i)) return reshape(x, x.shape) as T;
  const strides = rowMajorStrides(x.shape);
  const y = backend().gatherStrided(x, p.map((a) => x.shape[a]), 0, p.map((a) => strides[a]));
  recordOp<TransposeAttrs>('transpose', [x], y, { perm: p.slice() });
  return y as T;
}

/** The permutation that undoes perm. */
export function inversePerm(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((a, i) => { inv[a] = i; });
  return inv;
}
