import { assertTensorDtype } from '../tensor/checks';
import { Tensor, arrayTypeFor, sizeOfShape } from '../tensor/tensor';
import type { Tensor1D, Tensor2D } from '../tensor/tfjs-types';
import { tidy } from '../tensor/tidy';
import { firstSeenIds } from '../util/first-seen';
import { argError, describeValue, fmtShape, normalizeAxes } from '../util/validate';
import { tensor } from './creation';
import { gather } from './gather';
import { reshape } from './reshape';
import { assertAxis } from './shape-args';
import { toTensor, toTensorAs, type TensorLike } from './tensor-like';
import { transpose } from './transpose';
import { isStrings, stringTensor, uniqueStrings } from './string-tensors';

// Ops whose output shape depends on the values (which elements are true, which are distinct): they read the values
// on the host, as TF.js's kernels do, and select with gather, so what they select keeps its gradient.

/** The coordinates of the true elements of condition, one row each in row-major order (int32 [n, rank]), as tf.whereAsync. */
function where(condition: Tensor | TensorLike): Tensor2D {
  const c = toTensorAs('whereAsync', 'condition', condition, 'bool');
  assertTensorDtype('whereAsync', 'condition', c, 'bool');
  const values = c.hostValues();
  const coords: number[] = [];
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) continue;
    n++;
    for (let a = c.rank - 1, rest = i, at = coords.length; a >= 0; a--) {
      coords[at + a] = rest % c.shape[a];
      rest = Math.floor(rest / c.shape[a]);
    }
  }
  return tensor(coords, [n, c.rank], 'int32') as Tensor2D;
}

/**
 * The slices of x whose mask entry is true, where mask covers x's axes axis … axis + mask.rank − 1 (flattened into
 * one axis of the result), as tf.booleanMaskAsync(tensor, mask, axis = 0).
 */
function booleanMask(x: Tensor | TensorLike, mask: Tensor | TensorLike, axis?: number): Tensor {
  const op = 'booleanMaskAsync';
  const t = toTensor(op, 'tensor', x);
  const m = toTensorAs(op, 'mask', mask, 'bool');
  assertTensorDtype(op, 'mask', m, 'bool');
  if (m.rank === 0) throw argError(op, 'mask', 'a scalar', 'a tensor of rank >= 1');
  // A negative axis counts from the end (TF.js slices the shape with it and fails on a NaN size).
  const from = assertAxis(op, 'axis', axis ?? 0, t.rank);
  if (from + m.rank > t.rank) throw argError(op, 'mask', `rank ${m.rank}`, `at most ${t.rank - from}: the tensor's axes from axis ${from} on`);
  const covered = t.shape.slice(from, from + m.rank);
  if (covered.length !== m.rank || covered.some((d, i) => d !== m.shape[i])) {
    throw argError(op, 'mask', `shape ${fmtShape(m.shape)}`, `the shape ${fmtShape(covered)} of tensor's axes ${from} … ${from + m.rank - 1}`);
  }
  const flat = reshape(t, [...t.shape.slice(0, from), sizeOfShape(covered), ...t.shape.slice(from + m.rank)]);
  const marks = m.hostValues();
  const picked: number[] = [];
  for (let i = 0; i < marks.length; i++) if (marks[i]) picked.push(i);
  return gather(flat, tensor(picked, [picked.length], 'int32'), from);
}

/** The values of x not in y, in x's order, and their indices in x, as tf.setdiff1dAsync(x, y). */
function setdiff1d(x: Tensor | TensorLike, y: Tensor | TensorLike): [Tensor, Tensor] {
  const op = 'setdiff1dAsync';
  const a = toTensor(op, 'x', x);
  const b = toTensor(op, 'y', y);
  if (a.dtype !== b.dtype) throw argError(op, 'y', `dtype ${b.dtype}`, `the dtype ${a.dtype} of x`);
  if (a.rank !== 1) throw argError(op, 'x', `shape ${fmtShape(a.shape)}`, 'a 1-D tensor');
  if (b.rank !== 1) throw argError(op, 'y', `shape ${fmtShape(b.shape)}`, 'a 1-D tensor');
  const drop = new Set(b.hostValues());
  const xs = a.hostValues();
  const at = new Int32Array(xs.length);
  let count = 0;
  for (let i = 0; i < xs.length; i++) if (!drop.has(xs[i])) at[count++] = i;
  const kept = at.slice(0, count);
  const values = new (arrayTypeFor(a.dtype))(count);
  for (let k = 0; k < count; k++) values[k] = xs[kept[k]];
  return [new Tensor([count], a.dtype, values), new Tensor([count], 'int32', kept)];
}

/**
 * The distinct slices of x along axis in order of first appearance, and for each slice of x the index of its
 * distinct value (int32), as tf.unique(x, axis = 0); NaN equals NaN, and 0 equals −0.
 */
export function unique<T extends Tensor>(x: T | TensorLike, axis?: number): { values: T; indices: Tensor1D } {
  axis ??= 0;
  if (isStrings(x)) return uniqueStrings(stringTensor('unique', 'x', x), axis, unique) as { values: T; indices: Tensor1D };
  const t = toTensor('unique', 'x', x);
  if (t.rank === 0) throw argError('unique', 'x', 'a scalar', 'a tensor of rank >= 1');
  if (typeof axis !== 'number') throw argError('unique', 'axis', describeValue(axis), `an integer in [${-t.rank}, ${t.rank})`);
  const [a] = normalizeAxes('unique', axis, t.rank);
  // Slices along a as rows: [x.shape[a], rest].
  const perm = [a, ...t.shape.map((_, i) => i).filter((i) => i !== a)];
  const rows = t.shape[a];
  const values = (a === 0 ? t : transpose(t, perm)).hostValues();
  const width = rows === 0 ? 0 : values.length / rows;
  // A slice of one element is its own key (a Map's keys already equate NaN with NaN and 0 with −0); a wider one is
  // spelt out, as those strings equate them too.
  const { ids, firsts } = width === 1
    ? firstSeenIds(rows, (r) => values[r])
    : firstSeenIds(rows, (r) => Array.from(values.subarray(r * width, (r + 1) * width), String).join(','));
  return { values: gather(t, tensor(firsts, [firsts.length], 'int32'), a) as T, indices: tensor(ids, [rows], 'int32') as Tensor1D };
}

/**
 * Whether each target class is among the k highest predictions of its row (ties go to the lower index), bool in
 * targets' shape, as tf.inTopKAsync(predictions, targets, k = 1).
 */
function inTopK(predictions: Tensor | TensorLike, targets: Tensor | TensorLike, k?: number): Tensor {
  k ??= 1;
  const op = 'inTopKAsync';
  const p = toTensor(op, 'predictions', predictions);
  const t = toTensor(op, 'targets', targets);
  if (p.rank < 2) throw argError(op, 'predictions', `rank ${p.rank}`, 'rank 2 or higher');
  const classes = p.shape[p.rank - 1];
  if (t.rank !== p.rank - 1 || t.shape.some((d, i) => d !== p.shape[i])) {
    throw argError(op, 'targets', `shape ${fmtShape(t.shape)}`, `the shape ${fmtShape(p.shape.slice(0, -1))} of predictions without its last axis`);
  }
  if (!Number.isInteger(k) || k < 1 || k > classes) throw argError(op, 'k', String(k), `an integer in [1, ${classes}]`);
  const scores = p.hostValues();
  const wanted = t.hostValues();
  const hits = Array.from(wanted, (target, row) => {
    const order = Array.from({ length: classes }, (_, i) => i).sort((i, j) => scores[row * classes + j] - scores[row * classes + i]);
    return order.slice(0, k).includes(target) ? 1 : 0;
  });
  return tensor(hits, t.shape, 'bool');
}

/**
 * The async form TF.js gives these ops (they read values on the host), in a scope: what the op makes on the way,
 * tensors made from arrays included, goes with it; only the result outlives it.
 */
function hostAsync<A extends unknown[], R extends Tensor | Tensor[]>(f: (...args: A) => R): (...args: A) => Promise<R> {
  return async (...args: A) => tidy(() => f(...args));
}

export const whereAsync = hostAsync(where);
export const booleanMaskAsync = hostAsync(booleanMask);
export const setdiff1dAsync = hostAsync(setdiff1d);
export const inTopKAsync = hostAsync(inTopK);
