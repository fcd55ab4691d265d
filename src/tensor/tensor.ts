import { arrayTypeFor, fromDevice, installHandleFactory, isFloatDtype, sizeOfShape, type DeviceData, type DType, type FloatArray, type TensorHandle, type TypedArray } from '../backend/handle';
import { releaseStorage } from '../backend/host-values';
import { countTensor, recount, uncountTensor, type Counted } from './memory';
import { formatTensor } from './format';
import { trackTensor } from './scopes';

export type { DeviceData, DType, FloatArray, TypedArray };
export { arrayTypeFor, isFloatDtype, sizeOfShape };

/** Each dtype's host array, as TF.js's DataTypeMap. */
export interface DataTypeMap {
  float32: Float32Array;
  float64: Float64Array;
  int32: Int32Array;
  bool: Uint8Array;
}

/** Nested number arrays as arraySync() returns them and tensor() accepts them. */
export type NestedArray = number | NestedArray[];

/** The ops behind Tensor's methods, installed by the ops layer (tfjs-core's opHandler), so this class imports no op. */
export interface TensorOps {
  reshape(x: Tensor, shape: readonly number[]): Tensor;
  slice(x: Tensor, begin: number, size?: number): Tensor;
}

let ops: TensorOps | null = null;

/** @internal Called once by the ops layer. */
export function installTensorOps(table: TensorOps): void {
  ops = table;
}

function tensorOps(): TensorOps {
  if (!ops) throw new Error('tessera: the ops are not installed (import the library from its entry point)');
  return ops;
}

let nextTensorId = 0;

/**
 * An immutable n-dimensional array: a shape, a dtype and contiguous row-major values, held on
 * the host or by a backend. Variables (see variable.ts) are the only tensors whose values change.
 */
export class Tensor implements TensorHandle {
  readonly id = nextTensorId++;
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly size: number;
  private values: TypedArray | DeviceData;
  private disposedFlag = false;
  /** This tensor's entry in tn.memory()'s count. */
  private readonly counted: Counted;

  /** @internal Use tn.tensor(), tn.zeros() etc.; the shape and storage are trusted here. */
  constructor(shape: readonly number[], dtype: DType, storage: TypedArray | DeviceData) {
    this.shape = Object.freeze(shape.slice());
    this.dtype = dtype;
    this.size = sizeOfShape(shape);
    this.values = storage;
    this.counted = countTensor(this, storage);
    trackTensor(this);
  }

  /** @internal Host values or backend-held values; variables swap them on assign, backends move them to a device. */
  get storage(): TypedArray | DeviceData {
    return this.values;
  }

  set storage(next: TypedArray | DeviceData) {
    recount(this.counted, next);
    this.values = next;
  }

  get rank(): number {
    return this.shape.length;
  }

  get isDisposed(): boolean {
    return this.disposedFlag;
  }

  /** False here; a Variable's values are long-lived and updated in place. */
  get isVariable(): boolean {
    return false;
  }

  /** @internal The values on the host, read back from the backend once if needed. Never mutate. */
  hostValues(): TypedArray {
    this.assertLive('read');
    if (!ArrayBuffer.isView(this.storage)) {
      const device = this.storage;
      this.storage = fromDevice(device.readSync(), this.dtype);
      device.release();
    }
    return this.storage;
  }

  /**
   * A copy of the values: a Float32Array, Float64Array, Int32Array, or a Uint8Array of 0/1 for bool (as TF.js);
   * `dataSync<'float32'>()` types it as TF.js's does.
   */
  dataSync<D extends DType = DType>(): DataTypeMap[D] {
    return this.hostValues().slice() as DataTypeMap[D];
  }

  async data<D extends DType = DType>(): Promise<DataTypeMap[D]> {
    return this.dataSync<D>();
  }

  /** The values as nested arrays following the shape (a number for a scalar). */
  arraySync(): NestedArray {
    const values = this.hostValues();
    const build = (axis: number, offset: number): NestedArray => {
      if (axis === this.shape.length) return values[offset];
      const stride = sizeOfShape(this.shape.slice(axis + 1));
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[axis]; i++) out.push(build(axis + 1, offset + i * stride));
      return out;
    };
    return build(0, 0);
  }

  async array(): Promise<NestedArray> {
    return this.arraySync();
  }

  /** The same values viewed with a new shape (one dim may be -1, inferred); no copy. As tf.reshape. */
  reshape(shape: readonly number[]): Tensor {
    return tensorOps().reshape(this, shape);
  }

  /** Rows [begin, begin + size) along the first axis (size defaults to the rest), copied. As tf.slice on axis 0. */
  slice(begin: number, size?: number): Tensor {
    return tensorOps().slice(this, begin, size);
  }

  /** Frees the values now (GPU memory in particular); the tensor cannot be used afterwards. */
  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    uncountTensor(this.counted);
    releaseStorage(this.storage);
  }

  /** @internal Throws a clear error when a disposed tensor is used. */
  assertLive(use: string): void {
    if (this.disposedFlag) {
      throw new Error(`Tensor ${this.id} (shape [${this.shape.join(', ')}]) was disposed and cannot be used to ${use}`);
    }
  }

  /** A one-element tensor reads as its number (`Number(acc)`, `acc > 0.9`, template strings); others as text or NaN. */
  [Symbol.toPrimitive](hint: 'number' | 'string' | 'default'): number | string {
    if (this.size === 1 && !this.disposedFlag) return this.hostValues()[0];
    return hint === 'number' ? NaN : this.toString();
  }

  /** Logs the values (verbose: with dtype, rank and shape), as TF.js's t.print(verbose). */
  print(verbose = false): void {
    console.log(this.toString(verbose));
  }

  /** 'Tensor' and the values, as TF.js writes them (verbose adds dtype, rank and shape). */
  toString(verbose = false): string {
    if (this.disposedFlag) return `Tensor ${this.id} (disposed, shape [${this.shape.join(', ')}], dtype ${this.dtype})`;
    return formatTensor(this.hostValues(), this.shape, this.dtype, verbose);
  }
}

// Backends make their outputs as Tensors.
installHandleFactory((shape, dtype, storage) => new Tensor(shape, dtype, storage));
