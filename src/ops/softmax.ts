import { backend } from '../backend/registry';
import { recordOp } from '../backprop';
import type { Tensor } from '../tensor';
import { mul, sub } from './binary';
import { sum } from './reduction';
import { exp } from './unary';
import { argError, assertTensor, fmtValue } from './validate';

function checkLastAxis(op: string, x: Tensor, dim: unknown): void {
  assertTensor(op, 'logits', x);
  if (x.rank === 0) throw argError(op, 'logits', 'a scalar', 'a tensor of rank >= 1');
  if (dim !== -1 && dim !== x.rank - 1) throw argError(op, 'dim', fmtValue(dim), `-1 or ${x.rank - 1} (only the last axis is supported)`);
}

/** Softmax over the last axis, as tf.softmax(logits, dim?). */
export function softmax(logits: Tensor, dim = -1): Tensor {
  checkLastAxis('softmax', logits, dim);
  const y = backend().softmax(logits);
  recordOp([logits], y, (dy) => [mul(y, sub(dy, sum(mul(dy, y), -1, true)))]);
  return y;
}

/** log(softmax) over the last axis, computed stably, as tf.logSoftmax(logits, axis?). */
export function logSoftmax(logits: Tensor, axis = -1): Tensor {
  checkLastAxis('logSoftmax', logits, axis);
  const y = backend().logSoftmax(logits);
  recordOp([logits], y, (dy) => [sub(dy, mul(exp(y), sum(dy, -1, true)))]);
  return y;
}
