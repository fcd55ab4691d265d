import { arrayTypeFor, fromDevice, installHandleFactory, isFloatDtype, isNumericDtype, sizeOfShape, type DeviceData, type DType, type FloatArray, type NumericDType, type TensorHandle, type TypedArray } from '../backend/handle';
import { copyHostValues, releaseStorage, retainStorage } from '../backend/host-values';
import { countStringBytes, countTensor, dataIdOf, ownBuffer, recount, storageShared, uncountTensor, type Counted } from './memory';
import { decodeString, encodeString, stringBytes, stringStorage, stringsIn } from './string-values';
import { formatTensor, type Shown } from './format';
import { inspectSymbol, inspectView, type DataId, type TensorFields } from './inspect-view';
import { isKept, trackTensor } from './scopes';
import { deferRelease, heldForBackward } from './backward-hold';
import { computeStrides, indexToLoc, locToIndex } from '../util/tf-util';
import { inPage, nextTask } from '../util/next-task';
import type { ArrayMap, WindowPad, Rank, DataType, DataTypeMap, NumericDataType, ShapeMap, TensorLike, DimRoundingMode } from './value-types';

export type { DeviceData, DType, FloatArray, NumericDType, TypedArray };
export { arrayTypeFor, isFloatDtype, isNumericDtype, sizeOfShape };
export type { DataTypeMap };

/**
 * TF.js's complex dtype (float32 parts), and tessera's complex128 (float64 parts, for exact gradient checks as
 * float64 is). A complex tensor holds its real and imaginary parts as two real tensors, so every complex op is made
 * of real ops: every backend runs it, and its gradient is made of differentiable ops.
 */
export type ComplexDType = 'complex64' | 'complex128';

/** Nested number arrays as arraySync() returns them for a tensor of unknown rank, and tensor() accepts them. */
export type NestedArray = number | NestedArray[];
/** Nested values as arraySync() builds them: numbers, or a string tensor's strings. */
type Nested = number | string | Nested[];

/** The ops behind Tensor's methods, installed by the ops layer (tfjs-core's opHandler), so this class imports no op. */
export interface TensorOps {
  reshape(x: Tensor, shape: readonly number[]): Tensor;
  slice(x: Tensor, begin: number | number[], size?: number | number[]): Tensor;
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

/** The dtype of string tensors, whose values the tensor layer holds (see string-values.ts) and no backend sees. */
const STRING = 'string';

/** What a Tensor method takes in place of a tensor, as TF.js's `Tensor | TensorLike`. */
type Operand = Tensor | TensorLike;
type Axis = number | number[] | null;
type Pair = number | [number, number];

/**
 * The ops as Tensor methods, as TF.js chains them (x.add(y).square().mean(1)), typed as TF.js types them: a
 * method whose result keeps the shape returns the receiver's type (`this: T`), others a T the caller may name
 * (`const z: Tensor2D = x.add(y)`). src/ops/*-methods.ts install them; their types are declared here, merged
 * with the class, because the bundled declaration file drops a `declare module` augmentation of a relative path
 * (a package consumer would not see the methods).
 */
export interface Tensor<R extends Rank = Rank> {
    sin<T extends Tensor>(this: T): T; cos<T extends Tensor>(this: T): T; tan<T extends Tensor>(this: T): T;
    asin<T extends Tensor>(this: T): T; acos<T extends Tensor>(this: T): T; atan<T extends Tensor>(this: T): T;
    sinh<T extends Tensor>(this: T): T; cosh<T extends Tensor>(this: T): T;
    asinh<T extends Tensor>(this: T): T; acosh<T extends Tensor>(this: T): T; atanh<T extends Tensor>(this: T): T;
    rsqrt<T extends Tensor>(this: T): T; log1p<T extends Tensor>(this: T): T; expm1<T extends Tensor>(this: T): T;
    erf<T extends Tensor>(this: T): T;
    elu<T extends Tensor>(): T; selu<T extends Tensor>(): T; relu6<T extends Tensor>(): T;
    softplus<T extends Tensor>(this: T): T; logSigmoid<T extends Tensor>(this: T): T;
    leakyRelu<T extends Tensor>(alpha?: number): T;
    prelu<T extends Tensor>(this: T, alpha: Tensor): T;
    step<T extends Tensor>(this: T, alpha?: number): T;
    clipByValue<T extends Tensor>(min: number, max: number): T;
    atan2<T extends Tensor>(b: Operand): T;
    squaredDifference<T extends Tensor>(b: Operand): T;
    less<T extends Tensor>(b: Operand): T;
    lessEqual<T extends Tensor>(b: Operand): T;
    greaterEqual<T extends Tensor>(b: Operand): T;
    notEqual<T extends Tensor>(b: Operand): T;
    prod<T extends Tensor>(this: T, axis?: Axis, keepDims?: boolean): T;
    any<T extends Tensor>(this: T, axis?: Axis, keepDims?: boolean): T;
    all<T extends Tensor>(this: T, axis?: Axis, keepDims?: boolean): T;
    logSumExp<T extends Tensor>(this: T, axis?: Axis, keepDims?: boolean): T;
    cumsum<R2 extends Rank = R>(axis?: number, exclusive?: boolean, reverse?: boolean): Tensor<R2>;
    cumprod<R2 extends Rank = R>(axis?: number, exclusive?: boolean, reverse?: boolean): Tensor<R2>;
    norm(ord?: number | 'euclidean' | 'fro', axis?: Axis, keepDims?: boolean): Tensor;
    concat<T extends Tensor>(tensors: T | Array<T | TensorLike>, axis?: number): T;
    stack<T extends Tensor>(x: Tensor | Tensor[], axis?: number): T;
    unstack<T extends Tensor>(axis?: number): T[];
    split<T extends Tensor>(numOrSizeSplits: number[] | number, axis?: number): T[];
    transpose<T extends Tensor>(perm?: number[]): T;
    expandDims<T extends Tensor>(axis?: number): T;
    squeeze<T extends Tensor>(axis?: number[]): T;
    tile<T extends Tensor>(reps: number[]): T;
    pad<T extends Tensor>(paddings: Array<[number, number]>, constantValue?: number): T;
    mirrorPad<T extends Tensor>(paddings: Array<[number, number]>, mode: 'reflect' | 'symmetric'): T;
    reverse<T extends Tensor>(this: T, axis?: number | number[]): T;
    stridedSlice(begin: number[], end: number[], strides?: number[], beginMask?: number, endMask?: number, ellipsisMask?: number, newAxisMask?: number, shrinkAxisMask?: number): Tensor;
    broadcastTo<R2 extends Rank>(shape: ShapeMap[R2]): Tensor<R2>;
    /** x as a 1-D tensor of its size, as TF.js's x.flatten(). */
    flatten(): Tensor<Rank.R1>;
    as1D(): Tensor<Rank.R1>;
    as2D(rows: number, columns: number): Tensor<Rank.R2>;
    as3D(rows: number, columns: number, depth: number): Tensor<Rank.R3>;
    as4D(rows: number, columns: number, depth: number, depth2: number): Tensor<Rank.R4>;
    as5D(rows: number, columns: number, depth: number, depth2: number, depth3: number): Tensor<Rank.R5>;
    asScalar(): Tensor<Rank.R0>;
    reshapeAs<T extends Tensor>(x: T): T;
    dot(b: Operand): Tensor;
    avgPool<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(filterSize: Pair, strides: Pair, pad: WindowPad, dimRoundingMode?: DimRoundingMode): T;
    conv1d<T extends Tensor<Rank.R2> | Tensor<Rank.R3>>(filter: Operand, stride: number, pad: 'valid' | 'same', dataFormat?: 'NWC' | 'NCW', dilation?: number, dimRoundingMode?: DimRoundingMode): T;
    conv2dTranspose<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(filter: Operand, outputShape: [number, number, number, number] | [number, number, number], strides: Pair, pad: 'valid' | 'same', dimRoundingMode?: DimRoundingMode): T;
    depthwiseConv2d<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(filter: Operand, strides: Pair, pad: WindowPad, dataFormat?: 'NHWC' | 'NCHW', dilations?: Pair, dimRoundingMode?: DimRoundingMode): T;
    separableConv2d<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(depthwiseFilter: Operand, pointwiseFilter: Operand, strides: Pair, pad: 'valid' | 'same', dilation?: Pair, dataFormat?: 'NHWC' | 'NCHW'): T;
    dilation2d<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(filter: Operand, strides: Pair, pad: 'valid' | 'same', dilations?: Pair, dataFormat?: 'NHWC'): T;
    batchNorm(mean: Tensor<R> | Tensor<Rank.R1> | TensorLike, variance: Tensor<R> | Tensor<Rank.R1> | TensorLike, offset?: Tensor<R> | Tensor<Rank.R1> | TensorLike, scale?: Tensor<R> | Tensor<Rank.R1> | TensorLike, varianceEpsilon?: number): Tensor<R>;
    add<T extends Tensor>(b: Operand): T;
    sub<T extends Tensor>(b: Operand): T;
    mul<T extends Tensor>(b: Operand): T;
    div<T extends Tensor>(b: Operand): T;
    floorDiv<T extends Tensor>(b: Operand): T;
    mod<T extends Tensor>(b: Operand): T;
    pow<T extends Tensor>(exp: Operand): T;
    maximum<T extends Tensor>(b: Operand): T;
    minimum<T extends Tensor>(b: Operand): T;
    greater<T extends Tensor>(b: Operand): T;
    equal<T extends Tensor>(b: Operand): T;
    logicalAnd<T extends Tensor>(b: Operand): T;
    logicalOr<T extends Tensor>(b: Operand): T;
    logicalXor<T extends Tensor>(b: Operand): T;
    logicalNot<T extends Tensor>(): T;
    neg<T extends Tensor>(this: T): T;
    abs<T extends Tensor>(this: T): T;
    exp<T extends Tensor>(this: T): T;
    log<T extends Tensor>(this: T): T;
    sqrt<T extends Tensor>(this: T): T;
    square<T extends Tensor>(this: T): T;
    relu<T extends Tensor>(): T;
    sigmoid<T extends Tensor>(this: T): T;
    tanh<T extends Tensor>(this: T): T;
    reciprocal<T extends Tensor>(this: T): T;
    floor<T extends Tensor>(this: T): T;
    ceil<T extends Tensor>(this: T): T;
    round<T extends Tensor>(this: T): T;
    sign<T extends Tensor>(this: T): T;
    isNaN<T extends Tensor>(this: T): T;
    isInf<T extends Tensor>(this: T): T;
    isFinite<T extends Tensor>(this: T): T;
    sum<T extends Tensor>(axis?: Axis, keepDims?: boolean): T;
    mean<T extends Tensor>(axis?: Axis, keepDims?: boolean): T;
    max<T extends Tensor>(axis?: Axis, keepDims?: boolean): T;
    min<T extends Tensor>(axis?: Axis, keepDims?: boolean): T;
    argMax<T extends Tensor>(axis?: number): T;
    argMin<T extends Tensor>(axis?: number): T;
    cast<T extends Tensor>(dtype: DataType): T;
    /** As cast. */
    asType<T extends Tensor>(this: T, dtype: DataType): T;
    toFloat<T extends Tensor>(this: T): T;
    toInt<T extends Tensor>(this: T): T;
    toBool<T extends Tensor>(this: T): T;
    clone<T extends Tensor>(this: T): T;
    /** this where condition holds, else b: tf.where(condition, this, b). */
    where<T extends Tensor>(condition: Operand, b: Operand): T;
    gather<T extends Tensor>(this: T, indices: Operand, axis?: number, batchDims?: number): T;
    unsortedSegmentSum<T extends Tensor>(this: T, segmentIds: Operand, numSegments: number): T;
    oneHot(depth: number, onValue?: number, offValue?: number): Tensor;
    topk<T extends Tensor>(this: T, k?: number, sorted?: boolean): { values: T; indices: T };
    matMul(b: Operand, transposeA?: boolean, transposeB?: boolean): Tensor;
    conv2d<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(filter: Operand, strides: Pair, pad: WindowPad, dataFormat?: 'NHWC' | 'NCHW', dilations?: Pair, dimRoundingMode?: DimRoundingMode): T;
    maxPool<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(filterSize: Pair, strides: Pair, pad: WindowPad, dimRoundingMode?: DimRoundingMode): T;
    softmax<T extends Tensor>(this: T, dim?: number): T;
    logSoftmax<T extends Tensor>(this: T, axis?: number): T;
    onesLike<T extends Tensor>(this: T): T;
    zerosLike<T extends Tensor>(this: T): T;
    resizeBilinear<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(this: T, newShape2D: [number, number], alignCorners?: boolean, halfPixelCenters?: boolean): T;
    resizeNearestNeighbor<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(this: T, newShape2D: [number, number], alignCorners?: boolean, halfFloatCenters?: boolean): T;
    unique<T extends Tensor>(this: T, axis?: number): { values: T; indices: Tensor<Rank.R1> };
    divNoNan<T extends Tensor>(b: Operand): T;
    euclideanNorm(axis?: Axis, keepDims?: boolean): Tensor;
    spaceToBatchND<R2 extends Rank>(blockShape: number[], paddings: number[][]): Tensor<R2>;
    batchToSpaceND<R2 extends Rank>(blockShape: number[], crops: number[][]): Tensor<R2>;
    depthToSpace(this: Tensor<Rank.R4>, blockSize: number, dataFormat?: 'NHWC' | 'NCHW'): Tensor<Rank.R4>;
    localResponseNormalization<T extends Tensor>(this: T, depthRadius?: number, bias?: number, alpha?: number, beta?: number): T;
    pool<T extends Tensor<Rank.R3> | Tensor<Rank.R4>>(this: T, windowShape: Pair, poolingType: 'avg' | 'max', padding: 'valid' | 'same' | number, dilationRate?: Pair, strides?: Pair, dimRoundingMode?: DimRoundingMode): T;
    /** tf.spectral's transforms over the innermost axis (rfft with its default length, as TF.js's method). */
    fft(this: Tensor): Tensor; ifft(this: Tensor): Tensor; rfft(this: Tensor): Tensor; irfft(this: Tensor): Tensor;
    /** A Variable holding a copy of this tensor, as tf.variable(this, trainable, name, dtype). */
    variable(trainable?: boolean, name?: string, dtype?: DataType): VariableOf<R>;
}

/** What x.variable() returns: tensor/variable.ts's Variable, described here because that file builds on this one. */
export type VariableOf<R extends Rank> = Tensor<R> & { readonly name: string; trainable: boolean; assign(t: Tensor<R>): void };

let madeWatcher: ((t: Tensor) => void) | null = null;

/**
 * @internal Has every tensor made from now on handed to `watcher` (a registered kernel reads the tensors it makes by
 * their dataIds, ops/run-kernel.ts); returns the watcher it replaces.
 */
export function watchMadeTensors(watcher: ((t: Tensor) => void) | null): ((t: Tensor) => void) | null {
  const previous = madeWatcher;
  madeWatcher = watcher;
  return previous;
}

/**
 * An immutable n-dimensional array: a shape, a dtype and contiguous row-major values, held on
 * the host or by a backend. Variables (see variable.ts) are the only tensors whose values change.
 */
export class Tensor<R extends Rank = Rank> implements TensorHandle {
  readonly id = nextTensorId++;
  /**
   * The size of each axis. TF.js's ShapeMap[R], also a number[] so that an axis of a tensor of unknown rank reads as
   * a number (x.shape[2]) rather than possibly undefined. A plain array, as TF.js's: a program may edit it as one
   * (`const s = x.shape; s[0] = -1; x.reshape(s)`), at the same risk to x as there.
   */
  readonly shape: ShapeMap[R] & number[];
  readonly dtype: DType;
  readonly size: number;
  /** The id of the tidy (or op) scope that made it or that it was returned to, as TF.js's; unset outside every scope. */
  scopeId?: number;
  #values: TypedArray | DeviceData;
  #disposedFlag = false;
  /** This tensor's entry in tn.memory()'s count. */
  readonly #counted: Counted;
  /** A complex tensor's real and imaginary parts: views of its values that no scope holds and tn.memory() does not count. */
  #parts?: readonly [Tensor, Tensor];

  /**
   * @internal Use tn.tensor(), tn.zeros() etc.; the shape and storage are trusted here. dataId: the one of the tensor
   * whose values storage copies, where TF.js would share them. part: a complex tensor's part, which no scope holds
   * and tn.memory() does not count (its owner is counted).
   */
  constructor(shape: readonly number[], dtype: DType, storage: TypedArray | DeviceData, dataId?: DataId, part = false) {
    this.shape = [...shape] as ShapeMap[R] & number[];
    this.dtype = dtype;
    this.size = sizeOfShape(shape);
    this.#values = storage;
    this.#counted = countTensor(storage, dataId, dtype === STRING);
    if (part) uncountTensor(this.#counted);
    else trackTensor(this);
    if (madeWatcher && !part) madeWatcher(this);
  }

  /**
   * @internal A complex tensor with parts re and im (real tensors of one shape and one float dtype, checked by the
   * caller): counted by tn.memory() as TF.js counts one, a tensor and a buffer of no bytes.
   */
  static complexOf(re: Tensor, im: Tensor): Tensor {
    const dtype = re.dtype === 'float64' ? 'complex128' : 'complex64';
    const t = new Tensor(re.shape, dtype, new Float32Array(0));
    t.#parts = [re.asPart(), im.asPart()];
    return t;
  }

  /**
   * @internal A string tensor of shape holding values (each element's UTF-8 bytes, taken as they are). made: it is
   * made from a program's values (tn.tensor, a buffer's toTensor), so tn.memory() counts their bytes, as TF.js's
   * engine.makeTensor; an op's result counts none, as there.
   */
  static ofStrings(shape: readonly number[], values: readonly Uint8Array[], made: boolean): Tensor {
    const t = new Tensor(shape, STRING, stringStorage(values));
    if (made) countStringBytes(t.#counted, stringBytes(values));
    return t;
  }

  /** @internal A string tensor's values, each element's UTF-8 bytes (never mutate them); undefined for another dtype. */
  encodedStrings(): readonly Uint8Array[] | undefined {
    if (this.dtype !== STRING) return undefined;
    this.assertLive('read');
    return stringsIn(this.storage);
  }

  /** A string tensor's values decoded; undefined for another dtype. */
  private strings(): string[] | undefined {
    return this.encodedStrings()?.map(decodeString);
  }

  /** A view of this tensor's values that only its complex owner holds (a variable's are copied: they change in place). */
  private asPart(): Tensor {
    if (this.isVariable) return new Tensor(this.shape, this.dtype, copyHostValues(this.hostValues()), undefined, true);
    retainStorage(this.storage);
    return new Tensor(this.shape, this.dtype, this.storage, this.dataId, true);
  }

  /** @internal A complex tensor's [real, imaginary] parts (undefined for a real tensor); never dispose them. */
  complexParts(): readonly [Tensor, Tensor] | undefined {
    if (this.#parts) this.assertLive('read');
    return this.#parts;
  }

  /** @internal Host values or backend-held values; variables swap them on assign, backends move them to a device. */
  get storage(): TypedArray | DeviceData {
    return this.#values;
  }

  set storage(next: TypedArray | DeviceData) {
    this.replaceStorage(next, this.dataId);
  }

  /** @internal Counts this tensor, a copy of x's values made where TF.js shares x's dataId (a variable's clone), as holding x's buffer. */
  countAsSharing(x: Tensor): void {
    this.replaceStorage(this.storage, x.dataId);
  }

  /** @internal Holds next from now on, as the buffer dataId (a variable assigned takes its value's, as TF.js). */
  protected replaceStorage(next: TypedArray | DeviceData, dataId: DataId): void {
    recount(this.#counted, next, dataId);
    this.#values = next;
  }

  get rank(): number {
    return this.shape.length;
  }

  /** @internal After an in-place update: a buffer of its own, as an assign would give it (see memory.ts). */
  ownBuffer(): void {
    ownBuffer(this.#counted);
  }

  /** @internal See TensorHandle.sharesStorage. */
  sharesStorage(): boolean {
    return storageShared(this.#counted);
  }

  /** The rank as TF.js's rankType holds it at run time: '0' to '4', then 'higher'; typed as the Rank parameter. */
  get rankType(): R {
    return (this.rank < 5 ? String(this.rank) : 'higher') as R;
  }

  get isDisposed(): boolean {
    return this.#disposedFlag;
  }

  /** Which buffer of values this tensor holds, as TF.js's dataId (a reshape's is its input's). */
  get dataId(): DataId {
    return dataIdOf(this.#counted);
  }

  /** Whether tf.keep marked this tensor to outlive every enclosing tidy. */
  get kept(): boolean {
    return isKept(this);
  }

  /** False here; a Variable's values are long-lived and updated in place. */
  get isVariable(): boolean {
    return false;
  }

  /** @internal The values on the host, read back from the backend once if needed. Never mutate. */
  hostValues(): TypedArray {
    this.assertLive('read');
    // Ops refuse complex tensors by name before reaching here (tensor/checks.ts); this stops any that would not.
    if (this.#parts) throw new Error(`A ${this.dtype} tensor's values are its real and imaginary parts: read them with dataSync(), tn.real or tn.imag`);
    if (this.dtype === STRING) throw new Error('A string tensor has no numeric values: read its strings with dataSync() or arraySync()');
    if (!ArrayBuffer.isView(this.storage)) {
      const device = this.storage;
      this.storage = fromDevice(device.readSync(), this.dtype);
      device.release();
    }
    return this.storage;
  }

  /**
   * A copy of the values: a Float32Array, Float64Array, Int32Array, or a Uint8Array of 0/1 for bool (as TF.js);
   * typed as TF.js types it (`dataSync<'int32'>()` names the array; a float64 tensor's is `dataSync<'float64'>()`).
   */
  dataSync<D extends DataType = NumericDataType>(): DataTypeMap[D] {
    return (this.strings() ?? (this.#parts ? this.interleaved() : copyHostValues(this.hostValues()))) as DataTypeMap[D];
  }

  /** A complex tensor's values as TF.js gives them: real and imaginary part of each element in turn (a Float32Array for complex64). */
  private interleaved(): Float32Array | Float64Array {
    const [re, im] = (this.#parts as readonly [Tensor, Tensor]).map((p) => p.hostValues());
    const out = this.dtype === ('complex128' as string) ? new Float64Array(2 * this.size) : new Float32Array(2 * this.size);
    for (let i = 0; i < this.size; i++) { out[2 * i] = re[i]; out[2 * i + 1] = im[i]; }
    return out;
  }

  async data<D extends DataType = NumericDataType>(): Promise<DataTypeMap[D]> {
    const page = this.readFromDevice();
    const values = this.dataSync<D>();
    if (page) await nextTask();
    return values;
  }

  /**
   * Whether reading the values brings them back from the gpu in a page: data() and array() then resolve a task later,
   * as TF.js's webgl reads wait for the gpu on timers, so a loop that awaits each step's values lets the page paint.
   */
  private readFromDevice(): boolean {
    return !ArrayBuffer.isView(this.storage) && inPage();
  }

  /** The values as nested arrays following the shape (a number for a scalar). */
  arraySync(): ArrayMap[R] {
    // A complex tensor's innermost axis lists each element's real and imaginary part in turn, as TF.js's (a complex
    // scalar reads as its real part there).
    const values = this.strings() ?? (this.#parts ? this.interleaved() : this.hostValues());
    const shape = this.#parts && this.rank > 0 ? [...this.shape.slice(0, -1), 2 * this.shape[this.rank - 1]] : this.shape;
    // TF.js gives [] for any empty tensor, whatever its rank ([2, 0] included).
    if (values.length === 0 && this.rank > 0) return [] as unknown as ArrayMap[R];
    const build = (axis: number, offset: number): Nested => {
      if (axis === shape.length) return values[offset];
      const stride = sizeOfShape(shape.slice(axis + 1));
      const out: Nested[] = [];
      for (let i = 0; i < shape[axis]; i++) out.push(build(axis + 1, offset + i * stride));
      return out;
    };
    return build(0, 0) as ArrayMap[R];
  }

  async array(): Promise<ArrayMap[R]> {
    const page = this.readFromDevice();
    const values = this.arraySync();
    if (page) await nextTask();
    return values;
  }

  /** The same values viewed with a new shape (one dim may be -1, inferred); no copy. As tf.reshape. */
  reshape<T extends Tensor>(shape: readonly number[]): T {
    return tensorOps().reshape(this, shape) as T;
  }

  /** tf.slice(this, begin, size): begin and size per axis (a number is the first axis; size -1 takes the rest). */
  slice<T extends Tensor>(this: T, begin: number | number[], size?: number | number[]): T {
    return tensorOps().slice(this, begin, size) as T;
  }

  /**
   * Frees the values now (GPU memory in particular); the tensor cannot be used afterwards. Inside a gradient's f,
   * the values of a tensor the backward pass reads are freed when the gradient has been taken.
   */
  dispose(): void {
    if (this.#disposedFlag) return;
    this.#disposedFlag = true;
    uncountTensor(this.#counted);
    if (!deferRelease(this, () => this.releaseValues())) this.releaseValues();
  }

  /** Frees the values (a complex tensor's parts with them): at dispose, or when the last tape reading them ends. */
  private releaseValues(): void {
    releaseStorage(this.storage);
    this.#parts?.forEach((p) => p.dispose());
  }

  /** TF.js's check before each use: throws 'Tensor is disposed.' once the tensor is disposed. */
  throwIfDisposed(): void {
    if (this.#disposedFlag) throw new Error('Tensor is disposed.');
  }

  /** The values' bytes (a copy), as TF.js's bytes(): a string tensor's as each element's UTF-8 bytes. */
  async bytes(): Promise<Uint8Array | Uint8Array[]> {
    this.throwIfDisposed();
    const strings = this.encodedStrings();
    if (strings) return strings.map((b) => b.slice());
    const values = copyHostValues(this.hostValues());
    return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  }

  /** The row-major step of each axis but the last, in elements, as TF.js's tensor.strides ([] below rank 2). */
  get strides(): number[] {
    return computeStrides(this.shape);
  }

  /**
   * @internal Throws when a disposed tensor is used: TF.js's 'Tensor is disposed.' (what a program that catches it
   * prints), caused by an error saying which tensor and what for (Node shows it under an uncaught error).
   */
  assertLive(use: string): void {
    if (this.#disposedFlag && !heldForBackward(this)) {
      const cause = new Error(`Tensor ${this.id} (shape [${this.shape.join(', ')}]) was disposed and cannot be used to ${use}`);
      throw new Error('Tensor is disposed.', { cause });
    }
  }

  /**
   * As text (template strings, `'loss: ' + loss`) a tensor is its toString(), as TF.js prints it; as a number
   * (`Number(acc)`, `acc > 0.9`) a one-element tensor reads as its value, where TF.js gives NaN.
   */
  [Symbol.toPrimitive](hint: 'number' | 'string' | 'default'): number | string {
    if (hint !== 'number') return this.toString();
    return this.size === 1 && !this.#disposedFlag && !this.#parts && this.dtype !== STRING ? this.hostValues()[0] : NaN;
  }

  /** A mutable copy of the values with element access (get/set by coordinates), as TF.js's x.bufferSync(). */
  bufferSync<D extends DataType = 'float32'>(): TensorBuffer<R, D> {
    return new TensorBuffer<R, D>(this.shape, this.dtype as D, this.dataSync<D>());
  }

  async buffer<D extends DataType = 'float32'>(): Promise<TensorBuffer<R, D>> {
    return this.bufferSync<D>();
  }

  /** @internal The fields TF.js's Tensor object has, which console.log(t) and JSON.stringify(t) show there. */
  protected tfjsFields(): TensorFields {
    return {
      kept: this.kept, isDisposedInternal: this.#disposedFlag, shape: [...this.shape], dtype: this.dtype, size: this.size,
      strides: this.strides, dataId: this.dataId, id: this.id, rankType: this.rankType,
      ...(this.scopeId === undefined ? {} : { scopeId: this.scopeId }),
    };
  }

  /** What JSON.stringify(t) writes: TF.js's fields (no values, as there). */
  toJSON(): TensorFields {
    return this.tfjsFields();
  }

  /** What Node's console.log(t) and util.inspect(t) show: TF.js's fields, as `Tensor { kept: false, ... }`. */
  [inspectSymbol](): TensorFields {
    return inspectView(this.isVariable ? 'Variable' : 'Tensor', this.tfjsFields());
  }

  /** Logs the values (verbose: with dtype, rank and shape), as TF.js's t.print(verbose). */
  print(verbose = false): void {
    console.log(this.toString(verbose));
  }

  /** 'Tensor' and the values, as TF.js writes them (verbose adds dtype, rank and shape). */
  toString(verbose = false): string {
    this.throwIfDisposed();
    const strings = this.strings();
    const values: Shown = strings ? [strings] : this.#parts ? this.#parts.map((p) => p.hostValues()) : [this.hostValues()];
    return formatTensor(values, this.shape, this.dtype, verbose);
  }
}

/**
 * A string tensor's elements as TF.js takes them: when the first is a string, every one as text (1 is '1', true is
 * 'true'); otherwise each as its bytes, a Uint8Array (kept as given). Anything else is refused by name, where TF.js
 * fails later, when the values are read.
 */
export function encodedElements(op: string, arg: string, values: ArrayLike<unknown>): Uint8Array[] {
  const asText = typeof values[0] === 'string';
  return Array.from(values, (v, i) => {
    if (asText) return encodeString(v === undefined ? '' : String(v));
    if (v instanceof Uint8Array) return v;
    throw new Error(`${op}: ${arg}[${i}] must be a string or a Uint8Array of its bytes (the dtype is 'string'), got ${v === undefined ? 'undefined' : `${typeof v} ${String(v)}`}`);
  });
}

/**
 * Values of a shape that a program fills element by element and then makes into a tensor, as TF.js's TensorBuffer
 * (from tn.buffer(shape, dtype?, values?) or x.bufferSync()); toTensor copies, so later sets do not reach the tensor.
 */
export class TensorBuffer<R extends Rank = Rank, D extends DataType = 'float32'> {
  readonly shape: ShapeMap[R] & number[];
  readonly size: number;
  readonly values: DataTypeMap[D];
  /** Row-major strides of every axis but the last, as TF.js's. (The fields come in TF.js's order, as console.log shows them.) */
  readonly strides: number[];

  /** Without a dtype, float32 (TF.js's buffer then holds a Float32Array and makes float32 tensors). */
  constructor(shape: readonly number[], readonly dtype: D = 'float32' as D, values?: DataTypeMap[D]) {
    this.shape = [...shape] as ShapeMap[R] & number[];
    this.size = sizeOfShape(shape);
    if (!isNumericDtype(dtype) && dtype !== STRING) {
      throw new Error(`TensorBuffer: dtype must be 'float32', 'int32', 'bool', 'float64' or 'string', got ${JSON.stringify(dtype)}`);
    }
    if (values !== undefined && values.length !== this.size) {
      throw new Error(`TensorBuffer: values must hold the ${this.size} elements of shape [${shape.join(', ')}], got ${values.length}`);
    }
    // A string buffer starts as TF.js's, an array of `size` holes that get() reads as undefined.
    this.values = values ?? ((dtype === STRING ? new Array<string>(this.size) : new (arrayTypeFor(dtype))(this.size)) as DataTypeMap[D]);
    this.strides = computeStrides(shape);
  }

  get rank(): number {
    return this.shape.length;
  }

  /** Sets the element at locs (no coordinates: the first element). */
  set(value: number | boolean | string, ...locs: number[]): void {
    const at = locs.length === 0 ? [0] : locs;
    if (at.length !== this.rank) throw new Error(`TensorBuffer.set: locs must be ${this.rank} coordinates, got ${at.length}`);
    // TF.js writes a coordinate out of range to another element, or past the end unseen.
    this.assertInRange('set', at);
    // A string buffer keeps the value as given, as TF.js's (toTensor checks that it is a string).
    (this.values as unknown[])[this.locToIndex(at)] = this.dtype === STRING ? value : Number(value);
  }

  /** The element at locs (no coordinates: the first element). */
  get(...locs: number[]): DataTypeMap[D][number] {
    const at = locs.length === 0 ? [0] : locs;
    this.assertInRange('get', at);
    return this.values[this.locToIndex(at)];
  }

  private assertInRange(method: string, at: number[]): void {
    at.forEach((loc, i) => {
      if (loc < 0 || loc >= this.shape[i]) throw new Error(`TensorBuffer.${method}: locs [${at.join(', ')}] are out of range for shape [${this.shape.join(', ')}]`);
    });
  }

  locToIndex(locs: number[]): number {
    return locToIndex(locs, this.rank, this.strides);
  }

  indexToLoc(index: number): number[] {
    return indexToLoc(index, this.rank, this.strides);
  }

  toTensor(): Tensor<R> {
    if (this.dtype === STRING) return Tensor.ofStrings(this.shape, encodedElements('TensorBuffer.toTensor', 'values', this.values), true) as Tensor<R>;
    // tn.buffer keeps the program's own array (a number[], or a typed array of another type): converted here.
    const Type = arrayTypeFor(this.dtype as DType);
    const values = this.values instanceof Type ? copyHostValues(this.values as TypedArray, true) : Type.from(this.values as ArrayLike<number>);
    return new Tensor<R>(this.shape, this.dtype as DType, values);
  }
}

// Backends make their outputs as Tensors.
installHandleFactory((shape, dtype, storage) => new Tensor(shape, dtype, storage));
