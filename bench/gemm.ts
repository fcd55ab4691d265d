// GEMM throughput: tessera's JS gemm and WebAssembly SIMD gemm (1 and 2 threads) against TensorFlow.js
// tf.matMul on its cpu and wasm backends, on the seed model's shapes and two squares, in one run.
// Run alone: npx tsx bench/gemm.ts (bench/index.ts prints the same table for the model's shapes).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { gemm } from '../kernels/cpu/gemm';
import { createSimdGemm } from '../kernels/cpu/wasm/gemm-simd';
import { interleavedMedianSeconds, randomFloat32 } from './gemm-timing';

interface Shape { name: string; m: number; n: number; k: number; transA: boolean; transB: boolean }

/** The seed model's products, then two squares (printed by `npx tsx bench/gemm.ts` only). */
export const MODEL_SHAPES = 6;
const shapes: Shape[] = [
  { name: 'conv fwd (im2col)', m: 21632, n: 32, k: 9, transA: false, transB: false },
  { name: 'conv filter grad', m: 9, n: 32, k: 21632, transA: true, transB: false },
  { name: 'dense1 fwd', m: 32, n: 128, k: 5408, transA: false, transB: false },
  { name: 'dense1 weight grad', m: 5408, n: 128, k: 32, transA: true, transB: false },
  { name: 'dense1 input grad', m: 32, n: 5408, k: 128, transA: false, transB: true },
  { name: 'dense2 fwd', m: 32, n: 10, k: 128, transA: false, transB: false },
  { name: '256^3', m: 256, n: 256, k: 256, transA: false, transB: false },
  { name: '512^3', m: 512, n: 512, k: 512, transA: false, transB: false },
];

/** One tf.matMul on the active backend, read back as our gemm writes into C; the tensors live on that backend. */
function tfMatMul(s: Shape, a: Float32Array, b: Float32Array): { run: () => void; dispose: () => void } {
  const ta = tf.tensor2d(a, s.transA ? [s.k, s.m] : [s.m, s.k]);
  const tb = tf.tensor2d(b, s.transB ? [s.n, s.k] : [s.k, s.n]);
  return {
    run: () => {
      const c = tf.matMul(ta, tb, s.transA, s.transB);
      c.dataSync();
      c.dispose();
    },
    dispose: () => { ta.dispose(); tb.dispose(); },
  };
}

/** Times every shape (the first `count`), returning the table's lines: a title, a header, one row per shape. */
export async function gemmTable(count = shapes.length): Promise<string[]> {
  const one = createSimdGemm({ threads: 1 });
  const two = createSimdGemm({ threads: 2 });
  await two.setThreads(2);
  await tf.setBackend('wasm');
  await tf.ready();
  const wasmInfo = `simd ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}, threads ${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')}`;

  const rows: string[][] = [];
  for (const [i, s] of shapes.slice(0, count).entries()) {
    const a = randomFloat32(s.m * s.k, 2 * i + 1);
    const b = randomFloat32(s.k * s.n, 2 * i + 2);
    const c = new Float32Array(s.m * s.n);
    const gflops = (seconds: number): number => (2 * s.m * s.n * s.k) / seconds / 1e9;
    const ours = (g: typeof gemm) => (): void => g(a, b, c, s.m, s.n, s.k, s.transA, s.transB, false);

    // tfjs cpu is far slower than the rest and timed on its own; the others are timed round-robin.
    await tf.setBackend('cpu');
    const onCpu = tfMatMul(s, a, b);
    const [tfCpu] = interleavedMedianSeconds([onCpu.run], 5).map(gflops);
    onCpu.dispose();
    await tf.setBackend('wasm');
    const onWasm = tfMatMul(s, a, b);
    const [js, simd1, simd2, tfWasm] = interleavedMedianSeconds([ours(gemm), ours(one.gemm), ours(two.gemm), onWasm.run]).map(gflops);
    onWasm.dispose();

    const t = (x: string): string => (s.transA || s.transB ? `${x} (${s.transA ? 'Aᵀ' : ''}${s.transB ? 'Bᵀ' : ''})` : x);
    rows.push([t(s.name), `${s.m}×${s.n}×${s.k}`, ...[js, simd1, simd2, tfCpu, tfWasm].map((x) => x.toFixed(2)),
      (simd1 / tfWasm).toFixed(2), (Math.max(simd1, simd2) / tfWasm).toFixed(2)]);
  }
  two.terminate();

  const header = ['shape', 'm×n×k', 'JS', 'SIMD 1T', 'SIMD 2T', 'tfjs cpu', 'tfjs wasm', '1T/wasm', 'best/wasm'];
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]): string => r.map((x, j) => (j < 2 ? x.padEnd(widths[j]) : x.padStart(widths[j]))).join('  ');
  return [
    `GEMM GFLOP/s, median of 9 round-robin samples after warm-up (tfjs ${tf.version.tfjs}; wasm backend: ${wasmInfo})`,
    line(header),
    ...rows.map(line),
  ];
}

if (process.argv[1]?.endsWith('gemm.ts')) for (const l of await gemmTable()) console.log(l);
