import type { UnaryOp } from '../backend/backend';
import { backend } from '../backend/registry';
import { recordOp } from '../backprop';
import type { Tensor } from '../tensor';
import { div, mul, sub } from './binary';
import { assertTensor } from './validate';

function unaryOp(op: UnaryOp, x: Tensor, backward: (dy: Tensor, y: Tensor) => Tensor): Tensor {
  assertTensor(op, 'x', x);
  const y = backend().unary(op, x);
  recordOp([x], y, (dy) => [backward(dy, y)]);
  return y;
}

const step = (x: Tensor) => backend().unary('step', x);

export const neg = (x: Tensor): Tensor => unaryOp('neg', x, (dy) => neg(dy));
export const abs = (x: Tensor): Tensor => unaryOp('abs', x, (dy) => mul(dy, sub(step(x), step(backend().unary('neg', x)))));
export const exp = (x: Tensor): Tensor => unaryOp('exp', x, (dy, y) => mul(dy, y));
export const log = (x: Tensor): Tensor => unaryOp('log', x, (dy) => div(dy, x));
export const sqrt = (x: Tensor): Tensor => unaryOp('sqrt', x, (dy, y) => div(dy, mul(y, 2)));
export const square = (x: Tensor): Tensor => unaryOp('square', x, (dy) => mul(dy, mul(x, 2)));
export const relu = (x: Tensor): Tensor => unaryOp('relu', x, (dy) => mul(dy, step(x)));
export const sigmoid = (x: Tensor): Tensor => unaryOp('sigmoid', x, (dy, y) => mul(dy, mul(y, sub(1, y))));
export const tanh = (x: Tensor): Tensor => unaryOp('tanh', x, (dy, y) => mul(dy, sub(1, mul(y, y))));
export const reciprocal = (x: Tensor): Tensor => unaryOp('reciprocal', x, (dy, y) => neg(mul(dy, mul(y, y))));
