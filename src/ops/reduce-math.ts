import { assertTensorDtype } from '../tensor/checks';
import { unnumberedTidy } from '../tensor/tidy';
import { isFloatDtype, type Tensor } from '../tensor/tensor';
import { assertBoolean, normalizeAxes } from '../util/validate';
import { add, sub } from './binary';
import { max, reduceOp, sum } from './reduction';
import { reshape } from './reshape';
import { exp, isFinite, log } from './unary';
import { where } from './where';
import { toTensor, toTensorAs, type TensorLike } from './tensor-like';

/** The product over axis (all axes when omitted), as tf.prod(x, axis?, keepDims?); 1 over no elements. */
export function prod<T extends Tensor>(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims?: boolean): T {
  keepDims ??= false;
  return reduceOp('prod', x, axis, keepDims) as T;
}

/** A logical reduction takes bool tensors only, as TF.js (a float tensor of 0s and 1s is refused, not converted). */
function logicalReduce(op: 'any' | 'all', x: Tensor | TensorLike, axis: number | number[] | null | undefined, keepDims: boolean): Tensor {
  // Values (not a tensor) are read as bool, as TF.js converts them.
  const t = toTensorAs(op, 'x', x, 'bool');
  assertTensorDtype(op, 'x', t, 'bool');
  return reduceOp(op, t, axis, keepDims);
}

/** true where any element over axis is true, as tf.any(x, axis?, keepDims?) on a bool x. */
export function any<T extends Tensor>(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims?: boolean): T {
  keepDims ??= false;
  return logicalReduce('any', x, axis, keepDims) as T;
}

/** true where every element over axis is true, as tf.all(x, axis?, keepDims?) on a bool x. */
export function all<T extends Tensor>(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims?: boolean): T {
  keepDims ??= false;
  return logicalReduce('all', x, axis, keepDims) as T;
}

/** log Σ exp(x) over axis (all axes when omitted), shifted by the max so exp cannot overflow, as tf.logSumExp. */
export function logSumExp<T extends Tensor>(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims?: boolean): T {
  keepDims ??= false;
  // In a scope, as TF.js's ops: only the result outlives the call.
  return unnumberedTidy(() => {
    const t = toTensor('logSumExp', 'x', x);
    assertBoolean('logSumExp', 'keepDims', keepDims);
    const axes = normalizeAxes('logSumExp', axis, t.rank);
    // An infinite max shifts by 0 instead (−∞ − −∞ is NaN): a slice all −∞ sums to −∞, one holding +∞ to +∞. A
    // bool x keeps TF.js's arithmetic on bools (false − true is stored as 255), so its max stays the shift.
    const xMax = max(t, axes, true);
    const shift = isFloatDtype(t.dtype) ? where(isFinite(xMax), xMax, 0) : xMax;
    const kept = add(log(sum(exp(sub(t, shift)), axes, true)), shift);
    return keepDims ? kept : reshape(kept, t.shape.filter((_, i) => !axes.includes(i)));
  }) as T;
}
