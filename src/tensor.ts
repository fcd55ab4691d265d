import type { FloatArray } from '../kernels/cpu/types';
import { trackTensor } from './tidy';
import { recordOp } from './backprop';

export type DType = 'float32' | 'float64';
export type { FloatArray };

/** Nested number arrays as arraySync() returns them and tensor() accepts them. */
export type NestedArray = number | NestedArray[];

/**
 * Values held by a backend off the host (e.g. a GPU texture). Shared by tensors that view the
 * same values (reshape), so it counts its holders and frees itself when the last lets go.
 */
export interface DeviceData {
  /** Which backend owns it, e.g. 'gpu'. */
  readonly backend: string;
  /** Copies the values back to the host: an explicit, possibly slow read. */
  readSync(): FloatArray;
  retain(): void;
  release(): void;
}

/**
 * @internal Told when tensors share (reshape) or let go of (dispose, assign) host values, so that the allocator
 * that made them (the cpu backend's WebAssembly memory) can reuse them; arrays it did not make are ignored.
 */
export interface HostValuesOwner {
  retain(values: FloatArray): void;
  release(values: FloatArray): void;
}

let hostOwner: HostValuesOwner | null = null;

/** @internal Installs the owner of host values (one per process: the cpu backend's). */
export function setHostValuesOwner(owner: HostValuesOwner | null): void {
  hostOwner = owner;
}

/** @internal Lets go of storage a tensor no longer holds: device data, or host values an allocator made. */
export function releaseStorage(storage: FloatArray | DeviceData): void {
  if (ArrayBuffer.isView(storage)) hostOwner?.release(storage);
  else storage.release();
}

let nextTensorId = 0;

export function sizeOfShape(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/** Resolves a reshape target (one -1 allowed) against a size, with an error naming both shapes. */
export function inferShape(shape: readonly number[], size: number, from: readonly number[]): number[] {
  const bad = (why: string) =>
    new Error(`reshape: shape must ${why}; got [${Array.isArray(shape) ? shape.join(', ') : String(shape)}] for a tensor of shape [${from.join(', ')}] (size ${size})`);
  if (!Array.isArray(shape)) throw bad('be an array of integers');
  let unknown = -1;
  let known = 1;
  shape.forEach((d, i) => {
    if (d === -1 && unknown < 0) unknown = i;
    else if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) throw bad('hold non-negative integers and at most one -1');
    else known *= d;
  });
  const out = shape.slice();
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw bad(`leave a size divisible by the known dims (${known})`);
    out[unknown] = size / known;
  } else if (known !== size) {
    throw bad(`have the same number of elements (${size})`);
  }
  return out;
}

export function arrayTypeFor(dtype: DType): Float32ArrayConstructor | Float64ArrayConstructor {
  return dtype === 'float64' ? Float64Array : Float32Array;
}

/**
 * An immutable n-dimensional array: a shape, a dtype and contiguous row-major values, held on
 * the host or by a backend. Variables (see variable.ts) are the only tensors whose values change.
 */
export class Tensor {
  readonly id = nextTensorId++;
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly size: number;
  /** @internal Host values or backend-held values; variables swap this on assign. */
  storage: FloatArray | DeviceData;
  private disposedFlag = false;

  /** @internal Use tn.tensor(), tn.zeros() etc.; the shape and storage are trusted here. */
  constructor(shape: readonly number[], dtype: DType, storage: FloatArray | DeviceData) {
    this.shape = Object.freeze(shape.slice());
    this.dtype = dtype;
    this.size = sizeOfShape(shape);
    this.storage = storage;
    trackTensor(this);
  }

  get rank(): number {
    return this.shape.length;
  }

  get isDisposed(): boolean {
    return this.disposedFlag;
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

  /**
   * The same values viewed with a new shape (one dim may be -1, inferred); no copy. Differentiable.
   */
  reshape(shape: readonly number[]): Tensor {
    this.assertLive('reshape');
    const target = inferShape(shape, this.size, this.shape);
    if (!ArrayBuffer.isView(this.storage)) this.storage.retain();
    else hostOwner?.retain(this.storage);
    const y = new Tensor(target, this.dtype, this.storage);
    recordOp([this], y, (dy) => [dy.reshape(this.shape)]);
    return y;
  }

  /** Rows [begin, begin + size) along the first axis (size defaults to the rest), copied. Differentiable. */
  slice(begin: number, size?: number): Tensor {
    this.assertLive('slice');
    const rows = this.shape[0];
    if (this.rank === 0) throw new Error('slice: x must have rank >= 1, got a scalar');
    if (!Number.isInteger(begin) || begin < 0 || begin > rows) {
      throw new Error(`slice: begin must be an integer in [0, ${rows}] for shape [${this.shape.join(', ')}], got ${begin}`);
    }
    const n = size === undefined || size === -1 ? rows - begin : size;
    if (!Number.isInteger(n) || n < 0 || begin + n > rows) {
      throw new Error(`slice: size must be an integer in [0, ${rows - begin}] (or -1) for begin ${begin} and shape [${this.shape.join(', ')}], got ${size}`);
    }
    const row = rows === 0 ? 0 : this.size / rows;
    const y = new Tensor([n, ...this.shape.slice(1)], this.dtype, this.hostValues().slice(begin * row, (begin + n) * row));
    recordOp([this], y, (dy) => {
      const dx = new (arrayTypeFor(this.dtype))(this.size);
      dx.set(dy.hostValues(), begin * row);
      return [new Tensor(this.shape, this.dtype, dx)];
    });
    return y;
  }

  /** Frees the values now (GPU memory in particular); the tensor cannot be used afterwards. */
  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
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
