import { backend } from '../backend/registry';
import { recordOp } from '../backprop';
import type { DType, Tensor } from '../tensor';
import { assertDtype, assertTensor } from './validate';

/** The same values in another dtype, as tf.cast(x, dtype). Differentiable (the gradient casts back). */
export function cast(x: Tensor, dtype: DType): Tensor {
  assertTensor('cast', 'x', x);
  assertDtype('cast', 'dtype', dtype);
  const y = backend().cast(x, dtype);
  recordOp([x], y, (dy) => [cast(dy, x.dtype)]);
  return y;
}
