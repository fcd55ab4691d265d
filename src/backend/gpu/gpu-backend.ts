import { adamKernelEpsilon, adamStepSize } from '../../../kernels/shared/adam';
import { broadcastShapes } from '../../../kernels/shared/broadcast';
import { conv2dGeometry, pool2dGeometry, type AxisLerp, type Conv2dGeometry, type Pool2dGeometry } from '../../../kernels/shared/geometry';
import { resizeBilinearKernel } from '../../../kernels/gpu/resize';
import { batchMatMulKernel, batchMatMulPackings, batchMatMulPlan, batchMatMulUnpackKernel } from '../../../kernels/gpu/batch-matmul';
import { unpackQuadsKernel } from '../../../kernels/gpu/unpack-quads';
import { packMatMulKernel } from '../../../kernels/gpu/matmul-pack';
import { depthwiseConv2dBackpropFilterPartialKernel } from '../../../kernels/gpu/depthwise-conv';
import { depthwiseGeometry } from '../../../kernels/shared/geometry';
import {
  conv2dBackpropFilterQuadKernel, conv2dBackpropInputKernel, conv2dKernel, conv2dQuadKernel, filterPartConstants, groupedConvConstants, packQuadsKernel, quadConvConstants,
} from '../../../kernels/gpu/conv';
import { conv2dMaxPoolQuadKernel } from '../../../kernels/gpu/conv-max-pool';
import { MAX_LOOP_SPAN, loopParts } from '../../../kernels/gpu/loop-parts';
import { poolBackpropKernel, poolBackpropParts, poolConstants, poolKernel, poolParts, unpoolActivationGradKernel, wholeWindow } from '../../../kernels/gpu/pool';
import { UNARY_CODES, binaryConstants, binaryKernel, clipKernel, oneHotKernel, unaryKernel } from '../../../kernels/gpu/elementwise';
import { TWO_STAGE_ROWS, columnPartialConstants, leadingRowsView, planReduce, reduceKernel, splitReduce } from '../../../kernels/gpu/reduce';
import {
  SOFTMAX_MAX_COLS, shiftedExpKernel, softmaxFromStatsKernel, softmaxKernel, sparseCrossEntropyFromStatsKernel, sparseCrossEntropyKernel,
} from '../../../kernels/gpu/softmax';
import { ACTIVATION_CODES, activationGradKernel, biasActivationKernel, channelAffineKernel } from '../../../kernels/gpu/bias-activation';
import { copyKernel } from '../../../kernels/gpu/copy';
import { castKernel } from '../../../kernels/gpu/cast';
import {
  argCombineKernel, argReducePartKernel, gatherKernel, gatherNDKernel, scatterNDKernel, segmentSumKernel, selectConstants, selectKernel,
  topkRankKernel, topkSelectKernel,
} from '../../../kernels/gpu/indexing';
import { rowStrides, splitAt } from '../../../kernels/shared/index-geometry';
import { returnsBool } from '../../../kernels/shared/op-names';
import { MATH_UNARY_CODES, cumsumAddOffsetKernel, cumsumBlockTotalKernel, cumsumKernel, mathUnaryKernel } from '../../../kernels/gpu/math';
import { isMathUnaryOp } from '../../../kernels/shared/math-op-names';
import { reduceIdentity } from '../../../kernels/shared/reduce-identity';
import { concatPairKernel, gatherStridedConstants, gatherStridedKernel, scatterStridedConstants, scatterStridedKernel } from '../../../kernels/gpu/strided';
import { adamMomentKernel, adamParamKernel, adamVelocityKernel, axpyKernel, sgdVelocityKernel } from '../../../kernels/gpu/optimizer';
import { arrayTypeFor, castValues, makeHandle, sizeOfShape, type DType, type TensorHandle as Tensor } from '../handle';
import type { AdamConfig, Backend, BinaryOp, FusedActivation, Padding, ReduceOp, UnaryOp } from '../backend';
import { GpuData, liveTextureBytes } from './device-data';
import { retainStorage } from '../host-values';
import type { TypedArray } from '../../../kernels/shared/types';
import type { GpuContext } from './context';
import type { GpuJsModule, GpuTexture, KernelArgument } from './gpujs';
import { KernelCache, MAX_KERNEL_ELEMENTS, checkKernelReach, type KernelSource, type KernelStats } from './kernel-cache';
import { gatherStrided as gatherStridedHost, scatterStrided as scatterStridedHost } from '../../../kernels/cpu/strided';
import { gather as gatherHost, select as selectHost, topkIndices as topkHost } from '../../../kernels/cpu/indexing';
import { binary as binaryHost } from '../../../kernels/cpu/elementwise';

/**
 * The Backend on gpu.js: every op is a kernel from kernels/gpu whose result stays on the device
 * as a texture (GpuData); values come back to the host only when a tensor is read. Every dtype but
 * float64 lives in float32 textures (int32 and bool as whole floats, exact below 2^24) and takes its
 * own array type when read; float64 is refused, and the backend says so.
 */
export class GpuBackend implements Backend {
  readonly name = 'gpu' as const;
  private readonly kernels: KernelCache;

  constructor(
    gpujs: GpuJsModule,
    private readonly context: GpuContext,
    /** The GL renderer, e.g. 'Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits)'. */
    readonly renderer: string,
    /** False on software rasterizers (llvmpipe, SwiftShader): correct but slow. */
    readonly hardware: boolean,
  ) {
    // WebGL2 keeps one value per texel in an R32F texture at no cost in memory, and its fetch skips the four-value
    // layout's integer divisions and channel pick (2 - 3x on every kernel on Chromium's SwiftShader, the same values);
    // WebGL1 has no one-channel float texture, so there four values share a texel to keep memory 4x smaller.
    this.kernels = new KernelCache(context.gpu, gpujs, context.mode !== 'webgl2');
  }

  describe(): string {
    return `gpu (${this.context.mode}, ${this.renderer})`;
  }

  /** The bytes of the textures holding tensors, as TF.js's webgl backend reports them (numBytesInGPU). */
  deviceMemory(): { numBytesInGPU: number } {
    return { numBytesInGPU: liveTextureBytes() };
  }

  /** Compiled programs and the time their first calls took. */
  stats(): KernelStats {
    return this.kernels.stats();
  }

  matMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
    const m = transposeA ? a.shape[1] : a.shape[0];
    const k = transposeA ? a.shape[0] : a.shape[1];
    const n = transposeB ? b.shape[0] : b.shape[1];
    return this.product('matMul', a, b, [1, 1, m, n, k], [m, n], transposeA, transposeB);
  }

  batchMatMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
    const [aBatch, bBatch] = [a.shape[0], b.shape[0]];
    const [m, k] = transposeA ? [a.shape[2], a.shape[1]] : [a.shape[1], a.shape[2]];
    const n = transposeB ? b.shape[1] : b.shape[2];
    return this.product('batchMatMul', a, b, [aBatch, bBatch, m, n, k], [Math.max(aBatch, bBatch), m, n], transposeA, transposeB);
  }

  /**
   * matMul and batchMatMul as vec4 work (kernels/gpu/batch-matmul.ts): both operands packed, the product, then its
   * sums unpacked into `shape`; the packed textures are deleted once read.
   */
  private product(
    op: string, a: Tensor, b: Tensor, [aBatch, bBatch, m, n, k]: readonly number[], shape: readonly number[], transposeA: boolean, transposeB: boolean,
  ): Tensor {
    // An int32 product stays int32, as on cpu; an empty inner dimension sums nothing (no kernel runs on it).
    const dtype = productType(a);
    const size = sizeOfShape(shape);
    if (k === 0) return filled(shape, 0, dtype);
    if (size === 0) return makeHandle(shape, dtype, new (arrayTypeFor(dtype))(0));
    // The packed and partial textures hold no more values than the operands and the output, padding aside.
    checkKernelReach(op, Math.max(size, a.size, b.size));
    const plan = batchMatMulPlan(aBatch, bBatch, m, n, k);
    const packings = batchMatMulPackings(plan, k, transposeA, transposeB);
    const packedA = this.kernels.run4(`${op}PackA`, packMatMulKernel, aBatch * m * plan.quads, packings.a, [this.arg(a, op)]);
    const packedB = this.kernels.run4(`${op}PackB`, packMatMulKernel, bBatch * n * plan.quads, packings.b, [this.arg(b, op)]);
    const blocks = this.kernels.run4(op, batchMatMulKernel, plan.parts * plan.partTexels, plan, [packedA, packedB]);
    packedA.delete();
    packedB.delete();
    const out = this.kernels.run(`${op}Unpack`, batchMatMulUnpackKernel, size, plan, [blocks]);
    blocks.delete();
    return this.wrap(shape, out, dtype);
  }

  conv2d(x: Tensor, filter: Tensor, strides: [number, number], pad: Padding): Tensor {
    const g = conv2dGeometry(x.shape, filter.shape, strides, pad);
    const shape = [g.batch, g.outH, g.outW, g.outC];
    // No outputs, or no input channels (every sum is empty): no kernel runs.
    if (sizeOfShape(shape) === 0 || filter.size === 0) return filled(shape, 0);
    return this.wrap(shape, this.conv2dTexture(x, filter, g));
  }

  /**
   * conv2d of g's geometry (an output of batch > 0, a filter of size > 0) as a texture the caller deletes: the
   * filter packed 4 output channels a texel, the convolution 4 output channels a thread, then laid out one value an
   * element (the parts of a long loop summed there).
   */
  private conv2dTexture(x: Tensor, filter: Tensor, g: Conv2dGeometry): GpuTexture {
    const op = 'conv2d';
    const { constants, parts } = quadConvConstants(g);
    const { quads, size } = constants;
    const w4 = this.packedFilter(filter, g, quads);
    const packed = this.withDeviceArg(x, op, (xArg) => this.kernels.run4(op, conv2dQuadKernel, parts * size, constants, [xArg, w4]));
    w4.delete();
    const out = this.kernels.run('unpackQuads', unpackQuadsKernel, g.batch * g.outH * g.outW * g.outC, { cols: g.outC, quads, parts, partSize: size }, [packed]);
    packed.delete();
    return out;
  }

  /** conv2d's [kh, kw, inC, outC] filter as the quad kernels read it: `quads` texels of 4 output channels a row, a texture the caller deletes. */
  private packedFilter(filter: Tensor, g: Conv2dGeometry, quads: number): GpuTexture {
    return this.kernels.run4('packFilter', packQuadsKernel, g.kh * g.kw * g.inC * quads, { cols: g.outC, quads }, [this.arg(filter, 'conv2d')]);
  }

  conv2dBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const op = 'conv2dBackpropInput';
    return this.convInputGradient(op, this.arg(dy, op), filter, conv2dGeometry(xShape, filter.shape, strides, pad), false);
  }

  conv2dBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const op = 'conv2dBackpropFilter';
    const dyArg = this.arg(dy, op);
    return this.withDeviceArg(x, op, (xArg) => this.conv2dFilterGradient(xArg, dyArg, conv2dGeometry(x.shape, filterShape, strides, pad), filterShape));
  }

  /**
   * conv2d's filter gradient: partial sums over runs of each image's rows, 4 output channels a thread, laid out one
   * value an element and summed over the runs.
   */
  private conv2dFilterGradient(x: KernelArgument, dy: KernelArgument, g: Conv2dGeometry, filterShape: readonly number[]): Tensor {
    if (sizeOfShape(filterShape) === 0 || g.batch === 0) return filled(filterShape, 0);
    const { constants, parts } = filterPartConstants(g);
    const quads = Math.ceil(g.outC / 4);
    const rows = g.kh * g.kw * g.inC;
    const packed = this.kernels.run4('conv2dBackpropFilter', conv2dBackpropFilterQuadKernel, parts * rows * quads, { ...constants, quads }, [x, dy]);
    const partial = this.kernels.run('unpackQuads', unpackQuadsKernel, parts * rows * g.outC, { cols: g.outC, quads, parts: 1, partSize: 0 }, [packed]);
    packed.delete();
    const size = rows * g.outC;
    return this.wrap(filterShape, parts === 1 ? partial : this.reduceOwnedTexture('sum', partial, [parts, size], [0]));
  }

  /** depthwiseConv2d (a group per input channel) of g's geometry. */
  private depthwiseForward(op: string, x: Tensor, filter: Tensor, g: Conv2dGeometry): Tensor {
    const { constants, parts } = groupedConvConstants(g, true, 'forward');
    return this.computeParts(op, conv2dKernel, [g.batch, g.outH, g.outW, g.outC], parts, constants, [this.arg(x, op), this.arg(filter, op)]);
  }

  /** The input gradient of conv2d or depthwiseForward, from dy (a tensor's argument or a texture). */
  private convInputGradient(op: string, dy: KernelArgument, filter: Tensor, g: Conv2dGeometry, depthwise: boolean): Tensor {
    const { constants, parts } = groupedConvConstants(g, depthwise, 'inputGradient');
    return this.computeParts(op, conv2dBackpropInputKernel, [g.batch, g.inH, g.inW, g.inC], parts, constants, [dy, this.arg(filter, op)]);
  }

  // The fused conv + pool pair runs the composed ops' kernels (conv2d with its bias and activation, then maxPool),
  // so its results are theirs. For a backward pass, y carries which cell won each window (the pool kernel's winner
  // mode), so that pass neither computes the convolution again nor searches the windows again.
  conv2dBiasActivationMaxPool(x: Tensor, filter: Tensor, bias: Tensor, strides: [number, number], pad: Padding, activation: FusedActivation, forBackprop: boolean): Tensor | null {
    const g = conv2dGeometry(x.shape, filter.shape, strides, pad);
    if (g.batch === 0) return null;
    const pg = fusedPoolGeometry(g);
    const shape = [g.batch, pg.outH, pg.outW, g.outC];
    if (!forBackprop) return this.wrap(shape, this.convMaxPool(x, filter, bias, g, pg, activation));
    const { y, winners } = this.pooledWinners(x, filter, bias, g, activation, true);
    return makeHandle(shape, 'float32', new GpuData(y, sizeOfShape(shape), winners));
  }

  /**
   * maxPool(act(conv2d(x, filter) + bias)) with no backward pass to serve: the pool taken in the convolution's own
   * kernel (kernels/gpu/conv-max-pool.ts), so no pre-pool tensor is written, unpacked or read again. A convolution
   * whose loop would be split (loop-parts.ts) runs the composed kernels.
   */
  private convMaxPool(x: Tensor, filter: Tensor, bias: Tensor, g: Conv2dGeometry, pg: Pool2dGeometry, activation: FusedActivation): GpuTexture {
    const op = 'conv2d';
    const { constants, parts } = quadConvConstants(g);
    if (parts > 1) {
      const { y } = this.pooledWinners(x, filter, bias, g, activation, false);
      return y;
    }
    const { quads } = constants;
    const pooled = g.batch * pg.outH * pg.outW;
    const size = pooled * quads;
    const w4 = this.packedFilter(filter, g, quads);
    const constantsPool = { ...constants, size, poolH: pg.outH, poolW: pg.outW, activation: ACTIVATION_CODES[activation] };
    const biasArg = this.arg(bias, op);
    const packed = this.withDeviceArg(x, op, (xArg) => this.kernels.run4('conv2dMaxPool', conv2dMaxPoolQuadKernel, size, constantsPool, [xArg, w4, biasArg]));
    w4.delete();
    const out = this.kernels.run('unpackQuads', unpackQuadsKernel, pooled * g.outC, { cols: g.outC, quads, parts: 1, partSize: size }, [packed]);
    packed.delete();
    return out;
  }

  conv2dBiasActivationMaxPoolBackprop(
    dy: Tensor, x: Tensor, filter: Tensor, bias: Tensor, y: Tensor, strides: [number, number], pad: Padding, activation: FusedActivation, need: [boolean, boolean],
  ): { dx: Tensor | null; dfilter: Tensor | null; dbias: Tensor } {
    const op = 'conv2dBiasActivationMaxPoolBackprop';
    const g = conv2dGeometry(x.shape, filter.shape, strides, pad);
    const zShape = [g.batch, g.outH, g.outW, g.outC];
    // The forward pass's winners, or (y disposed, or made without them) found again.
    const storage = y.isDisposed ? null : y.storage;
    const kept = storage instanceof GpuData && storage.companion ? { y: storage.texture, winners: storage.companion } : null;
    const { y: pooled, winners } = kept ?? this.pooledWinners(x, filter, bias, g, activation, true);
    const constants = { ...poolConstants(fusedPoolGeometry(g), 'max'), activation: ACTIVATION_CODES[activation] };
    const dz = this.kernels.run('unpoolActivationBackprop', unpoolActivationGradKernel, sizeOfShape(zShape), constants, [winners as GpuTexture, pooled, this.arg(dy, op)]);
    if (!kept) {
      pooled.delete();
      winners?.delete();
    }
    const dbias = this.reduceArgument('sum', dz, zShape, [0, 1, 2], [g.outC]);
    const dx = need[0] ? this.convInputGradient('conv2dBackpropInput', dz, filter, g, false) : null;
    const dfilter = need[1] ? this.withDeviceArg(x, op, (xArg) => this.conv2dFilterGradient(xArg, dz, g, filter.shape)) : null;
    dz.delete();
    return { dx, dfilter, dbias };
  }

  /** maxPool(act(conv2d(x, filter) + bias), 2×2, stride 2) and, when asked, its windows' winning places: textures the caller deletes. */
  private pooledWinners(x: Tensor, filter: Tensor, bias: Tensor, g: Conv2dGeometry, activation: FusedActivation, withWinners: boolean): { y: GpuTexture; winners: GpuTexture | null } {
    const z = this.convActivation(x, filter, bias, g, activation);
    const pg = fusedPoolGeometry(g);
    const size = g.batch * pg.outH * pg.outW * g.outC;
    const y = this.kernels.run('maxPool', poolKernel, size, poolConstants(pg, 'max'), [z, z]);
    const winners = withWinners ? this.kernels.run('maxPoolWinners', poolKernel, size, poolConstants(pg, 'winner'), [z, z]) : null;
    z.delete();
    return { y, winners };
  }

  /** act(conv2d(x, filter) + bias) as a texture the caller deletes (batch > 0). */
  private convActivation(x: Tensor, filter: Tensor, bias: Tensor, g: Conv2dGeometry, activation: FusedActivation): GpuTexture {
    const size = g.batch * g.outH * g.outW * g.outC;
    const conv = this.conv2dTexture(x, filter, g);
    const z = this.kernels.run('biasActivation', biasActivationKernel, size, { cols: g.outC, activation: ACTIVATION_CODES[activation] }, [conv, this.arg(bias, 'biasActivation')]);
    conv.delete();
    return z;
  }

  depthwiseConv2d(x: Tensor, filter: Tensor, strides: [number, number], pad: Padding): Tensor {
    return this.depthwiseForward('depthwiseConv2d', x, filter, depthwiseGeometry(x.shape, filter.shape, strides, pad));
  }

  depthwiseConv2dBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const op = 'depthwiseConv2dBackpropInput';
    return this.convInputGradient(op, this.arg(dy, op), filter, depthwiseGeometry(xShape, filter.shape, strides, pad), true);
  }

  depthwiseConv2dBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const op = 'depthwiseConv2dBackpropFilter';
    const g = depthwiseGeometry(x.shape, filterShape, strides, pad);
    if (sizeOfShape(filterShape) === 0 || g.batch === 0) return filled(filterShape, 0);
    // Partial sums over images and runs of rows, summed.
    const { constants, parts } = filterPartConstants(g);
    return this.computeParts(op, depthwiseConv2dBackpropFilterPartialKernel, filterShape, parts, constants, [this.arg(x, op), this.arg(dy, op)]);
  }

  maxPool(x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const g = pool2dGeometry(x.shape, filterSize, strides, pad);
    const xArg = this.arg(x, 'maxPool');
    return this.pool('maxPool', g, 'max', [xArg, xArg], productType(x));
  }

  maxPoolBackprop(dy: Tensor, x: Tensor, _y: Tensor | null, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const g = pool2dGeometry(x.shape, filterSize, strides, pad);
    const op = 'maxPoolBackprop';
    return this.poolBackprop(op, g, 'max', [this.arg(dy, op), this.arg(x, op)]);
  }

  maxPoolGather(src: Tensor, x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const g = pool2dGeometry(x.shape, filterSize, strides, pad);
    const op = 'maxPoolGather';
    wholeWindow(op, g);
    return this.compute(op, poolKernel, [g.batch, g.outH, g.outW, g.channels], poolConstants(g, 'max'), [this.arg(x, op), this.arg(src, op)]);
  }

  // Average pooling reads one tensor: it goes in both slots of the shared pool kernels, whose avg branch reads only the first.
  avgPool(x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const g = pool2dGeometry(x.shape, filterSize, strides, pad);
    const xArg = this.arg(x, 'avgPool');
    return this.pool('avgPool', g, 'avg', [xArg, xArg]);
  }

  private pool(op: string, g: Pool2dGeometry, reduce: 'avg' | 'max', args: readonly KernelArgument[], dtype: DType = 'float32'): Tensor {
    const shape = [g.batch, g.outH, g.outW, g.channels];
    const { span, parts } = poolParts(g);
    const constants = poolConstants(g, reduce, { size: sizeOfShape(shape), span });
    return this.computeParts(op, poolKernel, shape, parts, constants, args, dtype, reduce === 'max' ? 'max' : 'sum');
  }

  avgPoolBackprop(dy: Tensor, xShape: readonly number[], filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const g = pool2dGeometry(xShape, filterSize, strides, pad);
    const dyArg = this.arg(dy, 'avgPoolBackprop');
    return this.poolBackprop('avgPoolBackprop', g, 'avg', [dyArg, dyArg]);
  }

  private poolBackprop(op: string, g: Pool2dGeometry, reduce: 'avg' | 'max', args: readonly KernelArgument[]): Tensor {
    const shape = [g.batch, g.inH, g.inW, g.channels];
    const { span, parts } = poolBackpropParts(g, reduce);
    return this.computeParts(op, poolBackpropKernel, shape, parts, poolConstants(g, reduce, { size: sizeOfShape(shape), span }), args);
  }

  unary(op: UnaryOp, x: Tensor): Tensor {
    if (isMathUnaryOp(op)) return this.compute(op, mathUnaryKernel, x.shape, { op: MATH_UNARY_CODES[op] }, [this.arg(x, op), NaN, Infinity]);
    return this.compute(op, unaryKernel, x.shape, { op: UNARY_CODES[op] }, [this.arg(x, op), NaN, Infinity], returnsBool(op) ? 'bool' : x.dtype);
  }

  clipByValue(x: Tensor, clipValueMin: number, clipValueMax: number): Tensor {
    return this.compute('clipByValue', clipKernel, x.shape, {}, [this.arg(x, 'clipByValue'), clipValueMin, clipValueMax], x.dtype);
  }

  resizeBilinear(x: Tensor, rows: AxisLerp, cols: AxisLerp): Tensor {
    const [, h, w, c] = x.shape;
    const table = Float32Array.from([rows.lo, rows.hi, rows.frac, cols.lo, cols.hi, cols.frac].flat());
    const shape = [x.shape[0], rows.lo.length, cols.lo.length, c];
    return this.compute('resizeBilinear', resizeBilinearKernel, shape, { h, w, c, outH: rows.lo.length, outW: cols.lo.length }, [this.arg(x, 'resizeBilinear'), table], x.dtype);
  }

  oneHot(indices: Tensor, depth: number, onValue: number, offValue: number, dtype: DType): Tensor {
    return this.compute('oneHot', oneHotKernel, [...indices.shape, depth], { depth }, [this.arg(indices, 'oneHot'), onValue, offValue], dtype);
  }

  cumsum(x: Tensor, axis: number, exclusive: boolean, reverse: boolean): Tensor {
    return this.cumulative(x, axis, exclusive, reverse, 0);
  }

  cumprod(x: Tensor, axis: number, exclusive: boolean, reverse: boolean): Tensor {
    return this.cumulative(x, axis, exclusive, reverse, 1);
  }

  private cumulative(x: Tensor, axis: number, exclusive: boolean, reverse: boolean, product: number): Tensor {
    const op = product ? 'cumprod' : 'cumsum';
    const input = this.arg(x, op);
    if (x.size === 0) return filled(x.shape, 0, x.dtype);
    const [outer, n, inner] = splitAt(x.shape, axis);
    return this.wrap(x.shape, this.cumulativeTexture(input, outer, n, inner, exclusive, reverse, product), x.dtype);
  }

  /**
   * cumsum (product 0) or cumprod (product 1) of input viewed as [outer, n, inner] along n. An axis longer than a
   * thread may loop over is scanned in blocks of MAX_LOOP_SPAN; each block then takes the total of the blocks
   * before it (after it when reverse), the exclusive scan of the block totals, found the same way.
   */
  private cumulativeTexture(
    input: KernelArgument, outer: number, n: number, inner: number, exclusive: boolean, reverse: boolean, product: number,
  ): GpuTexture {
    const flags = { exclusive: exclusive ? 1 : 0, reverse: reverse ? 1 : 0, product };
    const size = outer * n * inner;
    if (n <= MAX_LOOP_SPAN) return this.kernels.run('cumsum', cumsumKernel, size, { n, inner, ...flags, block: n }, [input]);
    const blocking = { n, inner, block: MAX_LOOP_SPAN, blocks: Math.ceil(n / MAX_LOOP_SPAN), product };
    const within = this.kernels.run('cumsum', cumsumKernel, size, { n, inner, ...flags, block: MAX_LOOP_SPAN }, [input]);
    const totals = this.kernels.run('cumsumBlockTotal', cumsumBlockTotalKernel, outer * blocking.blocks * inner, blocking, [input]);
    const offsets = this.cumulativeTexture(totals, outer, blocking.blocks, inner, true, reverse, product);
    totals.delete();
    const out = this.kernels.run('cumsumAddOffset', cumsumAddOffsetKernel, size, blocking, [within, offsets]);
    within.delete();
    offsets.delete();
    return out;
  }

  binary(op: BinaryOp, a: Tensor, b: Tensor): Tensor {
    const shape = broadcastShapes(a.shape, b.shape) ?? [];
    const constants = binaryConstants(op, a.shape, b.shape);
    const dtype = returnsBool(op) ? 'bool' : a.dtype;
    if (!constants) return onHost(op, [a, b], shape, dtype, (out) => binaryHost(op, a.hostValues(), a.shape, b.hostValues(), b.shape, out));
    const args = [this.arg(a, op), this.arg(b, op), NaN, Infinity];
    const size = sizeOfShape(shape);
    const stored = dtype === 'int32' || (dtype === 'bool' && !returnsBool(op));
    if (!stored || size === 0) return this.compute(op, binaryKernel, shape, constants, args, dtype);
    // int32 results hold what an Int32Array stores, and arithmetic on bools what a Uint8Array stores, as on cpu:
    // atan2 and pow give fractions, a zero divisor NaN or ±Infinity, false - true -1 (255 stored), and the ops after
    // this one read the texture as it is.
    const raw = this.kernels.run(op, binaryKernel, size, constants, args);
    const out = this.compute('cast', castKernel, shape, { toBool: dtype === 'int32' ? 0 : 2 }, [raw], dtype);
    raw.delete();
    return out;
  }

  reduce(op: ReduceOp, x: Tensor, axes: readonly number[]): Tensor {
    const outShape = x.shape.filter((_, i) => !axes.includes(i));
    const input = this.arg(x, op);
    const dtype = returnsBool(op) ? 'bool' : x.dtype;
    if (x.size === 0) return filled(outShape, reduceIdentity(op), dtype);
    return this.reduceArgument(op, input, x.shape, axes, outShape, dtype);
  }

  sumToShape(x: Tensor, shape: readonly number[]): Tensor {
    const lead = x.rank - shape.length;
    const axes: number[] = [];
    for (let i = 0; i < x.rank; i++) {
      if (i < lead || (shape[i - lead] === 1 && x.shape[i] !== 1)) axes.push(i);
    }
    const input = this.arg(x, 'sumToShape');
    if (axes.length === 0) return this.share(x, shape);
    if (x.size === 0) return filled(shape, 0);
    return this.reduceArgument('sum', input, x.shape, axes, shape);
  }

  softmax(x: Tensor): Tensor {
    return this.softmaxOf(x, 'softmax', 0);
  }

  logSoftmax(x: Tensor): Tensor {
    return this.softmaxOf(x, 'logSoftmax', 1);
  }

  private softmaxOf(x: Tensor, op: 'softmax' | 'logSoftmax', log: number): Tensor {
    const cols = x.shape[x.rank - 1];
    const input = this.arg(x, op);
    if (cols <= SOFTMAX_MAX_COLS || x.size === 0) return this.compute(op, softmaxKernel, x.shape, { cols, log }, [input]);
    const { max, sum } = this.rowStats(input, x.size / cols, cols);
    const out = this.compute(op, softmaxFromStatsKernel, x.shape, { cols, log }, [input, max, sum]);
    max.delete();
    sum.delete();
    return out;
  }

  /** Each row's max and exp-sum, Σ exp(x - max), of input viewed as [rows, cols], by reduction passes (for long rows). */
  private rowStats(input: KernelArgument, rows: number, cols: number): { max: GpuTexture; sum: GpuTexture } {
    const max = this.reduceToTexture('max', input, [rows, cols], [1]);
    const terms = this.kernels.run('shiftedExp', shiftedExpKernel, rows * cols, { cols }, [input, max]);
    return { max, sum: this.reduceOwnedTexture('sum', terms, [rows, cols], [1]) };
  }

  sparseSoftmaxCrossEntropy(logits: Tensor, labels: Tensor): { losses: Tensor; probs: Tensor } {
    const op = 'sparseSoftmaxCrossEntropy';
    const [rows, cols] = logits.shape;
    const input = this.arg(logits, op);
    const labelsArg = this.arg(labels, op);
    if (cols <= SOFTMAX_MAX_COLS || logits.size === 0) {
      const losses = this.compute(op, sparseCrossEntropyKernel, [rows], { cols }, [input, labelsArg]);
      const probs = this.compute('softmax', softmaxKernel, logits.shape, { cols, log: 0 }, [input]);
      return { losses, probs };
    }
    const { max, sum } = this.rowStats(input, rows, cols);
    const losses = this.compute(op, sparseCrossEntropyFromStatsKernel, [rows], { cols }, [input, labelsArg, max, sum]);
    const probs = this.compute('softmax', softmaxFromStatsKernel, logits.shape, { cols, log: 0 }, [input, max, sum]);
    max.delete();
    sum.delete();
    return { losses, probs };
  }

  channelAffine(x: Tensor, mean: Tensor, scale: Tensor, offset: Tensor): Tensor {
    const op = 'channelAffine';
    return this.compute(op, channelAffineKernel, x.shape, { cols: mean.size }, [this.arg(x, op), this.arg(mean, op), this.arg(scale, op), this.arg(offset, op)]);
  }

  biasActivation(x: Tensor, bias: Tensor, activation: FusedActivation): Tensor {
    const op = 'biasActivation';
    const constants = { cols: bias.size, activation: ACTIVATION_CODES[activation] };
    return this.compute(op, biasActivationKernel, x.shape, constants, [this.arg(x, op), this.arg(bias, op)]);
  }

  biasActivationBackprop(dy: Tensor, y: Tensor, activation: FusedActivation): { dx: Tensor; dbias: Tensor } {
    const op = 'biasActivationBackprop';
    const cols = y.shape[y.rank - 1];
    const dx = this.compute(op, activationGradKernel, y.shape, { activation: ACTIVATION_CODES[activation] }, [this.arg(dy, op), this.arg(y, op)]);
    const axes = y.shape.slice(0, -1).map((_, i) => i);
    const dbias = y.size === 0 ? filled([cols], 0) : this.reduceArgument('sum', this.arg(dx, op), y.shape, axes, [cols]);
    return { dx, dbias };
  }

  gatherStrided(x: Tensor, shape: readonly number[], offset: number, strides: readonly number[]): Tensor {
    const op = 'gatherStrided';
    const gatherOnHost = (out: TypedArray): void => gatherStridedHost(x.hostValues(), offset, strides, out, shape);
    if (this.pastKernelReach(x)) return hostResult(shape, x.dtype, gatherOnHost);
    const constants = gatherStridedConstants(shape, offset, strides);
    if (!constants) return onHost(op, [x], shape, x.dtype, gatherOnHost);
    return this.compute(op, gatherStridedKernel, shape, constants, [this.arg(x, op)], x.dtype);
  }

  scatterStrided(x: Tensor, shape: readonly number[], begin: readonly number[], steps: readonly number[], fill: number): Tensor {
    const op = 'scatterStrided';
    const input = this.arg(x, op);
    if (x.size === 0) return filled(shape, fill, x.dtype);
    const constants = scatterStridedConstants(x.shape, shape, begin, steps);
    if (!constants) return hostResult(shape, x.dtype, (out) => scatterStridedHost(x.hostValues(), x.shape, out, shape, begin, steps, fill));
    // The fill as x's array would store it (-2 in a bool tensor is 254), as the cpu kernel writes it.
    const stored = new (arrayTypeFor(x.dtype))([fill])[0];
    return this.compute(op, scatterStridedKernel, shape, constants, [input, stored], x.dtype);
  }

  concat(xs: readonly Tensor[], axis: number): Tensor {
    const op = 'concat';
    const inputs = xs.map((x) => this.arg(x, op));
    const shape = xs[0].shape.slice();
    shape[axis] = xs.reduce((n, x) => n + x.shape[axis], 0);
    const parts = xs.map((x, i) => ({ x, input: inputs[i] })).filter(({ x }) => x.size > 0);
    if (parts.length === 0) return filled(shape, 0, xs[0].dtype);
    if (parts.length === 1) return this.share(parts[0].x, shape);
    const rows = sizeOfShape(shape.slice(0, axis));
    // Joined two at a time; each partial result is ours alone, deleted once the next join has read it.
    let joined = parts[0].input;
    let cols = parts[0].x.size / rows;
    let owned: GpuTexture | null = null;
    for (const { x, input } of parts.slice(1)) {
      const colsB = x.size / rows;
      const next = this.kernels.run(op, concatPairKernel, rows * (cols + colsB), { cols: cols + colsB, colsA: cols }, [joined, input]);
      if (owned) owned.delete();
      owned = next;
      joined = next;
      cols += colsB;
    }
    return this.wrap(shape, owned as GpuTexture, xs[0].dtype);
  }

  cast(x: Tensor, dtype: DType): Tensor {
    if (dtype === 'float64') throw float64Error('cast', dtype);
    const input = this.arg(x, 'cast'); // refuses a float64 x
    // Whole floats stay as they are (to float32, bool to int32); the rest converts.
    if (dtype === 'float32' || x.dtype === dtype || (dtype === 'int32' && x.dtype === 'bool')) return this.share(x, x.shape, dtype);
    return this.compute('cast', castKernel, x.shape, { toBool: dtype === 'bool' ? 1 : 0 }, [input], dtype);
  }

  where(condition: Tensor, a: Tensor, b: Tensor): Tensor {
    const op = 'where';
    const shape = broadcastShapes(broadcastShapes(condition.shape, a.shape) ?? [], b.shape) ?? [];
    const constants = selectConstants(shape, condition.shape, a.shape, b.shape);
    if (!constants) {
      return onHost(op, [a, b], shape, a.dtype, (out) => selectHost(condition.hostValues(), condition.shape, a.hostValues(), a.shape, b.hostValues(), b.shape, shape, out));
    }
    return this.compute(op, selectKernel, shape, constants, [this.arg(condition, op), this.arg(a, op), this.arg(b, op)], a.dtype);
  }

  argReduce(op: 'argMax' | 'argMin', x: Tensor, axis: number): Tensor {
    const [outer, len, inner] = splitAt(x.shape, axis);
    const shape = x.shape.filter((_, i) => i !== axis);
    const { span, parts } = loopParts(len);
    const constants = { len, inner, max: op === 'argMax' ? 1 : 0, size: outer * inner, parts, span };
    const xArg = this.arg(x, op);
    if (parts === 1 || constants.size === 0) return this.compute(op, argReducePartKernel, shape, constants, [xArg], 'int32');
    const picks = this.kernels.run('argReducePart', argReducePartKernel, parts * constants.size, constants, [xArg]);
    const out = this.compute(op, argCombineKernel, shape, constants, [xArg, picks], 'int32');
    picks.delete();
    return out;
  }

  gather(x: Tensor, indices: Tensor, axis: number): Tensor {
    const [outer, len, inner] = splitAt(x.shape, axis);
    const shape = [...x.shape.slice(0, axis), indices.size, ...x.shape.slice(axis + 1)];
    if (this.pastKernelReach(x)) {
      const out = new (arrayTypeFor(x.dtype))(sizeOfShape(shape));
      gatherHost(x.hostValues(), indices.hostValues(), outer, len, inner, out);
      return makeHandle(shape, x.dtype, out);
    }
    return this.compute('gather', gatherKernel, shape, { len, inner, n: indices.size }, [this.arg(x, 'gather'), this.arg(indices, 'gather')], x.dtype);
  }

  unsortedSegmentSum(x: Tensor, segmentIds: Tensor, numSegments: number, axis: number): Tensor {
    const op = 'unsortedSegmentSum';
    const [, n, inner] = splitAt(x.shape, axis);
    const shape = [...x.shape.slice(0, axis), numSegments, ...x.shape.slice(axis + 1)];
    if (n === 0) return filled(shape, 0, x.dtype);
    const { span, parts } = loopParts(n);
    const constants = { segments: numSegments, inner, n, size: sizeOfShape(shape), span };
    return this.computeParts(op, segmentSumKernel, shape, parts, constants, [this.arg(x, op), this.arg(segmentIds, op)], x.dtype);
  }

  gatherND(x: Tensor, indices: Tensor): Tensor {
    const depth = indices.shape[indices.rank - 1];
    const slice = x.shape.slice(depth);
    const shape = [...indices.shape.slice(0, -1), ...slice];
    const strides = Float32Array.from(rowStrides(x.shape, depth).concat(0)); // never empty: a texture needs a value
    const constants = { depth, sliceSize: sizeOfShape(slice), n: 0 };
    return this.compute('gatherND', gatherNDKernel, shape, constants, [this.arg(x, 'gatherND'), this.arg(indices, 'gatherND'), strides], x.dtype);
  }

  scatterND(indices: Tensor, updates: Tensor, shape: readonly number[]): Tensor {
    const op = 'scatterND';
    const depth = indices.shape[indices.rank - 1];
    const n = indices.size / Math.max(depth, 1);
    if (updates.size === 0) return filled(shape, 0, updates.dtype);
    const strides = Float32Array.from(rowStrides(shape, depth).concat(0));
    // Each tuple reads its depth indices: a long list of tuples is split into parts.
    const { span, parts } = loopParts(n, depth + 1);
    const constants = { depth, sliceSize: sizeOfShape(shape.slice(depth)), n, size: sizeOfShape(shape), span };
    return this.computeParts(op, scatterNDKernel, shape, parts, constants, [this.arg(indices, op), this.arg(updates, op), strides], updates.dtype);
  }

  topkIndices(x: Tensor, k: number): Tensor {
    const op = 'topk';
    const n = x.shape[x.rank - 1];
    const shape = [...x.shape.slice(0, -1), k];
    if (sizeOfShape(shape) === 0) return filled(shape, 0, 'int32');
    // The kernel ranks each value against its whole row: n² comparisons a row, and ⌈n/4096⌉ counts per value, past
    // a kernel's reach from 262,145 values a row. Longer rows run on the host with the cpu kernel (a heap, n·log k).
    if (n > TOPK_DEVICE_ROW) return onHost(op, [x], shape, 'int32', (out) => topkHost(x.hostValues(), x.size / n, n, k, out));
    const { span, parts } = loopParts(n);
    const ranks = this.runParts('topkRank', topkRankKernel, x.size, parts, { n, k, size: x.size, span }, [this.arg(x, op)]);
    const out = this.computeParts(op, topkSelectKernel, shape, parts, { n, k, size: sizeOfShape(shape), span }, [ranks], 'int32');
    ranks.delete();
    return out;
  }

  adamUpdate(param: Tensor, grad: Tensor, m: Tensor, v: Tensor, c: AdamConfig): void {
    const op = 'adamUpdate';
    const size = param.size;
    if (size === 0) return;
    const g = this.arg(grad, op);
    const mNew = this.kernels.run('adamMoment', adamMomentKernel, size, {}, [this.arg(m, op), g, c.beta1]);
    const vNew = this.kernels.run('adamVelocity', adamVelocityKernel, size, {}, [this.arg(v, op), g, c.beta2]);
    const stepSize = adamStepSize(c.learningRate, c.beta1, c.beta2, c.step);
    const pNew = this.kernels.run('adamParam', adamParamKernel, size, {}, [this.arg(param, op), mNew, vNew, stepSize, adamKernelEpsilon(c.epsilon, c.beta2, c.step)]);
    replaceStorage(param, pNew);
    replaceStorage(m, mNew);
    replaceStorage(v, vNew);
  }

  sgdUpdate(param: Tensor, grad: Tensor, velocity: Tensor | null, learningRate: number, momentum: number): void {
    const op = 'sgdUpdate';
    const size = param.size;
    if (size === 0) return;
    const g = this.arg(grad, op);
    if (momentum === 0 || !velocity) {
      replaceStorage(param, this.kernels.run('axpy', axpyKernel, size, {}, [this.arg(param, op), g, -learningRate]));
      return;
    }
    const velNew = this.kernels.run('sgdVelocity', sgdVelocityKernel, size, {}, [this.arg(velocity, op), g, learningRate, momentum]);
    const pNew = this.kernels.run('axpy', axpyKernel, size, {}, [this.arg(param, op), velNew, 1]);
    replaceStorage(param, pNew);
    replaceStorage(velocity, velNew);
  }

  dispose(): void {
    this.kernels.dispose();
    void this.context.gpu.destroy();
  }

  /**
   * Whether x is a host array larger than a kernel may address (MAX_KERNEL_ELEMENTS): a data set kept on the host,
   * such as MNIST's 60,000 images, which fit and slice take batches of; those are read on the host, and only the
   * batch goes to the device.
   */
  private pastKernelReach(x: Tensor): boolean {
    return !(x.storage instanceof GpuData) && x.size > MAX_KERNEL_ELEMENTS;
  }

  /**
   * A tensor's values as a kernel argument: its texture, or its host array (gpu.js uploads it).
   * A variable's host values move to the device for good on first use: weights then upload once,
   * not on every call, and kernels see the same argument kinds from the first step on (so the
   * warm-up step compiles every program a training step needs).
   */
  private arg(t: Tensor, op: string): KernelArgument {
    if (t.dtype === 'float64') throw float64Error(op, t.dtype);
    // gpu.js takes no empty argument (an empty result has no texture), and a kernel never reads an input with no
    // elements (a gradient whose dy is empty: a 'valid' window one short of fitting), so one value stands in.
    if (t.size === 0) return new Float32Array(1);
    const storage = t.storage;
    if (storage instanceof GpuData) return storage.texture;
    if (!(storage instanceof Float32Array)) return Float32Array.from(t.hostValues());
    if (!t.isVariable) return storage;
    const texture = this.kernels.run('upload', copyKernel, t.size, {}, [storage]);
    t.storage = new GpuData(texture, t.size);
    return texture;
  }

  /**
   * f given t as an argument that its kernels read many times (a convolution's input). On WebGL2 a host array goes
   * up first into a texture of one value a texel, deleted once f's kernels are queued: gpu.js uploads a host array
   * itself four values a texel, and every read of that pays integer divisions and a channel pick (a predict batch's
   * convolution took twice as long). WebGL1's textures hold four values a texel either way.
   */
  private withDeviceArg<T>(t: Tensor, op: string, f: (arg: KernelArgument) => T): T {
    const arg = this.arg(t, op);
    if (!(arg instanceof Float32Array) || arg.length === 0 || this.context.mode !== 'webgl2') return f(arg);
    const texture = this.kernels.run('upload', copyKernel, arg.length, {}, [arg]);
    try {
      return f(texture);
    } finally {
      texture.delete();
    }
  }

  /** Runs a kernel into a new tensor of `shape` (an empty host tensor when shape has no elements). */
  private compute(name: string, fn: KernelSource, shape: readonly number[], constants: object, args: readonly KernelArgument[], dtype: DType = 'float32'): Tensor {
    return this.computeParts(name, fn, shape, 1, constants, args, dtype);
  }

  /** compute, the kernel run as `parts` threads per output (loop-parts.ts) whose results are summed. */
  private computeParts(
    name: string, fn: KernelSource, shape: readonly number[], parts: number, constants: object, args: readonly KernelArgument[], dtype: DType = 'float32',
    combine: 'sum' | 'max' = 'sum',
  ): Tensor {
    const size = sizeOfShape(shape);
    if (size === 0) return makeHandle(shape, dtype, new (arrayTypeFor(dtype))(0));
    return this.wrap(shape, this.runParts(name, fn, size, parts, constants, args, combine), dtype);
  }

  /**
   * A kernel whose threads would loop past what one may (loop-parts.ts), run as `parts` threads per output, part
   * p's results the p-th block of `size`, combined over the parts (summed, or their max): a texture of `size` values.
   */
  private runParts(name: string, fn: KernelSource, size: number, parts: number, constants: object, args: readonly KernelArgument[], combine: 'sum' | 'max' = 'sum'): GpuTexture {
    const partial = this.kernels.run(name, fn, parts * size, constants, args);
    return parts === 1 ? partial : this.reduceOwnedTexture(combine, partial, [parts, size], [0]);
  }

  private wrap(shape: readonly number[], texture: GpuTexture, dtype: DType = 'float32'): Tensor {
    return makeHandle(shape, dtype, new GpuData(texture, sizeOfShape(shape)));
  }

  /** The same values under a new shape (and a dtype whose values are the same): shared, since tensors never change their values. */
  private share(x: Tensor, shape: readonly number[], dtype: DType = x.dtype): Tensor {
    const storage = x.storage;
    if (ArrayBuffer.isView(storage) && dtype !== x.dtype) return makeHandle(shape, dtype, castValues(storage, dtype));
    retainStorage(storage);
    return makeHandle(shape, dtype, storage);
  }

  private reduceArgument(op: ReduceOp, input: KernelArgument, shape: readonly number[], axes: readonly number[], outShape: readonly number[], dtype: DType = 'float32'): Tensor {
    return this.wrap(outShape, this.reduceToTexture(op, input, shape, axes), dtype);
  }

  /** op of input (of `shape`) over `axes`, as a texture of the kept elements in order that the caller deletes. */
  private reduceToTexture(op: ReduceOp, input: KernelArgument, shape: readonly number[], axes: readonly number[]): GpuTexture {
    const view = leadingRowsView(shape, axes);
    if (view && view.rows > TWO_STAGE_ROWS) {
      const { rows, cols } = view;
      const chunk = Math.ceil(Math.sqrt(rows));
      const chunks = Math.ceil(rows / chunk);
      const partial = this.kernels.run(op, reduceKernel, chunks * cols, columnPartialConstants(op, rows, cols, chunk), [input, NaN]);
      return this.reduceOwnedTexture(op, partial, [chunks, cols], [0]);
    }
    let current = input;
    let owned: GpuTexture | null = null;
    for (const pass of planReduce(op, shape, axes)) {
      const outSize = sizeOfShape(pass.outShape);
      const split = splitReduce(pass.constants);
      const next = split
        ? this.reduceOwnedTexture(op, this.kernels.run(op, reduceKernel, outSize * split.parts, split, [current, NaN]), [outSize, split.parts], [1])
        : this.kernels.run(op, reduceKernel, outSize, pass.constants, [current, NaN]);
      // Intermediate passes' textures are ours alone: delete each as soon as the next pass has read it.
      if (owned) owned.delete();
      owned = next;
      current = next;
    }
    return owned as GpuTexture;
  }

  /** reduceToTexture of a texture of ours, deleted once read. */
  private reduceOwnedTexture(op: ReduceOp, texture: GpuTexture, shape: readonly number[], axes: readonly number[]): GpuTexture {
    const result = this.reduceToTexture(op, texture, shape, axes);
    texture.delete();
    return result;
  }
}

/** The dtype of a product or a max of x: x's for int32 and bool x, as the cpu kernels give it; float32 otherwise. */
function productType(x: Tensor): DType {
  return x.dtype === 'int32' || x.dtype === 'bool' ? x.dtype : 'float32';
}

/** The 2×2 stride-2 'valid' max-pool that conv2dBiasActivationMaxPool fuses, over its convolution's output. */
function fusedPoolGeometry(g: Conv2dGeometry): Pool2dGeometry {
  return pool2dGeometry([g.batch, g.outH, g.outW, g.outC], [2, 2], [2, 2], 'valid');
}

/** A host tensor of one value: what reductions over nothing give. */
function filled(shape: readonly number[], value: number, dtype: DType = 'float32'): Tensor {
  return makeHandle(shape, dtype, new (arrayTypeFor(dtype))(sizeOfShape(shape)).fill(value));
}

/**
 * The longest row topk ranks on the device: 2.7·10^8 comparisons (9 s under SwiftShader, 31 s at twice the length),
 * where the host's heap reads the row once.
 */
const TOPK_DEVICE_ROW = 16_384;

/**
 * What no gpu kernel reaches (more axes after merging than its kernel walks: a rank-7 broadcast), computed on the
 * host by the cpu kernel, as the cpu backend computes it; float64 is refused here as everywhere on this backend.
 */
function onHost(op: string, inputs: readonly Tensor[], shape: readonly number[], dtype: DType, run: (out: TypedArray) => void): Tensor {
  for (const t of inputs) if (t.dtype === 'float64') throw float64Error(op, t.dtype);
  return hostResult(shape, dtype, run);
}

/** A host tensor of `shape` whose values `run` writes. */
function hostResult(shape: readonly number[], dtype: DType, run: (out: TypedArray) => void): Tensor {
  const out = new (arrayTypeFor(dtype))(sizeOfShape(shape));
  run(out);
  return makeHandle(shape, dtype, out);
}

function float64Error(op: string, dtype: string): Error {
  return new Error(`gpu backend: ${op} got dtype ${dtype}; the gpu backend computes in float32 only (use the cpu backend for float64)`);
}

/** Gives a variable or optimizer slot new values, letting go of the old ones. */
function replaceStorage(t: Tensor, texture: GpuTexture): void {
  const old = t.storage;
  t.storage = new GpuData(texture, t.size);
  if (!ArrayBuffer.isView(old)) old.release();
}
