import { assertSameDtype } from '../tensor/checks';
import { tidy } from '../tensor/tidy';
import type { Tensor } from '../tensor/tensor';
import { argError, describeValue, fmtShape } from '../util/validate';
import { add, greater, operands, sub } from './binary';
import { less } from './compare';
import { where } from './where';
import { cast, clone } from './cast';
import { square } from './unary';
import { toTensor, type TensorLike } from './tensor-like';

/**
 * x with every value below clipValueMin raised to it and every value above clipValueMax lowered to it, as
 * tf.clipByValue. The gradient passes where clipValueMin ≤ x ≤ clipValueMax, as TF.js's.
 */
export function clipByValue<T extends Tensor>(x: T | TensorLike, clipValueMin: number, clipValueMax: number): T {
  x = toTensor('clipByValue', 'x', x) as T;
  for (const [arg, v] of [['clipValueMin', clipValueMin], ['clipValueMax', clipValueMax]] as const) {
    if (typeof v !== 'number' || Number.isNaN(v)) throw argError('clipByValue', arg, describeValue(v), 'a number');
  }
  if (!(clipValueMin <= clipValueMax)) {
    throw argError('clipByValue', 'clipValueMin', `${clipValueMin} with clipValueMax ${clipValueMax}`, 'at most clipValueMax');
  }
  // An int32 or bool x keeps its dtype, the clipped values truncated, as TF.js's (clip [-9] to -2.5 gives -2).
  if (x.dtype === 'int32' || x.dtype === 'bool') return cast(clipByValue(cast(x, 'float32'), clipValueMin, clipValueMax), x.dtype) as T;
  // A clipped element takes its bound by selection, so its gradient is 0 however large dy is (a 0/1 mask times an
  // infinite dy would be NaN), as TF.js's gradient selects; x at a bound keeps its gradient. In a scope, as TF.js's
  // ops: the bounds' scalars and the masks do not outlive the call.
  const [lo, hi] = [clipValueMin, clipValueMax];
  return tidy(() => where(less(x, lo), lo, where(greater(x, hi), hi, x))) as T;
}

/** (a − b)², elementwise with broadcasting, as tf.squaredDifference. */
export function squaredDifference<T extends Tensor>(a: Tensor | number, b: Tensor | number): T {
  // In a scope, as TF.js's ops: only the result outlives the call.
  return tidy(() => {
    const [ta, tb] = operands('squaredDifference', a, b);
    return square(sub(ta, tb));
  }) as T;
}

/** The elementwise sum of tensors of one shape and dtype, as tf.addN. */
export function addN<T extends Tensor>(tensorsIn: Array<T | TensorLike>): T {
  if (!Array.isArray(tensorsIn) || tensorsIn.length === 0) {
    throw argError('addN', 'tensors', describeValue(tensorsIn), 'a non-empty array of Tensors');
  }
  // As TF.js, each may be TensorLike values.
  const tensors = tensorsIn.map((t, i) => toTensor('addN', `tensors[${i}]`, t));
  const first = tensors[0];
  tensors.forEach((t, i) => {
    assertSameDtype('addN', first, t, 'tensors[0]', `tensors[${i}]`);
    if (t.rank !== first.rank || t.shape.some((d, j) => d !== first.shape[j])) {
      throw argError('addN', `tensors[${i}]`, `shape ${fmtShape(t.shape)}`, `the shape ${fmtShape(first.shape)} of tensors[0] (addN does not broadcast)`);
    }
  });
  // One tensor still gives a new tensor, as TF.js's addN.
  return (tensors.length === 1 ? clone(first) : tensors.slice(1).reduce<Tensor>((sum, t) => add(sum, t), first)) as T;
}
