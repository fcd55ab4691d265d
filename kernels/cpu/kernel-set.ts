import { adamUpdate } from './adam';
import { biasActivation, biasActivationBackprop } from './bias-activation';
import { channelAffine } from './channel-affine';
import { gemm, gemmBiasActivation, type GemmBiasActivationFn, type GemmFn } from './gemm';
import { gemmMasked, type GemmMaskedFn } from './gemm-masked';
import { batchMatMul, type BatchGemmFn } from './batch-matmul';
import type { ConvDirectFn, ConvFilterDirectFn, ConvFilterFromWinnersFn } from './conv-direct';
import { col2im, im2col } from './im2col';
import { maxPool, maxPoolBackprop, type UnpoolActivationBackpropFn } from './pool';
import { binary, clip, unary } from './elementwise';
import { reduce } from './reduce';
import { avgPool, avgPoolBackprop } from './avg-pool';
import { logSoftmax, softmax } from './softmax';
import { copyStrided } from './strided';
import { cast } from './cast';
import { allFinite } from './finite';
import { argReduce, gather, segmentSum, select, topkIndices } from './indexing';
import { depthwiseConv2d, depthwiseConv2dBackpropFilter, depthwiseConv2dBackpropInput } from './depthwise-conv';

/**
 * The kernels a cpu backend runs, as one swappable set: the JS kernels below, or their WebAssembly SIMD
 * twins (kernels/cpu/wasm), which take the same arguments and fall back to these for Float64Array operands.
 */
export interface CpuKernels {
  readonly gemm: GemmFn;
  /** A batch of products (batchMatMul); the SIMD set runs tiny float32 ones in one loop with its gemm's bits. */
  readonly batchGemm: BatchGemmFn;
  readonly biasActivation: typeof biasActivation;
  readonly biasActivationBackprop: typeof biasActivationBackprop;
  /** (x − mean)·scale + offset per channel of the last axis (a batch norm's inference); the SIMD set runs float32. */
  readonly channelAffine: typeof channelAffine;
  readonly maxPool: typeof maxPool;
  readonly maxPoolBackprop: typeof maxPoolBackprop;
  readonly im2col: typeof im2col;
  readonly col2im: typeof col2im;
  readonly adamUpdate: typeof adamUpdate;
  /** Elementwise ops and reductions; the SIMD set runs the common float32 cases (same-shape, per-channel) itself. */
  readonly unary: typeof unary;
  readonly binary: typeof binary;
  readonly reduce: typeof reduce;
  /** tf.clipByValue's values; the SIMD set runs float32. */
  readonly clip: typeof clip;
  /** Average pooling and its gradient (NHWC); the SIMD set runs float32. */
  readonly avgPool: typeof avgPool;
  readonly avgPoolBackprop: typeof avgPoolBackprop;
  /** Softmax and logSoftmax over the last axis of [rows, cols]; the SIMD set runs float32 rows. */
  readonly softmax: typeof softmax;
  readonly logSoftmax: typeof logSoftmax;
  /** tf.cast between dtypes' arrays; the SIMD set runs float32 → bool, and bool → float32 between arrays in its memory. */
  readonly cast: typeof cast;
  /** The strided copy behind slices, split, concat and pad; the SIMD set copies arrays in its memory with memory.copy. */
  readonly copyStrided: typeof copyStrided;
  /** Whether every value is finite: the check before a kernel that skips products with zeros (0·Inf is NaN). */
  readonly allFinite: typeof allFinite;
  /** tf.where's out = cond ? a : b with broadcasting; the SIMD set runs bool bytes between float32 arrays or scalars. */
  readonly select: typeof select;
  /** argMax / argMin along an axis of x viewed as [outer, len, inner]; the SIMD set runs float32 along the last axis. */
  readonly argReduce: typeof argReduce;
  /** The indices of each row's k largest values, largest first (tf.topk); the SIMD set scans float32 rows four values a compare. */
  readonly topkIndices: typeof topkIndices;
  /** Rows of x picked by indices (an embedding's lookup); the SIMD set copies rows of a table in its memory. */
  readonly gather: typeof gather;
  /** Rows of x summed into the rows their ids name (an embedding's gradient); the SIMD set adds float32 rows. */
  readonly segmentSum: typeof segmentSum;
  /** A depthwise convolution and its gradients; the SIMD set runs channel multiplier 1 on float32. */
  readonly depthwiseConv2d: typeof depthwiseConv2d;
  readonly depthwiseConv2dBackpropInput: typeof depthwiseConv2dBackpropInput;
  readonly depthwiseConv2dBackpropFilter: typeof depthwiseConv2dBackpropFilter;
  /** C = act(op(A)·op(B) + bias); the SIMD one fuses the epilogue into the product's stores, with the same bits. */
  readonly gemmBiasActivation: GemmBiasActivationFn;
  /** C = A·Bᵀ where a mask is not ±0, else 0 (a product's input gradient read back only there); the SIMD one, the same bits. */
  readonly gemmMasked: GemmMaskedFn;
  /**
   * A convolution with its epilogue (and optionally a 2×2 max-pool) without im2col, for geometries where
   * directConvFits; the same bits as im2col + gemmBiasActivation (+ maxPool). Absent where im2col + GEMM is the way.
   */
  readonly convDirect?: ConvDirectFn;
  /** The filter gradient for the same geometries, without im2col; the same bits as im2col + gemm. */
  readonly convFilterDirect?: ConvFilterDirectFn;
  /**
   * With convDirect: the backward pass of its max-pooled output down to the convolution's (dz, dbias), from the
   * window winners it kept; the same bits as maxPoolBackprop, then biasActivationBackprop.
   */
  readonly unpoolActivationBackprop?: UnpoolActivationBackpropFn;
  /**
   * With convDirect, where no input gradient is wanted: its filter gradient and dbias straight from the pooled
   * gradient and the winners, with no dz; the same bits as unpoolActivationBackprop, then convFilterDirect.
   */
  readonly convFilterFromWinners?: ConvFilterFromWinnersFn;
  /** Where arrays the kernels read and write in place (no copies) come from; absent for the JS kernels. */
  readonly memory?: ResidentMemory;
}

/**
 * Arrays that live in a kernel set's own memory (the WebAssembly heap), so that its kernels use them in place.
 * Each is made holding one reference; it goes back to the memory when the references reach 0, or when it is
 * garbage collected. Never hand one to code that may keep it past its last release.
 */
export interface ResidentMemory {
  /** A new array of `length` (zeros when `zero`, else unspecified values), or undefined when the memory is full. */
  alloc(length: number, zero?: boolean): Float32Array | undefined;
  allocInt32(length: number, zero?: boolean): Int32Array | undefined;
  /** A new array of `length` bytes (bool values; unspecified), or undefined when the memory is full. */
  allocBytes(length: number): Uint8Array | undefined;
  /** Releases `companion` along with `owner` (both resident); false, attaching nothing, otherwise. */
  attach(owner: ArrayBufferView, companion: ArrayBufferView): boolean;
  /** Whether `values` is a live array from alloc/allocInt32/allocBytes. */
  isResident(values: ArrayBufferView): boolean;
  /** One more reference (no-op for other arrays). */
  retain(values: ArrayBufferView): void;
  /** One reference fewer (no-op for other arrays). */
  release(values: ArrayBufferView): void;
  /** Live blocks and their bytes (resident arrays and any call's temporaries). */
  inUse(): { blocks: number; bytes: number };
}

/** The pure-JS kernels: the fallback everywhere, and the reference the SIMD kernels are tested against. */
export const jsKernels: CpuKernels = { gemm, batchGemm: (...args) => batchMatMul(gemm, ...args), gemmBiasActivation, gemmMasked, biasActivation, biasActivationBackprop, channelAffine, maxPool, maxPoolBackprop, im2col, col2im, adamUpdate, unary, binary, reduce, clip, softmax, logSoftmax, avgPool, avgPoolBackprop, cast, copyStrided, allFinite, select, argReduce, gather, segmentSum, depthwiseConv2d,
  depthwiseConv2dBackpropInput, depthwiseConv2dBackpropFilter, topkIndices };
