import type { Rank } from '../tensor/value-types';
import { Tensor, arrayTypeFor, sizeOfShape, type DType } from '../tensor/tensor';
import { assertDtype } from '../tensor/checks';
import { gammaSampler } from '../util/tfjs-samplers';
import { argError, assertFiniteNumber, assertShape, describeValue } from '../util/validate';
import { randomTensor } from './creation';

// The random ops beyond uniform and normal: values from the caller's own function, and gamma draws.

/** A tensor filled by calling randFunction once per element in order, as tf.rand(shape, randFunction, dtype). */
export function rand<R extends Rank = Rank>(shape: readonly number[], randFunction: () => number, dtype?: DType): Tensor<R> {
  dtype ??= 'float32';
  const op = 'rand';
  const s = assertShape(op, 'shape', shape);
  if (typeof randFunction !== 'function') throw argError(op, 'randFunction', describeValue(randFunction), 'a function returning a number');
  const values = new (arrayTypeFor(assertDtype(op, 'dtype', dtype)))(sizeOfShape(s));
  for (let i = 0; i < values.length; i++) values[i] = randFunction();
  return new Tensor(s, dtype, values) as Tensor<R>;
}

/**
 * Gamma-distributed values with shape alpha and rate beta (mean alpha / beta), as tf.randomGamma(shape, alpha, beta,
 * dtype, seed) documents them: TF.js 4.22 multiplies its draws by beta instead. Both draw the same Gamma(alpha, 1)
 * values for a seed, so with beta = 1 a seed gives TF.js's values.
 */
export function randomGamma<R extends Rank = Rank>(shape: readonly number[], alpha: number, beta?: number, dtype?: 'float32' | 'int32' | 'float64', seed?: number | string): Tensor<R> {
  beta ??= 1; dtype ??= 'float32';
  const op = 'randomGamma';
  for (const [arg, v] of [['alpha', alpha], ['beta', beta]] as const) {
    if (assertFiniteNumber(op, arg, v) <= 0) throw argError(op, arg, String(v), 'a positive number');
  }
  const [round, rate] = [dtype === 'int32', beta];
  return randomTensor(op, shape, dtype, seed, (sd) => {
    const next = gammaSampler(sd, alpha, round);
    return () => (round ? Math.round(next() / rate) : next() / rate);
  }, true) as Tensor<R>;
}
