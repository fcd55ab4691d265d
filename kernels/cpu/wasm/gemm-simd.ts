import type { Activation } from '../../shared/op-names';
import { biasActivation as biasActivationJs } from '../bias-activation';
export type { GemmBiasActivationFn };
import { gemm as gemmJs, type GemmBiasActivationFn, type GemmFn } from '../gemm';
import { gemmTinyFloat32 } from '../gemm-tiny';
import { batchMatMul, type BatchGemmFn } from '../batch-matmul';
import { zeroShare } from '../zero-share';
import type { FloatArray } from '../../shared/types';
import { rowsProduct, rowTiles } from './gemm-rows';
import { ROW_TILE } from './gemm-rows-module';
import { allFinite, chunkOf, PARALLEL_PACK_MIN } from './thread-split';
import { kernelIndex } from './kernel-module';
import { CallOperands } from './operands';
import { alignUp, WasmRuntime } from './runtime';
import type { WasmThreadPool } from './thread-pool';

/** Tuning knobs. Defaults measured on a 2-core AVX2 EPYC: 4×8 beat 4×16, 6×8 and 8×8; kc and mcPanels were within noise. */
export interface SimdGemmOptions {
  /** Register tile rows (default 4). */
  mr?: number;
  /** Register tile columns, a multiple of 4 (default 8). */
  nr?: number;
  /** k-block length: a kc×nr strip of packed B should sit in L1 (default 256). */
  kc?: number;
  /** A panels per block: an (mcPanels·mr)×kc block of packed A should sit in L2 (default 32). */
  mcPanels?: number;
  /** Use relaxed-SIMD fused multiply-add (default false; needs an engine flag in Node 20). */
  fma?: boolean;
  /** Products of up to this many multiply-adds run in a plain loop with the same bits (default TINY_PRODUCT). */
  tinyProduct?: number;
  /** Split a GEMM across threads only from this many flops (2·m·n·k) up (default SPLIT_FLOPS). */
  splitFlops?: number;
  /** Threads to use, main included (default: available cores, at most 4; 1 where threads are unavailable). */
  threads?: number;
  /** Skip zeros of A from this many flops up (default SPARSE_MIN_FLOPS; Infinity: never). Same bits either way. */
  sparseMinFlops?: number;
  /**
   * Take the row-sparse path (each row of op(A) listed as its nonzero elements) from this share of zeros in A up
   * when n is a multiple of its tile width, from proportionally more when its last tile computes unused columns
   * (default ROW_SPARSE_MIN_SHARE; -Infinity: always, Infinity: never). Same bits either way.
   */
  rowSparseMinShare?: number;
}

/** A SIMD GEMM instance: its own module, memory and (lazily started) worker threads. */
export interface SimdGemm {
  /** C = op(A)·op(B) (or +=): WebAssembly SIMD for Float32Array operands, the JS gemm otherwise. */
  readonly gemm: GemmFn;
  /** C = act(op(A)·op(B) + bias), the bias and activation applied to each tile of C while it is in L1. */
  readonly gemmBiasActivation: GemmBiasActivationFn;
  /** A batch of products; tiny float32 ones in one plain loop with the same bits. */
  readonly batchGemm: BatchGemmFn;
  /** Threads used for large GEMMs (main thread included). */
  readonly threads: number;
  /** Sets the thread count, starting or stopping workers; resolves once the workers are ready to take work. */
  setThreads(n: number): Promise<void>;
  /** Stops the worker threads and sets threads to 1: later GEMMs run on the calling thread until setThreads(). */
  terminate(): void;
}

/**
 * Smallest product (2·m·n·k flops) split across threads. Measured here (bench/gemm.ts and a 1-vs-2-thread
 * sweep): below ~2 MFLOP (≈ 100 µs on one thread) waking a worker and the extra copies cost about what they save.
 */
export const SPLIT_FLOPS = 2_000_000;
/**
 * Largest product (m·n·k multiply-adds) done by gemmTinyFloat32's plain loop rather than a call into the module:
 * measured here, a call costs 1 – 3 µs whatever its size, the loop ~5 ns per multiply-add.
 */
export const TINY_PRODUCT = 256;
const [PACK_A, PACK_B, COMPUTE, INDEX_A] = (['pack_a', 'pack_b', 'compute', 'index_a'] as const).map(kernelIndex);
/**
 * Products from this many flops up list the all-zero rows of each packed A panel (index_a) so that the
 * micro-kernel can skip them (ReLU outputs make whole rows of zeros common): below it the listing costs more
 * than it can save.
 */
export const SPARSE_MIN_FLOPS = 1 << 18;
// Skipping pays once at least this share of A's panel rows is all zero (index_a tiles decide again per k block).
const SPARSE_MIN_SHARE = 1 / 8;
/**
 * Share of zeros in A (as sampled by zeroShare) from which the row-sparse path runs instead of the 4×8 micro-kernel
 * with its skip of all-zero panel rows: measured on the seed model's dense layer (bench/dense-gemm.ts).
 */
export const ROW_SPARSE_MIN_SHARE = 0.35;

/**
 * After A is packed and listed in full (index_a's lists at idx, rp panels of `stride` words, each panel's count
 * of listed rows at word nb): the lists to use when enough of A's panel rows are zero and B (k×n floats at bRaw)
 * is all finite, so that skipping them cannot hide a NaN; else 0. A function of its own, not a closure made per
 * product (esbuild's keepNames, under tsx, would name each one).
 */
function listsIfWorth(runtime: WasmRuntime, p: WasmThreadPool | undefined, idx: number, rp: number, stride: number, nb: number, k: number, bRaw: number, n: number, finiteAt: number): number {
  const lists = new Int32Array(runtime.heap.memory.buffer, idx, rp * stride);
  let nonzero = 0;
  for (let ip = 0; ip < rp; ip++) nonzero += lists[ip * stride + nb];
  return nonzero <= rp * k * (1 - SPARSE_MIN_SHARE) && allFinite(runtime, p, bRaw, k * n, finiteAt) ? idx : 0;
}

/** Builds a SIMD GEMM with its own runtime (module, memory, threads). Throws if this engine lacks WebAssembly SIMD. */
export function createSimdGemm(options: SimdGemmOptions = {}): SimdGemm {
  const runtime = new WasmRuntime({ mr: options.mr ?? 4, nr: options.nr ?? 8, fma: options.fma ?? false }, options.threads);
  return {
    ...simdGemmsOn(runtime, options),
    get threads() { return runtime.threads; },
    setThreads: (n: number) => runtime.setThreads(n),
    terminate: () => runtime.terminate(),
  };
}

/** The GEMM over a runtime's module and memory; options.mr and nr must be those the runtime was built with. */
export function simdGemmOn(runtime: WasmRuntime, options: SimdGemmOptions = {}): GemmFn {
  return simdGemmsOn(runtime, options).gemm;
}

/**
 * The GEMM and its fused twin over a runtime's module and memory. The fused one finishes each tile of C with
 * bias + activation while it is still in L1, with the f32 operations of biasActivation: the same bits as the
 * GEMM followed by biasActivation, without a second pass over C.
 */
export function simdGemmsOn(runtime: WasmRuntime, options: SimdGemmOptions = {}): { gemm: GemmFn; gemmBiasActivation: GemmBiasActivationFn; batchGemm: BatchGemmFn } {
  const MR = options.mr ?? 4;
  const NR = options.nr ?? 8;
  const KC = options.kc ?? 256;
  const MCP = options.mcPanels ?? 32;
  const splitFlops = options.splitFlops ?? SPLIT_FLOPS;
  const sparseMinFlops = options.sparseMinFlops ?? SPARSE_MIN_FLOPS;
  const rowSparseMinShare = options.rowSparseMinShare ?? ROW_SPARSE_MIN_SHARE;
  const { heap, fns } = runtime;
  // The loop's bits are the micro-kernel's only with separate multiplies and adds, within one k-block.
  const tinyProduct = options.tinyProduct ?? TINY_PRODUCT;
  const tinyFits = (m: number, n: number, k: number): boolean => !options.fma && k <= KC && m * n * k <= tinyProduct;
  const scratchBytes = alignUp(MR * NR * 4);

  /** The twins' way: the JS gemm, then (when fused) biasActivation in place. */
  const fallback = (a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, k: number, transA: boolean, transB: boolean,
    accumulate: boolean, bias: FloatArray | null, act: Activation): void => {
    gemmJs(a, b, c, m, n, k, transA, transB, accumulate);
    if (bias) biasActivationJs(c, bias, m, n, act, c);
  };

  const run = (a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, k: number, transA: boolean, transB: boolean,
    accumulate: boolean, bias: FloatArray | null, act: Activation): void => {
    if (!(a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array) || (bias && !(bias instanceof Float32Array))) {
      fallback(a, b, c, m, n, k, transA, transB, accumulate, bias, act);
      return;
    }
    if (m === 0 || n === 0) return;
    if (k === 0) {
      fallback(a, b, c, m, n, k, transA, transB, accumulate, bias, act);
      return;
    }
    if (tinyFits(m, n, k)) {
      gemmTinyFloat32(a, b, c, m, n, k, transA, transB, accumulate);
      if (bias) biasActivationJs(c, bias as Float32Array, m, n, act, c);
      return;
    }
    const rp = Math.ceil(m / MR);
    const cp = Math.ceil(n / NR);
    const threads = runtime.threads;
    // A, B and C in place when resident (else copied in or out); the packed panels and per-thread scratch are temporaries.
    const o = new CallOperands(heap);
    const aRaw = o.input(a, m * k);
    const bRaw = o.input(b, k * n);
    const cOff = accumulate ? o.inout(c, m * n) : o.output(c, m * n);
    const biasAt = bias ? o.input(bias, n) : 0;
    if (aRaw < 0 || bRaw < 0 || cOff < 0 || biasAt < 0) {
      o.abandon();
      fallback(a, b, c, m, n, k, transA, transB, accumulate, bias, act);
      return;
    }
    const actCode = bias ? (act === 'relu' ? 2 : 1) : 0;
    const shape = `${m}x${n}x${k}${transA ? 't' : 'n'}${transB ? 't' : 'n'}`;
    const worthSplitting = 2 * m * n * k >= splitFlops;
    // Sampled once: decides between the row-sparse path, the micro-kernel with its skip, and the plain micro-kernel.
    const zeros = 2 * m * n * k >= sparseMinFlops ? zeroShare(a, m * k) : 0;
    // The row-sparse path computes whole tiles, the micro-kernel whole NR-wide panels: the share of nonzeros at
    // which the row path pays shrinks with the columns it computes in vain.
    const used = (Math.ceil(n / NR) * NR) / (rowTiles(n) * ROW_TILE);
    if (zeros >= 1 - (1 - rowSparseMinShare) * used) {
      let done = false;
      const x = { aRaw, bRaw, cOff, biasAt, m, n, k, transA, transB, accumulate, act: actCode };
      runtime.choosing(`rows:${shape}`, worthSplitting && Math.max(m, rowTiles(n)) > 1, (p) => { done = rowsProduct(runtime, KC, o, x, p); }, true);
      if (done) {
        o.finish();
        return;
      }
    }
    // Row-major B with whole panels is read in place by the micro-kernel: no packing (same products, same order).
    const bDirect = !transB && n % NR === 0;
    const aPack = o.temp(rp * MR * k * 4);
    const bPack = bDirect ? bRaw : o.temp(cp * NR * k * 4);
    const scratch = o.temp(threads * scratchBytes);
    const nb = Math.ceil(k / KC);
    const stride = nb + 1 + k;
    // index_a's lists, then one i32 for all_finite's answer, and the compacted A panels; none when the memory had
    // no room for them (dense only).
    const sparse = zeros >= SPARSE_MIN_SHARE;
    const listed = sparse ? o.temp(rp * stride * 4 + 4) : 0;
    const aSparse = sparse && listed > 0 ? o.temp(rp * MR * k * 4) : 0;
    if (aPack < 0 || bPack < 0 || scratch < 0) {
      o.abandon();
      fallback(a, b, c, m, n, k, transA, transB, accumulate, bias, act);
      return;
    }
    const idx = aSparse > 0 ? listed : 0;
    const finiteAt = idx + rp * stride * 4;

    // Argument lists; ranges (and the scratch pointer) are filled in per chunk and per thread.
    const packAArgs = [aRaw, aPack, m, k, transA ? 4 : k * 4, transA ? m * 4 : 4, 0, rp];
    const packBArgs = [bRaw, bPack, n, k, transB ? k * 4 : 4, transB ? 4 : n * 4, 0, cp];
    const bStep = bDirect ? n * 4 : NR * 4;
    const indexArgs = [aPack, k, KC, 0, rp, idx, aSparse, bStep];
    const computeArgs = [aPack, bPack, cOff, n * 4, m, n, k, accumulate ? 1 : 0, 0, rp, 0, cp, KC, MCP, scratch,
      bDirect ? NR * 4 : k * NR * 4, bStep, biasAt, actCode, 0, aSparse];
    const LISTS = 19;

    runtime.choosing(`gemm:${shape}`, worthSplitting && Math.max(rp, cp) > 1, (p) => {
      if (!p) {
        fns[PACK_A](...packAArgs);
        if (idx) {
          fns[INDEX_A](...indexArgs);
          computeArgs[LISTS] = listsIfWorth(runtime, undefined, idx, rp, stride, nb, k, bRaw, n, finiteAt);
        }
        if (!bDirect) fns[PACK_B](...packBArgs);
        fns[COMPUTE](...computeArgs);
        return;
      }
      // Split the dimension with more panels; each chunk packs its own panels of that operand, then computes
      // them. The other operand is packed up front: by this thread if small, else in chunks by all threads.
      const splitM = rp >= cp;
      const split = splitM ? rp : cp;
      const other = splitM ? cp : rp;
      const packOther = { fn: splitM ? PACK_B : PACK_A, args: splitM ? packBArgs : packAArgs, rangeArg: 6, threadArg: -1 };
      // B read in place has nothing to pack up front.
      if (!(splitM && bDirect)) {
        if (other * (splitM ? NR : MR) * k < PARALLEL_PACK_MIN) fns[packOther.fn](...packOther.args);
        else p.run({ calls: [packOther], total: other, chunk: chunkOf(other, threads), threadStride: 0 }, fns);
      }
      // A packed up front is listed here, and its lists kept only if worth it; A packed in chunks is listed
      // by each chunk (B is then checked first: the lists cannot be counted before they are made).
      if (idx && !splitM) {
        fns[INDEX_A](...indexArgs);
        computeArgs[LISTS] = listsIfWorth(runtime, p, idx, rp, stride, nb, k, bRaw, n, finiteAt);
      }
      // Zero rows of A may be skipped only where B is all finite (0·Inf would be NaN).
      if (idx && splitM) computeArgs[LISTS] = allFinite(runtime, p, bRaw, k * n, finiteAt) ? idx : 0;
      const packOwn = { fn: splitM ? PACK_A : PACK_B, args: splitM ? packAArgs : packBArgs, rangeArg: 6, threadArg: -1 };
      const indexOwn = { fn: INDEX_A, args: indexArgs, rangeArg: 3, threadArg: -1 };
      const compute = { fn: COMPUTE, args: computeArgs, rangeArg: splitM ? 8 : 10, threadArg: 14 };
      const ownIsDirectB = !splitM && bDirect;
      const calls = ownIsDirectB ? [compute] : splitM && computeArgs[LISTS] ? [packOwn, indexOwn, compute] : [packOwn, compute];
      p.run({ calls, total: split, chunk: chunkOf(split, threads), threadStride: scratchBytes }, fns);
    });
    o.finish();
  };
  const gemm: GemmFn = (a, b, c, m, n, k, transA, transB, accumulate) => run(a, b, c, m, n, k, transA, transB, accumulate, null, 'linear');
  // A batch of tiny products in one loop over the operands in place: a view of each matrix per product cost more
  // than its product.
  const batchGemm: BatchGemmFn = (a, b, out, batch, aBatch, bBatch, m, n, k, transA, transB) => {
    if (!(a instanceof Float32Array && b instanceof Float32Array && out instanceof Float32Array) || k === 0 || !tinyFits(m, n, k)) {
      batchMatMul(gemm, a, b, out, batch, aBatch, bBatch, m, n, k, transA, transB);
      return;
    }
    const [aStep, bStep] = [aBatch === 1 ? 0 : m * k, bBatch === 1 ? 0 : k * n];
    for (let i = 0; i < batch; i++) gemmTinyFloat32(a, b, out, m, n, k, transA, transB, false, i * aStep, i * bStep, i * m * n);
  };
  return {
    gemm,
    gemmBiasActivation: (a, b, c, m, n, k, transA, transB, bias, act) => run(a, b, c, m, n, k, transA, transB, false, bias, act),
    batchGemm,
  };
}

