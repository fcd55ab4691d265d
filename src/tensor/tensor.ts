import { arrayTypeFor, installHandleFactory, sizeOfShape, type DeviceData, type DType, type FloatArray, type TensorHandle } from '../backend/handle';
import { releaseStorage } from '../backend/host-values';
import { countTensor, recount, uncountTensor, type Counted } from './memory';
import { trackTensor } from './scopes';
import type { NetsMethods } from './nets-methods';

export type { DeviceData, DType, FloatArray };
export { arrayTypeFor, sizeOfShape };

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

/** The methods installed by the ops layer, declared with the class so that declaration files keep them. */
export interface Tensor extends NetsMethods<Tensor> {}

/**
 * An immutable n-dimensional array: a shape, a dtype and contiguous row-major values, held on
 * the host or by a backend. Variables (see variable.ts) are the only tensors whose values change.
 */
export class Tensor implements TensorHandle {
  readonly id = nextTensorId++;
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly size: number;
  private values: FloatArray | DeviceData;
  private disposedFlag = false;
  /** This tensor's entry in tn.memory()'s count. */
  private readonly counted: Counted;

  /** @internal Use tn.tensor(), tn.zeros() etc.; the shape and storage are trusted here. */
  constructor(shape: readonly number[], dtype: DType, storage: FloatArray | DeviceData) {
    this.shape = Object.freeze(shape.slice());
    this.dtype = dtype;
    this.size = sizeOfShape(shape);
    this.values = storage;
    this.counted = countTensor(this, storage);
    trackTensor(this);
  }

  /** @internal Host values or backend-held values; variables swap them on assign, backends move them to a device. */
  get storage(): FloatArray | DeviceData {
    return this.values;
  }

  set storage(next: FloatArray | DeviceData) {
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
  hostValues(): FloatArray {
    this.assertLive('read');
    if (!ArrayBuffer.isView(this.storage)) {
      const device = this.storage;
      this.storage = device.readSync();
      device.release();
    }
    return this.storage;
  }

  /** A copy of the values, in a Float32Array or Float64Array matching the dtype. */
  dataSync(): FloatArray {
    return this.hostValues().slice();
  }

  async data(): Promise<FloatArray> {
    return this.dataSync();
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

  /** Logs the shape, dtype and values, as TF.js's t.print(). */
  print(): void {
    console.log(`${this.toString()}\n${JSON.stringify(this.arraySync())}`);
  }

  toString(): string {
    return `Tensor(shape=[${this.shape.join(', ')}], dtype=${this.dtype})`;
  }
}

// Backends make their outputs as Tensors.
installHandleFactory((shape, dtype, storage) => new Tensor(shape, dtype, storage));
