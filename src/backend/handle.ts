import { cast } from '../../kernels/cpu/cast';
import type { FloatArray, TypedArray } from '../../kernels/shared/types';

export type { FloatArray, TypedArray };
/**
 * Every dtype a tensor has: TF.js's DataType, with float64 (cpu only, for exact gradient checks) and complex128 (its
 * complex form). Backends compute on the numeric ones; a complex tensor is two real ones, and a string tensor's values
 * stay on the host with the tensor layer, so no backend receives either.
 */
export type DType = NumericDType | 'complex64' | 'complex128' | 'string';
/** The dtypes whose values a backend holds and computes on, one number per element. */
export type NumericDType = 'float32' | 'float64' | 'int32' | 'bool';
export type FloatDType = 'float32' | 'float64';

/**
 * Values held by a backend off the host (e.g. a GPU texture). Shared by tensors that view the
 * same values (reshape), so it counts its holders and frees itself when the last lets go.
 */
export interface DeviceData {
  /** Which backend owns it, e.g. 'gpu'. */
  readonly backend: string;
  /** The bytes it occupies on the device. */
  readonly byteLength: number;
  /** Copies the values back to the host as float32 (every dtype travels so); the tensor casts them to its dtype. */
  readSync(): FloatArray;
  retain(): void;
  release(): void;
}

/**
 * What a backend sees of a tensor: its shape, dtype and values. The tensor layer's Tensor implements it,
 * so backends compute on tensors without knowing the class (nor the tape and scopes around it).
 */
export interface TensorHandle {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly size: number;
  readonly rank: number;
  /** Host values or backend-held values; a backend may move a variable's values (set on in-place updates). */
  storage: TypedArray | DeviceData;
  /** True for variables: long-lived values updated in place, which a backend may keep on its device. */
  readonly isVariable: boolean;
  readonly isDisposed: boolean;
  /** Whether another live tensor holds the same storage (a reshape or clone of this one), so an in-place update must not touch it. */
  sharesStorage(): boolean;
  /** The values on the host, read back from the backend once if needed. Never mutate. */
  hostValues(): TypedArray;
}

/** Makes the tensor a backend returns; the tensor layer installs it (as the class that implements TensorHandle). */
export type HandleFactory = (shape: readonly number[], dtype: DType, storage: TypedArray | DeviceData) => TensorHandle;

let factory: HandleFactory | null = null;

/** @internal Called once by the tensor layer. */
export function installHandleFactory(make: HandleFactory): void {
  factory = make;
}

/** A new tensor around values a kernel wrote: no copy. */
export function makeHandle(shape: readonly number[], dtype: DType, storage: TypedArray | DeviceData): TensorHandle {
  if (!factory) throw new Error('tessera: no tensor class is installed (import the library from its entry point)');
  return factory(shape, dtype, storage);
}

export function sizeOfShape(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

export function isFloatDtype(dtype: DType): dtype is FloatDType {
  return dtype === 'float32' || dtype === 'float64';
}

type ArrayTypes = { float32: Float32ArrayConstructor; float64: Float64ArrayConstructor; int32: Int32ArrayConstructor; bool: Uint8ArrayConstructor };
const ARRAY_TYPES: ArrayTypes = { float32: Float32Array, float64: Float64Array, int32: Int32Array, bool: Uint8Array };

/**
 * The host array class of a dtype: Float32Array, Float64Array, Int32Array, or Uint8Array for bool. A complex or string
 * dtype has none (ops refuse those tensors, or take them apart, before any array is made): asking is a bug, thrown.
 */
export function arrayTypeFor<D extends DType>(dtype: D): ArrayTypes[D & NumericDType] {
  if (!isNumericDtype(dtype)) throw new Error(`tessera: a ${String(dtype)} tensor has no numeric values array`);
  return ARRAY_TYPES[dtype as D & NumericDType];
}

export function isNumericDtype(dtype: unknown): dtype is NumericDType {
  return dtype === 'float32' || dtype === 'float64' || dtype === 'int32' || dtype === 'bool';
}

/**
 * Values converted to a dtype's array as tf.cast converts them: to int32 by truncation toward zero, to bool
 * as v != 0 (NaN is true); the same array when it already has the right type.
 */
export function castValues(values: TypedArray, dtype: DType): TypedArray {
  if (values instanceof arrayTypeFor(dtype)) return values;
  const out = new (arrayTypeFor(dtype))(values.length);
  cast(values, out);
  return out;
}

/**
 * Values read back from a device (float32) in a tensor's dtype; integers come back rounded, as floats carry them exactly.
 * A bool texture holds what the cpu's Uint8Array would (a pad's fill of -2 is 254), so it is stored as that array stores.
 */
export function fromDevice(values: FloatArray, dtype: DType): TypedArray {
  if (dtype === 'int32') return Int32Array.from(values, Math.round);
  if (dtype === 'bool') return Uint8Array.from(values);
  return castValues(values, dtype);
}
