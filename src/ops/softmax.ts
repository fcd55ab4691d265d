import { cast } from './cast';
import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { argError, fmtValue, withArticle } from '../util/validate';
import { assertTensor } from '../tensor/checks';
import { toTensor, toTensorAs, type TensorLike } from './tensor-like';

function checkLastAxis(op: string, x: Tensor, dim: unknown): void {
  assertTensor(op, 'logits', x);
  if (x.rank === 0) throw argError(op, 'logits', 'a scalar', 'a tensor of rank >= 1');
  if (dim !== -1 && dim !== x.rank - 1) throw argError(op, 'dim', fmtValue(dim), `-1 or ${x.rank - 1} (only the last axis is supported)`);
}

/** Softmax over the last axis, as tf.softmax(logits, dim?). */
export function softmax<T extends Tensor>(logits: T | TensorLike, dim?: number): T {
  dim ??= -1;
  logits = toTensorAs('softmax', 'logits', logits, 'float32') as T;
  checkLastAxis('softmax', logits, dim);
  // As TF.js: softmax takes float logits only, logSoftmax computes int32 and bool ones in float32.
  if (logits.dtype === 'int32' || logits.dtype === 'bool') throw argError('softmax', 'logits', `${withArticle(logits.dtype)} tensor`, 'a float32 or float64 tensor');
  const y = backend().softmax(logits);
  recordOp('softmax', [logits], y, null);
  return y as T;
}

/** log(softmax) over the last axis, computed stably, as tf.logSoftmax(logits, axis?). */
export function logSoftmax<T extends Tensor>(logits: T | TensorLike, axis?: number): T {
  axis ??= -1;
  logits = toTensor('logSoftmax', 'logits', logits) as T;
  checkLastAxis('logSoftmax', logits, axis);
  if (logits.dtype === 'int32' || logits.dtype === 'bool') return logSoftmax(cast(logits, 'float32'), axis);
  const y = backend().logSoftmax(logits);
  recordOp('logSoftmax', [logits], y, null);
  return y as T;
}
