import type { Tensor } from '../tensor/tensor';
import { broadcastShapes } from '../backend/shapes';
import { argError, fmtShape, fmtValue, withArticle } from '../util/validate';
import { tensor } from './creation';
import { toTensor, type TensorLike } from './tensor-like';
import { isStrings, stringTensor } from './string-tensors';

// Ops on shapes themselves: checking a tensor's shape, and broadcasting two shapes given as tensors.

/**
 * x itself when its shape matches `shape` (a null entry matches any size), as tf.ensureShape; an error naming
 * both shapes otherwise.
 */
export function ensureShape<T extends Tensor>(x: T | TensorLike, shape: Array<number | null>): T {
  const op = 'ensureShape';
  const t = (isStrings(x) ? stringTensor(op, 'x', x) : toTensor(op, 'x', x)) as T;
  if (!Array.isArray(shape) || !shape.every((d) => d === null || (Number.isInteger(d) && d >= 0))) {
    throw argError(op, 'shape', fmtValue(shape), 'an array of sizes (null for any size)');
  }
  const fits = shape.length === t.rank && shape.every((d, i) => d === null || d === t.shape[i]);
  if (!fits) throw argError(op, 'x', `shape ${fmtShape(t.shape)}`, `a shape compatible with [${shape.map((d) => (d === null ? 'null' : d)).join(', ')}]`);
  return t;
}

function shapeValues(op: string, arg: string, v: Tensor | TensorLike): number[] {
  const t = toTensor(op, arg, v, 'int32');
  if (t.dtype !== 'int32' || t.rank !== 1) throw argError(op, arg, `${withArticle(t.dtype)} tensor of shape ${fmtShape(t.shape)}`, 'a 1-D int32 tensor (a shape)');
  return Array.from(t.dataSync());
}

/** The shape two shapes broadcast to, as tf.broadcastArgs: both and the result are 1-D int32 tensors. */
export function broadcastArgs(s0: Tensor | TensorLike, s1: Tensor | TensorLike): Tensor {
  const op = 'broadcastArgs';
  const a = shapeValues(op, 's0', s0);
  const b = shapeValues(op, 's1', s1);
  const out = broadcastShapes(a, b);
  if (!out) throw argError(op, 's1', `shape [${b.join(', ')}]`, `a shape that broadcasts with s0's [${a.join(', ')}]`);
  return tensor(out, [out.length], 'int32');
}
