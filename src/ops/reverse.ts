import { assertRank } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { normalizeAxes } from '../util/validate';
import { gatherLattice } from './lattice';
import { toTensor, type TensorLike } from './tensor-like';

/** As tf.reverse(x, axis?): the order of elements reversed along the given axes (all axes when omitted). */
export function reverse<T extends Tensor>(x: T | TensorLike, axis?: number | number[]): T {
  return reverseAs('reverse', x, axis) as T;
}

/** @internal reverse with errors under the name of the op that called it (reverse2d, ...); rank, when given, is required of x. */
export function reverseAs(op: string, input: unknown, axis: unknown, rank?: number): Tensor {
  const x = toTensor(op, 'x', input);
  if (rank !== undefined) assertRank(op, 'x', x, rank);
  const axes = normalizeAxes(op, axis, x.rank, true);
  // As TF.js, each naming of an axis reverses it once more: an axis named twice ([1, -1]) comes back in order.
  const named = Array.isArray(axis) ? (axis as number[]).map((a) => (a < 0 ? a + x.rank : a)) : axes;
  const flipped = (k: number) => named.filter((a) => a === k).length % 2 === 1 && x.shape[k] > 0;
  return gatherLattice(x, x.shape, x.shape.map((d, k) => (flipped(k) ? d - 1 : 0)), x.shape.map((_, k) => (flipped(k) ? -1 : 1)));
}
