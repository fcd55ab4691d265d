import type { Rank } from '../tensor/value-types';
import { Tensor, arrayTypeFor, sizeOfShape, type DType } from '../tensor/tensor';
import { makeTensor, type TensorLike, toTensor } from './tensor-like';
import { samplerSeed } from '../util/random';
import { gaussSampler, uniformSampler, type Sampler } from '../util/tfjs-samplers';
import { argError, assertFiniteNumber, assertShape, describeValue, fmtShape } from '../util/validate';
import { assertDtype } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import type { ComplexDType } from '../tensor/tensor';
import { complexOf, imagPart, isComplex, realPart } from './complex-parts';
import { encodeString } from '../tensor/string-values';

export type { TensorLike };

/**
 * A tensor from values: a number, a boolean, (nested) arrays of them, or a typed array; `shape` is inferred from
 * nesting when omitted, and dtype as TF.js infers it (Int32Array → int32, booleans → bool, else float32).
 * As tf.tensor(values, shape?, dtype?).
 */
export function tensor<R extends Rank = Rank>(values: TensorLike, shape?: readonly number[], dtype?: DType): Tensor<R> {
  return (makeTensor('tensor', values, shape == null ? undefined : assertShape('tensor', 'shape', shape), dtype)) as Tensor<R>;
}

/** As tf.scalar(value, dtype?): a number gives float32, a boolean bool, a string string. */
export function scalar(value: number | boolean | string | Uint8Array, dtype?: DType): Tensor<Rank.R0> {
  // As TF.js: a string scalar may be given as its encoded bytes, when the dtype says 'string'.
  if (value instanceof Uint8Array && dtype === 'string') return makeTensor('scalar', [value], [], dtype) as Tensor<Rank.R0>;
  if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'string') throw argError('scalar', 'value', describeValue(value), "a number, a boolean or a string (or a string's bytes as a Uint8Array, with dtype 'string')");
  return makeTensor('scalar', value, [], dtype) as Tensor<Rank.R0>;
}

/** A tensor of shape filled with value; `op` is the public op called, so errors name it. */
function filled<R extends Rank>(op: string, shape: readonly number[], value: number, dtype: DType): Tensor<R> {
  const s = assertShape(op, 'shape', shape);
  const values = new (arrayTypeFor(assertDtype(op, 'dtype', dtype)))(sizeOfShape(s));
  if (value !== 0) values.fill(value);
  return new Tensor(s, dtype, values) as Tensor<R>;
}

/** As tf.fill(shape, value, dtype?); a string value fills a string tensor. */
export function fill<R extends Rank = Rank>(shape: readonly number[], value: number | boolean | string, dtype?: DType): Tensor<R> {
  if (typeof value === 'string') {
    if (dtype !== undefined && dtype !== 'string') throw argError('fill', 'dtype', describeValue(dtype), `'string' (or none) for the string value ${JSON.stringify(value)}`);
    const s = assertShape('fill', 'shape', shape);
    return Tensor.ofStrings(s, new Array<Uint8Array>(sizeOfShape(s)).fill(encodeString(value)), false) as Tensor<R>;
  }
  if (typeof value !== 'number' && typeof value !== 'boolean') throw argError('fill', 'value', describeValue(value), 'a number, a boolean or a string');
  // As TF.js, the dtype when none is given is the value's: bool for a boolean.
  return filled('fill', shape, Number(value), dtype ?? (typeof value === 'boolean' ? 'bool' : 'float32'));
}

/**
 * `value` of dtype, checked as op; a complex64 (float32 parts) or complex128 (float64 parts) dtype gives it as the
 * real part beside an imaginary part of zeros, as TF.js's ones(shape, 'complex64').
 */
function filledMaybeComplex<R extends Rank>(op: 'zeros' | 'ones', shape: readonly number[], value: number, dtype: DType | ComplexDType): Tensor<R> {
  const part = dtype === 'complex64' ? 'float32' : dtype === 'complex128' ? 'float64' : dtype;
  const t = filled<R>(op, shape, value, part);
  return part === dtype ? t : (complexOf(t, filled(op, shape, 0, part)) as Tensor<R>);
}

export function zeros<R extends Rank = Rank>(shape: readonly number[], dtype?: DType | ComplexDType): Tensor<R> {
  return filledMaybeComplex('zeros', shape, 0, dtype ?? 'float32');
}

export function ones<R extends Rank = Rank>(shape: readonly number[], dtype?: DType | ComplexDType): Tensor<R> {
  return filledMaybeComplex('ones', shape, 1, dtype ?? 'float32');
}

export function zerosLike<T extends Tensor>(x: T | TensorLike): T {
  if (isComplex(x)) return complexOf(zerosLike(realPart(x)), zerosLike(imagPart(x))) as T;
  return filledLike('zerosLike', x, 0) as T;
}

export function onesLike<T extends Tensor>(x: T | TensorLike): T {
  if (isComplex(x)) return complexOf(onesLike(realPart(x)), zerosLike(imagPart(x))) as T;
  return filledLike('onesLike', x, 1) as T;
}

/** Recorded with a zero gradient, as TF.js's zerosLike and onesLike: a result built only from them stays connected to x. */
function filledLike(op: 'zerosLike' | 'onesLike', x: Tensor | TensorLike, value: number): Tensor {
  const t = toTensor(op, 'x', x);
  const y = filled(op, t.shape, value, t.dtype);
  recordOp(op, [t], y, null);
  return y;
}

/**
 * @internal The seed a random op draws from: the one given (a string or a finite number), else Math.random() as
 * TF.js takes it (tessera's sequence after setRandomSeed); with `falsyIsNone`, 0 and '' are no seed, as TF.js's
 * normal and gamma draws and multinomial read them.
 */
export function seedOf(op: string, seed: unknown, falsyIsNone = false): string | number {
  if (seed == null || typeof seed === 'string') return samplerSeed(seed, falsyIsNone);
  return samplerSeed(assertFiniteNumber(op, 'seed', seed), falsyIsNone);
}

/**
 * @internal A tensor of `shape` filled in order from the sampler for its seed: TF.js's sampler over TF.js's
 * generator, so a given seed gives TF.js's values.
 */
export function randomTensor(op: string, shape: readonly number[], dtype: DType, seed: unknown, sampler: (seed: string | number) => Sampler, falsyIsNone = false): Tensor {
  const s = assertShape(op, 'shape', shape);
  // An int32 tensor takes uniform draws truncated (stored), as TF.js; random bools are refused, as TF.js's normal draws do.
  if (assertDtype(op, 'dtype', dtype) === 'bool') throw argError(op, 'dtype', "'bool'", "'float32', 'int32' or 'float64'");
  const next = sampler(seedOf(op, seed, falsyIsNone));
  const values = new (arrayTypeFor(dtype))(sizeOfShape(s));
  for (let i = 0; i < values.length; i++) values[i] = next();
  return new Tensor(s, dtype, values);
}

/** Uniform in [minval, maxval), as tf.randomUniform(shape, minval, maxval, dtype, seed). */
export function randomUniform<R extends Rank = Rank>(shape: readonly number[], minval?: number, maxval?: number, dtype?: DType, seed?: number | string): Tensor<R> {
  minval ??= 0; maxval ??= 1; dtype ??= 'float32';
  assertFiniteNumber('randomUniform', 'minval', minval);
  assertFiniteNumber('randomUniform', 'maxval', maxval);
  const sampler = (sd: string | number) => uniformSampler(sd, minval, maxval);
  if (dtype !== 'bool') return randomTensor('randomUniform', shape, dtype, seed, sampler) as Tensor<R>;
  // As TF.js, which writes the draws into a bool buffer: true where a draw's whole part is not 0 (never for [0, 1)).
  const draws = randomTensor('randomUniform', shape, 'float64', seed, sampler);
  const values = Uint8Array.from(draws.dataSync(), (v) => (Math.trunc(v) !== 0 ? 1 : 0));
  draws.dispose();
  return new Tensor(draws.shape, 'bool', values) as Tensor<R>;
}

/** Normal with the given mean and standard deviation, as tf.randomNormal(shape, mean, stdDev, dtype, seed); int32 values are rounded. */
export function randomNormal<R extends Rank = Rank>(shape: readonly number[], mean?: number, stdDev?: number, dtype?: DType, seed?: number | string): Tensor<R> {
  mean ??= 0; stdDev ??= 1; dtype ??= 'float32';
  assertFiniteNumber('randomNormal', 'mean', mean);
  assertFiniteNumber('randomNormal', 'stdDev', stdDev);
  return randomTensor('randomNormal', shape, dtype, seed, (sd) => gaussSampler(sd, mean, stdDev, false, dtype === 'int32'), true) as Tensor<R>;
}

/**
 * Normal values redrawn until within two standard deviations of the mean, as
 * tf.truncatedNormal(shape, mean, stdDev, dtype, seed).
 */
export function truncatedNormal<R extends Rank = Rank>(shape: readonly number[], mean?: number, stdDev?: number, dtype?: DType, seed?: number | string): Tensor<R> {
  mean ??= 0; stdDev ??= 1; dtype ??= 'float32';
  assertFiniteNumber('truncatedNormal', 'mean', mean);
  assertFiniteNumber('truncatedNormal', 'stdDev', stdDev);
  // TF.js's sampler never returns for one below 0 (no draw lies within ±2 of it); a mirrored draw would hide the mistake.
  if (stdDev < 0) throw argError('truncatedNormal', 'stdDev', String(stdDev), 'a number ≥ 0');
  return randomTensor('truncatedNormal', shape, dtype, seed, (sd) => gaussSampler(sd, mean, stdDev, true, dtype === 'int32'), true) as Tensor<R>;
}

/** int32 values uniform over the integers in [minval, maxval), as tf.randomUniformInt(shape, minval, maxval, seed). */
export function randomUniformInt<R extends Rank = Rank>(shape: readonly number[], minval: number, maxval: number, seed?: number | string): Tensor<R> {
  const op = 'randomUniformInt';
  for (const [arg, v] of [['minval', minval], ['maxval', maxval]] as const) {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw argError(op, arg, describeValue(v), 'an integer');
  }
  if (maxval <= minval) throw argError(op, 'maxval', String(maxval), `an integer above minval (${minval})`);
  // TF.js's uniform draw, floored: TF.js truncates it toward zero, which for negative values makes minval rare.
  return randomTensor(op, shape, 'int32', seed, (sd) => {
    const next = uniformSampler(sd, minval, maxval);
    return () => Math.floor(next());
  }) as Tensor<R>;
}

function rankedTensor(op: string, rank: number, values: TensorLike, shape: readonly number[] | undefined, dtype: DType | undefined): Tensor {
  // As TF.js: values nested to the rank, or flat (a list or a typed array) with the shape given; a single value is neither.
  let depth = 0;
  for (let v: unknown = values; Array.isArray(v) || (ArrayBuffer.isView(v) && depth === 0); v = Array.isArray(v) ? v[0] : undefined) depth++;
  if (rank > 1 && depth !== 1 && depth !== rank) {
    throw argError(op, 'values', depth === 0 ? describeValue(values) : `arrays nested ${depth} deep`, `arrays nested ${rank} deep, or a flat array or typed array with the shape given`);
  }
  const t = makeTensor(op, values, shape == null ? undefined : assertShape(op, 'shape', shape), dtype);
  if (t.rank !== rank) throw argError(op, shape == null ? 'values' : 'shape', `rank ${t.rank} (shape ${fmtShape(t.shape)})`, `rank ${rank}`);
  return t;
}

/** As tf.tensor1d(values, dtype). */
export function tensor1d(values: TensorLike, dtype?: DType): Tensor<Rank.R1> {
  return rankedTensor('tensor1d', 1, values, undefined, dtype) as Tensor<Rank.R1>;
}

/** As tf.tensor2d(values, shape?, dtype). */
export function tensor2d(values: TensorLike, shape?: [number, number], dtype?: DType): Tensor<Rank.R2> {
  return rankedTensor('tensor2d', 2, values, shape, dtype) as Tensor<Rank.R2>;
}

/** As tf.tensor3d(values, shape?, dtype). */
export function tensor3d(values: TensorLike, shape?: [number, number, number], dtype?: DType): Tensor<Rank.R3> {
  return rankedTensor('tensor3d', 3, values, shape, dtype) as Tensor<Rank.R3>;
}

/** As tf.tensor4d(values, shape?, dtype). */
export function tensor4d(values: TensorLike, shape?: [number, number, number, number], dtype?: DType): Tensor<Rank.R4> {
  return rankedTensor('tensor4d', 4, values, shape, dtype) as Tensor<Rank.R4>;
}

/** As tf.tensor5d(values, shape?, dtype). */
export function tensor5d(values: TensorLike, shape?: [number, number, number, number, number], dtype?: DType): Tensor<Rank.R5> {
  return rankedTensor('tensor5d', 5, values, shape, dtype) as Tensor<Rank.R5>;
}

/** As tf.tensor6d(values, shape?, dtype). */
export function tensor6d(values: TensorLike, shape?: [number, number, number, number, number, number], dtype?: DType): Tensor<Rank.R6> {
  return rankedTensor('tensor6d', 6, values, shape, dtype) as Tensor<Rank.R6>;
}

/** Standard normal values (mean 0, standard deviation 1), as tf.randomStandardNormal(shape, dtype, seed). */
export function randomStandardNormal<R extends Rank = Rank>(shape: readonly number[], dtype?: DType, seed?: number | string): Tensor<R> {
  dtype ??= 'float32';
  return randomTensor('randomStandardNormal', shape, dtype, seed, (sd) => gaussSampler(sd, 0, 1, false, dtype === 'int32'), true) as Tensor<R>;
}
