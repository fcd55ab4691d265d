import type { Rank } from '../tensor/value-types';
import { rowMajorStrides } from '../backend/shapes';
import { isRecording, recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { argError, assertHoldable, fmtShape, shown } from '../util/validate';
import { broadcastTo as broadcastInternal } from './broadcast';
import { backend } from './engine';
import { reshape } from './reshape';
import { toTensor, type TensorLike } from './tensor-like';
import { isStrings, onStringsOne, stringTensor } from './string-tensors';

export interface TileAttrs {
  reps: readonly number[];
}

/** [r0, d0, r1, d1, ...]: the tiled result seen with each repetition count as an axis of its own (same layout). */
export function tiledView(shape: readonly number[], reps: readonly number[]): number[] {
  return shape.flatMap((d, k) => [reps[k], d]);
}

/** As tf.tile(x, reps): x repeated reps[i] times along axis i. */
export function tile<T extends Tensor>(x: T | TensorLike, reps: number[]): T {
  if (isStrings(x)) return onStringsOne([stringTensor('tile', 'x', x)], ([i]) => tile(i, reps)) as T;
  x = toTensor('tile', 'x', x) as T;
  const ok = Array.isArray(reps) && reps.length === x.rank && reps.every((r) => Number.isInteger(r) && r >= 0);
  if (!ok) throw argError('tile', 'reps', shown(reps), `an array of ${x.rank} non-negative integers (one per axis of x, shape ${fmtShape(x.shape)})`);
  assertHoldable('tile', 'reps', x.shape.map((d, k) => d * reps[k]));
  if (reps.every((r) => r === 1)) return reshape(x, x.shape) as T;
  // A repeated axis takes two axes of the strided view (the repetition, then the axis) that do not merge with their
  // neighbours; two repeated axes at a time keep every view within 5 axes, inside each backend's limit (the gpu's 6).
  const repeated = reps.flatMap((r, k) => (r === 1 ? [] : [k]));
  if (repeated.length > 2) {
    const split = repeated[1];
    const mid = tile(x, reps.map((r, k) => (k <= split ? r : 1)));
    const y = tile(mid, reps.map((r, k) => (k <= split ? 1 : r)));
    if (!isRecording()) mid.dispose();
    return y as T;
  }
  const strides = rowMajorStrides(x.shape);
  // Each repetition axis reads x again from the start: stride 0.
  const tiled = backend().gatherStrided(x, tiledView(x.shape, reps), 0, strides.flatMap((s) => [0, s]));
  const y = reshape(tiled, x.shape.map((d, k) => d * reps[k]));
  tiled.dispose();
  recordOp<TileAttrs>('tile', [x], y, { reps: reps.slice() });
  return y as T;
}

/** As tf.broadcastTo(x, shape): x repeated along its size-1 (and missing leading) axes to shape. */
export function broadcastTo<R extends Rank = Rank>(x: Tensor | TensorLike, shape: number[]): Tensor<R> {
  x = toTensor('broadcastTo', 'x', x);
  const ok = Array.isArray(shape) && shape.every((d) => Number.isInteger(d) && d >= 0) && shape.length >= x.rank;
  if (!ok) throw argError('broadcastTo', 'shape', shown(shape), `an array of at least ${x.rank} non-negative integers (x has shape ${fmtShape(x.shape)})`);
  const lead = shape.length - x.rank;
  x.shape.forEach((d, k) => {
    if (d !== shape[lead + k] && d !== 1) throw argError('broadcastTo', 'shape', shown(shape), `a shape that ${fmtShape(x.shape)} broadcasts to (each dim equal, or x's dim 1)`);
  });
  // A new tensor even when nothing repeats, as TF.js's clone.
  return (x.rank === shape.length && x.shape.every((d, k) => d === shape[k]) ? reshape(x, shape) : broadcastInternal(x, shape)) as Tensor<R>;
}
