// Old against new in separate processes: `npx tsx bench/ab-processes.ts --base <dir> [--runs 7] [--batches 300] [--model seed]`
// runs a model in a fresh process per run, alternating this checkout and another one, and prints each run's samples/s
// and the median of the per-pair ratios. `--model seed` (the default): `--batches` training batches of 32 after 30
// warm-up batches, then three passes of inference over 5,120 test images at batch 256. `--model addition` (the LSTM
// seq2seq of examples/addition-model.ts; `--model addition-hard` the same with TF.js's default hardSigmoid gates):
// `--batches` training batches of 256 after 2 warm-up batches, then three passes of inference over 2,048 questions
// at batch 256. Use it rather than bench/ab.ts for changes to the
// worker threads: two libraries loaded in one process have two thread pools, and they slow each other down
// unequally (a change in how the pool hands out work measured 1.2x faster in one process and the same alone).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import * as a from '../examples/addition-model';
import { median } from './median';

const { values: opts } = parseArgs({ options: {
  base: { type: 'string' }, runs: { type: 'string', default: '7' }, batches: { type: 'string', default: '300' }, child: { type: 'string' },
  model: { type: 'string', default: 'seed' },
} });
const batches = Number(opts.batches);
const TEST = 5120;

type Library = typeof import('../src/node');

/** The rates of one run of the seed model in this process, with the library `tn` from `root`. */
async function seedRates(tn: Library, root: string): Promise<[number, number]> {
  const { seedModel } = (await import(resolve(root, 'examples/seed-model.ts'))) as typeof import('../examples/seed-model');
  const data = await tn.data.loadMnist();
  tn.setRandomSeed(1);
  const model = seedModel(tn);
  const [x, y] = [data.train.images.slice(0, 32 * (30 + batches)), data.train.labels.slice(0, 32 * (30 + batches))];
  const test = data.test.images.slice(0, TEST);
  const fit = (first: number, count: number): Promise<unknown> =>
    model.fit(x.slice(32 * first, 32 * count), y.slice(32 * first, 32 * count), { epochs: 1, batchSize: 32, shuffle: false, verbose: 0 });
  await fit(0, 30);
  model.predict(test, { batchSize: 256 }).dispose();
  let t = performance.now();
  await fit(30, batches);
  const train = (32 * batches) / ((performance.now() - t) / 1000);
  t = performance.now();
  for (let i = 0; i < 3; i++) model.predict(test, { batchSize: 256 }).dispose();
  return [train, (3 * TEST) / ((performance.now() - t) / 1000)];
}

/** The rates of one run of the addition LSTM in this process, with the library `tn`; the model and data are this checkout's, for both sides. */
async function additionRates(tn: Library): Promise<[number, number]> {
  const [BATCH, WARM, QUESTIONS] = [256, 2, 2048];
  const data = a.additionData((WARM + batches) * BATCH, QUESTIONS, 1234);
  tn.setRandomSeed(1);
  const model = a.additionModel(tn, 128, opts.model === 'addition-hard' ? 'hardSigmoid' : 'sigmoid');
  model.compile({ optimizer: tn.train.adam(0.006), loss: 'categoricalCrossentropy' });
  const set = (s: typeof data.train, first: number, count: number) => [
    tn.tensor(s.x.subarray(first * a.QUESTION * a.CHARS.length, (first + count) * a.QUESTION * a.CHARS.length), [count, a.QUESTION, a.CHARS.length]),
    tn.tensor(s.y.subarray(first * a.ANSWER * a.CHARS.length, (first + count) * a.ANSWER * a.CHARS.length), [count, a.ANSWER, a.CHARS.length]),
  ] as const;
  const fit = (first: number, count: number) => {
    const [x, y] = set(data.train, first * BATCH, count * BATCH);
    return model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
  };
  await fit(0, WARM);
  let t = performance.now();
  await fit(WARM, batches);
  const train = (BATCH * batches) / ((performance.now() - t) / 1000);
  const [test] = set(data.test, 0, QUESTIONS);
  t = performance.now();
  for (let i = 0; i < 3; i++) model.predict(test, { batchSize: BATCH }).dispose();
  return [train, (3 * QUESTIONS) / ((performance.now() - t) / 1000)];
}

/** One run in this process, of the library at `root`: prints "train <samples/s> infer <samples/s>". */
async function child(root: string): Promise<void> {
  const tn = (await import(resolve(root, 'src/node.ts'))) as Library;
  const [train, infer] = await (opts.model === 'seed' ? seedRates : additionRates)(tn, root);
  console.log(`train ${train.toFixed(0)} infer ${infer.toFixed(0)}`);
  process.exit(0);
}

function driver(): void {
  if (!opts.base) throw new Error('bench/ab-processes.ts: --base <dir of another checkout> is required');
  const runs = Number(opts.runs);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(batches) || batches < 1) throw new Error('bench/ab-processes.ts: --runs and --batches must be positive integers');
  if (!['seed', 'addition', 'addition-hard'].includes(String(opts.model))) throw new Error(`bench/ab-processes.ts: --model must be seed, addition or addition-hard, got ${opts.model}`);
  const roots = [resolve(opts.base), resolve(import.meta.dirname, '..')];
  const run = (root: string): number[] => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', root, '--batches', String(batches), '--model', String(opts.model)], { encoding: 'utf8' });
    const m = /train (\d+) infer (\d+)/.exec(out);
    if (!m) throw new Error(`bench/ab-processes.ts: a run printed no rates:\n${out}`);
    return [Number(m[1]), Number(m[2])];
  };
  const results: number[][][] = [[], []];
  for (let r = 0; r < runs; r++) {
    // Alternate which goes first, so neither always follows the other.
    for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) results[i].push(run(roots[i]));
    console.log(`run ${r + 1}: base train ${results[0][r][0]} infer ${results[0][r][1]} | new train ${results[1][r][0]} infer ${results[1][r][1]}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  }
  const ratio = (j: number): string => median(results[1].map((n, r) => n[j] / results[0][r][j])).toFixed(2);
  console.log(`new/base, median of per-run ratios: train ${ratio(0)}x, infer ${ratio(1)}x (medians: base ${median(results[0].map((x) => x[0]))} / ${median(results[0].map((x) => x[1]))}, new ${median(results[1].map((x) => x[0]))} / ${median(results[1].map((x) => x[1]))})`);
}

if (opts.child) await child(opts.child);
else driver();
