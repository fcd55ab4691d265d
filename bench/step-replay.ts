// Whether the training step's kernels are slower in a step for memory or for threads:
// `npx tsx bench/step-replay.ts [--threads 2] [--steps 25] [--warm 30]` trains the seed model on real MNIST
// (trainOnBatch, batch 32). Of each pair of steps after `--warm`, the first times its kernel calls as they run; the
// second copies their operands as it runs (one copy per array, so that calls sharing an operand share its copy, as
// the products and Adam share dense1's weights; its own times are left out, the copying having stirred the caches),
// and its calls are then replayed on the copies: all back to back in their order (no JS between them), then each
// alone (right after one call of itself), then each alone right after a 64 MB read that evicts the caches and the
// TLB. Interleaved pair by pair, so that other processes weigh on all four alike; prints medians per call.
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import * as tn from '../src/node';
import { CpuBackend } from '../src/backend/cpu/cpu-backend';
import { registerBackend, setBackend } from '../src/backend/registry';
import type { CpuKernels } from '../kernels/cpu/kernel-set';
import { getGemmThreads, setGemmThreads, simdKernels } from '../kernels/cpu/wasm/index';
import { seedModel } from '../examples/seed-model';
import { intFlag } from '../examples/int-flag';
import { copyOf, kernelKey } from './profile';
import { median } from './median';

const { values: opts } = parseArgs({ options: { threads: { type: 'string' }, steps: { type: 'string', default: '25' }, warm: { type: 'string', default: '30' } } });
const [steps, warm] = [intFlag('steps', opts.steps), intFlag('warm', opts.warm)];
const BATCH = 32;
const CONDITIONS = ['in step', 'in order', 'alone', 'cold'];
// A call whose step time is below this (ms) is left out of the table, though not out of the sums.
const SHOWN_MS = 0.05;

const inner = simdKernels();
const memory = inner.memory;
if (!memory) throw new Error('bench/step-replay.ts: needs the WebAssembly SIMD kernels');
/** This step's calls, in order: key (position in the step and kernel), time in the step, and a replay on copies. */
let calls: { key: string; ms: number; replay: () => void }[] = [];
/** The copies of this step's arrays, by array; undefined in a step that is timed, not copied. */
let copies: Map<unknown, unknown> | undefined;
const shared = (a: unknown): unknown => {
  if (!copies || !ArrayBuffer.isView(a)) return a;
  if (!copies.has(a)) copies.set(a, copyOf(a, memory));
  return copies.get(a);
};
const wrapped: Record<string, unknown> = { memory };
for (const [name, fn] of Object.entries(inner) as [string, unknown][]) {
  if (typeof fn !== 'function') continue;
  wrapped[name] = (...args: unknown[]) => {
    const copied = args.map(shared);
    const t = performance.now();
    const result: unknown = fn(...args);
    calls.push({ key: `${String(calls.length).padStart(2)} ${kernelKey(name, args)}`, ms: performance.now() - t, replay: () => fn(...copied) });
    return result;
  };
}
registerBackend('cpu', () => new CpuBackend(wrapped as unknown as CpuKernels, () => 'step replay'));
setBackend('cpu');
if (opts.threads) await setGemmThreads(intFlag('threads', opts.threads));

const data = await tn.data.loadMnist();
tn.setRandomSeed(1);
const model = seedModel(tn);
const batch = (i: number): [tn.Tensor, tn.Tensor] => [data.train.images.slice(i * BATCH, BATCH), data.train.labels.slice(i * BATCH, BATCH)];
const flushBuffer = new Float32Array(16 << 20).fill(1);
let sink = 0;
/** Reads one float per 64-byte line of 64 MB: evicts the caches and the TLB. */
const flush = (): void => {
  let s = 0;
  for (let i = 0; i < flushBuffer.length; i += 16) s += flushBuffer[i];
  sink += s;
};
const timed = (run: () => void): number => {
  const t = performance.now();
  run();
  return performance.now() - t;
};

const times = new Map<string, number[][]>();
const record = (key: string, condition: number, ms: number): void => {
  if (!times.has(key)) times.set(key, CONDITIONS.map(() => []));
  times.get(key)?.[condition].push(ms);
};
for (let s = 0; s < warm + 2 * steps; s++) {
  const copied = s >= warm && (s - warm) % 2 === 1;
  [calls, copies] = [[], copied ? new Map() : undefined];
  const [x, y] = batch(s);
  await model.trainOnBatch(x, y);
  x.dispose();
  y.dispose();
  if (s >= warm && !copied) for (const c of calls) record(c.key, 0, c.ms);
  if (copies) {
    for (const c of calls) record(c.key, 1, timed(c.replay));
    for (const c of calls) {
      c.replay();
      record(c.key, 2, timed(c.replay));
    }
    for (const c of calls) {
      flush();
      record(c.key, 3, timed(c.replay));
    }
    for (const c of copies.values()) if (ArrayBuffer.isView(c)) memory.release(c);
  }
}

console.log(`Seed model, steps ${warm + 1}–${warm + 2 * steps} (${steps} timed, ${steps} replayed), ${getGemmThreads()} thread(s); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('ms per call, median: in the step; the step\'s calls replayed in order; each alone; each alone after a 64 MB read');
console.log(`  ${CONDITIONS.map((c) => c.padStart(9)).join('')}`);
const sums = CONDITIONS.map(() => 0);
for (const [key, t] of times) {
  const m = t.map(median);
  m.forEach((ms, i) => (sums[i] += ms));
  if (m[0] >= SHOWN_MS) console.log(`  ${m.map((ms) => ms.toFixed(3).padStart(9)).join('')}  ${key}`);
}
console.log(`  ${sums.map((ms) => ms.toFixed(3).padStart(9)).join('')}  sum over all ${times.size} calls${sink < 0 ? '' : ''}`);
process.exit(0);
