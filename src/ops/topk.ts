import { Tensor } from '../tensor/tensor';
import { argError, assertBoolean, describeValue } from '../util/validate';
import { add } from './binary';
import { backend } from './engine';
import { gatherAlong } from './gather';
import { reshape } from './reshape';
import { toTensor, type TensorLike } from './tensor-like';

/**
 * The k largest values along the last axis and their indices (int32), largest first, the lower index first on ties,
 * as tf.topk(x, k = 1, sorted = true). The values are gathered from x, so gradients flow to the picked entries.
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
  // Always sorted: TF.js leaves the order unspecified when sorted is false.
  assertBoolean(op, 'sorted', sorted);
  const indices = backend().topkIndices(t, k);
  const rows = n === 0 ? 0 : t.size / n;
  const rowStarts = new Tensor([rows, 1], 'int32', Int32Array.from({ length: rows }, (_, r) => r * n));
  const flat = reshape(add(reshape(indices, [rows, k]), rowStarts), [-1]);
  const values = reshape(gatherAlong(reshape(t, [-1]), flat, 0), indices.shape);
  return { values, indices } as { values: T; indices: T };
}
