// What the second core buys in the seed model's training step, against what it buys one product alone:
//   npx tsx bench/step-threads.ts [--rounds 6] [--steps 120] [--warm 300]
// Trains the seed model on real MNIST (model.fit, batch 32, Adam) and alternates rounds of `steps` batches on one
// thread and on two (the kernels' threads, set between rounds), each round on the next batches of one training
// run, so that both see the same kinds of weights; then times dense1's forward product (32×5408 · 5408×128, the
// step's largest) on one thread and on two, alone, on this run's weights and a batch of its inputs. Prints the
// medians and the ratios: a product that is 1.7 – 2x faster on two threads alone and a step that is not says the
// step is limited by what the two cores share (memory, caches), not by how the work is split.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as tn from '../src/node';
import { setGemmThreads, simdKernels } from '../kernels/cpu/wasm/index';
import { seedModel } from '../examples/seed-model';
import { intFlag } from '../examples/int-flag';
import { interleavedMedianSeconds } from './gemm-timing';
import { median } from './median';

const { values: opts } = parseArgs({ options: {
  rounds: { type: 'string', default: '6' }, steps: { type: 'string', default: '120' }, warm: { type: 'string', default: '300' },
} });
const [rounds, steps, warm] = [intFlag('rounds', opts.rounds), intFlag('steps', opts.steps), intFlag('warm', opts.warm)];
const BATCH = 32;
const THREADS = [1, 2] as const;
// MNIST's 1,875 training batches, the last one used for the product's inputs.
const batches = warm + rounds * THREADS.length * steps + 1;
if (batches * BATCH > 60_000) throw new Error(`step-threads: --warm + 2 × --rounds × --steps + 1 must be at most ${60_000 / BATCH} batches, got ${batches}`);

const data = await tn.data.loadMnist();
tn.setRandomSeed(1);
const model = seedModel(tn);
let next = 0;
/** ms per step over the next `count` batches. */
async function train(count: number): Promise<number> {
  const [xs, ys] = [data.train.images.slice(next * BATCH, count * BATCH), data.train.labels.slice(next * BATCH, count * BATCH)];
  next += count;
  const t = performance.now();
  await model.fit(xs, ys, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
  const ms = (performance.now() - t) / count;
  xs.dispose();
  ys.dispose();
  return ms;
}

await setGemmThreads(2);
await train(warm);
const stepMs = new Map<number, number[]>(THREADS.map((t) => [t, []]));
for (let r = 0; r < rounds; r++) {
  for (const threads of r % 2 === 0 ? THREADS : [...THREADS].reverse()) {
    await setGemmThreads(threads);
    stepMs.get(threads)?.push(await train(steps));
  }
}

// dense1's forward product alone, on its weights and the pooled features of the next batch (their zeros included).
const [conv, , , dense1] = model.layers;
const features = tn.tidy(() => tn.reshape(tn.maxPool(conv.apply(data.train.images.slice(next * BATCH, BATCH)) as tn.Tensor4D, 2, 2, 'valid'), [BATCH, -1]));
// In the kernels' memory, as a step's operands are (an array outside it would be copied in on every call).
const memory = simdKernels().memory;
const resident = (values: Float32Array): Float32Array => {
  const r = memory?.alloc(values.length);
  if (!r) throw new Error('step-threads: needs the WebAssembly SIMD kernels');
  r.set(values);
  return r;
};
const [a, b] = [resident(features.dataSync() as Float32Array), resident(dense1.getWeights()[0].dataSync() as Float32Array)];
const [m, k, n] = [BATCH, a.length / BATCH, b.length / (a.length / BATCH)];
const c = resident(new Float32Array(m * n));
const product = (): void => simdKernels().gemm(a, b, c, m, n, k, false, false, false);
// A 64 MB read before each call leaves none of the operands in cache, as a step's other work leaves most of them.
const evict = new Float64Array(8 << 20);
let sink = 0;
const coldMs = (): number => {
  const ms: number[] = [];
  for (let i = 0; i < 31; i++) {
    for (let j = 0; j < evict.length; j += 8) sink += evict[j];
    const t = performance.now();
    product();
    ms.push(performance.now() - t);
  }
  return median(ms);
};
const productMs = new Map<number, [number, number]>();
for (const threads of THREADS) {
  await setGemmThreads(threads);
  productMs.set(threads, [1000 * interleavedMedianSeconds([product], 15, 0.05)[0], coldMs()]);
}

const [one, two] = [median(stepMs.get(1) ?? []), median(stepMs.get(2) ?? [])];
const [[hot1, cold1], [hot2, cold2]] = THREADS.map((t) => productMs.get(t) ?? [NaN, NaN]);
console.log(`Seed model, ${rounds} alternating rounds of ${steps} training steps (batch ${BATCH}) after ${warm}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`${''.padEnd(38)} 1 thread   2 threads   2 threads' speedup`);
const row = (what: string, x: number, y: number): string => `${what.padEnd(38)} ${x.toFixed(3).padStart(8)}    ${y.toFixed(3).padStart(8)}    ${(x / y).toFixed(2)}x`;
console.log(row('training step, ms (median of rounds)', one, two));
console.log(`dense1's forward product (${m}×${k} · ${k}×${n}), ms per call:`);
console.log(row('  back to back (operands in cache)', hot1, hot2));
console.log(row('  after a 64 MB read (none in cache)', cold1, cold2));
// Read once, so that the eviction reads' sum is used.
void sink;
features.dispose();
model.dispose();
