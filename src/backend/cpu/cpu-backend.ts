import { jsKernels, type CpuKernels } from '../../../kernels/cpu/kernel-set';
import { describeThreads, simdKernels, simdSupported } from '../../../kernels/cpu/wasm/index';
import { conv2dGeometry, pool2dGeometry, readsPadding, type AxisLerp, type Conv2dGeometry } from '../../../kernels/shared/geometry';
import { resizeBilinear } from '../../../kernels/cpu/resize';
import { bandColsLength, banded, conv2d, conv2dBackpropInput, conv2dBackpropFilter, conv2dBiasActivation } from '../../../kernels/cpu/conv';
import { coveredGeometry, directConvFits, padCovered, pooledShape } from '../../../kernels/cpu/conv-direct';
import { conv2dBackpropFilterNaive, conv2dNaive } from '../../../kernels/cpu/conv-naive';
import { broadcastShapes } from '../../../kernels/shared/broadcast';
import { returnsBool } from '../../../kernels/shared/op-names';
import { sumToShape } from '../../../kernels/cpu/reduce';
import { sparseSoftmaxCrossEntropy } from '../../../kernels/cpu/softmax';
import { sgdUpdate } from '../../../kernels/cpu/adam';
import { adamKernelEpsilon } from '../../../kernels/shared/adam';
import { gatherND, scatterND } from '../../../kernels/cpu/indexing';
import { rowStrides, splitAt } from '../../../kernels/shared/index-geometry';
import { cumulative } from '../../../kernels/cpu/cumulative';
import { gatherAt } from '../../../kernels/cpu/pool';
import { depthwiseGeometry } from '../../../kernels/shared/geometry';
import { concat, gatherStrided, scatterStrided } from '../../../kernels/cpu/strided';
import { arrayTypeFor, makeHandle, sizeOfShape, type DType, type FloatArray, type TypedArray, type TensorHandle as Tensor } from '../handle';
import { copyHostValues, releaseStorage, setHostValuesOwner } from '../host-values';
import type { AdamConfig, Backend, BinaryOp, FusedActivation, Padding, ReduceOp, UnaryOp } from '../backend';
import { Scratch } from './scratch';

/** m, n, k of op(a)[m,k] · op(b)[k,n]. */
function productDims(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): [number, number, number] {
  return [transposeA ? a.shape[1] : a.shape[0], transposeB ? b.shape[0] : b.shape[1], transposeA ? a.shape[0] : a.shape[1]];
}

/** The host values of a float tensor (the ops check dtypes before a float-only kernel runs). */
function floats(t: Tensor): FloatArray {
  return t.hostValues() as FloatArray;
}

/** Values of at most this many elements are made as plain arrays (see newValues). */
const SMALL_VALUES = 256;

/**
 * The always-available backend: the project's own Float32Array/Float64Array kernels, with the hot ones
 * (GEMM, im2col, bias + activation, max-pool, Adam) swappable as a set for faster twins (WebAssembly SIMD).
 */
export class CpuBackend implements Backend {
  readonly name = 'cpu' as const;
  private readonly scratch: Scratch;
  /** The argmax of each maxPool output, so its backward pass need not search again. */
  private readonly poolArgmax = new WeakMap<Tensor, Int32Array>();
  /** Which cell won each window of a conv2dBiasActivationMaxPool output made for backprop. */
  private readonly poolWinners = new WeakMap<Tensor, Int32Array>();

  constructor(
    private readonly k: CpuKernels,
    private readonly describeKernels: () => string,
  ) {
    this.scratch = new Scratch(k.memory);
    // Tensors made here hold resident arrays: they tell the memory when they share or drop them.
    if (k.memory) setHostValuesOwner(k.memory);
  }

  /**
   * A new tensor and its values, to be fully written by a kernel: float32 and bool values live in the kernels'
   * memory when it has room (kernels then use them in place), else in a fresh array.
   */
  private output(shape: readonly number[], dtype: DType): [Tensor, TypedArray] {
    const values = this.newValues(sizeOfShape(shape), dtype);
    return [makeHandle(shape, dtype, values), values];
  }

  /**
   * Values to be fully written: in the kernels' memory for float32 and bool (comparisons write their bytes there,
   * and a mask's cast to float32 reads them there) when it has room, else a fresh array. `zeroed`: values that start
   * at 0 and are written in part (oneHot), float32 and int32 in the memory, zeroed there by its kernel, since a large
   * fresh array costs a page fault for each page later written (oneHot's 16 MB at depth 1,000: ~10 ms) and a typed
   * fill() over that memory takes V8's slow path. Small values are always a fresh array: a resident one costs more to
   * make and free (its block, a weak entry and a finalizer) than a kernel takes to copy one in.
   */
  private newValues(size: number, dtype: DType, zeroed = false): TypedArray {
    const mem = size > SMALL_VALUES ? this.k.memory : undefined;
    const resident = dtype === 'float32' ? mem?.alloc(size, zeroed)
      : zeroed ? (dtype === 'int32' ? mem?.allocInt32(size, true) : undefined)
      : dtype === 'bool' ? mem?.allocBytes(size) : undefined;
    return resident ?? new (arrayTypeFor(dtype))(size);
  }

  /** output() for the float-only kernels (products, convolutions, pooling, softmax): dtype is float32 or float64. */
  private floatOutput(shape: readonly number[], dtype: DType): [Tensor, FloatArray] {
    return this.output(shape, dtype) as [Tensor, FloatArray];
  }

  /**
   * Host values of a tensor updated in place (variables and optimizer slots): moved once into the kernels'
   * memory when they live elsewhere, so that every later update runs there without copies. Values another tensor
   * shares (a reshape of a variable) stay as they are, as TF.js's update makes new ones: the update gets a copy.
   */
  private mutableValues(t: Tensor): FloatArray {
    const values = floats(t);
    const mem = this.k.memory;
    const shared = t.sharesStorage();
    const movable = mem !== undefined && values instanceof Float32Array;
    if (!shared && (!movable || mem.isResident(values))) return values;
    const copy = (movable ? mem.alloc(values.length) : undefined) ?? (shared ? (new (arrayTypeFor(t.dtype))(values.length) as FloatArray) : undefined);
    if (!copy) return values;
    copy.set(values);
    if (shared) releaseStorage(values);
    t.storage = copy;
    return copy;
  }

  describe(): string {
    return `cpu (${this.describeKernels()})`;
  }

  matMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
    const [m, n, k] = productDims(a, b, transposeA, transposeB);
    const [out, values] = this.floatOutput([m, n], a.dtype);
    this.k.gemm(floats(a), floats(b), values, m, n, k, transposeA, transposeB, false);
    return out;
  }

  batchMatMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
    const [aBatch, bBatch] = [a.shape[0], b.shape[0]];
    const batch = Math.max(aBatch, bBatch);
    const [m, k] = transposeA ? [a.shape[2], a.shape[1]] : [a.shape[1], a.shape[2]];
    const n = transposeB ? b.shape[1] : b.shape[2];
    const [out, values] = this.floatOutput([batch, m, n], a.dtype);
    this.k.batchGemm(floats(a), floats(b), values, batch, aBatch, bBatch, m, n, k, transposeA, transposeB);
    return out;
  }

  matMulBiasActivation(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean, bias: Tensor, activation: FusedActivation): Tensor {
    const [m, n, k] = productDims(a, b, transposeA, transposeB);
    const [out, values] = this.floatOutput([m, n], a.dtype);
    this.k.gemmBiasActivation(floats(a), floats(b), values, m, n, k, transposeA, transposeB, floats(bias), activation);
    return out;
  }

  matMulWhereNonzero(a: Tensor, b: Tensor, mask: Tensor): Tensor {
    const [m, n, k] = productDims(a, b, false, true);
    const [out, values] = this.floatOutput([m, n], a.dtype);
    if (!this.k.gemmMasked(floats(a), floats(b), floats(mask), values, m, n, k)) this.k.gemm(floats(a), floats(b), values, m, n, k, false, true, false);
    return out;
  }

  conv2d(x: Tensor, filter: Tensor, strides: [number, number], pad: Padding): Tensor {
    const g = conv2dGeometry(x.shape, filter.shape, strides, pad);
    const [out, values] = this.floatOutput([g.batch, g.outH, g.outW, g.outC], x.dtype);
    const dg = this.directGeometry(g);
    if (this.infiniteMeetsPadding(g, floats(filter))) conv2dNaive(floats(x), floats(filter), g, values);
    // Small patches read straight from x with a zero bias (sum + 0 is the sum: the same bits as im2col + the GEMM).
    else if (dg) this.onDirectInput(floats(x), g, dg, (dx) => this.k.convDirect?.(dx, floats(filter), new (arrayTypeFor(x.dtype))(g.outC) as FloatArray, 'linear', dg, false, values));
    else conv2d(floats(x), floats(filter), g, values, this.cols(g, x.dtype), this.k.gemm, this.k.im2col);
    return out;
  }

  conv2dBiasActivation(x: Tensor, filter: Tensor, bias: Tensor, strides: [number, number], pad: Padding, activation: FusedActivation): Tensor {
    const g = conv2dGeometry(x.shape, filter.shape, strides, pad);
    const [out, values] = this.floatOutput([g.batch, g.outH, g.outW, g.outC], x.dtype);
    // Small patches read straight from x (same bits); others through im2col and the blocked GEMM.
    const dg = this.directGeometry(g);
    if (this.infiniteMeetsPadding(g, floats(filter))) {
      conv2dNaive(floats(x), floats(filter), g, values);
      this.k.biasActivation(values, floats(bias), g.batch * g.outH * g.outW, g.outC, activation, values);
    } else if (dg) this.onDirectInput(floats(x), g, dg, (dx) => this.k.convDirect?.(dx, floats(filter), floats(bias), activation, dg, false, values));
    else conv2dBiasActivation(floats(x), floats(filter), floats(bias), activation, g, values, this.cols(g, x.dtype), this.k.im2col, this.k.gemmBiasActivation);
    return out;
  }

  conv2dBiasActivationMaxPool(x: Tensor, filter: Tensor, bias: Tensor, strides: [number, number], pad: Padding, activation: FusedActivation, forBackprop: boolean): Tensor | null {
    const g = conv2dGeometry(x.shape, filter.shape, strides, pad);
    const dg = this.directGeometry(g);
    if (!dg || (forBackprop && !this.k.unpoolActivationBackprop) || this.infiniteMeetsPadding(g, floats(filter))) return null;
    const [out, values] = this.floatOutput(pooledShape(g), x.dtype);
    const winners = forBackprop ? this.companionIndices(values, out.size) : undefined;
    this.onDirectInput(floats(x), g, dg, (dx) => this.k.convDirect?.(dx, floats(filter), floats(bias), activation, dg, true, values, winners));
    if (winners) this.poolWinners.set(out, winners);
    return out;
  }

  conv2dBiasActivationMaxPoolBackprop(
    dy: Tensor, x: Tensor, filter: Tensor, bias: Tensor, y: Tensor, strides: [number, number], pad: Padding, activation: FusedActivation, need: [boolean, boolean],
  ): { dx: Tensor | null; dfilter: Tensor | null; dbias: Tensor } {
    const g = conv2dGeometry(x.shape, filter.shape, strides, pad);
    const unpool = this.k.unpoolActivationBackprop;
    if (!unpool) throw new Error('cpu backend: conv2dBiasActivationMaxPoolBackprop needs the direct convolution kernels');
    const [pooled, winners] = this.pooledWinners(y, x, filter, bias, g, activation);
    const [dbias, dbValues] = this.floatOutput([g.outC], x.dtype);
    const [dfilter, dwValues] = need[1] ? this.floatOutput(filter.shape, x.dtype) : [null, null];
    // No input gradient wanted (a first layer): the filter's and the bias's straight from the winners, with no dz
    // (over a padded copy of x only for a finite dy: an infinity times the padding is left to filterGradient).
    const dg = this.directGeometry(g);
    if (!need[0] && dwValues && dg && (dg === g || this.k.allFinite(floats(dy)))) {
      let done = false;
      this.onDirectInput(floats(x), g, dg, (dx) => { done = this.k.convFilterFromWinners?.(dx, floats(dy), pooled, winners, dg, activation, dwValues, dbValues) ?? false; });
      if (done) return { dx: null, dfilter, dbias };
    }
    const zShape = [g.batch, g.outH, g.outW, g.outC];
    // The pre-pool gradient lives only for this call (the fused kernels' memory when float32 and it has room).
    const dz = this.newValues(sizeOfShape(zShape), x.dtype) as FloatArray;
    try {
      unpool(floats(dy), pooled, winners, zShape, activation, dz, dbValues);
      let dx: Tensor | null = null;
      if (need[0]) dx = this.inputGradient(dz, floats(filter), g, x.shape, x.dtype);
      // dbias sums every dz of its channel: finite sums mean that no dz is Infinity or NaN.
      if (dwValues) this.filterGradient(floats(x), dz, g, dwValues, x.dtype, this.k.allFinite(dbValues));
      return { dx, dfilter, dbias };
    } finally {
      this.k.memory?.release(dz);
    }
  }

  /** The pooled values of y and which cells won its windows: kept by the forward pass, or (y disposed) found again. */
  private pooledWinners(y: Tensor, x: Tensor, filter: Tensor, bias: Tensor, g: Conv2dGeometry, activation: FusedActivation): [FloatArray, Int32Array] {
    const kept = y.isDisposed ? undefined : this.poolWinners.get(y);
    if (kept) return [floats(y), kept];
    const size = sizeOfShape(pooledShape(g));
    const [pooled, winners] = [new (arrayTypeFor(x.dtype))(size) as FloatArray, new Int32Array(size)];
    const dg = this.directGeometry(g);
    if (dg) this.onDirectInput(floats(x), g, dg, (dx) => this.k.convDirect?.(dx, floats(filter), floats(bias), activation, dg, true, pooled, winners));
    return [pooled, winners];
  }

  /** An index array of `size` that goes back to the kernels' memory with `values` (when both can live there). */
  private companionIndices(values: FloatArray, size: number): Int32Array {
    const mem = this.k.memory;
    const resident = mem?.allocInt32(size);
    const indices = resident && mem?.attach(values, resident) ? resident : new Int32Array(size);
    if (resident && indices !== resident) mem?.release(resident);
    return indices;
  }

  conv2dBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const g = conv2dGeometry(xShape, filter.shape, strides, pad);
    return this.inputGradient(floats(dy), floats(filter), g, xShape, dy.dtype);
  }

  conv2dBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const g = conv2dGeometry(x.shape, filterShape, strides, pad);
    const [dw, values] = this.floatOutput(filterShape, x.dtype);
    this.filterGradient(floats(x), floats(dy), g, values, x.dtype);
    return dw;
  }

  /**
   * dx of a convolution from dy; `dtype` is the operands' (float32 or float64). In bands its values start as zeros,
   * zeroed by the kernels' memory (a typed fill() over it takes V8's slow path), and each band adds to them.
   */
  private inputGradient(dy: FloatArray, filter: FloatArray, g: Conv2dGeometry, xShape: readonly number[], dtype: DType): Tensor {
    const cols = this.cols(g, dtype);
    const inBands = banded(g, cols);
    const values = this.newValues(sizeOfShape(xShape), dtype, inBands) as FloatArray;
    conv2dBackpropInput(dy, filter, g, values, cols, this.k.gemm, this.k.col2im, inBands);
    return makeHandle(xShape, dtype, values);
  }

  /** The filter gradient from x and dy, into dw; `dyFinite` as convFilterDirect's. */
  private filterGradient(x: FloatArray, dy: FloatArray, g: Conv2dGeometry, dw: FloatArray, dtype: DType, dyFinite = false): void {
    // An infinite dy (the filter gradient of conv2dTranspose of an infinite x) meeting the padding: see infiniteMeetsPadding.
    const dg = this.k.convFilterDirect ? this.directGeometry(g) : null;
    if (!dyFinite && this.infiniteMeetsPadding(g, dy)) conv2dBackpropFilterNaive(x, dy, g, dw);
    else if (dg) this.onDirectInput(x, g, dg, (dx) => this.k.convFilterDirect?.(dx, dy, dg, dw, dyFinite));
    else conv2dBackpropFilter(x, dy, g, dw, this.cols(g, dtype), this.k.gemm, this.k.im2col);
  }

  /**
   * Whether a convolution's windows reach into its padding while `values` (a filter, or the dy a filter gradient
   * takes) hold an infinity or NaN: the padding's zeros times Infinity are NaN in the im2col product, where TF.js's
   * kernels skip the padding and give the sum of what the windows cover. Such rare calls take the direct kernels.
   */
  private infiniteMeetsPadding(g: Conv2dGeometry, values: FloatArray): boolean {
    return readsPadding(g) && !this.k.allFinite(values);
  }

  /**
   * The geometry the direct kernels run a convolution in: its own when it fits them, else (padded) its covered
   * twin's, over a zero-padded copy of x (onDirectInput); null when neither fits or this kernel set has none.
   */
  private directGeometry(g: Conv2dGeometry): Conv2dGeometry | null {
    if (!this.k.convDirect) return null;
    if (directConvFits(g)) return g;
    const covered = coveredGeometry(g);
    return readsPadding(g) && directConvFits(covered) ? covered : null;
  }

  /** Runs `run` on x as the direct kernels take it in directGeometry(g) = dg: x itself, or its zero-padded copy for the call. */
  private onDirectInput(x: FloatArray, g: Conv2dGeometry, dg: Conv2dGeometry, run: (x: FloatArray) => void): void {
    if (dg === g) {
      run(x);
      return;
    }
    const size = dg.batch * dg.inH * dg.inW * dg.inC;
    const resident = x instanceof Float32Array && size > SMALL_VALUES ? this.k.memory?.alloc(size, true) : undefined;
    const padded = resident ?? (x instanceof Float32Array ? new Float32Array(size) : new Float64Array(size));
    try {
      padCovered(x, g, padded, this.k.copyStrided);
      run(padded);
    } finally {
      if (resident) this.k.memory?.release(resident);
    }
  }

  /** A convolution's im2col columns: all of them, or a band's (bandColsLength). */
  private cols(g: Conv2dGeometry, dtype: DType): FloatArray {
    return this.scratch.get(dtype, bandColsLength(g));
  }

  depthwiseConv2d(x: Tensor, filter: Tensor, strides: [number, number], pad: Padding): Tensor {
    const g = depthwiseGeometry(x.shape, filter.shape, strides, pad);
    const [out, values] = this.floatOutput([g.batch, g.outH, g.outW, g.outC], x.dtype);
    this.k.depthwiseConv2d(floats(x), floats(filter), g, values);
    return out;
  }

  depthwiseConv2dBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const [dx, values] = this.floatOutput(xShape, dy.dtype);
    this.k.depthwiseConv2dBackpropInput(floats(dy), floats(filter), depthwiseGeometry(xShape, filter.shape, strides, pad), values);
    return dx;
  }

  depthwiseConv2dBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const [dw, values] = this.floatOutput(filterShape, x.dtype);
    this.k.depthwiseConv2dBackpropFilter(floats(x), floats(dy), depthwiseGeometry(x.shape, filterShape, strides, pad), values);
    return dw;
  }

  maxPool(x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const g = pool2dGeometry(x.shape, filterSize, strides, pad);
    const [y, values] = this.floatOutput([g.batch, g.outH, g.outW, g.channels], x.dtype);
    const argmax = this.companionIndices(values, y.size);
    this.k.maxPool(floats(x), g, values, argmax);
    this.poolArgmax.set(y, argmax);
    return y;
  }

  maxPoolBackprop(dy: Tensor, x: Tensor, y: Tensor | null, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    // A disposed y's argmax went back to the memory with its values (and may hold other data now): search again.
    const cached = y && !y.isDisposed ? this.poolArgmax.get(y) : undefined;
    const argmax = cached ?? this.argmaxOf(x, filterSize, strides, pad);
    const [dx, values] = this.floatOutput(x.shape, dy.dtype);
    this.k.maxPoolBackprop(floats(dy), argmax, values);
    return dx;
  }

  maxPoolGather(src: Tensor, x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const g = pool2dGeometry(x.shape, filterSize, strides, pad);
    const [out, values] = this.floatOutput([g.batch, g.outH, g.outW, g.channels], src.dtype);
    gatherAt(floats(src), this.argmaxOf(x, filterSize, strides, pad), values);
    return out;
  }

  /** Where each window of maxPool(x) takes its max, found again. */
  private argmaxOf(x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Int32Array {
    const g = pool2dGeometry(x.shape, filterSize, strides, pad);
    const size = g.batch * g.outH * g.outW * g.channels;
    const argmax = new Int32Array(size);
    this.k.maxPool(floats(x), g, this.scratch.get(x.dtype, size), argmax);
    return argmax;
  }

  avgPool(x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const g = pool2dGeometry(x.shape, filterSize, strides, pad);
    const [y, values] = this.floatOutput([g.batch, g.outH, g.outW, g.channels], x.dtype);
    this.k.avgPool(floats(x), g, values);
    return y;
  }

  avgPoolBackprop(dy: Tensor, xShape: readonly number[], filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const [dx, values] = this.floatOutput(xShape, dy.dtype);
    this.k.avgPoolBackprop(floats(dy), pool2dGeometry(xShape, filterSize, strides, pad), values);
    return dx;
  }

  unary(op: UnaryOp, x: Tensor): Tensor {
    const [out, values] = this.output(x.shape, returnsBool(op) ? 'bool' : x.dtype);
    this.k.unary(op, x.hostValues(), values);
    return out;
  }

  clipByValue(x: Tensor, clipValueMin: number, clipValueMax: number): Tensor {
    const [y, values] = this.floatOutput(x.shape, x.dtype);
    this.k.clip(floats(x), clipValueMin, clipValueMax, values);
    return y;
  }

  resizeBilinear(x: Tensor, rows: AxisLerp, cols: AxisLerp): Tensor {
    const [y, values] = this.floatOutput([x.shape[0], rows.lo.length, cols.lo.length, x.shape[3]], x.dtype);
    resizeBilinear(floats(x), x.shape, rows, cols, values);
    return y;
  }

  oneHot(indices: Tensor, depth: number, onValue: number, offValue: number, dtype: DType): Tensor {
    const idx = indices.hostValues();
    const values = offValue === 0 ? this.newValues(idx.length * depth, dtype, true) : new (arrayTypeFor(dtype))(idx.length * depth).fill(offValue);
    for (let i = 0; i < idx.length; i++) if (idx[i] >= 0 && idx[i] < depth) values[i * depth + idx[i]] = onValue;
    return makeHandle([...indices.shape, depth], dtype, values);
  }

  binary(op: BinaryOp, a: Tensor, b: Tensor): Tensor {
    const shape = broadcastShapes(a.shape, b.shape) as number[];
    const [out, values] = this.output(shape, returnsBool(op) ? 'bool' : a.dtype);
    this.k.binary(op, a.hostValues(), a.shape, b.hostValues(), b.shape, values);
    return out;
  }

  reduce(op: ReduceOp, x: Tensor, axes: readonly number[]): Tensor {
    const shape = x.shape.filter((_, i) => !axes.includes(i));
    const [out, values] = this.output(shape, returnsBool(op) ? 'bool' : x.dtype);
    this.k.reduce(op, x.hostValues(), x.shape, axes, values);
    return out;
  }

  cumsum(x: Tensor, axis: number, exclusive: boolean, reverse: boolean): Tensor {
    return this.cumulative(x, axis, exclusive, reverse, false);
  }

  cumprod(x: Tensor, axis: number, exclusive: boolean, reverse: boolean): Tensor {
    return this.cumulative(x, axis, exclusive, reverse, true);
  }

  private cumulative(x: Tensor, axis: number, exclusive: boolean, reverse: boolean, product: boolean): Tensor {
    const [out, values] = this.output(x.shape, x.dtype);
    const outer = sizeOfShape(x.shape.slice(0, axis)), inner = sizeOfShape(x.shape.slice(axis + 1));
    cumulative(x.hostValues(), outer, x.shape[axis], inner, exclusive, reverse, product, values);
    return out;
  }

  sumToShape(x: Tensor, shape: readonly number[]): Tensor {
    const [out, values] = this.output(shape, x.dtype);
    sumToShape(x.hostValues(), x.shape, shape, values, this.k.reduce);
    return out;
  }

  softmax(x: Tensor): Tensor {
    const cols = x.shape[x.rank - 1];
    const [out, values] = this.floatOutput(x.shape, x.dtype);
    this.k.softmax(floats(x), x.size / cols, cols, values);
    return out;
  }

  logSoftmax(x: Tensor): Tensor {
    const cols = x.shape[x.rank - 1];
    const [out, values] = this.floatOutput(x.shape, x.dtype);
    this.k.logSoftmax(floats(x), x.size / cols, cols, values);
    return out;
  }

  sparseSoftmaxCrossEntropy(logits: Tensor, labels: Tensor): { losses: Tensor; probs: Tensor } {
    const [rows, cols] = logits.shape;
    const [losses, lossValues] = this.floatOutput([rows], logits.dtype);
    const [probs, probValues] = this.floatOutput(logits.shape, logits.dtype);
    sparseSoftmaxCrossEntropy(floats(logits), Int32Array.from(labels.hostValues()), rows, cols, lossValues, probValues);
    return { losses, probs };
  }

  biasActivation(x: Tensor, bias: Tensor, activation: FusedActivation): Tensor {
    const cols = bias.size;
    const [out, values] = this.floatOutput(x.shape, x.dtype);
    this.k.biasActivation(floats(x), floats(bias), x.size / cols, cols, activation, values);
    return out;
  }

  channelAffine(x: Tensor, mean: Tensor, scale: Tensor, offset: Tensor): Tensor {
    const cols = mean.size;
    const [out, values] = this.floatOutput(x.shape, x.dtype);
    // An empty x has no rows (and may have no channels: 0 / 0 rows).
    if (x.size > 0) this.k.channelAffine(floats(x), floats(mean), floats(scale), floats(offset), x.size / cols, cols, values);
    return out;
  }

  biasActivationBackprop(dy: Tensor, y: Tensor, activation: FusedActivation): { dx: Tensor; dbias: Tensor } {
    const cols = y.shape[y.rank - 1];
    const [dx, dxValues] = this.floatOutput(y.shape, y.dtype);
    const [dbias, dbValues] = this.floatOutput([cols], y.dtype);
    this.k.biasActivationBackprop(floats(dy), floats(y), y.size / cols, cols, activation, dxValues, dbValues);
    return { dx, dbias };
  }

  gatherStrided(x: Tensor, shape: readonly number[], offset: number, strides: readonly number[]): Tensor {
    const [out, values] = this.output(shape, x.dtype);
    gatherStrided(x.hostValues(), offset, strides, values, shape, this.k.copyStrided);
    return out;
  }

  scatterStrided(x: Tensor, shape: readonly number[], begin: readonly number[], steps: readonly number[], fill: number): Tensor {
    const [out, values] = this.output(shape, x.dtype);
    scatterStrided(x.hostValues(), x.shape, values, shape, begin, steps, fill, this.k.copyStrided);
    return out;
  }

  concat(xs: readonly Tensor[], axis: number): Tensor {
    const shape = xs[0].shape.slice();
    shape[axis] = xs.reduce((n, x) => n + x.shape[axis], 0);
    const [out, values] = this.output(shape, xs[0].dtype);
    concat(xs.map((x) => x.hostValues()), xs.map((x) => x.shape), axis, values, shape, this.k.copyStrided);
    return out;
  }

  cast(x: Tensor, dtype: DType): Tensor {
    const values = x.hostValues();
    if (x.dtype === dtype) return makeHandle(x.shape, dtype, copyHostValues(values, true));
    // Into a backend output: float32 and bool ones live in the kernels' memory, where the ops after it read them in place.
    const [out, cast] = this.output(x.shape, dtype);
    this.k.cast(values, cast);
    return out;
  }

  where(condition: Tensor, a: Tensor, b: Tensor): Tensor {
    const shape = broadcastShapes(broadcastShapes(condition.shape, a.shape) ?? [], b.shape) as number[];
    const [out, values] = this.output(shape, a.dtype);
    this.k.select(condition.hostValues(), condition.shape, a.hostValues(), a.shape, b.hostValues(), b.shape, shape, values);
    return out;
  }

  argReduce(op: 'argMax' | 'argMin', x: Tensor, axis: number): Tensor {
    const [outer, len, inner] = splitAt(x.shape, axis);
    const [out, values] = this.output(x.shape.filter((_, i) => i !== axis), 'int32');
    this.k.argReduce(op === 'argMax', x.hostValues(), outer, len, inner, values);
    return out;
  }

  gather(x: Tensor, indices: Tensor, axis: number): Tensor {
    const [outer, len, inner] = splitAt(x.shape, axis);
    const [out, values] = this.output([...x.shape.slice(0, axis), indices.size, ...x.shape.slice(axis + 1)], x.dtype);
    this.k.gather(x.hostValues(), indices.hostValues(), outer, len, inner, values);
    return out;
  }

  unsortedSegmentSum(x: Tensor, segmentIds: Tensor, numSegments: number, axis: number): Tensor {
    const [outer, , inner] = splitAt(x.shape, axis);
    const [out, values] = this.output([...x.shape.slice(0, axis), numSegments, ...x.shape.slice(axis + 1)], x.dtype);
    this.k.segmentSum(x.hostValues(), segmentIds.hostValues(), outer, numSegments, inner, values);
    return out;
  }

  gatherND(x: Tensor, indices: Tensor): Tensor {
    const depth = indices.shape[indices.rank - 1];
    const slice = x.shape.slice(depth);
    const [out, values] = this.output([...indices.shape.slice(0, -1), ...slice], x.dtype);
    gatherND(x.hostValues(), indices.hostValues(), rowStrides(x.shape, depth), sizeOfShape(slice), values);
    return out;
  }

  scatterND(indices: Tensor, updates: Tensor, shape: readonly number[]): Tensor {
    const depth = indices.shape[indices.rank - 1];
    const [out, values] = this.output(shape, updates.dtype);
    scatterND(indices.hostValues(), updates.hostValues(), rowStrides(shape, depth), sizeOfShape(shape.slice(depth)), values);
    return out;
  }

  topkIndices(x: Tensor, k: number): Tensor {
    const n = x.shape[x.rank - 1];
    const [out, values] = this.output([...x.shape.slice(0, -1), k], 'int32');
    this.k.topkIndices(x.hostValues(), n === 0 ? 0 : x.size / n, n, k, values);
    return out;
  }

  adamUpdate(param: Tensor, grad: Tensor, m: Tensor, v: Tensor, c: AdamConfig): void {
    this.k.adamUpdate(this.mutableValues(param), floats(grad), this.mutableValues(m), this.mutableValues(v), c.learningRate, c.beta1, c.beta2, adamKernelEpsilon(c.epsilon, c.beta2, c.step), c.step);
  }

  sgdUpdate(param: Tensor, grad: Tensor, velocity: Tensor | null, learningRate: number, momentum: number): void {
    const vel = velocity ? this.mutableValues(velocity) : new Float32Array(0);
    sgdUpdate(this.mutableValues(param), floats(grad), vel, learningRate, momentum);
  }

  dispose(): void {
    this.scratch.clear();
  }
}

/** WebAssembly SIMD kernels (the GEMM on every core) where the engine has SIMD; the JS kernels elsewhere. */
export function createCpuBackend(): CpuBackend {
  if (simdSupported()) {
    return new CpuBackend(simdKernels(), () => `wasm-simd, ${describeThreads()}`);
  }
  return new CpuBackend(jsKernels, () => 'js');
}

/** The pure-JS kernels alone: the fallback, and the reference the SIMD path is tested against. */
export function createJsCpuBackend(): CpuBackend {
  return new CpuBackend(jsKernels, () => 'js');
}
