import type { DType, FloatDType, NumericDType } from '../backend/handle';
import { argError, describeValue, fmtShape, withArticle } from '../util/validate';
import { Tensor, isFloatDtype } from './tensor';

// Checks of tensor arguments, in the one error format (util/validate's argError).

/** The dtype of a gradient with respect to a tensor of `dtype`: its own float dtype, float32 for int32 and bool (as TF.js's). */
export const gradientDtype = (dtype: DType): DType => (isFloatDtype(dtype) ? dtype : 'float32');

/** A live real tensor: every op but the few that take complex ones (which check with assertComplexOrReal) refuses those by name. */
export function assertTensor(op: string, arg: string, x: unknown): Tensor {
  const t = assertComplexOrReal(op, arg, x);
  if (isComplex(t)) {
    throw argError(op, arg, `${withArticle(t.dtype)} tensor`, `a real tensor (${op} does not take complex ones: take tn.real, tn.imag or tn.abs of it first)`);
  }
  return t;
}

/** A live tensor, real or complex. */
export function assertComplexOrReal(op: string, arg: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) throw argError(op, arg, describeValue(x), 'a Tensor');
  x.assertLive(`${op} (${arg})`);
  // The few ops TF.js runs on strings take them before this check (ops/string-tensors.ts); the rest compute on numbers.
  if (x.dtype === 'string') throw argError(op, arg, 'a string tensor', `a numeric tensor (${op} does not take strings)`);
  return x;
}

/** Whether x is a complex64 (or complex128) tensor. */
export function isComplex(x: unknown): x is Tensor {
  return x instanceof Tensor && x.complexParts() !== undefined;
}

export function assertRank(op: string, arg: string, x: Tensor, rank: number): void {
  if (x.rank !== rank) throw argError(op, arg, `shape ${fmtShape(x.shape)} (rank ${x.rank})`, `rank ${rank}`);
}

export function assertSameDtype(op: string, a: Tensor, b: Tensor, aName = 'a', bName = 'b'): void {
  if (a.dtype !== b.dtype) {
    throw new Error(`${op}: ${aName} and ${bName} must have the same dtype, got ${a.dtype} and ${b.dtype} (cast one with tn.cast)`);
  }
}

export function assertDtype(op: string, arg: string, dtype: unknown): NumericDType {
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool' && dtype !== 'float64') {
    throw argError(op, arg, describeValue(dtype), "'float32', 'int32', 'bool' or 'float64'");
  }
  return dtype;
}

/** A dtype argument that must be a float one (layers, float-only ops). */
export function assertFloatDtype(op: string, arg: string, dtype: unknown): FloatDType {
  if (dtype !== 'float32' && dtype !== 'float64') throw argError(op, arg, describeValue(dtype), "'float32' or 'float64'");
  return dtype;
}

/** A tensor argument of a float dtype (products, convolutions, softmax and the like). */
export function assertFloatTensor(op: string, arg: string, x: Tensor): void {
  if (x.dtype !== 'float32' && x.dtype !== 'float64') throw argError(op, arg, `${withArticle(x.dtype)} tensor`, 'a float32 (or float64) tensor (cast it with tn.cast)');
}

/** A tensor argument that must have one dtype, as TF.js requires int32 indices: never converted silently. */
export function assertTensorDtype(op: string, arg: string, x: Tensor, dtype: DType): void {
  if (x.dtype !== dtype) throw argError(op, arg, `${withArticle(x.dtype)} tensor`, `${withArticle(dtype)} tensor`);
}
