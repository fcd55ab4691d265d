import { Tensor, arrayTypeFor, sizeOfShape, type DType, type FloatArray, type NestedArray } from '../tensor/tensor';
import { Random, nextDefaultSeed } from '../util/random';
import { argError, assertFiniteNumber, assertShape, fmtShape } from '../util/validate';
import { assertDtype, assertTensor } from '../tensor/checks';

export type TensorLike = number | NestedArray | FloatArray | Int32Array | Uint8Array | readonly number[];

/** The shape implied by nested arrays, checking that they are rectangular and hold numbers. */
function nestedShape(values: unknown, path: string): number[] {
  if (typeof values === 'number') return [];
  if (!Array.isArray(values)) throw argError('tensor', `values${path}`, typeof values, 'a number or an array of numbers');
  if (values.length === 0) return [0];
  const inner = nestedShape(values[0], `${path}[0]`);
  for (let i = 1; i < values.length; i++) {
    const s = nestedShape(values[i], `${path}[${i}]`);
    if (s.length !== inner.length || s.some((d, j) => d !== inner[j])) {
      throw argError('tensor', `values${path}[${i}]`, `an entry of shape ${fmtShape(s)}`, `shape ${fmtShape(inner)} like values${path}[0] (nested arrays must be rectangular)`);
    }
  }
  return [values.length, ...inner];
}

/**
 * A tensor from values: a number, (nested) arrays of numbers, or a typed array; `shape` is
 * inferred from nesting when omitted. As tf.tensor(values, shape?, dtype?).
 */
export function tensor(values: TensorLike, shape?: readonly number[], dtype: DType = 'float32'): Tensor {
  assertDtype('tensor', 'dtype', dtype);
  let flat: ArrayLike<number>;
  let implied: number[];
  if (ArrayBuffer.isView(values)) {
    flat = values as ArrayLike<number>;
    implied = [flat.length];
  } else {
    implied = nestedShape(values, '');
    flat = typeof values === 'number' ? [values] : (values as unknown[]).flat(Infinity as 1) as number[];
  }
  const target = shape === undefined ? implied : assertShape('tensor', 'shape', shape);
  if (sizeOfShape(target) !== flat.length) {
    throw argError('tensor', 'values', `${flat.length} values`, `${sizeOfShape(target)} values to fill shape ${fmtShape(target)}`);
  }
  return new Tensor(target, dtype, arrayTypeFor(dtype).from(flat));
}

export function scalar(value: number, dtype: DType = 'float32'): Tensor {
  if (typeof value !== 'number') throw argError('scalar', 'value', typeof value, 'a number');
  return tensor(value, [], dtype);
}

export function fill(shape: readonly number[], value: number, dtype: DType = 'float32'): Tensor {
  const s = assertShape('fill', 'shape', shape);
  if (typeof value !== 'number') throw argError('fill', 'value', typeof value, 'a number');
  const values = new (arrayTypeFor(assertDtype('fill', 'dtype', dtype)))(sizeOfShape(s));
  if (value !== 0) values.fill(value);
  return new Tensor(s, dtype, values);
}

export function zeros(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return fill(shape, 0, dtype);
}

export function ones(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return fill(shape, 1, dtype);
}

export function zerosLike(x: Tensor): Tensor {
  assertTensor('zerosLike', 'x', x);
  return fill(x.shape, 0, x.dtype);
}

export function onesLike(x: Tensor): Tensor {
  assertTensor('onesLike', 'x', x);
  return fill(x.shape, 1, x.dtype);
}

function randomTensor(op: string, shape: readonly number[], dtype: DType, seed: number | undefined, draw: (r: Random) => number): Tensor {
  const s = assertShape(op, 'shape', shape);
  assertDtype(op, 'dtype', dtype);
  const rng = new Random(seed === undefined ? nextDefaultSeed() : assertFiniteNumber(op, 'seed', seed));
  const values = new (arrayTypeFor(dtype))(sizeOfShape(s));
  for (let i = 0; i < values.length; i++) values[i] = draw(rng);
  return new Tensor(s, dtype, values);
}

/** Uniform in [minval, maxval), as tf.randomUniform(shape, minval, maxval, dtype, seed). */
export function randomUniform(shape: readonly number[], minval = 0, maxval = 1, dtype: DType = 'float32', seed?: number): Tensor {
  assertFiniteNumber('randomUniform', 'minval', minval);
  assertFiniteNumber('randomUniform', 'maxval', maxval);
  return randomTensor('randomUniform', shape, dtype, seed, (r) => r.uniform(minval, maxval));
}

/** Normal with the given mean and standard deviation, as tf.randomNormal(shape, mean, stdDev, dtype, seed). */
export function randomNormal(shape: readonly number[], mean = 0, stdDev = 1, dtype: DType = 'float32', seed?: number): Tensor {
  assertFiniteNumber('randomNormal', 'mean', mean);
  assertFiniteNumber('randomNormal', 'stdDev', stdDev);
  return randomTensor('randomNormal', shape, dtype, seed, (r) => mean + stdDev * r.normal());
}

function rankedTensor(op: string, rank: number, values: TensorLike, shape: readonly number[] | undefined, dtype: DType): Tensor {
  const t = tensor(values, shape, dtype);
  if (t.rank !== rank) throw argError(op, shape === undefined ? 'values' : 'shape', `rank ${t.rank} (shape ${fmtShape(t.shape)})`, `rank ${rank}`);
  return t;
}

/** As tf.tensor1d(values, dtype). */
export function tensor1d(values: TensorLike, dtype: DType = 'float32'): Tensor {
  return rankedTensor('tensor1d', 1, values, undefined, dtype);
}

/** As tf.tensor2d(values, shape?, dtype). */
export function tensor2d(values: TensorLike, shape?: [number, number], dtype: DType = 'float32'): Tensor {
  return rankedTensor('tensor2d', 2, values, shape, dtype);
}

/** As tf.tensor3d(values, shape?, dtype). */
export function tensor3d(values: TensorLike, shape?: [number, number, number], dtype: DType = 'float32'): Tensor {
  return rankedTensor('tensor3d', 3, values, shape, dtype);
}

/** As tf.tensor4d(values, shape?, dtype). */
export function tensor4d(values: TensorLike, shape?: [number, number, number, number], dtype: DType = 'float32'): Tensor {
  return rankedTensor('tensor4d', 4, values, shape, dtype);
}
