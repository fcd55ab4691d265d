import type { Rank } from '../tensor/value-types';
import { Tensor, arrayTypeFor, sizeOfShape, type DType } from '../tensor/tensor';
import { assertDtype } from '../tensor/checks';
import { argError, assertFiniteNumber, assertHoldable, assertShape, describeValue } from '../util/validate';

// Evenly spaced values and identity matrices, made on the host (as the other creation ops).

/**
 * start, then each value the previous one plus step, rounded to the array's type at every step: TF.js's linspace and
 * range add up this way, and their values (linspace(-0.9, 0.9, 7)'s middle one is 4.8e-8, not 0) are matched.
 */
function accumulate<A extends { [i: number]: number; length: number }>(values: A, start: number, step: number): A {
  if (values.length > 0) values[0] = start;
  for (let i = 1; i < values.length; i++) values[i] = values[i - 1] + step;
  return values;
}

/** num evenly spaced values from start to stop, both included, as tf.linspace(start, stop, num) (float32). */
export function linspace(start: number, stop: number, num: number): Tensor<Rank.R1> {
  const op = 'linspace';
  assertFiniteNumber(op, 'start', start);
  assertFiniteNumber(op, 'stop', stop);
  if (typeof num !== 'number' || !Number.isInteger(num) || num <= 0) throw argError(op, 'num', describeValue(num), 'a positive integer');
  assertHoldable(op, 'num', [num]);
  const step = num === 1 ? 0 : (stop - start) / (num - 1);
  return new Tensor([num], 'float32', accumulate(new Float32Array(num), start, step)) as Tensor<Rank.R1>;
}

/**
 * start, start + step, ... up to stop (excluded), as tf.range(start, stop, step = 1, dtype = 'float32'); as TF.js, a
 * stop below start with the default step counts down by 1, and a range that step cannot reach (or with no stop) is empty.
 */
export function range(start: number, stop: number, step?: number, dtype?: DType): Tensor<Rank.R1> {
  step ??= 1; dtype ??= 'float32';
  const op = 'range';
  assertFiniteNumber(op, 'start', start);
  // TF.js counts NaN elements for a missing or NaN stop (tf.range(5), as Python's range(5) is written): none.
  if (stop !== undefined && !Number.isNaN(stop)) assertFiniteNumber(op, 'stop', stop);
  assertFiniteNumber(op, 'step', step);
  if (step === 0) throw argError(op, 'step', '0', 'a non-zero number');
  if (assertDtype(op, 'dtype', dtype) === 'bool') throw argError(op, 'dtype', "'bool'", "'float32', 'int32' or 'float64'");
  if (stop === undefined || Number.isNaN(stop)) return new Tensor([0], dtype, new (arrayTypeFor(dtype))(0));
  // TF.js's conditions, its `step > 1` included: range(5, 0) counts down.
  if (start === stop || (start < stop && step < 0) || (stop < start && step > 1)) return new Tensor([0], dtype, new (arrayTypeFor(dtype))(0));
  const n = Math.abs(Math.ceil((stop - start) / step));
  assertHoldable(op, 'step', [n]);
  const by = stop < start && step === 1 ? -1 : step;
  return new Tensor([n], dtype, accumulate(new (arrayTypeFor(dtype))(n), start, by)) as Tensor<Rank.R1>;
}

/** Identity matrices [...batchShape, numRows, numColumns], as tf.eye(numRows, numColumns = numRows, batchShape?, dtype = 'float32'). */
export function eye(numRows: number, numColumns?: number, batchShape?: readonly number[], dtype?: DType): Tensor<Rank.R2> {
  dtype ??= 'float32';
  const op = 'eye';
  const cols = numColumns ?? numRows;
  for (const [arg, v] of [['numRows', numRows], ['numColumns', cols]] as const) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw argError(op, arg, describeValue(v), 'a non-negative integer');
  }
  const batch = batchShape == null ? [] : assertShape(op, 'batchShape', batchShape);
  assertDtype(op, 'dtype', dtype);
  const shape = [...batch, numRows, cols];
  assertHoldable(op, 'numRows', shape);
  const values = new (arrayTypeFor(dtype))(sizeOfShape(shape));
  const matrix = numRows * cols;
  for (let b = 0; b < sizeOfShape(batch); b++) {
    for (let i = 0; i < Math.min(numRows, cols); i++) values[b * matrix + i * cols + i] = 1;
  }
  return new Tensor(shape, dtype, values) as Tensor<Rank.R2>;
}
