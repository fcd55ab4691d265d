import { adamUpdate as adamJs } from '../adam';
import { biasActivation as biasActivationJs, biasActivationBackprop as biasActivationBackpropJs } from '../bias-activation';
import type { Conv2dGeometry, Pool2dGeometry } from '../conv-geometry';
import type { GemmFn } from '../gemm';
import { col2im as col2imJs, im2col as im2colJs } from '../im2col';
import type { CpuKernels } from '../kernel-set';
import { maxPool as maxPoolJs, maxPoolBackprop as maxPoolBackpropJs } from '../pool';
import type { FloatArray } from '../types';
import { ADAM_CONSTANTS } from './adam-module';
import { alignUp, type WasmRuntime } from './runtime';

/**
 * Calls smaller than this many elements run on the calling thread alone: below it, waking a worker costs
 * about what the second core saves on these memory-bound passes.
 */
export const SPLIT_ELEMENTS = 1 << 17;
// Chunks per thread when splitting, so a thread slowed by other processes leaves work to the other.
const CHUNKS_PER_THREAD = 4;

/** Byte offsets of a call's operands in the heap, laid out one after another from 0. */
class Layout {
  end = 0;

  /** Reserves `floats` 4-byte elements (float32 or int32) and returns their byte offset. */
  take(floats: number): number {
    const at = this.end;
    this.end = alignUp(at + floats * 4);
    return at;
  }
}

const isF32 = (...xs: FloatArray[]): boolean => xs.every((x) => x instanceof Float32Array);

/**
 * The WebAssembly SIMD kernel set over a runtime: each kernel copies its Float32Array operands into the
 * runtime's memory, runs there (split across threads where that pays and cannot change the result), and
 * copies the results out. Float64Array operands, or operands too large for the memory, take the JS twin.
 * Calls of at least `splitElements` elements are split across the runtime's threads.
 */
export function simdKernelsOn(runtime: WasmRuntime, gemm: GemmFn, splitElements = SPLIT_ELEMENTS): CpuKernels {
  const { heap } = runtime;
  const chunkOf = (total: number, quantum = 1): number =>
    Math.max(quantum, Math.ceil(total / (runtime.threads * CHUNKS_PER_THREAD) / quantum) * quantum);
  const put = (at: number, x: FloatArray | Int32Array, length: number): void => {
    if (x instanceof Int32Array) new Int32Array(heap.memory.buffer, at, length).set(x.subarray(0, length));
    else heap.f32.set(x.length === length ? x : x.subarray(0, length), at / 4);
  };
  const get = (at: number, into: FloatArray, length: number): void => {
    into.set(heap.f32.subarray(at / 4, at / 4 + length));
  };
  const getInts = (at: number, into: Int32Array, length: number): void => {
    into.set(new Int32Array(heap.memory.buffer, at, length));
  };

  const biasActivation: CpuKernels['biasActivation'] = (x, bias, rows, cols, act, out) => {
    const size = rows * cols;
    const l = new Layout();
    const [xAt, bAt, oAt] = [l.take(size), l.take(cols), l.take(size)];
    if (!isF32(x, bias, out) || !heap.ensure(l.end)) return biasActivationJs(x, bias, rows, cols, act, out);
    put(xAt, x, size);
    put(bAt, bias, cols);
    const args = [xAt, bAt, oAt, cols, act === 'relu' ? 1 : 0, 0, 0];
    runtime.runRange('bias_act', args, 5, rows, chunkOf(rows), size >= splitElements);
    get(oAt, out, size);
  };

  // One call on this thread: dbias sums rows in order, exactly as the twin does.
  const biasActivationBackprop: CpuKernels['biasActivationBackprop'] = (dy, y, rows, cols, act, dz, dbias) => {
    const size = rows * cols;
    const l = new Layout();
    const [dyAt, yAt, dzAt, dbAt] = [l.take(size), l.take(act === 'relu' ? size : 0), l.take(size), l.take(cols)];
    if (!isF32(dy, y, dz, dbias) || !heap.ensure(l.end)) return biasActivationBackpropJs(dy, y, rows, cols, act, dz, dbias);
    put(dyAt, dy, size);
    if (act === 'relu') put(yAt, y, size);
    heap.f32.fill(0, dbAt / 4, dbAt / 4 + cols);
    runtime.fn('bias_act_back')(dyAt, yAt, dzAt, dbAt, cols, act === 'relu' ? 1 : 0, 0, rows);
    get(dzAt, dz, size);
    get(dbAt, dbias, cols);
  };

  const maxPool: CpuKernels['maxPool'] = (x, g, out, argmax) => {
    const inSize = g.batch * g.inH * g.inW * g.channels;
    const outSize = g.batch * g.outH * g.outW * g.channels;
    const l = new Layout();
    const [xAt, oAt, aAt] = [l.take(inSize), l.take(outSize), l.take(outSize)];
    if (!isF32(x, out) || !heap.ensure(l.end)) return maxPoolJs(x, g, out, argmax);
    put(xAt, x, inSize);
    const rows = g.batch * g.outH;
    const args = [xAt, oAt, aAt, ...poolGeometry(g), 0, 0];
    runtime.runRange('max_pool', args, 14, rows, chunkOf(rows), inSize >= splitElements);
    get(oAt, out, outSize);
    getInts(aAt, argmax, outSize);
  };

  // One call on this thread: overlapping windows add into the same cell in the twin's order.
  const maxPoolBackprop: CpuKernels['maxPoolBackprop'] = (dy, argmax, dx) => {
    const n = argmax.length;
    const l = new Layout();
    const [dyAt, aAt, dxAt] = [l.take(n), l.take(n), l.take(dx.length)];
    if (!isF32(dy, dx) || !heap.ensure(l.end)) return maxPoolBackpropJs(dy, argmax, dx);
    put(dyAt, dy, n);
    put(aAt, argmax, n);
    heap.f32.fill(0, dxAt / 4, dxAt / 4 + dx.length);
    runtime.fn('max_pool_back')(dyAt, aAt, dxAt, 0, n);
    get(dxAt, dx, dx.length);
  };

  const im2col: CpuKernels['im2col'] = (x, g, cols) => {
    const inSize = g.batch * g.inH * g.inW * g.inC;
    const colSize = g.batch * g.outH * g.outW * g.kh * g.kw * g.inC;
    const l = new Layout();
    const [xAt, cAt] = [l.take(inSize), l.take(colSize)];
    if (!isF32(x, cols) || !heap.ensure(l.end)) return im2colJs(x, g, cols);
    put(xAt, x, inSize);
    const rows = g.batch * g.outH;
    const args = [xAt, cAt, ...convGeometry(g), 0, 0];
    runtime.runRange('im2col', args, 13, rows, chunkOf(rows), colSize >= splitElements);
    get(cAt, cols, colSize);
  };

  const col2im: CpuKernels['col2im'] = (cols, g, dx) => {
    const dxSize = g.batch * g.inH * g.inW * g.inC;
    const colSize = g.batch * g.outH * g.outW * g.kh * g.kw * g.inC;
    const l = new Layout();
    const [cAt, dAt] = [l.take(colSize), l.take(dxSize)];
    if (!isF32(cols, dx) || !heap.ensure(l.end)) return col2imJs(cols, g, dx);
    put(cAt, cols, colSize);
    heap.f32.fill(0, dAt / 4, dAt / 4 + dxSize);
    const args = [cAt, dAt, ...convGeometry(g), 0, 0];
    runtime.runRange('col2im', args, 13, g.batch, chunkOf(g.batch), colSize >= splitElements);
    get(dAt, dx, dxSize);
  };

  const adamUpdate: CpuKernels['adamUpdate'] = (p, g, m, v, lr, beta1, beta2, epsilon, t) => {
    const n = p.length;
    const l = new Layout();
    const [pAt, gAt, mAt, vAt, cAt] = [l.take(n), l.take(n), l.take(n), l.take(n), l.take(ADAM_CONSTANTS.length)];
    if (!isF32(p, g, m, v) || !heap.ensure(l.end)) return adamJs(p, g, m, v, lr, beta1, beta2, epsilon, t);
    // The same folded step size as the twin, computed in float64 and rounded once.
    const lrT = (lr * Math.sqrt(1 - Math.pow(beta2, t))) / (1 - Math.pow(beta1, t));
    heap.f32.set([lrT, beta1, 1 - beta1, beta2, 1 - beta2, epsilon], cAt / 4);
    put(pAt, p, n);
    put(gAt, g, n);
    put(mAt, m, n);
    put(vAt, v, n);
    runtime.runRange('adam', [pAt, gAt, mAt, vAt, cAt, 0, 0], 5, n, chunkOf(n, 4), n >= splitElements);
    get(pAt, p, n);
    get(mAt, m, n);
    get(vAt, v, n);
  };

  return { gemm, biasActivation, biasActivationBackprop, maxPool, maxPoolBackprop, im2col, col2im, adamUpdate };
}

function poolGeometry(g: Pool2dGeometry): number[] {
  return [g.inH, g.inW, g.channels, g.outH, g.outW, g.fh, g.fw, g.strideH, g.strideW, g.padTop, g.padLeft];
}

function convGeometry(g: Conv2dGeometry): number[] {
  return [g.inH, g.inW, g.inC, g.outH, g.outW, g.kh, g.kw, g.strideH, g.strideW, g.padTop, g.padLeft];
}
