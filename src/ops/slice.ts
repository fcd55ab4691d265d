import { assertRank } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, fmtShape, shown } from '../util/validate';
import { block } from './lattice';
import { toTensor, type TensorLike } from './tensor-like';
import { isComplex, perPart } from './complex-parts';
import { isStrings, onStringsOne, stringTensor } from './string-tensors';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** A number or list given for the leading axes, completed to one entry per axis with `rest`. */
function perAxis(op: string, arg: string, v: unknown, rank: number, rest: number): number[] {
  const list = typeof v === 'number' ? [v] : v;
  if (!Array.isArray(list) || !list.every(isInt) || list.length > rank) {
    throw argError(op, arg, shown(v), `an integer or an array of at most ${rank} integers (one per axis)`);
  }
  return [...list, ...new Array<number>(rank - list.length).fill(rest)];
}

/**
 * As tf.slice(x, begin, size?): the block starting at begin with the given size on each axis. A number or a
 * short list covers the leading axes (begin 0 and size -1 for the rest); a size of -1 runs to the end of its axis.
 */
export function slice<T extends Tensor>(x: T | TensorLike, begin: number | number[], size?: number | number[]): T {
  // Strings are sliced by slice alone, as TF.js's (slice1d ... slice4d refuse them).
  if (isStrings(x)) return onStringsOne([stringTensor('slice', 'x', x)], ([i]) => sliceAs('slice', i, begin, size)) as T;
  return sliceAs('slice', x, begin, size) as T;
}

/** @internal slice with errors under the name of the op that called it (slice2d, ...); rank, when given, is required of x. */
export function sliceAs(op: string, input: unknown, begin: unknown, size: unknown, rank?: number): Tensor {
  if (isComplex(input)) return perPart(input, (p) => sliceAs(op, p, begin, size, rank));
  const x = toTensor(op, 'x', input);
  if (rank !== undefined) assertRank(op, 'x', x, rank);
  if (x.rank === 0) throw argError(op, 'x', 'a scalar', 'a tensor of rank >= 1');
  const b = perAxis(op, 'begin', begin, x.rank, 0);
  const s = perAxis(op, 'size', size ?? -1, x.rank, -1);
  b.forEach((v, i) => {
    if (v < 0 || v > x.shape[i]) throw argError(op, 'begin', shown(begin), `an integer in [0, ${x.shape[i]}] on axis ${i} (shape ${fmtShape(x.shape)})`);
  });
  const size_ = s.map((v, i) => (v === -1 ? x.shape[i] - b[i] : v));
  size_.forEach((v, i) => {
    if (v < 0 || b[i] + v > x.shape[i]) {
      throw argError(op, 'size', shown(size), `-1 or an integer in [0, ${x.shape[i] - b[i]}] on axis ${i} (begin ${b[i]}, shape ${fmtShape(x.shape)})`);
    }
  });
  return block(x, b, size_);
}
