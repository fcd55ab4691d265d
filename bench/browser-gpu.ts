// `npm run bench:browser-gpu`: the seed model on tessera's gpu backend against TF.js 4.22's webgl backend, in one
// headless Chromium with WebGL2 (SwiftShader where there is no GPU), each in its own page: the same initial weights
// (tessera's, seeded, copied into both), the same MNIST images and labels, trainOnBatch at batch 32 and predict at
// batch 100, after warm-up, alternating rounds; prints the medians and tessera / TF.js.
//   npm run bench:browser-gpu -- [--rounds 3] [--steps 10] [--metrics accuracy,crossentropy]
// (--metrics: what both models compile with, as nearly every TF.js program compiles with accuracy)
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as tn from '../src/node';
import { serveDemo } from '../examples/browser/server';
import { Browser, chromiumMissing } from '../test/browser/chromium';
import { seedModel } from '../examples/seed-model';
import type { GpuBenchInput, GpuBenchRound } from './browser-gpu-page';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, steps: { type: 'string', default: '10' }, metrics: { type: 'string' } } });
const rounds = Number(values.rounds);
const steps = Number(values.steps);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
if (!Number.isInteger(steps) || steps < 1) throw new Error(`--steps must be a positive integer, got ${values.steps}`);
const missing = chromiumMissing();
if (missing) throw new Error(`bench:browser-gpu needs Chromium: ${missing}`);

const BATCH = 32;
const TRAIN = 160;
const TEST = 300;
const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const mnist = await tn.data.loadMnist();
tn.setRandomSeed(1);
const model = seedModel(tn);
const input: GpuBenchInput = {
  weights: model.getWeights().map((w) => ({ shape: [...w.shape], values: Array.from(w.dataSync()) })),
  trainX: Array.from(mnist.train.images.slice([0, 0, 0, 0], [TRAIN, 28, 28, 1]).dataSync()),
  trainY: Array.from(mnist.train.labels.slice([0], [TRAIN]).dataSync()),
  testX: Array.from(mnist.test.images.slice([0, 0, 0, 0], [TEST, 28, 28, 1]).dataSync()),
  steps, batch: BATCH, predictBatch: 100, metrics: values.metrics?.split(','),
};

console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.availableParallelism()} cores; Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const server = await serveDemo({ scripts: { '/gpu-bench.js': 'bench/browser-gpu-page.ts' } });
const browser = await Browser.launch({ webgl: true });
browser.context.setDefaultTimeout(600_000);
try {
  const libraries = ['tessera', 'tfjs'] as const;
  const pages = [];
  for (const library of libraries) {
    const { page, errors } = await browser.newPage();
    await page.goto(`${server.url}/bare.html`);
    if (library === 'tfjs') await page.addScriptTag({ path: 'node_modules/@tensorflow/tfjs/dist/tf.min.js' });
    await page.evaluate(`import('/gpu-bench.js').then(() => true)`);
    const backend = await page.evaluate(([l, i]) => (window as unknown as { gpuBench: { start(l: string, i: unknown): Promise<string> } }).gpuBench.start(l, i), [library, input] as const);
    console.log(`${library.padEnd(8)} ${backend}`);
    pages.push({ library, page, errors, results: [] as GpuBenchRound[] });
  }
  for (let r = 0; r < rounds; r++) {
    for (const p of r % 2 === 0 ? pages : [...pages].reverse()) p.results.push(await p.page.evaluate('gpuBench.round()') as GpuBenchRound);
  }
  for (const p of pages) if (p.errors.length) throw new Error(`the ${p.library} page reported errors:\n${p.errors.join('\n')}`);
  const [t, f] = pages.map((p) => ({ train: median(p.results.map((x) => x.train)), infer: median(p.results.map((x) => x.infer)), loss: p.results[p.results.length - 1].loss }));
  console.log(`\nsamples/s (median of ${rounds} alternating rounds; train: ${steps} trainOnBatch steps of ${BATCH}; infer: predict ${TEST} at batch 100)`);
  console.log(`           train     infer   last loss`);
  console.log(`tessera  ${t.train.toFixed(1).padStart(7)}  ${t.infer.toFixed(1).padStart(8)}   ${t.loss.toFixed(5)}`);
  console.log(`TF.js    ${f.train.toFixed(1).padStart(7)}  ${f.infer.toFixed(1).padStart(8)}   ${f.loss.toFixed(5)}`);
  console.log(`tessera / TF.js webgl: train ${(t.train / f.train).toFixed(2)}x, infer ${(t.infer / f.infer).toFixed(2)}x`);
} finally {
  await browser.close();
  await server.close();
}
