import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import type { DType, Tensor } from '../tensor/tensor';
import { assertDtype } from '../tensor/checks';
import { toTensor, type TensorLike } from './tensor-like';
import { sharing } from './reshape';

/**
 * The same values in another dtype, as tf.cast(x, dtype): to int32 by truncation toward zero, to bool as x != 0.
 * Differentiable between float dtypes (the gradient casts back); through int32 or bool the gradient is zero.
 */
export function cast<T extends Tensor>(x: T | TensorLike, dtype: DType): T {
  x = toTensor('cast', 'x', x) as T;
  assertDtype('cast', 'dtype', dtype);
  // To its own dtype x's buffer is shared, as TF.js's clone shares it; not a variable's, whose values change in place.
  const y = dtype === x.dtype && !x.isVariable ? sharing(x, x.shape) : backend().cast(x, dtype);
  recordOp('cast', [x], y, null);
  return y as T;
}

/** A copy of x (same dtype), as tf.clone(x); the gradient passes through. */
export function clone<T extends Tensor>(x: T | TensorLike): T {
  x = toTensor('clone', 'x', x) as T;
  return cast(x, x.dtype) as T;
}
