// `npx tsx bench/cross-core.ts`: what it costs one core to write an array (2.77 MB, the seed model's dense-layer
// weights) after another core has read it, or written it, against writing it with no other core involved.
// This is why the thread pool gives each thread a fixed share of every job (kernels/cpu/wasm/worker-source.ts):
// a weight's rows read by one thread in a product and updated by the other in Adam pay the first cost every step.
// Prints the median of 60 alternating rounds of each, in ms, and each ratio to the write alone.
import { Worker } from 'node:worker_threads';
import { median } from './median';

const N = 5408 * 128;
const ROUNDS = 60;
const WARM = 50;

const buffer = new Float32Array(new SharedArrayBuffer(N * 4));
const ctl = new Int32Array(new SharedArrayBuffer(16));
// The other core's side: on each request (word 0), read the array (op 1) or add 1 to it (op 2), then report (word 3).
const worker = new Worker(`
const { workerData } = require('node:worker_threads');
const buffer = new Float32Array(workerData.buffer), ctl = new Int32Array(workerData.ctl);
let seen = 0;
for (;;) {
  Atomics.wait(ctl, 0, seen);
  seen = Atomics.load(ctl, 0);
  let s = 0;
  if (ctl[1] === 1) for (let i = 0; i < buffer.length; i++) s += buffer[i];
  else for (let i = 0; i < buffer.length; i++) buffer[i] += 1;
  ctl[2] = s;
  Atomics.store(ctl, 3, seen);
}`, { eval: true, workerData: { buffer: buffer.buffer, ctl: ctl.buffer } });
worker.unref();

/** Has the other core read (1) or written (2) the whole array, waiting until it has. */
function other(op: 1 | 2): void {
  ctl[1] = op;
  const request = Atomics.add(ctl, 0, 1) + 1;
  Atomics.notify(ctl, 0);
  while (Atomics.load(ctl, 3) !== request);
}

/** ms to add 1 to every element here. */
function write(): number {
  const t = performance.now();
  for (let i = 0; i < N; i++) buffer[i] += 1;
  return performance.now() - t;
}


for (let i = 0; i < WARM; i++) write();
const alone: number[] = [], afterRead: number[] = [], afterWrite: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  write();
  alone.push(write());
  other(1);
  afterRead.push(write());
  other(2);
  afterWrite.push(write());
}
const base = median(alone);
console.log(`write ${(N * 4 / 1e6).toFixed(2)} MB on this core, median of ${ROUNDS} rounds:`);
for (const [what, xs] of [['alone (last written here)', alone], ['after another core read it', afterRead], ['after another core wrote it', afterWrite]] as const) {
  console.log(`  ${what.padEnd(28)} ${median(xs).toFixed(3)} ms  ${(median(xs) / base).toFixed(2)}x`);
}
