// Where a training step of the residual CNN (examples/resnet-model.ts: batch norm, relu, add skips, global
// average pooling, Adam, batch 32 on real MNIST) spends its time, by op and by phase (bench/profile.ts's profiler),
// and, on more than one thread, how long the main thread waited on the pool's workers in the calls it split
// (bench/pool-timing.ts): its largest waits by op, and their sum per step.
//
//   npx tsx bench/profile-resnet.ts [steps = 40] [threads = 1]
import { PerformanceObserver } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import * as tn from '../src/node';
import { setGemmThreads } from '../kernels/cpu/wasm/index';
import { resnetModel } from '../examples/resnet-model';
import { poolShare, profiledCpu, table } from './profile';
import { timePoolJobs } from './pool-timing';

const STEPS = Number(process.argv[2] ?? 40);
const THREADS = Number(process.argv[3] ?? 1);
const WARM_STEPS = 5;
const BATCH = 32;

await setGemmThreads(THREADS);
const p = profiledCpu();
const pool = timePoolJobs(() => p.current);
const { train } = await tn.data.loadMnist();
const model = resnetModel(tn, 1);
model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
const batches = Array.from({ length: WARM_STEPS + STEPS }, (_, b) => [train.images.slice(b * BATCH, BATCH), train.labels.slice(b * BATCH, BATCH)] as const);
for (let b = 0; b < WARM_STEPS; b++) await model.trainOnBatch(...batches[b]);

let gcMs = 0;
const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
gc.observe({ entryTypes: ['gc'] });
p.reset();
pool.clear();
const t = performance.now();
for (let b = WARM_STEPS; b < WARM_STEPS + STEPS; b++) await model.trainOnBatch(...batches[b]);
const ms = performance.now() - t;
await new Promise((resolve) => setTimeout(resolve, 10)); // GC entries arrive asynchronously
gc.disconnect();

console.log(`Profile of the residual CNN (${tn.getBackend()}, ${THREADS} thread(s)); load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const line of table(`Training step (trainOnBatch, batch ${BATCH}): ${((STEPS * BATCH) / (ms / 1000)).toFixed(0)} samples/s while profiled`, STEPS, ms, p, gcMs, [])) console.log(line);
if (THREADS > 1) {
  const waits = [...pool].sort((a, b) => b[1].mainWaitMs - a[1].mainWaitMs);
  const total = waits.reduce((sum, [, s]) => sum + s.mainWaitMs, 0);
  console.log(`\nThe main thread's wait on the workers in split calls: ${(total / STEPS).toFixed(3)} ms per step; the largest, by op, per step:`);
  console.log('     jobs     chunks      run     wait');
  for (const [key, s] of waits.slice(0, 8)) console.log(`    ${poolShare(s, STEPS)}  ${key}`);
}
