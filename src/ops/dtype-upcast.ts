import type { DType } from '../tensor/tensor';
import { argError, describeValue } from '../util/validate';
import { upcastType as meet } from './tensor-like';

// TF.js's dtype rules as public functions, checked (TF.js fails on a dtype it has no row for with a TypeError).

const EVERY_DTYPE: readonly DType[] = ['bool', 'int32', 'float32', 'float64', 'complex64', 'complex128', 'string'];

function anyDtype(op: string, arg: string, dtype: unknown): DType {
  if (!EVERY_DTYPE.includes(dtype as DType)) throw argError(op, arg, describeValue(dtype), `one of ${EVERY_DTYPE.map((d) => `'${d}'`).join(', ')}`);
  return dtype as DType;
}

/** a and b met as TF.js's upcastType meets them (a and b already checked). */
function meetAny(a: DType, b: DType): DType {
  const complex = (d: DType) => d === 'complex64' || d === 'complex128';
  if (a === b || a === 'string' || b === 'string' || !(complex(a) || complex(b))) return meet(a, b);
  return a === 'complex128' || b === 'complex128' || a === 'float64' || b === 'float64' ? 'complex128' : 'complex64';
}

/**
 * The dtype two operands meet in, as tf.upcastType(typeA, typeB): bool < int32 < float32, tessera's float64 above
 * those; a complex dtype with any real one is complex (complex128 beside float64); a string only with a string.
 */
export function upcastType(typeA: DType, typeB: DType): DType {
  return meetAny(anyDtype('upcastType', 'typeA', typeA), anyDtype('upcastType', 'typeB', typeB));
}

/** The dtype a sum of type gives, as tf.sumOutType(type): bool sums to int32, the others to themselves (none for strings). */
export function sumOutType(type: DType): DType {
  return meetAny(anyDtype('sumOutType', 'type', type), 'int32');
}
