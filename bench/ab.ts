// Old against new in one process: `npx tsx bench/ab.ts --base <dir> [--rounds 5] [--batches 100] [--infer 2560] [--threads n]
// [--model seed|resnet]` trains and runs the seed model (or the residual CNN of examples/resnet-model.ts) with this
// checkout and with another (e.g. `git worktree add /tmp/base main`, with node_modules linked in), each a separate copy of the library with its own kernels and threads. Both start
// from the same weights (seed 1) and see the same batches; rounds alternate, and each is timed by wall clock and
// by this process's CPU time (all threads). Prints medians, per-round ratios and the load average, and whether
// both computed the same losses and predictions (a change that keeps the bits keeps them equal). For a change to how
// work is split across threads, use bench/ab-processes.ts: the two copies' thread pools slow each other down here.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tn from '../src/node';
import { seedModel } from '../examples/seed-model';
import { resnetModel } from '../examples/resnet-model';
import { argmaxSum, INFER_BATCH, TRAIN_BATCH } from './seed-model';
import { median } from './median';

type Lib = typeof tn;
interface Side { name: string; lib: Lib; train: (first: number, count: number) => Promise<number>; infer: () => number }
interface Sample { wallMs: number; cpuMs: number; value: number }

const { values: opts } = parseArgs({ options: {
  base: { type: 'string' }, rounds: { type: 'string', default: '5' }, batches: { type: 'string', default: '100' },
  infer: { type: 'string', default: '2560' }, warm: { type: 'string', default: '20' }, threads: { type: 'string' },
  model: { type: 'string', default: 'seed' },
} });
if (!opts.base) throw new Error('bench/ab.ts: --base <dir of another checkout> is required');
if (opts.model !== 'seed' && opts.model !== 'resnet') throw new Error(`bench/ab.ts: --model must be 'seed' or 'resnet', got '${opts.model}'`);

/** The model under test on `lib`, compiled, its weights from seed 1. */
function buildModel(lib: Lib): tn.LayersModel {
  lib.setRandomSeed(1);
  if (opts.model === 'seed') return seedModel(lib);
  const model = resnetModel(lib, 1);
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
  return model;
}
const rounds = Number(opts.rounds), batches = Number(opts.batches), inferSamples = Number(opts.infer), warm = Number(opts.warm);

/** The model on `lib`, trained on `data` (images and labels given as host arrays, copied into lib's tensors). */
function side(name: string, lib: Lib, images: Float32Array, labels: Float32Array, test: Float32Array): Side {
  const model = buildModel(lib);
  const x = lib.tensor(images, [images.length / 784, 28, 28, 1]);
  const y = lib.tensor(labels, [labels.length]);
  const xt = lib.tensor(test, [test.length / 784, 28, 28, 1]);
  return {
    name, lib,
    train: async (first, count) => {
      const xs = x.slice(first * TRAIN_BATCH, count * TRAIN_BATCH), ys = y.slice(first * TRAIN_BATCH, count * TRAIN_BATCH);
      const h = await model.fit(xs, ys, { epochs: 1, batchSize: TRAIN_BATCH, shuffle: false, verbose: 0 });
      xs.dispose(); ys.dispose();
      return h.history.loss[0];
    },
    infer: () => {
      const probs = model.predict(xt, { batchSize: INFER_BATCH }) as tn.Tensor;
      const sum = argmaxSum(probs.dataSync(), 10);
      probs.dispose();
      return sum;
    },
  };
}

async function measure(run: () => Promise<number> | number): Promise<Sample> {
  const c = process.cpuUsage(), t = performance.now();
  const value = await run();
  const d = process.cpuUsage(c);
  return { wallMs: performance.now() - t, cpuMs: (d.user + d.system) / 1000, value };
}


async function main(): Promise<void> {
  const baseLib = (await import(resolve(opts.base!, 'src/node.ts'))) as Lib;
  // --threads: both sides' kernels on that many threads (1: CPU time is then each side's work alone, which a busy
  // machine distorts far less than wall time).
  if (opts.threads) {
    for (const dir of [opts.base!, resolve(import.meta.dirname, '..')]) {
      const kernels = (await import(resolve(dir, 'kernels/cpu/wasm/index.ts'))) as { setGemmThreads(n: number): Promise<void> };
      await kernels.setGemmThreads(Number(opts.threads));
    }
  }
  const data = await tn.data.loadMnist();
  const needed = (warm + rounds * batches) * TRAIN_BATCH;
  const images = (data.train.images.dataSync() as Float32Array).slice(0, needed * 784);
  const labels = (data.train.labels.dataSync() as Float32Array).slice(0, needed);
  const test = (data.test.images.dataSync() as Float32Array).slice(0, inferSamples * 784);
  const sides = [side(`base (${opts.base})`, baseLib, images, labels, test), side('this checkout', tn, images, labels, test)];
  for (const s of sides) {
    await s.train(0, warm);
    s.infer();
  }
  const train: Sample[][] = sides.map(() => []), infer: Sample[][] = sides.map(() => []);
  for (let r = 0; r < rounds; r++) {
    // Alternate which side goes first, so neither always follows the other's cache and thread state.
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) train[i].push(await measure(() => sides[i].train(warm + r * batches, batches)));
    for (const i of order) infer[i].push(await measure(() => sides[i].infer()));
    const [tb, tn_] = [train[0][r], train[1][r]], [ib, in_] = [infer[0][r], infer[1][r]];
    console.log(`round ${r + 1}: train new/base wall ${(tb.wallMs / tn_.wallMs).toFixed(2)}x cpu ${(tb.cpuMs / tn_.cpuMs).toFixed(2)}x, ` +
      `infer wall ${(ib.wallMs / in_.wallMs).toFixed(2)}x cpu ${(ib.cpuMs / in_.cpuMs).toFixed(2)}x; ` +
      `loss ${tb.value} | ${tn_.value}; class sum ${ib.value} | ${in_.value}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  }
  const rate = (samples: Sample[], n: number, key: 'wallMs' | 'cpuMs'): number => median(samples.map((s) => (1000 * n) / s[key]));
  console.log('\nsamples/s, median over rounds: by wall clock | per CPU-second (all threads)');
  for (const [i, s] of sides.entries()) {
    console.log(`  ${s.name.padEnd(40)} train ${rate(train[i], batches * TRAIN_BATCH, 'wallMs').toFixed(0)} | ${rate(train[i], batches * TRAIN_BATCH, 'cpuMs').toFixed(0)}` +
      `   infer ${rate(infer[i], inferSamples, 'wallMs').toFixed(0)} | ${rate(infer[i], inferSamples, 'cpuMs').toFixed(0)}`);
  }
  const ratio = (xs: Sample[][], key: 'wallMs' | 'cpuMs'): string => median(xs[0].map((b, r) => b[key] / xs[1][r][key])).toFixed(2);
  console.log(`new/base, median of per-round ratios: train wall ${ratio(train, 'wallMs')}x cpu ${ratio(train, 'cpuMs')}x; infer wall ${ratio(infer, 'wallMs')}x cpu ${ratio(infer, 'cpuMs')}x`);
  const same = train[0].every((b, r) => b.value === train[1][r].value) && infer[0].every((b, r) => b.value === infer[1][r].value);
  console.log(`same losses and predictions in every round: ${same}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  process.exit(0);
}

void main();
