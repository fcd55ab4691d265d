import type { UnaryOp } from '../backend/backend';
import { assertTensorDtype } from '../tensor/checks';
import { argError, withArticle } from '../util/validate';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { cast } from './cast';
import { add, div, equal, maximum, mul } from './binary';
import { imagPart, isComplex, realPart } from './complex-parts';
import { backend } from './engine';
import { toTensor, toTensorAs, type TensorLike } from './tensor-like';
import { where } from './where';

/**
 * What TF.js 4.22 does with an int32 or bool x, by op: it refuses them where its op demands float32 (and erf a bool
 * x); computes exp and erf in float32; everywhere else it keeps x's dtype, writing the float results into x's int32
 * array (truncated towards zero, NaN and ±Infinity to 0). tessera gives the same dtypes and values, and the same
 * refusals.
 */
const FLOAT_ONLY = new Set<UnaryOp>(['log', 'sqrt', 'rsqrt', 'sin', 'cos', 'tan', 'cosh', 'tanh', 'sigmoid', 'elu', 'floor', 'ceil']);
const TO_FLOAT = new Set<UnaryOp>(['exp', 'erf']);
/** Ops whose kernels compute on int32 values exactly. */
const INT_KERNEL = new Set<UnaryOp>(['neg', 'abs', 'square', 'relu', 'step', 'round', 'sign']);

/** @internal A recorded elementwise op of one tensor (the op name is also its gradient rule's name). */
export function unaryOp(op: UnaryOp, x: Tensor | TensorLike): Tensor {
  // As TF.js, values (not a tensor) given to a float-only op are read as float32.
  const t = FLOAT_ONLY.has(op) ? toTensorAs(op, 'x', x, 'float32') : toTensor(op, 'x', x);
  if (t.dtype === 'int32' || t.dtype === 'bool') {
    if (FLOAT_ONLY.has(op)) throw argError(op, 'x', `${withArticle(t.dtype)} tensor`, 'a float32 or float64 tensor (as in TF.js)');
    if (op === 'erf' && t.dtype === 'bool') throw argError(op, 'x', 'a bool tensor', 'an int32, float32 or float64 tensor (as in TF.js)');
    // TF.js 4.22 gives a bool x back unchanged here, no log-sigmoid of anything; tessera refuses it.
    if (op === 'logSigmoid' && t.dtype === 'bool') throw argError(op, 'x', 'a bool tensor', 'an int32, float32 or float64 tensor');
    if (TO_FLOAT.has(op)) return unaryOp(op, cast(t, 'float32'));
    // Each step is recorded (the casts pass dy through), so an int32 argument of tf.grad gets TF.js's float gradient.
    const y = INT_KERNEL.has(op) ? recorded(op, cast(t, 'int32')) : cast(recorded(op, cast(t, 'float32')), 'int32');
    return t.dtype === 'bool' ? cast(y, 'bool') : y;
  }
  return recorded(op, t);
}

function recorded(op: UnaryOp, x: Tensor): Tensor {
  const y = backend().unary(op, x);
  recordOp(op, [x], y, null);
  return y;
}

/** A test of each value: any dtype in, bool out; recorded with a zero gradient, as TF.js's isNaN, isInf and isFinite. */
function predicate(op: UnaryOp, x: Tensor | TensorLike): Tensor {
  return recorded(op, toTensor(op, 'x', x));
}

export const neg = <T extends Tensor>(x: T | TensorLike): T => unaryOp('neg', x) as T;

/**
 * |re + im·i| as s·√((re/s)² + (im/s)²) with s the larger of |re| and |im|, as TF.js's hypot: squaring the parts
 * first would make 1e-30 vanish and 1e20 overflow in float32. The value does not depend on s, so no gradient flows
 * through it, whichever part maximum picks where |re| = |im|. At 0 + 0i it is 0 with gradient 0, as PyTorch's (the
 * inner where keeps the unused branch's derivative finite).
 */
function complexAbs(x: Tensor): Tensor {
  const re = realPart(x);
  const im = imagPart(x);
  const s = maximum(unaryOp('abs', re), unaryOp('abs', im));
  const zero = equal(s, 0);
  const d = where(zero, 1, s);
  const q = add(square(div(re, d)), square(div(im, d)));
  return where(zero, 0, mul(s, sqrt(where(zero, 1, q))));
}

/** |x|; a complex tensor's magnitude (float32 for complex64), as TF.js's. */
export const abs = <T extends Tensor>(x: T | TensorLike): T => (isComplex(x) ? complexAbs(x as Tensor) : unaryOp('abs', x)) as T;
export const exp = <T extends Tensor>(x: T | TensorLike): T => unaryOp('exp', x) as T;
export const log = <T extends Tensor>(x: T | TensorLike): T => unaryOp('log', x) as T;
export const sqrt = <T extends Tensor>(x: T | TensorLike): T => unaryOp('sqrt', x) as T;
export const square = <T extends Tensor>(x: T | TensorLike): T => unaryOp('square', x) as T;
export const relu = <T extends Tensor>(x: T | TensorLike): T => unaryOp('relu', x) as T;
export const sigmoid = <T extends Tensor>(x: T | TensorLike): T => unaryOp('sigmoid', x) as T;
export const tanh = <T extends Tensor>(x: T | TensorLike): T => unaryOp('tanh', x) as T;
export const reciprocal = <T extends Tensor>(x: T | TensorLike): T => unaryOp('reciprocal', x) as T;
/** @internal 1 where x > 0, else 0 (relu's derivative); zero gradient, as TF.js's step. */
export const step = <T extends Tensor>(x: T | TensorLike): T => unaryOp('step', x) as T;
/** Rounding: zero gradients, as TF.js's. */
export const floor = <T extends Tensor>(x: T | TensorLike): T => unaryOp('floor', x) as T;
export const ceil = <T extends Tensor>(x: T | TensorLike): T => unaryOp('ceil', x) as T;
/** Half to even (banker's rounding), as tf.round. */
export const round = <T extends Tensor>(x: T | TensorLike): T => unaryOp('round', x) as T;
/** -1, 0 or 1 (0 for NaN), as tf.sign. */
export const sign = <T extends Tensor>(x: T | TensorLike): T => unaryOp('sign', x) as T;
export const isNaN = <T extends Tensor>(x: T | TensorLike): T => predicate('isNaN', x) as T;
export const isInf = <T extends Tensor>(x: T | TensorLike): T => predicate('isInf', x) as T;
export const isFinite = <T extends Tensor>(x: T | TensorLike): T => predicate('isFinite', x) as T;

/** NOT of a bool tensor, as tf.logicalNot. */
export function logicalNot<T extends Tensor>(x: T | TensorLike): T {
  const t = toTensorAs('logicalNot', 'x', x, 'bool');
  assertTensorDtype('logicalNot', 'x', t, 'bool');
  return backend().unary('logicalNot', t) as T;
}
