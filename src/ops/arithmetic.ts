import { assertSameDtype } from '../tensor/checks';
import { recordOp, withoutRecording } from '../tensor/tape';
import { unnumberedTidy } from '../tensor/tidy';
import type { Tensor } from '../tensor/tensor';
import { argError, describeValue, fmtShape } from '../util/validate';
import { add, operands, sub, type Operand } from './binary';
import { cast, clone, floatOperands } from './cast';
import { fill } from './creation';
import { backend } from './engine';
import { square } from './unary';
import { toTensor, type TensorLike } from './tensor-like';

/** clipByValue's recorded attributes: the bounds, for its backward rule. */
export interface ClipAttrs {
  clipValueMin: number;
  clipValueMax: number;
}

/**
 * x with every value below clipValueMin raised to it and every value above clipValueMax lowered to it, as
 * tf.clipByValue. The gradient passes where clipValueMin ≤ x ≤ clipValueMax, as TF.js's (so not at NaN).
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
  // One recorded op, as TF.js's ClipByValue kernel, whose rule takes TF.js's mask. Equal bounds give the constant
  // everywhere, NaN included, as TF.js's fill.
  const [lo, hi] = [clipValueMin, clipValueMax];
  const y = lo === hi ? withoutRecording(() => fill(x.shape, lo, x.dtype)) : backend().clipByValue(x, lo, hi);
  recordOp<ClipAttrs>('clipByValue', [x], y, { clipValueMin: lo, clipValueMax: hi });
  return y as T;
}

/** (a − b)², elementwise with broadcasting, as tf.squaredDifference. */
export function squaredDifference<T extends Tensor>(a: Operand, b: Operand): T {
  // In a scope, as TF.js's ops: only the result outlives the call.
  return unnumberedTidy(() => {
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
  const tensors = floatOperands('addN', tensorsIn.map((t, i) => [`tensors[${i}]`, t] as const));
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
