import { Tensor } from '../tensor/tensor';
import { argError, assertBoolean, describeValue } from '../util/validate';
import { add } from './binary';
import { backend } from './engine';
import { gatherAlong } from './gather';
import { reshape } from './reshape';
import { toTensor, type TensorLike } from './tensor-like';

interface Entry { value: number; index: number }

/** TF.js's order: the larger value first, then the lower index. */
const compare = (a: Entry, b: Entry): number => {
  const d = b.value - a.value;
  return d === 0 ? a.index - b.index : d;
};

function swap(a: Entry[], i: number, j: number): void {
  [a[i], a[j]] = [a[j], a[i]];
}

/**
 * TF.js's cpu select (Floyd–Rivest): partitions a[left..right] so that a[k] is the entry of rank k in `compare`'s
 * order, those before it ranking above it.
 */
function select(a: Entry[], k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * Math.sign(i - n / 2);
      select(a, k, Math.max(left, Math.floor(k - (i * s) / n + sd)), Math.min(right, Math.floor(k + ((n - i) * s) / n + sd)));
    }
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (compare(a[right], t) > 0) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (compare(a[i], t) < 0) i++;
      while (compare(a[j], t) > 0) j--;
    }
    if (compare(a[left], t) === 0) swap(a, left, j);
    else swap(a, ++j, right);
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/**
 * topk's indices with sorted false, in the order TF.js's cpu kernel leaves them (the order is unspecified, but
 * programs see TF.js's): each row whole when k is its length, else the first k after its select.
 */
function unsortedIndices(x: ArrayLike<number>, rows: number, n: number, k: number): Int32Array {
  const out = new Int32Array(rows * k);
  for (let r = 0; r < rows; r++) {
    const row = Array.from({ length: n }, (_, i): Entry => ({ value: x[r * n + i], index: i }));
    if (k < n) select(row, k);
    for (let j = 0; j < k; j++) out[r * k + j] = row[j].index;
  }
  return out;
}

/**
 * The k largest values along the last axis and their indices (int32), largest first, the lower index first on ties
 * (with sorted false, in TF.js's order), as tf.topk(x, k = 1, sorted = true). The values are gathered from x, so
 * gradients flow to the picked entries.
 */
export function topk<T extends Tensor>(x: T | TensorLike, k?: number, sorted?: boolean): { values: T; indices: T } {
  k ??= 1; sorted ??= true;
  const op = 'topk';
  const t = toTensor(op, 'x', x);
  if (t.rank === 0) throw argError(op, 'x', 'a scalar', 'a tensor of rank >= 1');
  const n = t.shape[t.rank - 1];
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k > n) {
    throw argError(op, 'k', describeValue(k), `an integer in [0, ${n}] (the last dim of x)`);
  }
  assertBoolean(op, 'sorted', sorted);
  const rows = n === 0 ? 0 : t.size / n;
  const indices = sorted ? backend().topkIndices(t, k) : new Tensor([...t.shape.slice(0, -1), k], 'int32', unsortedIndices(t.hostValues(), rows, n, k));
  const rowStarts = new Tensor([rows, 1], 'int32', Int32Array.from({ length: rows }, (_, r) => r * n));
  const flat = reshape(add(reshape(indices, [rows, k]), rowStarts), [-1]);
  const values = reshape(gatherAlong(reshape(t, [-1]), flat, 0), indices.shape);
  return { values, indices } as { values: T; indices: T };
}
