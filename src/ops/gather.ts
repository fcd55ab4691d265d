import type { Rank } from '../tensor/value-types';
import { Tensor, sizeOfShape } from '../tensor/tensor';
import { assertTensorDtype } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import { argError, assertShape, describeValue, fmtShape, normalizeAxes } from '../util/validate';
import { cast } from './cast';
import { backend } from './engine';
import { reshape } from './reshape';
import { toTensor, type TensorLike } from './tensor-like';
import { isStrings, onStringsOne, stringTensor } from './string-tensors';
import { transpose } from './transpose';

export interface AxisAttrs {
  axis: number;
}

export interface SegmentAttrs {
  numSegments: number;
  axis: number;
}

export interface ScatterAttrs {
  shape: number[];
}

/** An index argument: an int32 tensor (never converted from float), or whole numbers made into one. */
/** @internal An int32 index tensor from a tensor or values, refused otherwise. */
export function indexTensor(op: string, arg: string, x: unknown): Tensor {
  const t = toTensor(op, arg, x, 'int32');
  assertTensorDtype(op, arg, t, 'int32');
  return t;
}

/** Throws unless every value of t lies in [0, limits(i)), naming the first that does not. */
function checkRange(op: string, arg: string, t: Tensor, limit: (i: number) => number): void {
  const v = t.hostValues();
  for (let i = 0; i < v.length; i++) {
    const l = limit(i);
    if (!(v[i] >= 0 && v[i] < l)) throw argError(op, `${arg}[${i}]`, String(v[i]), `an index in [0, ${l - 1}]`);
  }
}

/** @internal gather along axis with flat indices: the recorded op (its gradient is segmentSumAlong). */
export function gatherAlong(x: Tensor, indices: Tensor, axis: number): Tensor {
  const y = backend().gather(x, indices, axis);
  recordOp<AxisAttrs>('gather', [x, indices], y, { axis });
  return y;
}

/** @internal unsortedSegmentSum along axis: the recorded op (its gradient is gatherAlong). */
export function segmentSumAlong(x: Tensor, ids: Tensor, numSegments: number, axis: number): Tensor {
  const y = backend().unsortedSegmentSum(x, ids, numSegments, axis);
  recordOp<SegmentAttrs>('unsortedSegmentSum', [x, ids], y, { numSegments, axis });
  return y;
}

/**
 * Slices of x along axis at indices (int32), as tf.gather(x, indices, axis = 0, batchDims = 0): the result's shape is
 * x.shape[:axis] + indices.shape[batchDims:] + x.shape[axis + 1:]. With batchDims = b (negative counts from the
 * indices' rank, as TF.js), the first b dims of x and indices are batch dims that must match, and each batch picks
 * from its own slice of x. Indices outside [0, x.shape[axis]) are an error.
 */
export function gather<T extends Tensor>(x: T | TensorLike, indices: Tensor | TensorLike, axis?: number, batchDims?: number): T {
  axis ??= 0; batchDims ??= 0;
  const op = 'gather';
  const t = toTensor(op, 'x', x);
  const idx = indexTensor(op, 'indices', indices);
  if (t.rank === 0) throw argError(op, 'x', 'a scalar', 'a tensor of rank >= 1');
  const [a] = normalizeAxes(op, axis, t.rank);
  if (typeof batchDims !== 'number' || !Number.isInteger(batchDims) || batchDims < -idx.rank || batchDims > idx.rank) {
    throw argError(op, 'batchDims', describeValue(batchDims), `an integer in [${-idx.rank}, ${idx.rank}] (the rank of indices, ${fmtShape(idx.shape)})`);
  }
  const b = batchDims < 0 ? batchDims + idx.rank : batchDims;
  if (b > a) throw argError(op, 'batchDims', String(batchDims), `at most axis (${a})`);
  for (let i = 0; i < b; i++) {
    if (t.shape[i] !== idx.shape[i]) throw argError(op, 'indices', `shape ${fmtShape(idx.shape)}`, `the batch dims ${fmtShape(t.shape.slice(0, b))} of x first (batchDims ${b})`);
  }
  checkRange(op, 'indices', idx, () => t.shape[a]);
  const outShape = [...t.shape.slice(0, a), ...idx.shape.slice(b), ...t.shape.slice(a + 1)];
  if (b === 0) return reshape(gatherAlong(t, reshape(idx, [-1]), a), outShape) as T;
  return reshape(batchGather(t, idx, a, b), outShape) as T;
}

/**
 * gather with b batch dims as one plain gather: x viewed as [B, M, N, R] (batch, the dims between, the axis, the
 * rest) becomes [M, B·N, R], batch i's indices are shifted by i·N, and the result [M, B·I, R] is put back in batch
 * order as [B, M, I, R]. Made of recorded ops, so gradients flow to x.
 */
function batchGather(x: Tensor, idx: Tensor, axis: number, b: number): Tensor {
  const B = sizeOfShape(x.shape.slice(0, b));
  const M = sizeOfShape(x.shape.slice(b, axis));
  const N = x.shape[axis];
  const R = sizeOfShape(x.shape.slice(axis + 1));
  const I = sizeOfShape(idx.shape.slice(b));
  const v = idx.hostValues();
  const flat = Int32Array.from({ length: B * I }, (_, k) => v[k] + Math.floor(k / I) * N);
  const merged = reshape(transpose(reshape(x, [B, M, N, R]), [1, 0, 2, 3]), [M, B * N, R]);
  const picked = gatherAlong(merged, new Tensor([B * I], 'int32', flat), 1);
  return transpose(reshape(picked, [M, B, I, R]), [1, 0, 2, 3]);
}

/**
 * Sums the rows of x (along axis 0) that share a segment id into numSegments rows, as
 * tf.unsortedSegmentSum(x, segmentIds, numSegments). A row with a negative id is dropped (a padding mark, as in
 * TF.js and TensorFlow; its gradient is 0); ids from numSegments on are an error.
 */
export function unsortedSegmentSum<T extends Tensor>(x: T | TensorLike, segmentIds: Tensor | TensorLike, numSegments: number): T {
  const op = 'unsortedSegmentSum';
  const t = toTensor(op, 'x', x);
  const ids = indexTensor(op, 'segmentIds', segmentIds);
  if (typeof numSegments !== 'number' || !Number.isInteger(numSegments) || numSegments < 0) {
    throw argError(op, 'numSegments', describeValue(numSegments), 'a non-negative integer');
  }
  if (t.rank === 0) throw argError(op, 'x', 'a scalar', 'a tensor of rank >= 1');
  if (ids.rank !== 1 || ids.shape[0] !== t.shape[0]) {
    throw argError(op, 'segmentIds', `shape ${fmtShape(ids.shape)}`, `shape [${t.shape[0]}] (one id per row of x)`);
  }
  const v = ids.hostValues();
  const past = v.findIndex((id) => id >= numSegments);
  if (past >= 0) throw argError(op, `segmentIds[${past}]`, String(v[past]), `an id below numSegments (${numSegments}), or negative to drop the row`);
  // Bools are summed as int32, the dtype TF.js's sums of bools have.
  const values = t.dtype === 'bool' ? cast(t, 'int32') : t;
  if (v.every((id) => id >= 0)) return segmentSumAlong(values, ids, numSegments, 0) as T;
  // The kept rows, gathered: the gather's own gradient then gives the dropped rows 0.
  const kept = Int32Array.from(v.keys()).filter((i) => v[i] >= 0);
  const rows = gatherAlong(values, new Tensor([kept.length], 'int32', kept), 0);
  return segmentSumAlong(rows, new Tensor([kept.length], 'int32', Int32Array.from(kept, (i) => v[i])), numSegments, 0) as T;
}

/** @internal Checks gatherND/scatterND's indices against the shape they index; returns the index depth. */
export function checkNDIndices(op: string, idx: Tensor, shape: readonly number[]): number {
  if (idx.rank === 0) throw argError(op, 'indices', 'a scalar', 'a tensor of rank >= 1 whose last dim is the index depth');
  const depth = idx.shape[idx.rank - 1];
  if (depth > shape.length) throw argError(op, 'indices', `index depth ${depth} (last dim of ${fmtShape(idx.shape)})`, `at most the rank ${shape.length} of ${fmtShape(shape)}`);
  checkRange(op, 'indices', idx, (i) => shape[i % depth]);
  return depth;
}

/**
 * @internal scatterND's and tensorScatterUpdate's indices: rank-1 indices are a column of one-dim index tuples, as
 * TF.js's scatter_nd_util reads them (gatherND, as TensorFlow, reads them as one tuple).
 */
export function scatterIndices(op: string, indices: unknown): Tensor {
  const idx = indexTensor(op, 'indices', indices);
  return idx.rank === 1 ? reshape(idx, [idx.size, 1]) : idx;
}

/** Slices of x picked by index tuples (the last dim of indices), as tf.gatherND(x, indices). */
export function gatherND(x: Tensor | TensorLike, indices: Tensor | TensorLike): Tensor {
  const op = 'gatherND';
  if (isStrings(x)) return onStringsOne([stringTensor(op, 'x', x)], ([i]) => gatherND(i, indices));
  const t = toTensor(op, 'x', x);
  const idx = indexTensor(op, 'indices', indices);
  checkNDIndices(op, idx, t.shape);
  const y = backend().gatherND(t, idx);
  recordOp('gatherND', [t, idx], y, null);
  return y;
}

/**
 * A tensor of `shape`, zero but for updates placed at the index tuples (duplicates add up), as
 * tf.scatterND(indices, updates, shape); updates has shape indices.shape[:-1] + shape[depth:] (rank-1 indices: one
 * index per row of updates).
 */
export function scatterND<R extends Rank = Rank>(indices: Tensor | TensorLike, updates: Tensor | TensorLike, shape: readonly number[]): Tensor<R> {
  const op = 'scatterND';
  const idx = scatterIndices(op, indices);
  const u = toTensor(op, 'updates', updates);
  const s = assertShape(op, 'shape', shape);
  const depth = checkNDIndices(op, idx, s);
  const expected = [...idx.shape.slice(0, -1), ...s.slice(depth)];
  if (u.rank !== expected.length || u.shape.some((d, i) => d !== expected[i]) || sizeOfShape(u.shape) !== sizeOfShape(expected)) {
    throw argError(op, 'updates', `shape ${fmtShape(u.shape)}`, `shape ${fmtShape(expected)} (indices.shape[:-1] + shape[${depth}:])`);
  }
  const y = backend().scatterND(idx, u, s);
  recordOp<ScatterAttrs>('scatterND', [idx, u], y, { shape: s });
  return y as Tensor<R>;
}
