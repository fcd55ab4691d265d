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

export const neg = <T extends Tensor>(x: T | TensorLike): T => unaryOp('neg', x, 'numeric') as T;
export const abs = <T extends Tensor>(x: T | TensorLike): T => unaryOp('abs', x, 'numeric') as T;
export const exp = <T extends Tensor>(x: T | TensorLike): T => unaryOp('exp', x, 'float') as T;
export const log = <T extends Tensor>(x: T | TensorLike): T => unaryOp('log', x, 'float') as T;
export const sqrt = <T extends Tensor>(x: T | TensorLike): T => unaryOp('sqrt', x, 'float') as T;
export const square = <T extends Tensor>(x: T | TensorLike): T => unaryOp('square', x, 'numeric') as T;
export const relu = <T extends Tensor>(x: T | TensorLike): T => unaryOp('relu', x, 'numeric') as T;
export const sigmoid = <T extends Tensor>(x: T | TensorLike): T => unaryOp('sigmoid', x, 'float') as T;
export const tanh = <T extends Tensor>(x: T | TensorLike): T => unaryOp('tanh', x, 'float') as T;
export const reciprocal = <T extends Tensor>(x: T | TensorLike): T => unaryOp('reciprocal', x, 'float') as T;
/** @internal 1 where x > 0, else 0 (relu's derivative); zero gradient, as TF.js's step. */
export const step = <T extends Tensor>(x: T | TensorLike): T => unaryOp('step', x, 'numeric') as T;
/** Rounding keeps int32 as it is; their gradients are zero, as TF.js's. */
export const floor = <T extends Tensor>(x: T | TensorLike): T => unaryOp('floor', x, 'numeric') as T;
export const ceil = <T extends Tensor>(x: T | TensorLike): T => unaryOp('ceil', x, 'numeric') as T;
/** Half to even (banker's rounding), as tf.round. */
export const round = <T extends Tensor>(x: T | TensorLike): T => unaryOp('round', x, 'numeric') as T;
/** -1, 0 or 1 (0 for NaN), as tf.sign. */
export const sign = <T extends Tensor>(x: T | TensorLike): T => unaryOp('sign', x, 'numeric') as T;
export const isNaN = <T extends Tensor>(x: T | TensorLike): T => predicate('isNaN', x) as T;
export const isInf = <T extends Tensor>(x: T | TensorLike): T => predicate('isInf', x) as T;
export const isFinite = <T extends Tensor>(x: T | TensorLike): T => predicate('isFinite', x) as T;

/** NOT of a bool tensor, as tf.logicalNot. */
export function logicalNot<T extends Tensor>(x: T | TensorLike): T {
  const t = toTensor('logicalNot', 'x', x, typeof x === 'boolean' || Array.isArray(x) ? 'bool' : undefined);
  assertTensorDtype('logicalNot', 'x', t, 'bool');
  return backend().unary('logicalNot', t) as T;
}
