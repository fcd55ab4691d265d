// Training throughput of the seed model (DESIGN.md) with tessera's gpu backend, side by side with
// tessera's cpu backend and TensorFlow.js (its cpu backend: tfjs-backend-wasm has no
// Conv2DBackpropFilter, so it cannot train this model) in the same run: one trainOnBatch per step
// on synthetic MNIST-shaped batches. The first step of each backend compiles its kernels (gpu) or
// warms its caches, so it is timed apart and never counted in the rate.
// Run: xvfb-run -a npx tsx bench/gpu-throughput.ts [--batches 32,256] [--steps 5] [--backends gpu,cpu,tfjs-cpu]
import * as tf from '@tensorflow/tfjs';
import * as tn from '../src/index';
import { registerBackend, setBackend } from '../src/backend/registry';
import { createGpuBackend, loadGpuJs, type GpuBackend } from '../src/backend/gpu/index';
import { seedModel } from '../examples/seed-model';
import { markdownTable, option } from './gpu-bench-cli';
import { median } from './median';
import { syntheticMnist } from './seed-model';

interface Row { backend: string; runs: string; batch: number; warmupS: number; msPerStep: number; samplesPerS: number }

async function timeSteps(step: () => Promise<void>, steps: number): Promise<{ warmupS: number; stepMs: number }> {
  let t = performance.now();
  await step();
  const warmupS = (performance.now() - t) / 1000;
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    t = performance.now();
    await step();
    times.push(performance.now() - t);
  }
  return { warmupS, stepMs: median(times) };
}

async function tessera(backend: 'cpu' | 'gpu', batch: number, steps: number): Promise<Row> {
  if (!(await setBackend(backend))) throw new Error(`the ${backend} backend cannot run here (the warning above says why)`);
  const runs = tn.getBackend();
  tn.setRandomSeed(1);
  const model = seedModel(tn);
  const { images, labels } = syntheticMnist(batch, 2);
  const x = new tn.Tensor([batch, 28, 28, 1], 'float32', images);
  const y = new tn.Tensor([batch], 'float32', labels);
  // trainOnBatch reads the loss back each step: the one read per batch a training loop needs.
  const { warmupS, stepMs } = await timeSteps(async () => { await model.trainOnBatch(x, y); }, steps);
  return { backend: `tessera ${backend}`, runs, batch, warmupS, msPerStep: stepMs, samplesPerS: (batch / stepMs) * 1000 };
}

async function tfjs(batch: number, steps: number): Promise<Row> {
  await tf.setBackend('cpu');
  await tf.ready();
  const model = seedModel(tf);
  const { images, labels } = syntheticMnist(batch, 2);
  const x = tf.tensor4d(images, [batch, 28, 28, 1]);
  const y = tf.tensor1d(labels);
  const { warmupS, stepMs } = await timeSteps(async () => { await model.trainOnBatch(x, y); }, steps);
  x.dispose();
  y.dispose();
  return { backend: 'tfjs cpu', runs: `tfjs ${tf.version.tfjs} cpu`, batch, warmupS, msPerStep: stepMs, samplesPerS: (batch / stepMs) * 1000 };
}

function table(rows: Row[]): string {
  const head = ['backend', 'what runs', 'batch', 'warm-up s', 'ms/step', 'samples/s', 'vs tfjs cpu'];
  const peer = new Map(rows.filter((r) => r.backend === 'tfjs cpu').map((r) => [r.batch, r.samplesPerS]));
  const body = rows.map((r) => [
    r.backend, r.runs, String(r.batch), r.warmupS.toFixed(2), r.msPerStep.toFixed(1), r.samplesPerS.toFixed(0),
    peer.has(r.batch) ? `${(r.samplesPerS / (peer.get(r.batch) as number)).toFixed(2)}x` : '-',
  ]);
  return markdownTable(head, body);
}

async function main(): Promise<void> {
  const batches = option('batches', '32,256').split(',').map(Number);
  const steps = Number(option('steps', '5'));
  const backends = option('backends', 'gpu,cpu,tfjs-cpu').split(',');
  if (backends.includes('gpu')) {
    // Fails loudly (what is missing, e.g. a display) rather than timing something else.
    const gpu: GpuBackend = createGpuBackend(await loadGpuJs());
    registerBackend('gpu', () => gpu);
    if (!gpu.hardware) console.warn(`note: ${gpu.describe()} is a software rasterizer: these gpu numbers show correctness, not GPU speed`);
  }
  const rows: Row[] = [];
  for (const batch of batches) {
    for (const b of backends) {
      if (b === 'gpu' || b === 'cpu') rows.push(await tessera(b, batch, steps));
      else if (b === 'tfjs-cpu') rows.push(await tfjs(batch, steps));
      else throw new Error(`--backends: unknown backend ${b}; expected gpu, cpu or tfjs-cpu`);
      console.error(`done: ${b} at batch ${batch}`);
    }
  }
  console.log(table(rows));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
