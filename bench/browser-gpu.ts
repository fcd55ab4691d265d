// `npm run bench:browser-gpu`: the seed model on tessera's gpu backend against TF.js 4.22's webgl backend, in one
// headless Chromium with WebGL2 (SwiftShader where there is no GPU), each in its own page: the same initial weights
// (tessera's, seeded, copied into both), the same MNIST images and labels, trainOnBatch at batch 32 and predict at
// batch 100, after warm-up, alternating rounds; prints the medians and tessera / TF.js.
//   npm run bench:browser-gpu -- [--rounds 3] [--steps 10] [--metrics accuracy,crossentropy]
// (--metrics: what both models compile with, as nearly every TF.js program compiles with accuracy)
import os from 'node:os';
import { parseArgs } from 'node:util';
import { serveDemo } from '../examples/browser/server';
import { Browser } from '../test/browser/chromium';
import type { GpuBenchRound } from './browser-gpu-page';
import { BATCH, browserGpuInput, countOption, PREDICT_BATCH, requireChromium, TEST } from './browser-gpu-input';
import { median } from './median';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, steps: { type: 'string', default: '10' }, metrics: { type: 'string' } } });
const rounds = countOption('rounds', values.rounds);
const steps = countOption('steps', values.steps);
requireChromium('bench:browser-gpu');
const input = await browserGpuInput(steps, values.metrics);

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
  console.log(`\nsamples/s (median of ${rounds} alternating rounds; train: ${steps} trainOnBatch steps of ${BATCH}; infer: predict ${TEST} at batch ${PREDICT_BATCH})`);
  console.log(`           train     infer   last loss`);
  console.log(`tessera  ${t.train.toFixed(1).padStart(7)}  ${t.infer.toFixed(1).padStart(8)}   ${t.loss.toFixed(5)}`);
  console.log(`TF.js    ${f.train.toFixed(1).padStart(7)}  ${f.infer.toFixed(1).padStart(8)}   ${f.loss.toFixed(5)}`);
  console.log(`tessera / TF.js webgl: train ${(t.train / f.train).toFixed(2)}x, infer ${(t.infer / f.infer).toFixed(2)}x`);
} finally {
  await browser.close();
  await server.close();
}
