import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import { isNumericDtype, type ComplexDType, type DType, type Tensor } from '../tensor/tensor';
import { assertDtype } from '../tensor/checks';
import { argError, describeValue } from '../util/validate';
import { complexOf, isComplex, perPart, realPart } from './complex-parts';
import { zeros } from './creation';
import { toTensor, toTensorsBeside, type TensorLike } from './tensor-like';
import { sharing } from './sharing';
import { isStrings, stringTensor } from './string-tensors';

/**
 * The same values in another dtype, as tf.cast(x, dtype): to int32 by truncation toward zero, to bool as x != 0.
 * Differentiable between float dtypes (the gradient casts back); through int32 or bool the gradient is zero. A
 * complex tensor cast to a real dtype keeps its real part, and a real one cast to complex64 (complex128: float64
 * parts) gets an imaginary part of zeros, as TF.js's.
 */
export function cast<T extends Tensor>(x: T | TensorLike, dtype: DType | ComplexDType): T {
  if (dtype === 'complex64' || dtype === 'complex128') {
    const part = dtype === 'complex64' ? 'float32' : 'float64';
    if (isComplex(x)) return perPart(x, (p) => cast(p, part)) as T;
    const re = cast(toTensor('cast', 'x', x), part);
    return complexOf(re, zeros(re.shape, part)) as T;
  }
  if (isComplex(x)) {
    if (!isNumericDtype(dtype)) throw argError('cast', 'dtype', describeValue(dtype), "'float32', 'int32', 'bool', 'float64', 'complex64' or 'complex128'");
    return cast(realPart(x), dtype) as T;
  }
  x = toTensor('cast', 'x', x) as T;
  assertDtype('cast', 'dtype', dtype);
  // To its own dtype x's buffer is shared, as TF.js's clone shares it; a variable's values change in place, so its
  // clone is a copy, counted in tf.memory() as sharing the buffer, as TF.js counts it.
  const y = dtype === x.dtype && !x.isVariable ? sharing(x, x.shape) : backend().cast(x, dtype);
  if (dtype === x.dtype && x.isVariable) y.countAsSharing(x);
  recordOp('cast', [x], y, null);
  return y as T;
}

/** A copy of x (same dtype), as tf.clone(x); the gradient passes through. */
export function clone<T extends Tensor>(x: T | TensorLike): T {
  if (isComplex(x)) return perPart(x, (p) => p) as T;
  if (isStrings(x)) {
    const t = stringTensor('clone', 'x', x);
    return sharing(t, t.shape) as T;
  }
  x = toTensor('clone', 'x', x) as T;
  return cast(x, x.dtype) as T;
}

/**
 * The tensors one op combines, float32 and float64 meeting in float64: where any is float64 the float32 ones are cast
 * up, TF.js's upcastType with tessera's float64 ranked above float32, as makeTypesMatch applies it. Every op follows
 * this one rule for the two float dtypes, also those whose TF.js version makes no types match (concat, stack, addN,
 * batchNorm, the convolutions, the losses); int32 and bool keep each op's TF.js rule.
 */
export function floatsMet<T extends readonly (Tensor | undefined)[]>(...ts: T): T {
  if (!ts.some((t) => t?.dtype === 'float64')) return ts;
  return ts.map((t) => (t?.dtype === 'float32' ? cast(t, 'float64') : t)) as unknown as T;
}

/**
 * Float operands of one op (each [arg, value]) made tensors, values given beside a float64 tensor parsed as float64
 * (toTensorsBeside), then met in float64 if any is (floatsMet).
 */
export function floatOperands(op: string, named: ReadonlyArray<readonly [arg: string, x: unknown]>): Tensor[] {
  return floatsMet(...toTensorsBeside(op, named));
}
