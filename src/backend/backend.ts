import type { Activation, BinaryOp, ReduceOp, UnaryOp } from '../../kernels/shared/op-names';
import type { AxisLerp } from '../../kernels/shared/geometry';
import type { Padding } from '../../kernels/shared/types';
import type { DType, TensorHandle } from './handle';

export type { AxisLerp, Padding, BinaryOp, ReduceOp, UnaryOp };
export type FusedActivation = Activation;

export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  /** TF.js's ε, added to the bias-corrected sqrt(v̂) (kernels/shared/adam.ts moves it onto sqrt(v)). */
  epsilon: number;
  /** 1-based step count, for the bias correction. */
  step: number;
}

/**
 * What the ops ask of a backend. Arguments arrive already validated by the ops (shapes, dtypes,
 * matching dtypes between operands), so a backend only computes. It works on tensor handles and makes its
 * outputs with makeHandle, so each is the tensor layer's class: the ops see `Backend<Tensor>`. Every method returns new
 * tensors of the inputs' dtype, except the optimizer updates, which replace the values of the
 * tensors they are given (variables and optimizer slots). Float-only kernels (products, convolutions, pooling,
 * softmax, updates) get float tensors; the elementwise, reduction, cast and indexing kernels take every dtype.
 */
export interface Backend<Tensor extends TensorHandle = TensorHandle> {
  readonly name: 'cpu' | 'gpu';
  /** What actually runs, e.g. 'cpu (wasm-simd, up to 2 threads)' or 'gpu (headlessgl, llvmpipe)'. */
  describe(): string;
  /** A device backend's memory beyond what tensors count on the host, as TF.js's backend.memory(); none on the cpu. */
  deviceMemory?(): { numBytesInGPU: number };

  /** 2-D product: op(a)[m,k] · op(b)[k,n]. */
  matMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor;
  /**
   * Products of matrix batches: a [aBatch, m, k] ([aBatch, k, m] when transposeA), b [bBatch, k, n] ([bBatch, n, k] when
   * transposeB), each batch the other's or 1 (one matrix for every product); out [max(aBatch, bBatch), m, n].
   */
  batchMatMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor;
  /** NHWC input, [kh, kw, inC, outC] filter. */
  conv2d(x: Tensor, filter: Tensor, strides: [number, number], pad: Padding): Tensor;
  conv2dBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], strides: [number, number], pad: Padding): Tensor;
  conv2dBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], strides: [number, number], pad: Padding): Tensor;
  /**
   * Depthwise convolution: NHWC x, filter [kh, kw, inC, multiplier]; input channel c feeds output channels
   * c·multiplier .. c·multiplier + multiplier - 1.
   */
  depthwiseConv2d(x: Tensor, filter: Tensor, strides: [number, number], pad: Padding): Tensor;
  depthwiseConv2dBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], strides: [number, number], pad: Padding): Tensor;
  depthwiseConv2dBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], strides: [number, number], pad: Padding): Tensor;
  maxPool(x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor;
  /** Routes dy to the input position that won each window of maxPool(x) = y (y, when given, may hold a cached argmax). */
  maxPoolBackprop(dy: Tensor, x: Tensor, y: Tensor | null, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor;
  /** The adjoint of maxPoolBackprop: src (x's shape) read at the position that wins each window of maxPool(x). */
  maxPoolGather(src: Tensor, x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor;

  /** NHWC average pooling; each window averages the cells inside the image only. */
  avgPool(x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor;
  /** avgPool's adjoint: each dy spread evenly over the cells of x (of shape xShape) its window averaged. */
  avgPoolBackprop(dy: Tensor, xShape: readonly number[], filterSize: [number, number], strides: [number, number], pad: Padding): Tensor;

  /** Elementwise; the output has x's dtype, or bool for the ops that returnsBool (kernels/shared/op-names). */
  unary(op: UnaryOp, x: Tensor): Tensor;
  /** x's values clipped to [clipValueMin, clipValueMax] (min ≤ max), NaN kept, as TF.js's ClipByValue; x is float32 or float64. */
  clipByValue(x: Tensor, clipValueMin: number, clipValueMax: number): Tensor;
  /**
   * x ([batch, h, w, c], float32 or float64) resized by bilinear interpolation to [batch, rows.lo.length,
   * cols.lo.length, c], along the width first, then the height, each lerp a + (b − a)·frac rounded at every step as
   * the ops that compose it (gathers, sub, mul, add) round it. Forward only: under a tape the ops layer composes it.
   */
  resizeBilinear(x: Tensor, rows: AxisLerp, cols: AxisLerp): Tensor;
  /**
   * Rows of `depth` values of dtype, offValue but onValue at each index in [0, depth) (int32 indices, any shape; the
   * output's shape is theirs + [depth]); the values are already in the dtype's terms.
   */
  oneHot(indices: Tensor, depth: number, onValue: number, offValue: number, dtype: DType): Tensor;
  /** Elementwise with NumPy broadcasting on operands of one dtype; the output has the broadcast shape and their dtype (or bool, as unary). */
  binary(op: BinaryOp, a: Tensor, b: Tensor): Tensor;
  /** Reduces over the given sorted, unique axes; those axes are removed from the output shape. */
  reduce(op: ReduceOp, x: Tensor, axes: readonly number[]): Tensor;
  /** Running sums along `axis` (tf.cumsum): exclusive leaves each element out of its own sum, reverse runs from the end. */
  cumsum(x: Tensor, axis: number, exclusive: boolean, reverse: boolean): Tensor;
  /** Running products along `axis` (tf.cumprod), multiplied in the running order as cumsum adds. */
  cumprod(x: Tensor, axis: number, exclusive: boolean, reverse: boolean): Tensor;
  /** Sums x down to `shape`, a shape that broadcasts to x's: the adjoint of broadcasting. */
  sumToShape(x: Tensor, shape: readonly number[]): Tensor;

  /** Over the last axis. */
  softmax(x: Tensor): Tensor;
  logSoftmax(x: Tensor): Tensor;
  /** logits [rows, classes], labels [rows] of integer class ids: per-row losses [rows] and softmax probs. */
  sparseSoftmaxCrossEntropy(logits: Tensor, labels: Tensor): { losses: Tensor; probs: Tensor };
  /** act(x + bias) with bias along the last axis, in one pass. */
  biasActivation(x: Tensor, bias: Tensor, activation: FusedActivation): Tensor;
  /** (x − mean)·scale + offset, each of the three [channels] along the last axis, in one pass (a batch norm's inference). */
  channelAffine(x: Tensor, mean: Tensor, scale: Tensor, offset: Tensor): Tensor;
  /**
   * Optional: act(op(a)·op(b) + bias) in one call, the epilogue fused into the product (no separate pass, no
   * intermediate tensor). Where absent, the fused op runs matMul, then biasActivation.
   */
  matMulBiasActivation?(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean, bias: Tensor, activation: FusedActivation): Tensor;
  /**
   * Optional: a·bᵀ (a [m, k], b [n, k]) where mask [m, n] is not ±0, skipping the work elsewhere, for a product's
   * input gradient where only the input's nonzero entries are read back (a relu output's gradient). Elsewhere each
   * entry is 0, or a·bᵀ's where the backend found the whole product faster (a mask mostly nonzero): never read.
   * Where absent, the rule runs the whole product.
   */
  matMulWhereNonzero?(a: Tensor, b: Tensor, mask: Tensor): Tensor;
  /** Optional, as matMulBiasActivation, for conv2d. */
  conv2dBiasActivation?(x: Tensor, filter: Tensor, bias: Tensor, strides: [number, number], pad: Padding, activation: FusedActivation): Tensor;
  /**
   * Optional: maxPool(act(conv2d(x, filter) + bias), 2×2, stride 2, 'valid') in one call, with no pre-pool
   * activation; null where the backend has no fused kernel for this geometry (the op then runs
   * conv2dBiasActivation, then maxPool). With `forBackprop`, the output may carry what
   * conv2dBiasActivationMaxPoolBackprop needs from this pass (which window cells won).
   */
  conv2dBiasActivationMaxPool?(x: Tensor, filter: Tensor, bias: Tensor, strides: [number, number], pad: Padding, activation: FusedActivation, forBackprop: boolean): Tensor | null;
  /**
   * With conv2dBiasActivationMaxPool: the gradients of its output y from dy, for x and filter where `need` says so
   * (null otherwise) and for bias. They are the composed ops' gradients (maxPoolBackprop, biasActivationBackprop,
   * conv2dBackpropInput / conv2dBackpropFilter), without keeping the pre-pool activation alive between passes.
   */
  conv2dBiasActivationMaxPoolBackprop?(
    dy: Tensor, x: Tensor, filter: Tensor, bias: Tensor, y: Tensor, strides: [number, number], pad: Padding, activation: FusedActivation, need: [boolean, boolean],
  ): { dx: Tensor | null; dfilter: Tensor | null; dbias: Tensor };
  /** Backward of y = biasActivation(x, bias, act) in one pass: dx = dy·act'(y), dbias = dx summed over all but the last axis. */
  biasActivationBackprop(dy: Tensor, y: Tensor, activation: FusedActivation): { dx: Tensor; dbias: Tensor };

  /**
   * A tensor of `shape` whose element c is x[offset + Σ c_k·strides_k]; strides may be 0 (repeat) or negative
   * (walk backwards): transpose, slice, stridedSlice, reverse and tile are all such views.
   */
  gatherStrided(x: Tensor, shape: readonly number[], offset: number, strides: readonly number[]): Tensor;
  /** A tensor of `shape` holding `fill`, except at begin + c·steps (per axis), which holds x[c]: pad, and the adjoint of gatherStrided's slices. */
  scatterStrided(x: Tensor, shape: readonly number[], begin: readonly number[], steps: readonly number[], fill: number): Tensor;
  /** The inputs (one dtype and rank, equal shapes but along axis) joined along axis. */
  concat(xs: readonly Tensor[], axis: number): Tensor;

  /** Same values, new dtype. */
  cast(x: Tensor, dtype: DType): Tensor;

  // Indexing, on every dtype; indices are int32 tensors the ops have checked (in range, whole).
  /** condition (bool) ? a : b, all three broadcast to one shape; a and b share a dtype, which the result has. */
  where(condition: Tensor, a: Tensor, b: Tensor): Tensor;
  /** The index (int32) of the largest / smallest value along axis, the first on ties; axis is removed. */
  argReduce(op: 'argMax' | 'argMin', x: Tensor, axis: number): Tensor;
  /** Slices of x along axis at the indices (read flat): axis's dim becomes indices.size. */
  gather(x: Tensor, indices: Tensor, axis: number): Tensor;
  /** The adjoint of gather: slices of x along axis summed into numSegments slots at segmentIds (length x.shape[axis]). */
  unsortedSegmentSum(x: Tensor, segmentIds: Tensor, numSegments: number, axis: number): Tensor;
  /** indices [..., depth] pick slices of x: shape indices.shape[:-1] + x.shape[depth:]. */
  gatherND(x: Tensor, indices: Tensor): Tensor;
  /** The adjoint of gatherND: zeros of shape with updates added at indices (duplicates sum). */
  scatterND(indices: Tensor, updates: Tensor, shape: readonly number[]): Tensor;
  /** The indices (int32) of the k largest values along the last axis, largest first (lower index first on ties). */
  topkIndices(x: Tensor, k: number): Tensor;

  /** Adam on param, in place of param, m and v, with the bias correction folded into the step size. */
  adamUpdate(param: Tensor, grad: Tensor, m: Tensor, v: Tensor, config: AdamConfig): void;
  /** Keras SGD with momentum on param, in place of param and velocity (unused when momentum is 0). */
  sgdUpdate(param: Tensor, grad: Tensor, velocity: Tensor | null, learningRate: number, momentum: number): void;

  /** Releases pooled memory, worker threads and compiled kernels. */
  dispose(): void;
}
