// `npm run bench`: GEMM GFLOP/s for each of the seed model's products, then end-to-end training and
// inference samples/s for the seed model (model.fit / model.predict, batch 32, Adam), tessera's cpu
// backend side by side with TensorFlow.js (cpu and wasm backends) and, where installed, PyTorch, all
// measured in this run. tessera and tfjs-wasm are timed in alternating rounds (medians), so load from
// other processes hits them alike; tfjs cpu is ~100x slower and timed on a few batches only.
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tn from '../src/index';
import { gemmTable, MODEL_SHAPES } from './gemm';
import { measurePytorch } from './pytorch';
import { BATCH, syntheticMnist, tesseraRunner, tfjsRunner, type Runner } from './seed-model';

const ROUNDS = 5;
const TRAIN_SAMPLES = 20 * BATCH;
const INFER_SAMPLES = 64 * BATCH;

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (samples: number, seconds: number): number => samples / seconds;
const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));

async function main(): Promise<void> {
  const started = performance.now();
  const cpu = os.cpus();
  console.log(`Machine: ${cpu[0]?.model ?? 'unknown cpu'}, ${os.availableParallelism()} cores; Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await tn.setBackend('cpu');
  console.log(`tessera backend: ${tn.getBackend()}\n`);

  for (const line of await gemmTable(MODEL_SHAPES)) console.log(line);

  const data = syntheticMnist(INFER_SAMPLES, 1);
  const tessera = tesseraRunner(data);
  await tessera.train(10 * BATCH);
  await tessera.infer(10 * BATCH);
  const ours = { train: [] as number[], infer: [] as number[] };
  const oursRound = async (): Promise<void> => {
    ours.train.push(rate(TRAIN_SAMPLES, await tessera.train(TRAIN_SAMPLES)));
    ours.infer.push(rate(INFER_SAMPLES, await tessera.infer(INFER_SAMPLES)));
  };

  // tfjs wasm: inference only, in rounds alternating with tessera's.
  await tf.setBackend('wasm');
  const onWasm = tfjsRunner(data);
  let wasmTrain = 'n/a (no Conv2DBackpropFilter kernel)';
  try {
    await onWasm.train(BATCH);
    wasmTrain = 'trains (unexpected: not timed)';
  } catch (e) {
    if (!/Conv2DBackpropFilter/.test(String(e))) wasmTrain = `n/a (${String(e).split('\n')[0]})`;
  }
  await onWasm.infer(10 * BATCH);
  const wasmInfer: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    await oursRound();
    wasmInfer.push(rate(INFER_SAMPLES, await onWasm.infer(INFER_SAMPLES)));
  }
  onWasm.dispose();

  // tfjs cpu: one warm-up batch, then a few batches each way.
  await tf.setBackend('cpu');
  const onCpu: Runner = tfjsRunner(data);
  await onCpu.train(BATCH);
  await onCpu.infer(BATCH);
  const cpuTrain = rate(2 * BATCH, await onCpu.train(2 * BATCH));
  const cpuInfer = rate(8 * BATCH, await onCpu.infer(8 * BATCH));
  onCpu.dispose();
  tessera.dispose();

  const torch = measurePytorch();
  const train = median(ours.train);
  const infer = median(ours.infer);
  const vs = (peer: number, mine: number): string => `${fmt(peer)} (tessera ${(mine / peer).toFixed(1)}x)`;
  const rows: string[][] = [
    ['', 'train samples/s', 'infer samples/s'],
    [`tessera ${tn.getBackend()}`, fmt(train), fmt(infer)],
    [`tfjs ${tf.version.tfjs} cpu`, vs(cpuTrain, train), vs(cpuInfer, infer)],
    [`tfjs ${tf.version.tfjs} wasm`, wasmTrain, vs(median(wasmInfer), infer)],
    typeof torch === 'string'
      ? ['PyTorch cpu', torch, '']
      : [`PyTorch ${torch.version} cpu (${torch.threads} threads)`, vs(torch.train, train), vs(torch.infer, infer)],
  ];
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  console.log(`\nSeed model, batch ${BATCH}, Adam: samples/s (tessera: median of ${ROUNDS} rounds of ${TRAIN_SAMPLES} train / ${INFER_SAMPLES} infer samples)`);
  for (const r of rows) console.log(r.map((x, j) => (j === 0 ? x.padEnd(widths[j]) : x.padStart(widths[j]))).join('  '));
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

await main();
