import { broadcastStrides } from '../shared/broadcast';
import type { TypedArray } from '../shared/types';

// Index-driven kernels on any dtype: the callers checked every index, so none is checked here.

/** x viewed as [outer, len, inner]: out[o, j, i] = x[o, idx[j], i]. */
export function gather(x: TypedArray, idx: ArrayLike<number>, outer: number, len: number, inner: number, out: TypedArray): void {
  const n = idx.length;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < n; j++) {
      const from = (o * len + idx[j]) * inner;
      const to = (o * n + j) * inner;
      for (let i = 0; i < inner; i++) out[to + i] = x[from + i];
    }
  }
}

/** The adjoint of gather: x viewed as [outer, n, inner] summed into out [outer, segments, inner] at ids. out starts at 0. */
export function segmentSum(x: TypedArray, ids: ArrayLike<number>, outer: number, segments: number, inner: number, out: TypedArray): void {
  const n = ids.length;
  out.fill(0);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < n; j++) {
      const from = (o * n + j) * inner;
      const to = (o * segments + ids[j]) * inner;
      for (let i = 0; i < inner; i++) out[to + i] += x[from + i];
    }
  }
}

/** Row of each index tuple of gatherND/scatterND: indices [n, depth] into rows of `strides` (the leading dims' row strides). */
function rowOf(indices: ArrayLike<number>, m: number, strides: readonly number[]): number {
  let row = 0;
  for (let k = 0; k < strides.length; k++) row += indices[m * strides.length + k] * strides[k];
  return row;
}

/** out[m, :] = x[row(indices[m]), :] with rows of sliceSize values. */
export function gatherND(x: TypedArray, indices: ArrayLike<number>, strides: readonly number[], sliceSize: number, out: TypedArray): void {
  const n = strides.length === 0 ? out.length / Math.max(sliceSize, 1) : indices.length / strides.length;
  for (let m = 0; m < n; m++) {
    const from = rowOf(indices, m, strides) * sliceSize;
    for (let i = 0; i < sliceSize; i++) out[m * sliceSize + i] = x[from + i];
  }
}

/** out = 0, then out[row(indices[m]), :] += updates[m, :]: duplicates add up, as tf.scatterND. */
export function scatterND(indices: ArrayLike<number>, updates: TypedArray, strides: readonly number[], sliceSize: number, out: TypedArray): void {
  out.fill(0);
  const n = strides.length === 0 ? updates.length / Math.max(sliceSize, 1) : indices.length / strides.length;
  for (let m = 0; m < n; m++) {
    const to = rowOf(indices, m, strides) * sliceSize;
    for (let i = 0; i < sliceSize; i++) out[to + i] += updates[m * sliceSize + i];
  }
}

/** out = cond ? a : b, each broadcast to outShape. */
export function select(
  cond: TypedArray, cShape: readonly number[], a: TypedArray, aShape: readonly number[], b: TypedArray, bShape: readonly number[],
  outShape: readonly number[], out: TypedArray,
): void {
  const rank = outShape.length;
  if (out.length === 0) return;
  if (rank === 0) {
    out[0] = cond[0] !== 0 ? a[0] : b[0];
    return;
  }
  const sc = broadcastStrides(cShape, rank), sa = broadcastStrides(aShape, rank), sb = broadcastStrides(bShape, rank);
  // Rows along the last axis in a tight loop (a step per element of 0 or 1 for each input); the outer axes advance once a row.
  const inner = outShape[rank - 1], ic = sc[rank - 1], ia = sa[rank - 1], ib = sb[rank - 1];
  const index = new Array<number>(rank - 1).fill(0);
  let ci = 0, ai = 0, bi = 0;
  for (let o = 0; o < out.length; o += inner) {
    for (let j = 0; j < inner; j++) out[o + j] = cond[ci + j * ic] !== 0 ? a[ai + j * ia] : b[bi + j * ib];
    for (let d = rank - 2; d >= 0; d--) {
      ci += sc[d]; ai += sa[d]; bi += sb[d];
      if (++index[d] < outShape[d]) break;
      ci -= sc[d] * outShape[d]; ai -= sa[d] * outShape[d]; bi -= sb[d] * outShape[d]; index[d] = 0;
    }
  }
}

/** x viewed as [outer, len, inner]: out[o, i] = the first j with the largest (max) or smallest (min) x[o, j, i], as TF.js's cpu kernel. */
export function argReduce(max: boolean, x: TypedArray, outer: number, len: number, inner: number, out: TypedArray): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      let best = 0;
      let bestV = x[base];
      for (let j = 1; j < len; j++) {
        const v = x[base + j * inner];
        if (max ? v > bestV : v < bestV) { best = j; bestV = v; }
      }
      out[o * inner + i] = best;
    }
  }
}

/**
 * The indices of the k largest values of each row of length n (ties: the lower index first), largest first. NaN
 * ranks below everything, as on the gpu backend, so the order is total (TF.js's b - a leaves a NaN wherever its sort
 * happens to put it). For k up to a quarter of n, each row keeps its k first in a heap whose root is the last of them
 * (O(n log k), where sorting the row takes O(n log n): a million values for k = 10 took ~0.9 s), then sorts those k;
 * a larger k sorts the whole row. The heap's helpers are functions of their own, not closures over the row, and the
 * scan compares with the last kept value alone: a million values for k = 10 went from ~7 ms to ~3.
 */
export function topkIndices(x: TypedArray, rows: number, n: number, k: number, out: TypedArray, next: TopkScan = nextKept): void {
  const heap = new Int32Array(k);
  for (let row = 0; row < rows; row++) {
    const base = row * n;
    const order = (p: number, q: number): number => (before(x, base + p, base + q) ? -1 : 1);
    if (4 * k > n) {
      // Most of the row: sorting all of it is faster than the heap.
      const sorted = Array.from({ length: n }, (_, i) => i).sort(order);
      for (let j = 0; j < k; j++) out[row * k + j] = sorted[j];
      continue;
    }
    if (k === 0) continue;
    for (let i = 0; i < k; i++) heap[i] = base + i;
    for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(x, heap, k, i);
    const end = base + n;
    for (let i = next(x, base + k, end, x[heap[0]]); i < end; i = next(x, i + 1, end, x[heap[0]])) {
      heap[0] = i;
      siftDown(x, heap, k, 0);
    }
    const kept = Array.from(heap, (at) => at - base).sort(order);
    for (let j = 0; j < k; j++) out[row * k + j] = kept[j];
  }
}

/**
 * The first i in [from, to) whose x[i] comes before `last`, the last value topk keeps, whose index precedes them all;
 * `to` when none does.
 */
export type TopkScan = (x: TypedArray, from: number, to: number, last: number) => number;

/**
 * A later element comes before the last kept one only when it is larger, or a number against a NaN (ties keep the
 * lower index): one comparison per element, the heap touched only when one is taken.
 */
export const nextKept: TopkScan = (x, from, to, last) => {
  for (let i = from; i < to; i++) {
    const v = x[i];
    if (v > last || (last !== last && v === v)) return i;
  }
  return to;
};

/** Whether x[p] comes before x[q] in topk's order: larger first, NaN last, the lower index first on ties. */
function before(x: TypedArray, p: number, q: number): boolean {
  const a = x[p];
  const b = x[q];
  if (a !== a) return b !== b && p < q;
  if (b !== b) return true;
  return a > b || (a === b && p < q);
}

/** Moves topk's heap entry at i (positions in x) down until the entries below it come before it (the root is the last kept). */
function siftDown(x: TypedArray, heap: Int32Array, k: number, i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    let last = i;
    if (l < k && before(x, heap[last], heap[l])) last = l;
    if (l + 1 < k && before(x, heap[last], heap[l + 1])) last = l + 1;
    if (last === i) return;
    const moved = heap[i];
    heap[i] = heap[last];
    heap[last] = moved;
    i = last;
  }
}
