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

/** What a Tensor method takes in place of a tensor, as TF.js's TensorLike. */
type MethodInput = Tensor | number | boolean | TypedArray | readonly MethodValues[];
type MethodValues = number | boolean | TypedArray | readonly MethodValues[];
type MethodAxis = number | number[] | null;
type MethodPair = number | [number, number];

/**
 * The ops as Tensor methods, as TF.js chains them (x.add(y).square().mean(1)). src/ops/*-methods.ts install
 * them; their types are declared here, merged with the class, because the bundled declaration file drops a
 * `declare module` augmentation of a relative path (a package consumer would not see the methods).
 */
export interface Tensor {
    sin(): this; cos(): this; tan(): this; asin(): this; acos(): this; atan(): this; sinh(): this; cosh(): this;
    rsqrt(): this; log1p(): this; expm1(): this; erf(): this;
    elu(): this; selu(): this; relu6(): this; softplus(): this; logSigmoid(): this;
    leakyRelu(alpha?: number): this;
    prelu(alpha: Tensor): this;
    step(alpha?: number): this;
    clipByValue(min: number, max: number): this;
    atan2(b: Tensor | number): Tensor;
    squaredDifference(b: Tensor | number): Tensor;
    less(b: Tensor | number): Tensor;
    lessEqual(b: Tensor | number): Tensor;
    greaterEqual(b: Tensor | number): Tensor;
    notEqual(b: Tensor | number): Tensor;
    prod(axis?: MethodAxis, keepDims?: boolean): Tensor;
    any(axis?: MethodAxis, keepDims?: boolean): Tensor;
    all(axis?: MethodAxis, keepDims?: boolean): Tensor;
    logSumExp(axis?: MethodAxis, keepDims?: boolean): Tensor;
    cumsum(axis?: number, exclusive?: boolean, reverse?: boolean): this;
    norm(ord?: number | 'euclidean' | 'fro', axis?: MethodAxis, keepDims?: boolean): Tensor;
    concat(x: Tensor | Tensor[], axis?: number): Tensor;
    stack(x: Tensor | Tensor[], axis?: number): Tensor;
    unstack(axis?: number): Tensor[];
    split(numOrSizeSplits: number[] | number, axis?: number): Tensor[];
    transpose(perm?: number[]): Tensor;
    expandDims(axis?: number): Tensor;
    squeeze(axis?: number[]): Tensor;
    tile(reps: number[]): Tensor;
    pad(paddings: Array<[number, number]>, constantValue?: number): Tensor;
    mirrorPad(paddings: Array<[number, number]>, mode: 'reflect' | 'symmetric'): Tensor;
    reverse(axis?: number | number[]): Tensor;
    slice(begin: number | number[], size?: number | number[]): Tensor;
    stridedSlice(begin: number[], end: number[], strides?: number[], beginMask?: number, endMask?: number, ellipsisMask?: number, newAxisMask?: number, shrinkAxisMask?: number): Tensor;
    broadcastTo(shape: number[]): Tensor;
    /** x as a 1-D tensor of its size, as TF.js's x.flatten(). */
    flatten(): Tensor;
    as1D(): Tensor;
    as2D(rows: number, columns: number): Tensor;
    as3D(rows: number, columns: number, depth: number): Tensor;
    as4D(rows: number, columns: number, depth: number, depth2: number): Tensor;
    as5D(rows: number, columns: number, depth: number, depth2: number, depth3: number): Tensor;
    asScalar(): Tensor;
    reshapeAs(x: Tensor): Tensor;
    dot(b: Tensor): Tensor;
    avgPool(filterSize: MethodPair, strides: MethodPair, pad: 'valid' | 'same', dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
    conv1d(filter: Tensor, stride: number, pad: 'valid' | 'same', dataFormat?: 'NWC' | 'NCW', dilation?: number, dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
    conv2dTranspose(filter: Tensor, outputShape: [number, number, number, number] | [number, number, number], strides: MethodPair, pad: 'valid' | 'same', dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
    depthwiseConv2d(filter: Tensor, strides: MethodPair, pad: 'valid' | 'same', dataFormat?: 'NHWC' | 'NCHW', dilations?: MethodPair, dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
    separableConv2d(depthwiseFilter: Tensor, pointwiseFilter: Tensor, strides: MethodPair, pad: 'valid' | 'same', dilation?: MethodPair, dataFormat?: 'NHWC' | 'NCHW'): Tensor;
    batchNorm(mean: Tensor, variance: Tensor, offset?: Tensor, scale?: Tensor, varianceEpsilon?: number): Tensor;
    add(b: MethodInput): Tensor;
    sub(b: MethodInput): Tensor;
    mul(b: MethodInput): Tensor;
    div(b: MethodInput): Tensor;
    floorDiv(b: MethodInput): Tensor;
    mod(b: MethodInput): Tensor;
    pow(exp: MethodInput): Tensor;
    maximum(b: MethodInput): Tensor;
    minimum(b: MethodInput): Tensor;
    greater(b: MethodInput): Tensor;
    equal(b: MethodInput): Tensor;
    logicalAnd(b: MethodInput): Tensor;
    logicalOr(b: MethodInput): Tensor;
    logicalXor(b: MethodInput): Tensor;
    logicalNot(): Tensor;
    neg(): Tensor;
    abs(): Tensor;
    exp(): Tensor;
    log(): Tensor;
    sqrt(): Tensor;
    square(): Tensor;
    relu(): Tensor;
    sigmoid(): Tensor;
    tanh(): Tensor;
    reciprocal(): Tensor;
    floor(): Tensor;
    ceil(): Tensor;
    round(): Tensor;
    sign(): Tensor;
    isNaN(): Tensor;
    isInf(): Tensor;
    isFinite(): Tensor;
    sum(axis?: MethodAxis, keepDims?: boolean): Tensor;
    mean(axis?: MethodAxis, keepDims?: boolean): Tensor;
    max(axis?: MethodAxis, keepDims?: boolean): Tensor;
    min(axis?: MethodAxis, keepDims?: boolean): Tensor;
    argMax(axis?: number): Tensor;
    argMin(axis?: number): Tensor;
    cast(dtype: DType): Tensor;
    /** As cast. */
    asType(dtype: DType): Tensor;
    toFloat(): Tensor;
    toInt(): Tensor;
    toBool(): Tensor;
    clone(): Tensor;
    /** this where condition holds, else b: tf.where(condition, this, b). */
    where(condition: MethodInput, b: MethodInput): Tensor;
    gather(indices: MethodInput, axis?: number, batchDims?: number): Tensor;
    unsortedSegmentSum(segmentIds: MethodInput, numSegments: number): Tensor;
    oneHot(depth: number, onValue?: number, offValue?: number): Tensor;
    topk(k?: number, sorted?: boolean): { values: Tensor; indices: Tensor };
    matMul(b: Tensor, transposeA?: boolean, transposeB?: boolean): Tensor;
    conv2d(filter: Tensor, strides: MethodPair, pad: 'valid' | 'same', dataFormat?: 'NHWC' | 'NCHW', dilations?: MethodPair, dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
    maxPool(filterSize: number | [number, number], strides: number | [number, number], pad: 'valid' | 'same'): Tensor;
    softmax(dim?: number): Tensor;
    logSoftmax(axis?: number): Tensor;
}

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
