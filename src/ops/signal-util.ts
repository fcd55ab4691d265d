import type { Tensor } from '../tensor/tensor';
import type { Rank } from '../tensor/value-types';
import { argError, assertFiniteNumber, assertNonNegativeInt, describeValue } from '../util/validate';
import { tensor } from './creation';

// TF.js's signal helpers that it exports at the top level (tf.cosineWindow, tf.enclosingPowerOfTwo).

/**
 * The window a − b·cos(2πi / (N − 1)) for an odd length N, 2πi / N for an even one (periodic; empty for 0, as TF.js),
 * checked as op; float32 as TF.js's, or float64 (stft's default window for a float64 signal).
 */
export function cosineWindowOf(op: string, windowLength: number, a: number, b: number, dtype: 'float32' | 'float64' = 'float32'): Tensor<Rank.R1> {
  const n = assertNonNegativeInt(op, 'windowLength', windowLength);
  const even = 1 - (n % 2);
  // A plain loop: Float64Array.from with a map function is V8's slow path, five times TF.js's time.
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a - b * Math.cos((2 * Math.PI * i) / (n + even - 1));
  return tensor(values, [n], dtype) as Tensor<Rank.R1>;
}

/** A generalized cosine window, as tf.cosineWindow(windowLength, a, b) (Hann is a = b = 0.5). */
export function cosineWindow(windowLength: number, a: number, b: number): Tensor<Rank.R1> {
  return cosineWindowOf('cosineWindow', windowLength, assertFiniteNumber('cosineWindow', 'a', a), assertFiniteNumber('cosineWindow', 'b', b));
}

/** 2^N for the least integer N with 2^N ≥ value, as tf.enclosingPowerOfTwo(value) (0 for a value up to 0.5, which TF.js floors, and for 0). */
export function enclosingPowerOfTwo(value: number): number {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) throw argError('enclosingPowerOfTwo', 'value', describeValue(value), 'a non-negative finite number');
  // TF.js's very expression, so rounding in the logarithms gives its results.
  return Math.floor(Math.pow(2, Math.ceil(Math.log(value) / Math.log(2.0))));
}
