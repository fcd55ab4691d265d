import type { TypedArray } from '../shared/types';

/**
 * out[i] = values[i] in out's type, as tf.cast converts: into a Uint8Array (bool) as `v !== 0` (NaN is true, −0
 * false), into any other array as it stores a number (int32 truncates toward zero). out is as long as values.
 */
export function cast(values: TypedArray, out: TypedArray): void {
  if (out instanceof Uint8Array) for (let i = 0; i < values.length; i++) out[i] = values[i] !== 0 ? 1 : 0;
  else for (let i = 0; i < values.length; i++) out[i] = values[i];
}
