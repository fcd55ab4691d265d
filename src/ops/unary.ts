import type { UnaryOp } from '../backend/backend';
import { assertTensor } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { backend } from './engine';

/** @internal A recorded elementwise op of one tensor (the op name is also its gradient rule's name). */
export function unaryOp(op: UnaryOp, x: Tensor): Tensor {
  assertTensor(op, 'x', x);
  const y = backend().unary(op, x);
  recordOp(op, [x], y, null);
  return y;
}

export const neg = (x: Tensor): Tensor => unaryOp('neg', x);
export const abs = (x: Tensor): Tensor => unaryOp('abs', x);
export const exp = (x: Tensor): Tensor => unaryOp('exp', x);
export const log = (x: Tensor): Tensor => unaryOp('log', x);
export const sqrt = (x: Tensor): Tensor => unaryOp('sqrt', x);
export const square = (x: Tensor): Tensor => unaryOp('square', x);
export const relu = (x: Tensor): Tensor => unaryOp('relu', x);
export const sigmoid = (x: Tensor): Tensor => unaryOp('sigmoid', x);
export const tanh = (x: Tensor): Tensor => unaryOp('tanh', x);
export const reciprocal = (x: Tensor): Tensor => unaryOp('reciprocal', x);
/** @internal 1 where x > 0, else 0 (relu's derivative); zero gradient, as TF.js's step. */
export const step = (x: Tensor): Tensor => unaryOp('step', x);
