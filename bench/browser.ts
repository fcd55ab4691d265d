// `npm run bench:browser`: the seed model's training rate (model.fit, batch 32, Adam) in Node and in a
// cross-origin-isolated headless Chromium page (by default) on this machine, same code (bench/training-rate.ts), alternating
// rounds, medians; prints both and the browser/Node ratio (goal: ≥ 70%).
//   npm run bench:browser -- [--samples 1024] [--rounds 5] [--not-isolated]   (the last: a page without the two
//   headers, so one thread)
import os from 'node:os';
import { parseArgs } from 'node:util';
import { serveDemo } from '../examples/browser/server';
import { Browser, chromiumMissing } from '../test/browser/chromium';
import { trainer } from './training-rate';
import { median } from './median';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '1024' }, rounds: { type: 'string', default: '5' }, 'not-isolated': { type: 'boolean', default: false } } });
const isolated = !values['not-isolated'];
const samples = Number(values.samples);
const rounds = Number(values.rounds);
if (!Number.isInteger(samples) || samples < 32) throw new Error(`--samples must be an integer ≥ 32, got ${values.samples}`);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
const missing = chromiumMissing();
if (missing) throw new Error(`bench:browser needs Chromium: ${missing}`);

const fmt = (x: number): string => x.toFixed(0);

console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.availableParallelism()} cores; Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const server = await serveDemo({ isolated, scripts: { '/bench.js': 'bench/browser-page.ts' } });
const browser = await Browser.launch();
try {
  const { page, errors } = await browser.newPage();
  await page.goto(`${server.url}/bare.html`);
  await page.evaluate(`import('/bench.js')`);
  const browserBackend = await page.evaluate(`tesseraBench.start(${samples})`) as string;
  const node = await trainer(samples);
  console.log(`Node:     ${node.backend}\nChromium: ${browserBackend} (${(await browser.context.browser()?.version()) ?? 'chromium'}, ${isolated ? 'cross-origin isolated' : 'not cross-origin isolated'})`);
  const rates = { node: [] as number[], browser: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    rates.node.push(await node.round());
    rates.browser.push(await page.evaluate('tesseraBench.round()') as number);
  }
  node.dispose();
  if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  const [n, b] = [median(rates.node), median(rates.browser)];
  console.log(`\nTraining, seed model, ${samples} samples per round, batch 32, median of ${rounds} alternating rounds:`);
  console.log(`  Node      ${fmt(n)} samples/s   (rounds: ${rates.node.map(fmt).join(', ')})`);
  console.log(`  Chromium  ${fmt(b)} samples/s   (rounds: ${rates.browser.map(fmt).join(', ')})`);
  console.log(`  Chromium / Node: ${((100 * b) / n).toFixed(0)}% (goal ≥ 70%)`);
} finally {
  await browser.close();
  await server.close();
}
