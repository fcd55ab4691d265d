import type { DType, TypedArray } from '../backend/handle';

// TF.js's type vocabulary for ranks, shapes and values, declared as TF.js declares it so that a TF.js program's
// annotations (tf.Tensor<tf.Rank.R2>, ShapeMap[R], dataSync<'int32'>()) compile against tessera unchanged.

/** A tensor's rank as a type parameter: Tensor<Rank.R2> is a Tensor2D. */
export enum Rank {
  R0 = 'R0',
  R1 = 'R1',
  R2 = 'R2',
  R3 = 'R3',
  R4 = 'R4',
  R5 = 'R5',
  R6 = 'R6',
}

/** The shape type of each rank (a scalar's shape is []). */
export interface ShapeMap {
  R0: number[];
  R1: [number];
  R2: [number, number];
  R3: [number, number, number];
  R4: [number, number, number, number];
  R5: [number, number, number, number, number];
  R6: [number, number, number, number, number, number];
}

/** What array()/arraySync() give for each rank. */
export interface ArrayMap {
  R0: number;
  R1: number[];
  R2: number[][];
  R3: number[][][];
  R4: number[][][][];
  R5: number[][][][][];
  R6: number[][][][][][];
}

/** Each dtype's host array, as TF.js's DataTypeMap (float64 is tessera's cpu-only dtype for exact gradient checks). */
export interface DataTypeMap {
  float32: Float32Array;
  float64: Float64Array;
  int32: Int32Array;
  bool: Uint8Array;
  /** A complex tensor's values, each element's real and imaginary part in turn. */
  complex64: Float32Array;
  complex128: Float64Array;
  /** A string tensor's values, decoded from UTF-8. */
  string: string[];
}

/** Every dtype a tensor has, as TF.js's DataType (with tessera's float64 and complex128). */
export type DataType = DType;

/** The dtypes whose values dataSync() is typed as by default, as TF.js's (float64 is asked for by name). */
export type NumericDataType = 'float32' | 'int32' | 'bool';

/** One value as TF.js's ScalarLike types it. */
export type ScalarLike = number | boolean | string | Uint8Array;

/** Arrays of T nested to any depth, as TF.js's RecursiveArray. */
export interface RecursiveArray<T> {
  [index: number]: T | RecursiveArray<T>;
}

/** Nested arrays of numbers, booleans or strings (rows may be typed arrays; a string's bytes a Uint8Array), as TF.js's TensorLike. */
export type NestedValues = number | boolean | string | TypedArray | readonly NestedValues[];
/** What TF.js ops accept in place of a tensor: a number, a boolean, a string, (nested) arrays of them, or a typed array. */
export type TensorLike = NestedValues;

/** TF.js's explicit paddings of an NHWC tensor for a window op: [[0, 0], [top, bottom], [left, right], [0, 0]]. */
export type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];
/** A window op's pad as TF.js takes it: a name, the same number of cells on every side, or explicit paddings. */
export type WindowPad = 'valid' | 'same' | number | ExplicitPadding;
/** How a window op rounds an output size that a numeric or explicit pad leaves fractional (TF.js's dimRoundingMode). */
export type DimRoundingMode = 'floor' | 'round' | 'ceil';
