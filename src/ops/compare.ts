import type { Tensor } from '../tensor/tensor';
import { binaryOp } from './binary';

// Comparisons with broadcasting, as tf.less / lessEqual / greaterEqual / notEqual: 1 where true, else 0
// (false wherever a NaN takes part, except notEqual). Piecewise constant: their gradient is zero.

export function less(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('less', a, b);
}

export function lessEqual(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('lessEqual', a, b);
}

export function greaterEqual(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('greaterEqual', a, b);
}

export function notEqual(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('notEqual', a, b);
}
