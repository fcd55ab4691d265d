// Old against new on the gpu backend in one headless Chromium (WebGL2): `npx tsx bench/browser-gpu-ab.ts --base <dir>
// [--rounds 5] [--steps 10] [--metrics accuracy]` serves this checkout and another one (e.g. `git archive main | tar
// -x -C <dir>`, with node_modules linked in), each bundling its own library, and runs bench/browser-gpu-page.ts's seed
// model on each in its own page (compiled with --metrics, comma-separated, where given: the base's page must take
// them too): the same weights and data, rounds alternating. Prints the medians of train and infer samples/s, the
// median of the per-round ratios (new / old) and the load average; on a loaded machine the per-round ratios hold more
// than either side's absolute rate.
import os from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tn from '../src/node';
import { serveDemo } from '../examples/browser/server';
import { Browser, chromiumMissing } from '../test/browser/chromium';
import { seedModel } from '../examples/seed-model';
import type { GpuBenchInput, GpuBenchRound } from './browser-gpu-page';

const { values } = parseArgs({ options: { base: { type: 'string' }, rounds: { type: 'string', default: '5' }, steps: { type: 'string', default: '10' }, metrics: { type: 'string' } } });
if (!values.base) throw new Error('bench/browser-gpu-ab.ts: --base <dir of another checkout> is required');
const rounds = Number(values.rounds);
const steps = Number(values.steps);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
if (!Number.isInteger(steps) || steps < 1) throw new Error(`--steps must be a positive integer, got ${values.steps}`);
const missing = chromiumMissing();
if (missing) throw new Error(`bench/browser-gpu-ab.ts needs Chromium: ${missing}`);

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');

const mnist = await tn.data.loadMnist();
tn.setRandomSeed(1);
const model = seedModel(tn);
const input: GpuBenchInput = {
  weights: model.getWeights().map((w) => ({ shape: [...w.shape], values: Array.from(w.dataSync()) })),
  trainX: Array.from(mnist.train.images.slice([0, 0, 0, 0], [160, 28, 28, 1]).dataSync()),
  trainY: Array.from(mnist.train.labels.slice([0], [160]).dataSync()),
  testX: Array.from(mnist.test.images.slice([0, 0, 0, 0], [300, 28, 28, 1]).dataSync()),
  steps, batch: 32, predictBatch: 100, metrics: values.metrics?.split(','),
};

console.log(`load average ${load()}`);
const baseServer = (await import(resolve(values.base, 'examples/browser/server.ts'))) as { serveDemo: typeof serveDemo };
const script = { '/gpu-bench.js': 'bench/browser-gpu-page.ts' };
const servers = [await baseServer.serveDemo({ scripts: script }), await serveDemo({ scripts: script })];
const browser = await Browser.launch({ webgl: true });
browser.context.setDefaultTimeout(600_000);
try {
  const sides = [];
  for (const [name, server] of [['old', servers[0]], ['new', servers[1]]] as const) {
    const { page, errors } = await browser.newPage();
    await page.goto(`${server.url}/bare.html`);
    await page.evaluate(`import('/gpu-bench.js').then(() => true)`);
    await page.evaluate((i) => (window as unknown as { gpuBench: { start(l: string, i: unknown): Promise<string> } }).gpuBench.start('tessera', i), input);
    sides.push({ name, page, errors, results: [] as GpuBenchRound[] });
  }
  for (let r = 0; r < rounds; r++) {
    for (const s of r % 2 === 0 ? sides : [...sides].reverse()) s.results.push(await s.page.evaluate('gpuBench.round()') as GpuBenchRound);
    const [o, n] = sides.map((s) => s.results[r]);
    console.log(`round ${r + 1}: train ${o.train.toFixed(1)} -> ${n.train.toFixed(1)}, infer ${o.infer.toFixed(1)} -> ${n.infer.toFixed(1)} samples/s`);
  }
  for (const s of sides) if (s.errors.length) throw new Error(`the ${s.name} page reported errors:\n${s.errors.join('\n')}`);
  const [o, n] = sides.map((s) => s.results);
  const ratio = (key: 'train' | 'infer'): string => median(n.map((x, i) => x[key] / o[i][key])).toFixed(2);
  console.log(`medians: train ${median(o.map((x) => x.train)).toFixed(1)} -> ${median(n.map((x) => x.train)).toFixed(1)}, infer ${median(o.map((x) => x.infer)).toFixed(1)} -> ${median(n.map((x) => x.infer)).toFixed(1)}`);
  console.log(`new / old (median of per-round ratios): train ${ratio('train')}x, infer ${ratio('infer')}x; last losses ${o[rounds - 1].loss.toFixed(5)} / ${n[rounds - 1].loss.toFixed(5)}; load average ${load()}`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
