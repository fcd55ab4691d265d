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
import { serveDemo } from '../examples/browser/server';
import { Browser } from '../test/browser/chromium';
import type { GpuBenchRound } from './browser-gpu-page';
import { browserGpuInput, countOption, requireChromium } from './browser-gpu-input';
import { median } from './median';

const { values } = parseArgs({ options: { base: { type: 'string' }, rounds: { type: 'string', default: '5' }, steps: { type: 'string', default: '10' }, metrics: { type: 'string' } } });
if (!values.base) throw new Error('bench/browser-gpu-ab.ts: --base <dir of another checkout> is required');
const rounds = countOption('rounds', values.rounds);
const steps = countOption('steps', values.steps);
requireChromium('bench/browser-gpu-ab.ts');

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const input = await browserGpuInput(steps, values.metrics);

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
