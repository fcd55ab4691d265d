import type { Tensor } from '../tensor/tensor';
import { argError, describeValue } from '../util/validate';
import { binaryOp, checkBroadcast } from './binary';
import { cast } from './cast';
import { fill, scalar } from './creation';
import { step as unitStep, unaryOp } from './unary';
import { toTensor, toTensorsBeside, type TensorLike } from './tensor-like';
import { where } from './where';

// Activation functions as tfjs-core names them (tf.elu, tf.selu, tf.leakyRelu, tf.prelu, tf.relu6, tf.softplus,
// tf.step, tf.logSigmoid).

function assertNumber(op: string, arg: string, v: unknown): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw argError(op, arg, describeValue(v), 'a number');
  return v;
}

/** x where x ≥ 0, else eˣ − 1. */
export const elu = <T extends Tensor>(x: T | TensorLike): T => unaryOp('elu', x) as T;
/** scale·x where x ≥ 0, else scale·alpha·(eˣ − 1), with Klambauer et al.'s scale and alpha. */
export const selu = <T extends Tensor>(x: T | TensorLike): T => unaryOp('selu', x) as T;
/** min(max(x, 0), 6). */
export const relu6 = <T extends Tensor>(x: T | TensorLike): T => unaryOp('relu6', x) as T;
/** log(1 + eˣ), computed without overflow. */
export const softplus = <T extends Tensor>(x: T | TensorLike): T => unaryOp('softplus', x) as T;
/** log(sigmoid(x)) = −softplus(−x), computed without overflow. */
export const logSigmoid = <T extends Tensor>(x: T | TensorLike): T => unaryOp('logSigmoid', x) as T;

/** x where x ≥ 0, else alpha·x (alpha broadcasts against x), as tf.prelu(x, alpha). */
export function prelu<T extends Tensor>(x: T | TensorLike, alpha: Tensor | TensorLike): T {
  // int32 and bool operands give float32, as TF.js's kernel writes every result in float32.
  const float = (t: Tensor) => (t.dtype === 'int32' || t.dtype === 'bool' ? cast(t, 'float32') : t);
  const [tx, ta] = toTensorsBeside('prelu', [['x', x], ['alpha', alpha]]);
  checkBroadcast('prelu', tx, ta, ['x', 'alpha']);
  return binaryOp('prelu', float(tx), float(ta)) as T;
}

/** x where x ≥ 0, else alpha·x, as tf.leakyRelu(x, alpha = 0.2). */
export function leakyRelu<T extends Tensor>(x: T | TensorLike, alpha?: number): T {
  alpha ??= 0.2;
  x = toTensor('leakyRelu', 'x', x) as T;
  // An int32 or bool x gives float32, as TF.js's.
  const a = scalar(assertNumber('leakyRelu', 'alpha', alpha), x.dtype === 'float64' ? 'float64' : 'float32');
  return binaryOp('prelu', x, a) as T;
}

/** 1 where x > 0, else alpha, as tf.step(x, alpha = 0); its gradient is zero. */
export function step<T extends Tensor>(x: T | TensorLike, alpha?: number): T {
  alpha ??= 0;
  x = toTensor('step', 'x', x) as T;
  // NaN is a value here, as in TF.js (x > 0 ? 1 : alpha).
  if (typeof alpha !== 'number') throw argError('step', 'alpha', describeValue(alpha), 'a number');
  const s = unitStep(x);
  // An int32 or bool x keeps its dtype, alpha truncated toward zero (NaN to 0), as TF.js's kernel writes alpha into
  // x's dtype.
  const integral = x.dtype === 'int32' || x.dtype === 'bool';
  const a = integral ? Math.trunc(alpha) || 0 : alpha;
  // Selected, not blended, so a non-finite alpha stays off the 1s (0·∞ is NaN).
  const out = a === 0 ? s : where(cast(s, 'bool'), s, fill(s.shape, s.dtype === 'bool' || a, s.dtype));
  return (integral && out.dtype !== x.dtype ? cast(out, x.dtype) : out) as T;
}
