import { Tensor } from '../tensor/tensor';
import { argError, assertShape, fmtShape, fmtValue } from '../util/validate';
import { mul } from './binary';
import { clone, floatOperands } from './cast';
import { fill, ones } from './creation';
import { checkNDIndices, gather, indexTensor, scatterIndices, scatterND } from './gather';
import { reshape } from './reshape';
import { toTensor, type TensorLike } from './tensor-like';
import { isStrings, onStringsOne, stringTensor } from './string-tensors';
import { where } from './where';

// Writes of values at index tuples where a later write to the same place replaces an earlier one (TF.js's
// sparseToDense and tensorScatterUpdate kernels), made of gather and scatterND: differentiable in the values and
// the tensor written into (TF.js registers no gradient for either).

/**
 * Which rows of [n, depth] index tuples into shape's first dims are the last write to their place (in order; null
 * when every row is), and a mark (1) on each place written. Places are numbered flat (indices are checked in range
 * first), so the marks take no more room than the result.
 */
function lastWrites(tuples: Tensor, shape: readonly number[]): { keep: Int32Array | null; marked: Uint8Array } {
  const [n, depth] = tuples.shape;
  const v = tuples.dataSync();
  const places = new Int32Array(n);
  let count = 1;
  for (let j = 0; j < depth; j++) count *= shape[j];
  for (let i = 0; i < n; i++) {
    let place = 0;
    for (let j = 0; j < depth; j++) place = place * shape[j] + v[i * depth + j];
    places[i] = place;
  }
  const last = new Int32Array(count);
  const marked = new Uint8Array(count);
  for (let i = 0; i < n; i++) {
    last[places[i]] = i;
    marked[places[i]] = 1;
  }
  let kept = 0;
  for (let i = 0; i < n; i++) if (last[places[i]] === i) kept++;
  if (kept === n) return { keep: null, marked };
  const keep = new Int32Array(kept);
  for (let i = 0, k = 0; i < n; i++) if (last[places[i]] === i) keep[k++] = i;
  return { keep, marked };
}

/**
 * base (or the scalar fallback) with the slices updates[i] written at tuples[i] (the last write winning), shape
 * `shape`: the scattered updates selected where the written places are marked. Selecting, not blending with a 0/1
 * mask, keeps a written place free of an Infinity or NaN in what it replaces (∞·0 is NaN).
 */
function writeAt(base: Tensor | null, tuples: Tensor, updates: Tensor, shape: number[], fallback: Tensor | null): Tensor {
  // Nothing written: a new tensor still, as TF.js returns one (disposing the input must not dispose the result).
  if (tuples.shape[0] === 0) return base ? clone(base) : mul(fill(shape, 1, updates.dtype), fallback as Tensor);
  const { keep, marked } = lastWrites(tuples, shape);
  const written = keep ? scatterND(gather(tuples, keep), gather(updates, keep), shape) : scatterND(tuples, updates, shape);
  // The marks per place, broadcast along the slices each place holds.
  const depth = tuples.shape[1];
  const marks = new Tensor([...shape.slice(0, depth), ...shape.slice(depth).map(() => 1)], 'bool', marked);
  return where(marks, written, base ?? (fallback as Tensor));
}

/**
 * A dense tensor of outputShape holding sparseValues at sparseIndices and defaultValue elsewhere, as
 * tf.sparseToDense(sparseIndices, sparseValues, outputShape, defaultValue?): indices a scalar, a vector (one
 * place per entry of a 1-D output) or an [n, rank] matrix; values a scalar (every place) or one per place.
 */
export function sparseToDense<R extends Tensor = Tensor>(
  sparseIndices: Tensor | TensorLike, sparseValues: Tensor | TensorLike, outputShape: readonly number[], defaultValue?: Tensor | TensorLike,
): R {
  defaultValue ??= 0;
  const op = 'sparseToDense';
  if (isStrings(sparseValues)) {
    const strings = [stringTensor(op, 'sparseValues', sparseValues), stringTensor(op, 'defaultValue', defaultValue)];
    return onStringsOne(strings, ([values, fallback]) => sparseToDense(sparseIndices, values, outputShape, fallback)) as R;
  }
  const shape = assertShape(op, 'outputShape', outputShape);
  const idx = indexTensor(op, 'sparseIndices', sparseIndices);
  const values = toTensor(op, 'sparseValues', sparseValues);
  const fallback = toTensor(op, 'defaultValue', defaultValue, values.dtype);
  if (idx.rank > 2) throw argError(op, 'sparseIndices', `shape ${fmtShape(idx.shape)}`, 'a scalar, a vector or an [n, rank] matrix');
  const n = idx.rank > 0 ? idx.shape[0] : 1;
  const depth = idx.rank > 1 ? idx.shape[1] : 1;
  if (shape.length !== depth) throw argError(op, 'outputShape', fmtValue(outputShape), `a shape of rank ${depth} (the index depth of sparseIndices ${fmtShape(idx.shape)})`);
  if (!(values.rank === 0 || (values.rank === 1 && values.size === n))) throw argError(op, 'sparseValues', `shape ${fmtShape(values.shape)}`, `shape [] or [${n}] (one value per index)`);
  if (fallback.rank !== 0) throw argError(op, 'defaultValue', `shape ${fmtShape(fallback.shape)}`, 'a scalar');
  if (fallback.dtype !== values.dtype) throw argError(op, 'defaultValue', `dtype ${fallback.dtype}`, `sparseValues' dtype ${values.dtype}`);
  const tuples = reshape(idx, [n, depth]);
  checkNDIndices(op, tuples, shape);
  const perPlace = values.rank === 0 ? mul(ones([n], values.dtype), values) : values;
  return writeAt(null, tuples, perPlace, shape, fallback) as R;
}

/**
 * tensor with the slices of updates written at the index tuples of indices (a later duplicate replacing an earlier
 * one), as tf.tensorScatterUpdate(tensor, indices, updates); updates has shape indices.shape[:-1] +
 * tensor.shape[depth:] (rank-1 indices: one index per row of updates).
 */
export function tensorScatterUpdate<R extends Tensor = Tensor>(tensor: Tensor | TensorLike, indices: Tensor | TensorLike, updates: Tensor | TensorLike): R {
  const op = 'tensorScatterUpdate';
  const idx = scatterIndices(op, indices);
  const [t, u] = floatOperands(op, [['tensor', tensor], ['updates', updates]]);
  const depth = checkNDIndices(op, idx, t.shape);
  if (depth === 0) throw argError(op, 'indices', `shape ${fmtShape(idx.shape)}`, 'index tuples of at least one dim (a last dim >= 1)');
  const expected = [...idx.shape.slice(0, -1), ...t.shape.slice(depth)];
  if (u.rank !== expected.length || u.shape.some((d, i) => d !== expected[i])) {
    throw argError(op, 'updates', `shape ${fmtShape(u.shape)}`, `shape ${fmtShape(expected)} (indices.shape[:-1] + tensor.shape[${depth}:])`);
  }
  if (u.dtype !== t.dtype) throw argError(op, 'updates', `dtype ${u.dtype}`, `tensor's dtype ${t.dtype}`);
  const n = idx.size / depth;
  return writeAt(t, reshape(idx, [n, depth]), reshape(u, [n, ...t.shape.slice(depth)]), t.shape.slice(), null) as R;
}
