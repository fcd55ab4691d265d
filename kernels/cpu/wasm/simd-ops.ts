import { adamUpdate as adamJs } from '../adam';
import { allFinite as allFiniteJs } from '../finite';
import { biasActivation as biasActivationJs, biasActivationBackprop as biasActivationBackpropJs } from '../bias-activation';
import { channelAffine as channelAffineJs } from '../channel-affine';
import type { Conv2dGeometry, Pool2dGeometry } from '../../shared/geometry';
import { convDirect as convDirectJs, convFilterDirect as convFilterDirectJs, FILTER_BLOCK, pooledShape, type ConvDirectFn, type ConvFilterDirectFn, type ConvFilterFromWinnersFn } from '../conv-direct';
import { gemmMasked as gemmMaskedJs, maskTaken } from '../gemm-masked';
import { col2im as col2imJs, im2col as im2colJs } from '../im2col';
import type { CpuKernels, ResidentMemory } from '../kernel-set';
import { avgPool as avgPoolJs, avgPoolBackprop as avgPoolBackpropJs } from '../avg-pool';
import { maxPool as maxPoolJs, maxPoolBackprop as maxPoolBackpropJs, unpoolActivationBackprop as unpoolActivationBackpropJs, type UnpoolActivationBackpropFn } from '../pool';
import { adamStepSize } from '../../shared/adam';
import type { FloatArray } from '../../shared/types';
import { ADAM_CONSTANTS } from './adam-module';
import { compactionTableIn } from './gemm-rows';
import { DIRECT_CHANNELS, DIRECT_PIXELS, filterTiling } from './conv-direct-module';
import { CallOperands } from './operands';
import { allFinite, chunkOf as chunkAcross } from './thread-split';
import { simdElementwiseOn } from './elementwise-simd';
import { simdRowsOn } from './rows-simd';
import { simdDepthwiseOn } from './depthwise-simd';
import { wasmCopyStridedOn } from './strided-copy';
import type { WasmRuntime } from './runtime';

/**
 * Calls smaller than this many elements run on the calling thread alone: below it, waking a worker costs
 * about what the second core saves on these memory-bound passes.
 */
export const SPLIT_ELEMENTS = 1 << 17;

const isF32 = (...xs: FloatArray[]): boolean => xs.every((x) => x instanceof Float32Array);

/**
 * The WebAssembly SIMD kernel set over a runtime: each kernel takes its Float32Array operands in place when they
 * live in the runtime's memory (resident arrays, see memory below) and copies any others in and out (see
 * CallOperands); it runs there, split across threads where that pays and cannot change the result. Float64Array
 * operands, or operands the memory has no room for, take the JS twin. Calls of at least `splitElements`
 * elements are split across the runtime's threads.
 */
export function simdKernelsOn(
  runtime: WasmRuntime, gemms: Pick<CpuKernels, 'gemm' | 'gemmBiasActivation' | 'batchGemm'>, splitElements = SPLIT_ELEMENTS,
): CpuKernels {
  const { heap } = runtime;
  const chunkOf = (total: number, quantum = 1): number => chunkAcross(total, runtime.threads, quantum);
  /** Resolves a call's operands (in the order given); null when the memory is full (nothing is left allocated). */
  const operands = (take: (o: CallOperands) => number[]): [CallOperands, number[]] | null => {
    const o = new CallOperands(heap);
    const at = take(o);
    if (at.some((a) => a < 0)) {
      o.abandon();
      return null;
    }
    return [o, at];
  };
  const zero = (at: number, length: number): void => {
    runtime.fn('fill_zero')(at, length * 4);
  };
  const zeroedIf = <T extends Float32Array | Int32Array>(values: T | undefined, zeroed = false): T | undefined => {
    if (values && zeroed) zero(values.byteOffset, values.length);
    return values;
  };

  const biasActivation: CpuKernels['biasActivation'] = (x, bias, rows, cols, act, out) => {
    const size = rows * cols;
    const r = isF32(x, bias, out) ? operands((o) => [o.input(x, size), o.input(bias, cols), o.output(out, size)]) : null;
    if (!r) return biasActivationJs(x, bias, rows, cols, act, out);
    const [o, [xAt, bAt, oAt]] = r;
    const args = [xAt, bAt, oAt, cols, act === 'relu' ? 1 : 0, 0, 0];
    runtime.runRange('bias_act', args, 5, rows, chunkOf(rows), size >= splitElements);
    o.finish();
  };

  const channelAffine: CpuKernels['channelAffine'] = (x, mean, scale, offset, rows, cols, out) => {
    const size = rows * cols;
    const r = isF32(x, mean, scale, offset, out)
      ? operands((o) => [o.input(x, size), o.input(mean, cols), o.input(scale, cols), o.input(offset, cols), o.output(out, size)])
      : null;
    if (!r) return channelAffineJs(x, mean, scale, offset, rows, cols, out);
    const [o, [xAt, mAt, sAt, bAt, oAt]] = r;
    runtime.runRange('channel_affine', [xAt, mAt, sAt, bAt, oAt, cols, 0, 0], 6, rows, chunkOf(rows), size >= splitElements);
    o.finish();
  };

  // One call on this thread: dbias sums rows in order, exactly as the twin does.
  const biasActivationBackprop: CpuKernels['biasActivationBackprop'] = (dy, y, rows, cols, act, dz, dbias) => {
    const size = rows * cols;
    const relu = act === 'relu';
    const r = isF32(dy, y, dz, dbias)
      ? operands((o) => [o.input(dy, size), relu ? o.input(y, size) : 0, o.output(dz, size), o.output(dbias, cols)])
      : null;
    if (!r) return biasActivationBackpropJs(dy, y, rows, cols, act, dz, dbias);
    const [o, [dyAt, yAt, dzAt, dbAt]] = r;
    zero(dbAt, cols);
    runtime.fn('bias_act_back')(dyAt, yAt, dzAt, dbAt, cols, relu ? 1 : 0, 0, rows);
    o.finish();
  };

  const maxPool: CpuKernels['maxPool'] = (x, g, out, argmax) => {
    const [inSize, outSize] = poolSizes(g);
    const r = isF32(x, out) ? operands((o) => [o.input(x, inSize), o.output(out, outSize), o.output(argmax, outSize)]) : null;
    if (!r) return maxPoolJs(x, g, out, argmax);
    const [o, [xAt, oAt, aAt]] = r;
    const rows = g.batch * g.outH;
    const args = [xAt, oAt, aAt, ...poolGeometry(g), 0, 0];
    runtime.runRange('max_pool', args, 14, rows, chunkOf(rows), inSize >= splitElements);
    o.finish();
  };

  const avgPool: CpuKernels['avgPool'] = (x, g, out) => {
    const [inSize, outSize] = poolSizes(g);
    const r = isF32(x, out) ? operands((o) => [o.input(x, inSize), o.output(out, outSize)]) : null;
    if (!r) return avgPoolJs(x, g, out);
    const [o, [xAt, oAt]] = r;
    const rows = g.batch * g.outH;
    runtime.runRange('avg_pool', [xAt, oAt, ...poolGeometry(g), 0, 0], 13, rows, chunkOf(rows), inSize >= splitElements);
    o.finish();
  };

  // Split by images: overlapping windows of one image add into the same cells in the twin's order.
  const avgPoolBackprop: CpuKernels['avgPoolBackprop'] = (dy, g, dx) => {
    const [inSize, outSize] = poolSizes(g);
    const r = isF32(dy, dx) ? operands((o) => [o.input(dy, outSize), o.output(dx, inSize)]) : null;
    if (!r) return avgPoolBackpropJs(dy, g, dx);
    const [o, [dyAt, dxAt]] = r;
    zero(dxAt, inSize);
    runtime.runRange('avg_pool_back', [dyAt, dxAt, ...poolGeometry(g), 0, 0], 13, g.batch, chunkOf(g.batch), inSize >= splitElements);
    o.finish();
  };

  // One call on this thread: overlapping windows add into the same cell in the twin's order.
  const maxPoolBackprop: CpuKernels['maxPoolBackprop'] = (dy, argmax, dx) => {
    const n = argmax.length;
    const r = isF32(dy, dx) ? operands((o) => [o.input(dy, n), o.input(argmax, n), o.output(dx, dx.length)]) : null;
    if (!r) return maxPoolBackpropJs(dy, argmax, dx);
    const [o, [dyAt, aAt, dxAt]] = r;
    zero(dxAt, dx.length);
    runtime.fn('max_pool_back')(dyAt, aAt, dxAt, 0, n);
    o.finish();
  };

  const im2col: CpuKernels['im2col'] = (x, g, cols) => {
    const inSize = g.batch * g.inH * g.inW * g.inC;
    const colSize = g.batch * g.outH * g.outW * g.kh * g.kw * g.inC;
    const r = isF32(x, cols) ? operands((o) => [o.input(x, inSize), o.output(cols, colSize)]) : null;
    if (!r) return im2colJs(x, g, cols);
    const [o, [xAt, cAt]] = r;
    const rows = g.batch * g.outH;
    const args = [xAt, cAt, ...convGeometry(g), 0, 0];
    runtime.runRange('im2col', args, 13, rows, chunkOf(rows), colSize >= splitElements);
    o.finish();
  };

  const col2im: CpuKernels['col2im'] = (cols, g, dx, accumulate = false) => {
    const dxSize = g.batch * g.inH * g.inW * g.inC;
    const colSize = g.batch * g.outH * g.outW * g.kh * g.kw * g.inC;
    const r = isF32(cols, dx) ? operands((o) => [o.input(cols, colSize), accumulate ? o.inout(dx, dxSize) : o.output(dx, dxSize)]) : null;
    if (!r) return col2imJs(cols, g, dx, accumulate);
    const [o, [cAt, dAt]] = r;
    if (!accumulate) zero(dAt, dxSize);
    const args = [cAt, dAt, ...convGeometry(g), 0, 0];
    runtime.runRange('col2im', args, 13, g.batch, chunkOf(g.batch), colSize >= splitElements);
    o.finish();
  };

  const adamUpdate: CpuKernels['adamUpdate'] = (p, g, m, v, lr, beta1, beta2, epsilon, t) => {
    const n = p.length;
    const r = isF32(p, g, m, v)
      ? operands((o) => [o.inout(p, n), o.input(g, n), o.inout(m, n), o.inout(v, n), o.temp(ADAM_CONSTANTS.length * 4)])
      : null;
    if (!r) return adamJs(p, g, m, v, lr, beta1, beta2, epsilon, t);
    const [o, [pAt, gAt, mAt, vAt, cAt]] = r;
    // The same folded step size as the twin, computed in float64 and rounded once.
    const lrT = adamStepSize(lr, beta1, beta2, t);
    new Float32Array(heap.memory.buffer, cAt, ADAM_CONSTANTS.length).set([lrT, beta1, 1 - beta1, beta2, 1 - beta2, epsilon]);
    runtime.runRange('adam', [pAt, gAt, mAt, vAt, cAt, 0, 0], 5, n, chunkOf(n, 4), n >= splitElements, true);
    o.finish();
  };

  // Tiles are independent (each output is written once), so any split gives the same bits.
  const convDirect: ConvDirectFn = (x, filter, bias, act, g, pool, out, winners) => {
    const k = g.kh * g.kw * g.inC;
    const [, gh, gw] = pool ? pooledShape(g) : [g.batch, g.outH, g.outW];
    const total = g.batch * gh * gw;
    const keep = pool && winners !== undefined;
    const r = isF32(x, filter, bias, out)
      ? operands((o) => [o.input(x, g.batch * g.inH * g.inW * g.inC), o.input(filter, k * g.outC), o.input(bias, g.outC),
        o.output(out, total * g.outC), keep ? o.output(winners, total * g.outC) : 0, o.temp(k * 4), o.temp(4), o.temp(16)])
      : null;
    if (!r) return convDirectJs(x, filter, bias, act, g, pool, out, winners);
    const [o, [xAt, wAt, bAt, oAt, winAt, offsAt, flagAt, headAt]] = r;
    patchOffsets(g, offsAt);
    // Zero patches may skip their products only when no product with the filter could be NaN.
    const skip = allFinite(runtime, undefined, wAt, k * g.outC, flagAt) ? 1 : 0;
    // A window's four patches lie in sh + kh rows of (sw + kw)·inC floats from its first patch's corner.
    const [regionRows, regionLen] = [g.strideH + g.kh, (g.strideW + g.kw) * g.inC];
    headMask(headAt, regionLen);
    const args = [xAt, wAt, bAt, oAt, winAt, headAt, regionRows, regionLen, offsAt, k, g.inH, g.inW, g.inC, g.outH, g.outW, g.strideH, g.strideW, g.outC,
      act === 'relu' ? 1 : 0, pool ? 1 : 0, skip, 0, 0];
    // Compute-bound: split from about 1M multiply-adds (2 MFLOP, as the GEMM).
    const madds = total * (pool ? 4 : 1) * g.outC * k;
    runtime.runRange('conv_direct', args, 21, total, chunkOf(total, pool ? 1 : DIRECT_PIXELS), madds >= 8 * splitElements);
    o.finish();
  };

  // dz's pooled rows are split (each element written once); dbias's channels are (each summed in the twin's order).
  const unpoolActivationBackprop: UnpoolActivationBackpropFn = (dPooled, pooled, winners, zShape, act, dz, dbias) => {
    const [batch, outH, outW, ch] = zShape;
    const [gh, gw] = [outH >> 1, outW >> 1];
    const [pooledSize, zSize] = [batch * gh * gw * ch, batch * outH * outW * ch];
    const r = isF32(dPooled, pooled, dz, dbias) && ch % 4 === 0
      ? operands((o) => [o.input(dPooled, pooledSize), o.input(pooled, pooledSize), o.input(winners, pooledSize), o.output(dz, zSize), o.output(dbias, ch)])
      : null;
    if (!r) return unpoolActivationBackpropJs(dPooled, pooled, winners, zShape, act, dz, dbias);
    const [o, [dpAt, pAt, wAt, dzAt, dbAt]] = r;
    const relu = act === 'relu' ? 1 : 0;
    const rows = batch * gh;
    runtime.runRange('unpool_act_back', [dpAt, pAt, wAt, dzAt, outH, outW, ch, relu, 0, 0], 8, rows, chunkOf(rows), zSize >= splitElements);
    zero(dbAt, ch);
    const vectors = ch / 4;
    runtime.runRange('unpool_bias_back', [dpAt, pAt, wAt, dbAt, rows, gw, ch, relu, 0, 0], 8, vectors, Math.ceil(vectors / runtime.threads), zSize >= splitElements);
    o.finish();
  };

  /**
   * The mask regionBits ands the first vector of a row of rowLen floats with (written at `at`): the vector ends at
   * the row's end, so its lanes before the row's start are off.
   */
  const headMask = (at: number, rowLen: number): void => {
    const lead = Math.ceil(rowLen / 4) * 4 - rowLen;
    new Int32Array(heap.memory.buffer, at, 4).set([0, 1, 2, 3].map((lane) => (lane < lead ? 0 : -1)));
  };

  /** Byte offsets of a patch's elements from its corner cell, in the filter's [kh, kw, inC] order, written at `at`. */
  const patchOffsets = (g: Conv2dGeometry, at: number): void => {
    const offs = new Int32Array(heap.memory.buffer, at, g.kh * g.kw * g.inC);
    for (let ky = 0, p = 0; ky < g.kh; ky++) for (let kx = 0; kx < g.kw; kx++) for (let ci = 0; ci < g.inC; ci++) offs[p++] = ((ky * g.inW + kx) * g.inC + ci) * 4;
  };

  // Tiles of the gradient are independent and each sums its pixels in one fixed order: any split, same bits.
  const convFilterDirect: ConvFilterDirectFn = (x, dy, g, dw, dyFinite = false) => {
    const k = g.kh * g.kw * g.inC;
    const pixels = g.batch * g.outH * g.outW;
    const blocks = Math.ceil(pixels / FILTER_BLOCK);
    const r = isF32(x, dy, dw)
      ? operands((o) => [o.input(x, g.batch * g.inH * g.inW * g.inC), o.input(dy, pixels * g.outC), o.output(dw, k * g.outC), o.temp(k * 4),
        ...(dyFinite ? [o.temp(pixels * 8), o.temp((blocks + 1) * 4), o.temp(16)] : [0, 0, 0])])
      : null;
    if (!r) return convFilterDirectJs(x, dy, g, dw);
    const [o, [xAt, dyAt, dwAt, offsAt, listAt, startsAt, headAt]] = r;
    patchOffsets(g, offsAt);
    const geometry = [g.inH, g.inW, g.inC, g.outH, g.outW, g.strideH, g.strideW, g.outC, FILTER_BLOCK, pixels];
    if (dyFinite) {
      // With dy finite, pixels whose patch is all zeros (MNIST's background) add only ±0: list the others.
      const rowLen = g.kw * g.inC;
      headMask(headAt, rowLen);
      runtime.fn('live_pixels')(xAt, headAt, g.kh, rowLen, ...geometry, listAt, startsAt);
    }
    const tiling = filterTiling(k);
    const tiles = Math.ceil(k / tiling.rows) * Math.ceil(g.outC / DIRECT_CHANNELS);
    const args = [xAt, offsAt, k, ...geometry, dyAt, dwAt, listAt, startsAt, 0, 0];
    // A few tiles per chunk: within a call each block of dy is read from L1 by all its tiles.
    runtime.runRange(tiling.fn, args, 17, tiles, Math.ceil(tiles / (2 * runtime.threads)), pixels * g.outC * k >= 8 * splitElements);
    o.finish();
  };

  // Channels are split (each summed in one order by one thread): any split, the same bits.
  const convFilterFromWinners: ConvFilterFromWinnersFn = (x, dPooled, pooled, winners, g, act, dw, dbias) => {
    const [, gh, gw] = pooledShape(g);
    const xSize = g.batch * g.inH * g.inW * g.inC;
    const [pooledSize, k] = [g.batch * gh * gw * g.outC, g.kh * g.kw * g.inC];
    const rowLen = g.kw * g.inC;
    const sumBytes = g.outC * g.kh * Math.ceil(rowLen / 4) * 16;
    const r = isF32(x, dPooled, pooled, dw, dbias)
      ? operands((o) => [o.input(x, xSize), o.input(dPooled, pooledSize), o.input(pooled, pooledSize), o.input(winners, pooledSize), o.output(dbias, g.outC),
        o.temp(sumBytes), o.temp(sumBytes), o.temp(g.outC * 4), o.temp(g.outC * (gw * 16 + 16)), compactionTableIn(o, runtime), o.temp(4)])
      : null;
    if (!r) return false;
    const [o, [xAt, dpAt, pAt, wAt, dbAt, sAt, totalAt, curAt, listAt, tableAt, flagAt]] = r;
    // Only the cells that are not ±0 are visited: the others' products are ±0 only when x is finite.
    if (!allFinite(runtime, undefined, xAt, xSize, flagAt)) {
      o.abandon();
      return false;
    }
    for (const [at, bytes] of [[sAt, sumBytes], [totalAt, sumBytes], [curAt, g.outC * 4], [dbAt, g.outC * 4]]) runtime.fn('fill_zero')(at, bytes);
    const args = [xAt, dpAt, pAt, wAt, act === 'relu' ? 1 : 0, g.inH, g.inW, g.inC, g.outH, g.outW, g.strideH, g.strideW, g.outC, g.kh, rowLen, g.batch * gh,
      sAt, totalAt, curAt, dbAt, listAt, tableAt, 0, 0];
    // Whole vectors of 4 channels per chunk (outC is a multiple of 8).
    runtime.runRange('filter_from_winners', args, 22, g.outC, Math.ceil(g.outC / runtime.threads / 4) * 4, pooledSize * k >= 8 * splitElements);
    // Each patch row's floats are the last rowLen of its vectors.
    const total = new Float32Array(heap.memory.buffer, totalAt, sumBytes / 4);
    const rowFloats = 4 * Math.ceil(rowLen / 4);
    for (let oc = 0; oc < g.outC; oc++) {
      for (let ky = 0; ky < g.kh; ky++) {
        const from = (oc * g.kh + ky) * rowFloats + rowFloats - rowLen;
        for (let e = 0; e < rowLen; e++) dw[(ky * rowLen + e) * g.outC + oc] = total[from + e];
      }
    }
    o.finish();
    return true;
  };

  // Columns are split, each entry summed by one thread in one order: any split, the same bits. B's rows are a
  // layer's weights (a dense layer's input gradient), so the split is pinned, as the Adam step's over them.
  const gemmMasked: CpuKernels['gemmMasked'] = (a, b, mask, c, m, n, k) => {
    const r = isF32(a, b, mask, c) ? operands((o) => [o.input(a, m * k), o.input(b, n * k), o.input(mask, m * n), o.output(c, m * n), o.temp(4)]) : null;
    if (!r) return gemmMaskedJs(a, b, mask, c, m, n, k);
    const [o, [aAt, bAt, maskAt, cAt, countAt]] = r;
    runtime.fn('count_nonzero')(maskAt, m * n, countAt);
    if (!maskTaken(new Int32Array(heap.memory.buffer, countAt, 1)[0], m * n)) {
      o.abandon();
      return false;
    }
    runtime.runRange('gemm_masked', [aAt, bAt, maskAt, cAt, m, n, k, 0, 0], 7, n, chunkOf(n, 4), m * n * k >= 8 * splitElements, true);
    o.finish();
    return true;
  };

  const memory: ResidentMemory | undefined = heap.resident
    ? {
        alloc: (length, zeroed) => zeroedIf(heap.allocF32(length), zeroed),
        allocInt32: (length, zeroed) => zeroedIf(heap.allocI32(length), zeroed),
        allocBytes: (length) => heap.allocU8(length),
        attach: (owner, companion) => heap.attach(owner, companion),
        isResident: (values) => heap.isResident(values),
        retain: (values) => heap.retain(values),
        release: (values) => heap.release(values),
        inUse: () => ({ blocks: heap.allocator.blocksInUse, bytes: heap.allocator.bytesInUse }),
      }
    : undefined;

  const allFiniteSimd: CpuKernels['allFinite'] = (x) => {
    const r = isF32(x) ? operands((o) => [o.input(x, x.length), o.temp(4)]) : null;
    if (!r) return allFiniteJs(x);
    const [o, [xAt, flagAt]] = r;
    const finite = allFinite(runtime, undefined, xAt, x.length, flagAt);
    o.finish();
    return finite;
  };

  const helpers = { operands, chunkOf, splitElements };
  return { ...gemms, ...simdElementwiseOn(runtime, helpers), ...simdRowsOn(runtime, helpers), ...simdDepthwiseOn(runtime, helpers), allFinite: allFiniteSimd, biasActivation, biasActivationBackprop, channelAffine, maxPool, maxPoolBackprop, avgPool, avgPoolBackprop, im2col, col2im, adamUpdate, convDirect, convFilterDirect, unpoolActivationBackprop, convFilterFromWinners, gemmMasked, copyStrided: wasmCopyStridedOn(runtime, chunkOf, splitElements), memory };
}

/** The elements of a pool's input and output. */
function poolSizes(g: Pool2dGeometry): [number, number] {
  return [g.batch * g.inH * g.inW * g.channels, g.batch * g.outH * g.outW * g.channels];
}

function poolGeometry(g: Pool2dGeometry): number[] {
  return [g.inH, g.inW, g.channels, g.outH, g.outW, g.fh, g.fw, g.strideH, g.strideW, g.padTop, g.padLeft];
}

function convGeometry(g: Conv2dGeometry): number[] {
  return [g.inH, g.inW, g.inC, g.outH, g.outW, g.kh, g.kw, g.strideH, g.strideW, g.padTop, g.padLeft];
}
