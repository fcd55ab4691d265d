import type { FloatArray } from '../../kernels/shared/types';

export type { FloatArray };
export type DType = 'float32' | 'float64';

/**
 * Values held by a backend off the host (e.g. a GPU texture). Shared by tensors that view the
 * same values (reshape), so it counts its holders and frees itself when the last lets go.
 */
export interface DeviceData {
  /** Which backend owns it, e.g. 'gpu'. */
  readonly backend: string;
  /** The bytes it occupies on the device. */
  readonly byteLength: number;
  /** Copies the values back to the host: an explicit, possibly slow read. */
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
  storage: FloatArray | DeviceData;
  /** True for variables: long-lived values updated in place, which a backend may keep on its device. */
  readonly isVariable: boolean;
  readonly isDisposed: boolean;
  /** The values on the host, read back from the backend once if needed. Never mutate. */
  hostValues(): FloatArray;
}

/** Makes the tensor a backend returns; the tensor layer installs it (as the class that implements TensorHandle). */
export type HandleFactory = (shape: readonly number[], dtype: DType, storage: FloatArray | DeviceData) => TensorHandle;

let factory: HandleFactory | null = null;

/** @internal Called once by the tensor layer. */
export function installHandleFactory(make: HandleFactory): void {
  factory = make;
}

/** A new tensor around values a kernel wrote: no copy. */
export function makeHandle(shape: readonly number[], dtype: DType, storage: FloatArray | DeviceData): TensorHandle {
  if (!factory) throw new Error('tessera: no tensor class is installed (import the library from its entry point)');
  return factory(shape, dtype, storage);
}

export function sizeOfShape(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

export function arrayTypeFor(dtype: DType): Float32ArrayConstructor | Float64ArrayConstructor {
  return dtype === 'float64' ? Float64Array : Float32Array;
}
