import { type TensorLike, toTensor } from './tensor-like';
import { assertRank } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { argError, describeValue, fmtShape, shown } from '../util/validate';
import { cast, floatOperands } from './cast';
import { backend } from './engine';
import { latticeValues } from './lattice';
import { reshape } from './reshape';
import { complexOf, imagPart, isComplex, realPart } from './complex-parts';
import { assertAxis } from './shape-args';
import { isStrings, onStrings, onStringsOne, stringTensor } from './string-tensors';

export interface ConcatAttrs {
  axis: number;
}

/**
 * A non-empty array of live tensors of one dtype: float32 beside float64 is cast up (floatsMet). With castToFirst,
 * int32, bool and float32 tensors are cast to the dtype of the first one with values, as TF.js's concat, which drops
 * empty tensors before joining (float64 is never cast down).
 */
function tensorList(op: string, tensors: unknown, castToFirst = false): Tensor[] {
  if (!Array.isArray(tensors) || tensors.length === 0) throw argError(op, 'tensors', describeValue(tensors), 'a non-empty array of Tensors');
  let list = floatOperands(op, tensors.map((t, i) => [`tensors[${i}]`, t] as const));
  const to = (list.find((t) => t.size > 0) ?? list[0]).dtype;
  if (castToFirst && list.every((t) => t.dtype !== 'float64')) list = list.map((t) => (t.dtype === to ? t : cast(t, to)));
  list.forEach((t, i) => {
    if (t.dtype !== list[0].dtype) throw argError(op, `tensors[${i}]`, `dtype ${t.dtype}`, `dtype ${list[0].dtype}, as tensors[0] (cast with tn.cast)`);
  });
  return list;
}

/** As tf.concat(tensors, axis = 0): joined along axis; all shapes equal except along axis. */
export function concat<T extends Tensor>(tensors: Array<T | TensorLike>, axis?: number): T {
  axis ??= 0;
  return concatAs('concat', tensors, axis) as T;
}

/** @internal concat with errors under the name of the op that called it (concat2d, stack, ...); rank, when given, is required of every tensor. */
export function concatAs(op: string, tensors: unknown, axis: unknown, rank?: number): Tensor {
  const strings = stringList(op, tensors);
  if (strings) return onStringsOne(strings, (xs) => concatAs(op, xs, axis, rank));
  const parts = complexList(op, tensors);
  if (parts) return complexOf(concatAs(op, parts[0], axis, rank), concatAs(op, parts[1], axis, rank));
  const xs = tensorList(op, tensors, true);
  if (rank !== undefined) xs.forEach((x, i) => assertRank(op, `tensors[${i}]`, x, rank));
  const first = xs[0];
  // One tensor is given back as it is, whatever the axis (a scalar too), as TF.js's concat does.
  if (xs.length === 1) return reshape(first, first.shape);
  if (first.rank === 0) throw argError(op, 'tensors', 'scalars', 'tensors of rank >= 1 (stack joins scalars)');
  const ax = assertAxis(op, 'axis', axis, first.rank);
  xs.forEach((x, i) => {
    if (x.rank !== first.rank || x.shape.some((d, k) => k !== ax && d !== first.shape[k])) {
      throw argError(op, `tensors[${i}]`, `shape ${fmtShape(x.shape)}`, `shape ${fmtShape(first.shape)} except along axis ${ax} (as tensors[0])`);
    }
  });
  const y = backend().concat(xs, ax);
  recordOp<ConcatAttrs>('concat', xs, y, { axis: ax });
  return y;
}

/**
 * @internal The pieces of x along axis with the given sizes (they add up to x.shape[axis]): one op with several
 * outputs, whose gradient is one concat of the pieces' gradients (not a full-size padded copy per piece), and
 * concat's gradient is this op again.
 */
export function piecesAlong(x: Tensor, sizes: readonly number[], axis: number): Tensor[] {
  let at = 0;
  const pieces = sizes.map((n) => {
    const begin = x.shape.map((_, k) => (k === axis ? at : 0));
    at += n;
    return latticeValues(x, x.shape.map((d, k) => (k === axis ? n : d)), begin, x.shape.map(() => 1));
  });
  recordOp<ConcatAttrs>('split', [x], pieces, { axis });
  return pieces;
}

/**
 * The real parts and the imaginary parts of a list of complex tensors (undefined when none is complex); one complex
 * tensor beside a real one is refused, as TF.js refuses to join complex64 with another dtype.
 */
function complexList(op: string, tensors: unknown): [Tensor[], Tensor[]] | undefined {
  if (!Array.isArray(tensors) || !tensors.some(isComplex)) return undefined;
  tensors.forEach((t, i) => {
    if (!isComplex(t)) throw argError(op, `tensors[${i}]`, describeValue(t), 'a complex tensor, as the others (complex tensors join only complex ones: make it one with tn.complex)');
  });
  return [tensors.map(realPart), tensors.map(imagPart)];
}

/** The tensors of a list that holds a string tensor (or strings), all as string tensors (undefined when none is). */
function stringList(op: string, tensors: unknown): Tensor[] | undefined {
  if (!Array.isArray(tensors) || !tensors.some(isStrings)) return undefined;
  return tensors.map((t, i) => stringTensor(op, `tensors[${i}]`, t));
}

/** As tf.stack(tensors, axis = 0): tensors of one shape joined along a new axis. */
export function stack<T extends Tensor>(tensors: Array<T | TensorLike>, axis?: number): Tensor {
  axis ??= 0;
  const strings = stringList('stack', tensors);
  if (strings) return onStringsOne(strings, (xs) => stack(xs, axis));
  const parts = complexList('stack', tensors);
  if (parts) return complexOf(stack(parts[0], axis), stack(parts[1], axis));
  const xs = tensorList('stack', tensors);
  const shape = xs[0].shape;
  xs.forEach((x, i) => {
    if (x.rank !== shape.length || x.shape.some((d, k) => d !== shape[k])) {
      throw argError('stack', `tensors[${i}]`, `shape ${fmtShape(x.shape)}`, `shape ${fmtShape(shape)}, as tensors[0]`);
    }
  });
  const ax = assertAxis('stack', 'axis', axis, shape.length, true);
  const expanded = [...shape.slice(0, ax), 1, ...shape.slice(ax)];
  return concat(xs.map((x) => reshape(x, expanded)), ax);
}

/** As tf.unstack(x, axis = 0): the slices of x along axis, that axis removed. */
export function unstack(x: Tensor | TensorLike, axis?: number): Tensor[] {
  axis ??= 0;
  if (isStrings(x)) return onStrings([stringTensor('unstack', 'x', x)], ([i]) => unstack(i, axis));
  x = toTensor('unstack', 'x', x);
  if (x.rank === 0) throw argError('unstack', 'x', 'a scalar', 'a tensor of rank >= 1');
  const ax = assertAxis('unstack', 'axis', axis, x.rank);
  const outShape = x.shape.filter((_, k) => k !== ax);
  return piecesAlong(x, new Array<number>(x.shape[ax]).fill(1), ax).map((t) => reshape(t, outShape));
}

/**
 * As tf.split(x, numOrSizeSplits, axis = 0): a number splits axis into that many equal pieces (it must divide the
 * axis); a list gives each piece's size, one of which may be -1 (the rest of the axis).
 */
export function split<T extends Tensor>(x: Tensor | TensorLike, numOrSizeSplits: number[] | number, axis?: number): T[] {
  axis ??= 0;
  x = toTensor('split', 'x', x);
  if (x.rank === 0) throw argError('split', 'x', 'a scalar', 'a tensor of rank >= 1');
  const ax = assertAxis('split', 'axis', axis, x.rank);
  const dim = x.shape[ax];
  let sizes: number[];
  if (typeof numOrSizeSplits === 'number') {
    const n = numOrSizeSplits;
    if (!Number.isInteger(n) || n <= 0 || dim % n !== 0) {
      throw argError('split', 'numOrSizeSplits', describeValue(n), `a positive integer that divides x.shape[${ax}] = ${dim}`);
    }
    sizes = new Array<number>(n).fill(dim / n);
  } else {
    const list = numOrSizeSplits;
    const ok = Array.isArray(list) && list.every((s) => Number.isInteger(s) && s >= -1) && list.filter((s) => s === -1).length <= 1;
    if (!ok) throw argError('split', 'numOrSizeSplits', shown(list), 'a number or an array of non-negative integers with at most one -1');
    const known = list.reduce((a, s) => (s === -1 ? a : a + s), 0);
    sizes = list.map((s) => (s === -1 ? dim - known : s));
    if (sizes.some((s) => s < 0) || known > dim || sizes.reduce((a, s) => a + s, 0) !== dim) {
      throw argError('split', 'numOrSizeSplits', shown(list), `sizes that add up to x.shape[${ax}] = ${dim}`);
    }
  }
  return piecesAlong(x, sizes, ax) as T[];
}
