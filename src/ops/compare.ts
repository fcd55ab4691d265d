import type { Tensor } from '../tensor/tensor';
import { binaryOp, type Operand } from './binary';

// Comparisons with broadcasting, as tf.less / lessEqual / greaterEqual / notEqual: 1 where true, else 0
// (false wherever a NaN takes part, except notEqual). Piecewise constant: their gradient is zero.

export function less<T extends Tensor>(a: Operand, b: Operand): T {
  return binaryOp('less', a, b) as T;
}

export function lessEqual<T extends Tensor>(a: Operand, b: Operand): T {
  return binaryOp('lessEqual', a, b) as T;
}

export function greaterEqual<T extends Tensor>(a: Operand, b: Operand): T {
  return binaryOp('greaterEqual', a, b) as T;
}

export function notEqual<T extends Tensor>(a: Operand, b: Operand): T {
  return binaryOp('notEqual', a, b) as T;
}
