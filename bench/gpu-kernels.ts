// Time per gpu kernel at the seed model's shapes, each against tessera's cpu backend in the same
// run. GL calls return before the GPU finishes, so every timing includes reading the result back
// (the read is where GL waits). First calls compile and are timed apart.
// Run: xvfb-run -a npx tsx bench/gpu-kernels.ts [--batch 32]
import type { Backend } from '../src/backend/backend';
import { createCpuBackend, type CpuBackend } from '../src/backend/cpu/cpu-backend';
import { createGpuBackend, loadGpuJs, type GpuBackend } from '../src/backend/gpu/index';
import { Tensor } from '../src/tensor/tensor';
import { uniformTensor } from '../test/gpu/random-data';
import { markdownTable, option } from './gpu-bench-cli';
import { median } from './median';

function medianMs(f: () => void, reps = 5): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

const batch = Number(option('batch', '32'));
const x = uniformTensor([batch, 28, 28, 1], 1), k1 = uniformTensor([3, 3, 1, 32], 2);
const a1 = uniformTensor([batch, 26, 26, 32], 3), pooled = uniformTensor([batch, 13, 13, 32], 4);
const flat = uniformTensor([batch, 5408], 5), w2 = uniformTensor([5408, 128], 6), h = uniformTensor([batch, 128], 7);
const w3 = uniformTensor([128, 10], 8), dLogits = uniformTensor([batch, 10], 9), bias = uniformTensor([32], 10);
const labels = new Tensor([batch], 'float32', Float32Array.from({ length: batch }, (_, i) => i % 10));

const cases: [string, (b: Backend<Tensor>) => Tensor][] = [
  ['conv2d 28x28x1 -> 26x26x32', (b) => b.conv2d(x, k1, [1, 1], 'valid')],
  ['bias + relu [b,26,26,32]', (b) => b.biasActivation(a1, bias, 'relu')],
  ['maxPool 2x2', (b) => b.maxPool(a1, [2, 2], [2, 2], 'valid')],
  ['dense1 fwd b x 5408 x 128', (b) => b.matMul(flat, w2, false, false)],
  ['dense2 fwd b x 128 x 10', (b) => b.matMul(h, w3, false, false)],
  ['cross-entropy losses', (b) => b.sparseSoftmaxCrossEntropy(dLogits, labels).losses],
  ['dense1 weight grad 5408 x 128', (b) => b.matMul(flat, uniformTensor([batch, 128], 11), true, false)],
  ['dense1 input grad b x 5408', (b) => b.matMul(uniformTensor([batch, 128], 12), w2, false, true)],
  ['maxPool backward', (b) => b.maxPoolBackprop(pooled, a1, pooled, [2, 2], [2, 2], 'valid')],
  ['conv2d filter grad', (b) => b.conv2dBackpropFilter(x, a1, [3, 3, 1, 32], [1, 1], 'valid')],
  ['conv bias grad (sum to [32])', (b) => b.sumToShape(a1, [32])],
  ['fused relu backward dx (+ dbias)', (b) => b.biasActivationBackprop(a1, a1, 'relu').dx],
  ['elementwise mul [b,26,26,32]', (b) => b.binary('mul', a1, a1)],
];

// Typed as the ops see backends: their outputs are Tensors.
const gpu = createGpuBackend(await loadGpuJs()) as Backend<Tensor> & GpuBackend;
const cpu = createCpuBackend() as Backend<Tensor> & CpuBackend;
console.log(`gpu: ${gpu.describe()}, batch ${batch}`);
const rows = cases.map(([name, f]) => {
  const run = (b: Backend<Tensor>) => () => { const t = f(b); t.dataSync(); t.dispose(); };
  const started = performance.now();
  run(gpu)();
  const firstMs = performance.now() - started;
  return [name, firstMs.toFixed(0), medianMs(run(gpu)).toFixed(1), medianMs(run(cpu)).toFixed(1)];
});

const head = ['kernel', 'first call ms (compiles)', 'gpu ms', 'cpu ms'];
console.log(markdownTable(head, rows));
const stats = gpu.stats();
console.log(`${stats.compiled} gpu programs compiled, ${(stats.compileMs / 1000).toFixed(2)} s in first calls`);
gpu.dispose();
