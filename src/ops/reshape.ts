import type { Tensor } from '../tensor';
import { assertTensor } from './validate';

/** As tf.reshape(x, shape): one dim may be -1. No copy. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  return assertTensor('reshape', 'x', x).reshape(shape);
}

/** Rows [begin, begin + size) along axis 0 (size -1 or omitted: to the end). */
export function slice(x: Tensor, begin: number, size?: number): Tensor {
  return assertTensor('slice', 'x', x).slice(begin, size);
}

/** Collapses every axis after the first, as Keras's Flatten does: [n, ...] -> [n, rest]. */
export function flatten(x: Tensor): Tensor {
  assertTensor('flatten', 'x', x);
  return x.reshape([x.shape[0] ?? 1, -1]);
}
