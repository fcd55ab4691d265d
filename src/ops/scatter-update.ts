import type { Tensor } from '../tensor/tensor';
import { assertTensor } from '../tensor/checks';
import { argError, assertShape, fmtShape, fmtValue } from '../util/validate';
import { mul } from './binary';
import { cast, floatsMet } from './cast';
import { fill, ones } from './creation';
import { checkNDIndices, gather, indexTensor, scatterIndices, scatterND } from './gather';
import { reshape } from './reshape';
import { toTensor, type TensorLike } from './tensor-like';
import { isStrings, onStringsOne, stringTensor } from './string-tensors';
import { where } from './where';

// Writes of values at index tuples where a later write to the same place replaces an earlier one (TF.js's
// sparseToDense and tensorScatterUpdate kernels), made of gather and scatterND: differentiable in the values and
// the tensor written into (TF.js registers no gradient for either).

/** The rows of [n, depth] index tuples that are the last write to their place, in order. */
function lastWrites(tuples: Tensor): Int32Array {
  const [n, depth] = tuples.shape;
  const v = tuples.dataSync();
  const last = new Map<string, number>();
  for (let i = 0; i < n; i++) last.set(Array.from(v.subarray(i * depth, (i + 1) * depth)).join(','), i);
  return Int32Array.from([...last.values()].sort((a, b) => a - b));
}

/**
 * base (or the scalar fallback) with the slices updates[i] written at tuples[i] (the last write winning), shape
 * `shape`: the scattered updates selected where a mask marks the written places. Selecting, not blending with a 0/1
 * mask, keeps a written place free of an Infinity or NaN in what it replaces (∞·0 is NaN).
 */
function writeAt(base: Tensor | null, tuples: Tensor, updates: Tensor, shape: number[], fallback: Tensor | null): Tensor {
  const keep = lastWrites(tuples);
  if (keep.length === 0) return base ?? mul(fill(shape, 1, updates.dtype), fallback as Tensor);
  const at = gather(tuples, keep);
  const written = scatterND(at, gather(updates, keep), shape);
  const marked = cast(scatterND(at, ones([keep.length, ...updates.shape.slice(1)], 'int32'), shape), 'bool');
  return where(marked, written, base ?? (fallback as Tensor));
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
  const [t, u] = floatsMet(assertTensor(op, 'tensor', toTensor(op, 'tensor', tensor)), toTensor(op, 'updates', updates));
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
