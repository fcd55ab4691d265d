import type { Rank } from '../tensor/value-types';
import { Tensor, arrayTypeFor, sizeOfShape, type DType } from '../tensor/tensor';
import { assertDtype } from '../tensor/checks';
import type { Random } from '../util/random';
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

/** One Gamma(alpha, 1) draw by Marsaglia and Tsang's method; alpha < 1 through Gamma(alpha + 1)·U^(1/alpha). */
function gammaDraw(r: Random, alpha: number): number {
  if (alpha < 1) return gammaDraw(r, alpha + 1) * Math.pow(1 - r.next(), 1 / alpha);
  const d = alpha - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = r.normal();
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - r.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Gamma-distributed values with shape alpha and rate beta (mean alpha / beta), as
 * tf.randomGamma(shape, alpha, beta, dtype, seed); seeded draws replay exactly.
 */
export function randomGamma<R extends Rank = Rank>(shape: readonly number[], alpha: number, beta?: number, dtype?: 'float32' | 'int32' | 'float64', seed?: number): Tensor<R> {
  beta ??= 1; dtype ??= 'float32';
  const op = 'randomGamma';
  for (const [arg, v] of [['alpha', alpha], ['beta', beta]] as const) {
    if (assertFiniteNumber(op, arg, v) <= 0) throw argError(op, arg, String(v), 'a positive number');
  }
  return randomTensor(op, shape, dtype, seed, (r) => gammaDraw(r, alpha) / beta) as Tensor<R>;
}
