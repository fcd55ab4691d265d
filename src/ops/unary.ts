import type { UnaryOp } from '../backend/backend';
import { assertTensorDtype } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { cast } from './cast';
import { backend } from './engine';
import { toTensor, type TensorLike } from './tensor-like';

/** Where an op's values live: float-valued ops take int32/bool as float32 (as TF.js's exp, log, ...); the others keep int32. */
type Domain = 'float' | 'numeric';

/** @internal A recorded elementwise op of one tensor (the op name is also its gradient rule's name). */
export function unaryOp(op: UnaryOp, x: Tensor | TensorLike, domain: Domain = 'float'): Tensor {
  let t = toTensor(op, 'x', x);
  if (t.dtype === 'bool' || (domain === 'float' && t.dtype === 'int32')) t = cast(t, domain === 'float' ? 'float32' : 'int32');
  const y = backend().unary(op, t);
  recordOp(op, [t], y, null);
  return y;
}

/** A test of each value: any dtype in, bool out, not differentiable. */
function predicate(op: UnaryOp, x: Tensor | TensorLike): Tensor {
  return backend().unary(op, toTensor(op, 'x', x));
}

type In = Tensor | TensorLike;

export const neg = (x: In): Tensor => unaryOp('neg', x, 'numeric');
export const abs = (x: In): Tensor => unaryOp('abs', x, 'numeric');
export const exp = (x: In): Tensor => unaryOp('exp', x, 'float');
export const log = (x: In): Tensor => unaryOp('log', x, 'float');
export const sqrt = (x: In): Tensor => unaryOp('sqrt', x, 'float');
export const square = (x: In): Tensor => unaryOp('square', x, 'numeric');
export const relu = (x: In): Tensor => unaryOp('relu', x, 'numeric');
export const sigmoid = (x: In): Tensor => unaryOp('sigmoid', x, 'float');
export const tanh = (x: In): Tensor => unaryOp('tanh', x, 'float');
export const reciprocal = (x: In): Tensor => unaryOp('reciprocal', x, 'float');
/** @internal 1 where x > 0, else 0 (relu's derivative); zero gradient, as TF.js's step. */
export const step = (x: In): Tensor => unaryOp('step', x, 'numeric');
/** Rounding keeps int32 as it is; their gradients are zero, as TF.js's. */
export const floor = (x: In): Tensor => unaryOp('floor', x, 'numeric');
export const ceil = (x: In): Tensor => unaryOp('ceil', x, 'numeric');
/** Half to even (banker's rounding), as tf.round. */
export const round = (x: In): Tensor => unaryOp('round', x, 'numeric');
/** -1, 0 or 1 (0 for NaN), as tf.sign. */
export const sign = (x: In): Tensor => unaryOp('sign', x, 'numeric');
export const isNaN = (x: In): Tensor => predicate('isNaN', x);
export const isInf = (x: In): Tensor => predicate('isInf', x);
export const isFinite = (x: In): Tensor => predicate('isFinite', x);

/** NOT of a bool tensor, as tf.logicalNot. */
export function logicalNot(x: In): Tensor {
  const t = toTensor('logicalNot', 'x', x, typeof x === 'boolean' || Array.isArray(x) ? 'bool' : undefined);
  assertTensorDtype('logicalNot', 'x', t, 'bool');
  return backend().unary('logicalNot', t);
}
