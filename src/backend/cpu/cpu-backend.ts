import { jsKernels, type CpuKernels } from '../../../kernels/cpu/kernel-set';
import { getGemmThreads, simdKernels, simdSupported } from '../../../kernels/cpu/wasm/index';
import { conv2dGeometry, pool2dGeometry } from '../../../kernels/cpu/conv-geometry';
import { conv2d, conv2dBackpropInput, conv2dBackpropFilter } from '../../../kernels/cpu/conv';
import { broadcastShapes } from '../../../kernels/cpu/broadcast';
import { unary, binary } from '../../../kernels/cpu/elementwise';
import { reduce, sumToShape } from '../../../kernels/cpu/reduce';
import { softmax, logSoftmax, sparseSoftmaxCrossEntropy } from '../../../kernels/cpu/softmax';
import { sgdUpdate } from '../../../kernels/cpu/adam';
import type { FloatArray } from '../../../kernels/cpu/types';
import { Tensor, arrayTypeFor, sizeOfShape, type DType } from '../../tensor';
import type { AdamConfig, Backend, BinaryOp, FusedActivation, Padding, ReduceOp, UnaryOp } from '../backend';
import { Scratch } from './scratch';

function output(shape: readonly number[], dtype: DType): [Tensor, FloatArray] {
  const values = new (arrayTypeFor(dtype))(sizeOfShape(shape));
  return [new Tensor(shape, dtype, values), values];
}

/** Host values of a tensor, ready for in-place update (device copies come home once). */
function mutableValues(t: Tensor): FloatArray {
  return t.hostValues();
}

/**
 * The always-available backend: the project's own Float32Array/Float64Array kernels, with the hot ones
 * (GEMM, im2col, bias + activation, max-pool, Adam) swappable as a set for faster twins (WebAssembly SIMD).
 */
export class CpuBackend implements Backend {
  readonly name = 'cpu' as const;
  private readonly scratch = new Scratch();
  /** The argmax of each maxPool output, so its backward pass need not search again. */
  private readonly poolArgmax = new WeakMap<Tensor, Int32Array>();

  constructor(
    private readonly k: CpuKernels,
    private readonly describeKernels: () => string,
  ) {}

  describe(): string {
    return `cpu (${this.describeKernels()})`;
  }

  matMul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
    const m = transposeA ? a.shape[1] : a.shape[0];
    const k = transposeA ? a.shape[0] : a.shape[1];
    const n = transposeB ? b.shape[0] : b.shape[1];
    const [out, values] = output([m, n], a.dtype);
    this.k.gemm(a.hostValues(), b.hostValues(), values, m, n, k, transposeA, transposeB, false);
    return out;
  }

  conv2d(x: Tensor, filter: Tensor, strides: [number, number], pad: Padding): Tensor {
    const g = conv2dGeometry(x.shape, filter.shape, strides, pad);
    const [out, values] = output([g.batch, g.outH, g.outW, g.outC], x.dtype);
    conv2d(x.hostValues(), filter.hostValues(), g, values, this.cols(g, x.dtype), this.k.gemm, this.k.im2col);
    return out;
  }

  conv2dBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const g = conv2dGeometry(xShape, filter.shape, strides, pad);
    const [dx, values] = output(xShape, dy.dtype);
    conv2dBackpropInput(dy.hostValues(), filter.hostValues(), g, values, this.cols(g, dy.dtype), this.k.gemm, this.k.col2im);
    return dx;
  }

  conv2dBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], strides: [number, number], pad: Padding): Tensor {
    const g = conv2dGeometry(x.shape, filterShape, strides, pad);
    const [dw, values] = output(filterShape, x.dtype);
    conv2dBackpropFilter(x.hostValues(), dy.hostValues(), g, values, this.cols(g, x.dtype), this.k.gemm, this.k.im2col);
    return dw;
  }

  private cols(g: ReturnType<typeof conv2dGeometry>, dtype: DType): FloatArray {
    return this.scratch.get(dtype, g.batch * g.outH * g.outW * g.kh * g.kw * g.inC);
  }

  maxPool(x: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    const g = pool2dGeometry(x.shape, filterSize, strides, pad);
    const [y, values] = output([g.batch, g.outH, g.outW, g.channels], x.dtype);
    const argmax = new Int32Array(y.size);
    this.k.maxPool(x.hostValues(), g, values, argmax);
    this.poolArgmax.set(y, argmax);
    return y;
  }

  maxPoolBackprop(dy: Tensor, x: Tensor, y: Tensor, filterSize: [number, number], strides: [number, number], pad: Padding): Tensor {
    let argmax = this.poolArgmax.get(y);
    if (!argmax) {
      const g = pool2dGeometry(x.shape, filterSize, strides, pad);
      argmax = new Int32Array(y.size);
      this.k.maxPool(x.hostValues(), g, this.scratch.get(x.dtype, y.size), argmax);
    }
    const [dx, values] = output(x.shape, dy.dtype);
    this.k.maxPoolBackprop(dy.hostValues(), argmax, values);
    return dx;
  }

  unary(op: UnaryOp, x: Tensor): Tensor {
    const [out, values] = output(x.shape, x.dtype);
    unary(op, x.hostValues(), values);
    return out;
  }

  binary(op: BinaryOp, a: Tensor, b: Tensor): Tensor {
    const shape = broadcastShapes(a.shape, b.shape) as number[];
    const [out, values] = output(shape, a.dtype);
    binary(op, a.hostValues(), a.shape, b.hostValues(), b.shape, values);
    return out;
  }

  reduce(op: ReduceOp, x: Tensor, axes: readonly number[]): Tensor {
    const shape = x.shape.filter((_, i) => !axes.includes(i));
    const [out, values] = output(shape, x.dtype);
    reduce(op, x.hostValues(), x.shape, axes, values);
    return out;
  }

  sumToShape(x: Tensor, shape: readonly number[]): Tensor {
    const [out, values] = output(shape, x.dtype);
    sumToShape(x.hostValues(), x.shape, shape, values);
    return out;
  }

  softmax(x: Tensor): Tensor {
    const cols = x.shape[x.rank - 1];
    const [out, values] = output(x.shape, x.dtype);
    softmax(x.hostValues(), x.size / cols, cols, values);
    return out;
  }

  logSoftmax(x: Tensor): Tensor {
    const cols = x.shape[x.rank - 1];
    const [out, values] = output(x.shape, x.dtype);
    logSoftmax(x.hostValues(), x.size / cols, cols, values);
    return out;
  }

  sparseSoftmaxCrossEntropy(logits: Tensor, labels: Tensor): { losses: Tensor; probs: Tensor } {
    const [rows, cols] = logits.shape;
    const [losses, lossValues] = output([rows], logits.dtype);
    const [probs, probValues] = output(logits.shape, logits.dtype);
    sparseSoftmaxCrossEntropy(logits.hostValues(), Int32Array.from(labels.hostValues()), rows, cols, lossValues, probValues);
    return { losses, probs };
  }

  biasActivation(x: Tensor, bias: Tensor, activation: FusedActivation): Tensor {
    const cols = bias.size;
    const [out, values] = output(x.shape, x.dtype);
    this.k.biasActivation(x.hostValues(), bias.hostValues(), x.size / cols, cols, activation, values);
    return out;
  }

  biasActivationBackprop(dy: Tensor, y: Tensor, activation: FusedActivation): { dx: Tensor; dbias: Tensor } {
    const cols = y.shape[y.rank - 1];
    const [dx, dxValues] = output(y.shape, y.dtype);
    const [dbias, dbValues] = output([cols], y.dtype);
    this.k.biasActivationBackprop(dy.hostValues(), y.hostValues(), y.size / cols, cols, activation, dxValues, dbValues);
    return { dx, dbias };
  }

  cast(x: Tensor, dtype: DType): Tensor {
    return new Tensor(x.shape, dtype, arrayTypeFor(dtype).from(x.hostValues()));
  }

  adamUpdate(param: Tensor, grad: Tensor, m: Tensor, v: Tensor, c: AdamConfig): void {
    this.k.adamUpdate(mutableValues(param), grad.hostValues(), mutableValues(m), mutableValues(v), c.learningRate, c.beta1, c.beta2, c.epsilon, c.step);
  }

  sgdUpdate(param: Tensor, grad: Tensor, velocity: Tensor | null, learningRate: number, momentum: number): void {
    const vel = velocity ? mutableValues(velocity) : new (arrayTypeFor(param.dtype))(0);
    sgdUpdate(mutableValues(param), grad.hostValues(), vel, learningRate, momentum);
  }

  dispose(): void {
    this.scratch.clear();
  }
}

/** WebAssembly SIMD kernels (the GEMM on every core) where the engine has SIMD; the JS kernels elsewhere. */
export function createCpuBackend(): CpuBackend {
  if (simdSupported()) {
    return new CpuBackend(simdKernels(), () => {
      const threads = getGemmThreads();
      return `wasm-simd, ${threads} thread${threads === 1 ? '' : 's'}`;
    });
  }
  return new CpuBackend(jsKernels, () => 'js');
}

/** The pure-JS kernels alone: the fallback, and the reference the SIMD path is tested against. */
export function createJsCpuBackend(): CpuBackend {
  return new CpuBackend(jsKernels, () => 'js');
}
