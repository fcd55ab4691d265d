import { assertTensorDtype } from '../tensor/checks';
import { arrayTypeFor, type DType, type Tensor } from '../tensor/tensor';
import type { Tensor1D } from '../tensor/tfjs-types';
import type { Rank } from '../tensor/value-types';
import { argError, fmtShape } from '../util/validate';
import { tensor } from './creation';
import { toTensor, type TensorLike } from './tensor-like';

// Counting and searching by value (bincount, denseBincount, searchSorted): integer results read off the values on
// the host, as TF.js's kernels compute them; not differentiable, as in TF.js.

function countArgs(op: string, x: Tensor | TensorLike, weights: Tensor | TensorLike, size: number): [Tensor, Tensor] {
  const t = toTensor(op, 'x', x);
  const w = toTensor(op, 'weights', weights);
  assertTensorDtype(op, 'x', t, 'int32');
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw argError(op, 'size', String(size), 'a non-negative integer');
  if (w.size !== t.size && w.size !== 0) throw argError(op, 'weights', `shape ${fmtShape(w.shape)}`, `x's size (${t.size}) or no elements`);
  return [t, w];
}

/**
 * out[v] += weights[i] (or 1 without weights) for each x[i] = v < size, each sum held in the weights' dtype as it
 * goes (rounded to float32 at every step for float32 weights), as TF.js's kernels keep their counts.
 */
function countRow(op: string, xs: ArrayLike<number>, ws: ArrayLike<number> | null, size: number, binary: boolean, dtype: DType): number[] {
  const out = new (arrayTypeFor(dtype))(size);
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (v < 0) throw argError(op, 'x', `the negative value ${v}`, 'non-negative values');
    if (v < size) out[v] = binary ? 1 : out[v] + (ws ? ws[i] : 1);
  }
  return Array.from(out);
}

/** How often each value 0 … size − 1 occurs in the 1-D int32 x (summing weights instead when given), as tf.bincount(x, weights, size). */
export function bincount(x: Tensor | TensorLike, weights: Tensor | TensorLike, size: number): Tensor1D {
  const [t, w] = countArgs('bincount', x, weights, size);
  if (t.rank !== 1) throw argError('bincount', 'x', `shape ${fmtShape(t.shape)}`, 'a 1-D tensor');
  return tensor(countRow('bincount', t.hostValues(), w.size > 0 ? w.hostValues() : null, size, false, w.dtype), [size], w.dtype) as Tensor1D;
}

/**
 * bincount of a 1-D x, or of each row of a 2-D x; binaryOutput marks presence (1) instead of counting, as
 * tf.denseBincount(x, weights, size, binaryOutput = false).
 */
export function denseBincount<R extends Rank.R1 | Rank.R2 = Rank.R1 | Rank.R2>(x: Tensor<R> | Tensor | TensorLike, weights: Tensor<R> | Tensor | TensorLike, size: number, binaryOutput?: boolean): Tensor<R> {
  binaryOutput ??= false;
  const op = 'denseBincount';
  const [t, w] = countArgs(op, x, weights, size);
  if (t.rank < 1 || t.rank > 2) throw argError(op, 'x', `rank ${t.rank}`, 'rank 1 or 2');
  const rows = t.rank === 1 ? 1 : t.shape[0];
  const width = t.rank === 1 ? t.size : t.shape[1];
  const xs = t.hostValues();
  const ws = w.size > 0 ? w.hostValues() : null;
  const counts = Array.from({ length: rows }, (_, r) =>
    countRow(op, xs.subarray(r * width, (r + 1) * width), ws && ws.subarray(r * width, (r + 1) * width), size, binaryOutput, w.dtype)).flat();
  return tensor(counts, t.rank === 1 ? [size] : [rows, size], w.dtype) as Tensor<R>;
}

/**
 * For each value, the index in its row of sortedSequence where it would be inserted to keep the row sorted (before
 * equal entries for side 'left', after them for 'right'), int32 [rows, values per row], as tf.searchSorted.
 */
export function searchSorted(sortedSequence: Tensor | TensorLike, values: Tensor | TensorLike, side?: 'left' | 'right'): Tensor {
  side ??= 'left';
  return searchSortedAs('searchSorted', sortedSequence, values, side);
}

function searchSortedAs(op: string, sortedSequence: Tensor | TensorLike, values: Tensor | TensorLike, side: 'left' | 'right'): Tensor {
  const s = toTensor(op, 'sortedSequence', sortedSequence);
  const v = toTensor(op, 'values', values);
  if (s.rank < 1 || v.rank < 1) throw argError(op, s.rank < 1 ? 'sortedSequence' : 'values', 'a scalar', 'a tensor of rank >= 1');
  if (side !== 'left' && side !== 'right') throw argError(op, 'side', String(side), "'left' or 'right'");
  const n = s.shape[s.rank - 1];
  const m = v.shape[v.rank - 1];
  const rows = n === 0 ? 0 : s.size / n;
  if ((m === 0 ? 0 : v.size / m) !== rows) {
    throw argError(op, 'values', `shape ${fmtShape(v.shape)}`, `as many rows as sortedSequence's ${fmtShape(s.shape)} (${rows})`);
  }
  const seq = s.hostValues();
  const vals = v.hostValues();
  const out = Array.from(vals, (target, i) => {
    const base = Math.floor(i / m) * n;
    let [lo, hi] = [0, n];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const before = side === 'left' ? seq[base + mid] < target : seq[base + mid] <= target;
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  return tensor(out, [rows, m], 'int32');
}

/** searchSorted with side 'left', as tf.lowerBound. */
export const lowerBound = (sortedSequence: Tensor | TensorLike, values: Tensor | TensorLike): Tensor => searchSortedAs('lowerBound', sortedSequence, values, 'left');

/** searchSorted with side 'right', as tf.upperBound. */
export const upperBound = (sortedSequence: Tensor | TensorLike, values: Tensor | TensorLike): Tensor => searchSortedAs('upperBound', sortedSequence, values, 'right');
