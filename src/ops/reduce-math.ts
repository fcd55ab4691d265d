import { assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { assertBoolean, normalizeAxes } from '../util/validate';
import { add, sub } from './binary';
import { max, reduceOp, sum } from './reduction';
import { reshape } from './reshape';
import { exp, log } from './unary';

/** The product over axis (all axes when omitted), as tf.prod(x, axis?, keepDims?); 1 over no elements. */
export function prod<T extends Tensor>(x: Tensor, axis?: number | number[] | null, keepDims = false): T {
  return reduceOp('prod', x, axis, keepDims) as T;
}

/** 1 where any element over axis is non-zero (true), else 0, as tf.any(x, axis?, keepDims?). */
export function any<T extends Tensor>(x: Tensor, axis?: number | number[] | null, keepDims = false): T {
  return reduceOp('any', x, axis, keepDims) as T;
}

/** 1 where every element over axis is non-zero (true), else 0, as tf.all(x, axis?, keepDims?). */
export function all<T extends Tensor>(x: Tensor, axis?: number | number[] | null, keepDims = false): T {
  return reduceOp('all', x, axis, keepDims) as T;
}

/** log Σ exp(x) over axis (all axes when omitted), shifted by the max so exp cannot overflow, as tf.logSumExp. */
export function logSumExp<T extends Tensor>(x: Tensor, axis?: number | number[] | null, keepDims = false): T {
  assertTensor('logSumExp', 'x', x);
  assertBoolean('logSumExp', 'keepDims', keepDims);
  const axes = normalizeAxes('logSumExp', axis, x.rank);
  const xMax = max(x, axes, true);
  const kept = add(log(sum(exp(sub(x, xMax)), axes, true)), xMax);
  return (keepDims ? kept : reshape(kept, x.shape.filter((_, i) => !axes.includes(i)))) as T;
}
