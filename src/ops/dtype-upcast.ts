import { assertDtype } from '../tensor/checks';
import type { DType } from '../tensor/tensor';
import { upcastType as meet } from './tensor-like';

// TF.js's dtype rules as public functions, checked (TF.js fails on a dtype it has no row for with a TypeError).

/** The dtype two operands meet in, as tf.upcastType(typeA, typeB): bool < int32 < float32, tessera's float64 above all. */
export function upcastType(typeA: DType, typeB: DType): DType {
  return meet(assertDtype('upcastType', 'typeA', typeA), assertDtype('upcastType', 'typeB', typeB));
}

/** The dtype a sum of type gives, as tf.sumOutType(type): bool sums to int32, the others to themselves. */
export function sumOutType(type: DType): DType {
  return meet(assertDtype('sumOutType', 'type', type), 'int32');
}
