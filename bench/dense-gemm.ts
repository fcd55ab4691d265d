// dense1's three products with real operands (bench/dense-operands.ts), timed round-robin:
//   npx tsx bench/dense-gemm.ts [--base <dir of another checkout>] [--rows-dense] [--threads 1] [--fit 300] [--samples 9]
// Each GEMM is this checkout's SIMD GEMM as the library runs it, with --rows-dense the same with the row-sparse path
// off, and, with --base, the other checkout's; last, dZ·Wᵀ only where A is nonzero, as the training step computes
// dense1's input gradient (this checkout's gemmMasked, which takes masks at most half nonzero; else, and for the
// base, the whole product) (a third side shifts the timings of the others a little: compare two); prints ms per call (median; on one thread by this process's CPU time, since on a
// shared machine wall time mostly measures the other processes; on more by wall time, since waiting threads spin),
// ratios to the first, and whether all gave the same bits.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as simd from '../kernels/cpu/wasm/gemm-simd';
import * as rt from '../kernels/cpu/wasm/runtime';
import { simdKernelsOn } from '../kernels/cpu/wasm/simd-ops';
import type { GemmMaskedFn } from '../kernels/cpu/gemm-masked';
import { denseOperands, zeroFraction } from './dense-operands';
import { cpuMs, interleavedMedianSeconds } from './gemm-timing';

const { values: opts } = parseArgs({ options: {
  base: { type: 'string' }, threads: { type: 'string', default: '1' }, fit: { type: 'string', default: '300' },
  samples: { type: 'string', default: '9' }, batch: { type: 'string', default: '32' }, 'rows-dense': { type: 'boolean', default: false },
} });
const threads = Number(opts.threads);
interface Lib { simd: typeof simd; rt: typeof rt }
type Side = ReturnType<typeof simd.simdGemmsOn> & {
  terminate(): void; a: Float32Array; w: Float32Array; dz: Float32Array; bias: Float32Array; out(x: Float32Array): Float32Array; masked?: GemmMaskedFn;
};

async function main(): Promise<void> {
  const d = await denseOperands(Number(opts.fit), Number(opts.batch));
  const { a, w, dz, batch: m, features: f, units: u } = d;
  console.log(`operands after ${opts.fit} batches: A ${m}×${f} ${(100 * zeroFraction(a)).toFixed(1)}% zeros, ` +
    `dZ ${m}×${u} ${(100 * zeroFraction(dz)).toFixed(1)}% zeros; ${threads} thread(s)`);
  // The products of a training step (the forward as the fused bias + relu, as the dense layer runs it).
  const bias = new Float32Array(u).map((_, j) => 0.01 * (j % 7) - 0.02);
  const products = [
    { name: `A·W + b, relu   ${m}×${u}×${f}`, out: m * u, run: (g: Side, c: Float32Array) => g.gemmBiasActivation(g.a, g.w, c, m, u, f, false, false, g.bias, 'relu') },
    { name: `dZ·Wᵀ           ${m}×${f}×${u}`, out: m * f, run: (g: Side, c: Float32Array) => g.gemm(g.dz, g.w, c, m, f, u, false, true, false) },
    { name: `Aᵀ·dZ           ${f}×${u}×${m}`, out: f * u, run: (g: Side, c: Float32Array) => g.gemm(g.a, g.dz, c, f, u, m, true, false, false) },
    { name: `dZ·Wᵀ where A≠0 ${m}×${f}×${u}`, out: m * f, run: (g: Side, c: Float32Array) => g.masked?.(g.dz, g.w, g.a, c, m, f, u) || g.gemm(g.dz, g.w, c, m, f, u, false, true, false) },
  ];

  // Each side its own runtime (module, memory, threads), as the library makes it, and its own copies of the
  // operands held in that memory, as the library holds tensors (so that no call copies them in).
  const make = async (lib: Lib, o: simd.SimdGemmOptions): Promise<Side> => {
    const runtime = new lib.rt.WasmRuntime({ mr: 4, nr: 8, fma: false }, threads);
    await runtime.setThreads(threads);
    const resident = (x: Float32Array): Float32Array => {
      const r = runtime.heap.allocF32(x.length);
      if (!r) throw new Error('bench/dense-gemm: no room for the operands');
      r.set(x);
      return r;
    };
    const gemms = lib.simd.simdGemmsOn(runtime, o);
    const masked = lib.simd === simd ? simdKernelsOn(runtime as rt.WasmRuntime, gemms).gemmMasked : undefined;
    return { ...gemms, masked, terminate: () => runtime.terminate(), a: resident(a), w: resident(w), dz: resident(dz), bias: resident(bias), out: resident };
  };
  const sides: { name: string; g: Side }[] = [{ name: 'this', g: await make({ simd, rt }, {}) }];
  if (opts['rows-dense']) sides.push({ name: 'this, rows dense', g: await make({ simd, rt }, { rowSparseMinShare: Infinity }) });
  if (opts.base) {
    const base: Lib = {
      simd: (await import(resolve(opts.base, 'kernels/cpu/wasm/gemm-simd.ts'))) as typeof simd,
      rt: (await import(resolve(opts.base, 'kernels/cpu/wasm/runtime.ts'))) as typeof rt,
    };
    sides.push({ name: 'base', g: await make(base, {}) });
  }
  for (const p of products) {
    const outs = sides.map((s) => s.g.out(new Float32Array(p.out)));
    const ms = interleavedMedianSeconds(sides.map((s, i) => () => p.run(s.g, outs[i])), Number(opts.samples), 0.05, threads === 1 ? cpuMs : undefined).map((x) => x * 1000);
    const same = outs.every((o) => Buffer.compare(Buffer.from(o.buffer, o.byteOffset, o.byteLength), Buffer.from(outs[0].buffer, outs[0].byteOffset, outs[0].byteLength)) === 0);
    console.log(`${p.name}  ${sides.map((s, i) => `${s.name} ${ms[i].toFixed(3)} ms${i ? ` (${(ms[i] / ms[0]).toFixed(2)}x)` : ''}`).join('  ')}  same bits: ${same}`);
  }
  for (const s of sides) s.g.terminate();
  process.exit(0);
}

void main();
