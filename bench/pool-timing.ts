// How the split calls of a profiled run share their work between the main thread and the workers, from the main
// thread's side: for each pool job, how many of its chunks the main thread ran, how long those took, and how long it
// waited for the rest (spinning for a stalled owner's chunks, then until every chunk was complete). A call slower in
// a training step than alone is then either slower in its own chunks (memory) or waiting for a worker (late, slow,
// or busy elsewhere). Patches WasmThreadPool.prototype.run for the rest of the process: for benches only.
import { WasmThreadPool } from '../kernels/cpu/wasm/thread-pool';
import type { RunShare } from '../kernels/cpu/wasm/worker-source';

/** Totals over the jobs that ran under one key. */
export interface PoolStats { jobs: number; chunks: number; mainChunks: number; mainWorkMs: number; mainWaitMs: number }

type Fn = (...args: number[]) => void;

/** Starts timing every pool job under the key `keyNow()` gives when it starts; returns the totals by key, live. */
export function timePoolJobs(keyNow: () => string): Map<string, PoolStats> {
  const stats = new Map<string, PoolStats>();
  // The main thread's chunk calls, counted and timed through wrapped copies of the pool's function list.
  let calls = 0;
  let workMs = 0;
  const counted = new WeakMap<readonly Fn[], Fn[]>();
  const countedFns = (fns: readonly Fn[]): Fn[] => {
    let c = counted.get(fns);
    if (!c) {
      c = fns.map((f) => (...args: number[]) => {
        const t = performance.now();
        f(...args);
        workMs += performance.now() - t;
        calls++;
      });
      counted.set(fns, c);
    }
    return c;
  };
  const wrapped = new WeakSet<object>();
  const run = WasmThreadPool.prototype.run;
  WasmThreadPool.prototype.run = function (this: WasmThreadPool, job, fns) {
    const pool = this as unknown as { runShare: RunShare };
    if (!wrapped.has(pool)) {
      const own = pool.runShare;
      pool.runShare = (ctl, f, thread) => own(ctl, countedFns(f), thread);
      wrapped.add(pool);
    }
    [calls, workMs] = [0, 0];
    const t = performance.now();
    run.call(this, job, fns);
    const ms = performance.now() - t;
    const key = keyNow();
    const s = stats.get(key) ?? { jobs: 0, chunks: 0, mainChunks: 0, mainWorkMs: 0, mainWaitMs: 0 };
    s.jobs++;
    s.chunks += Math.ceil(job.total / job.chunk);
    s.mainChunks += calls / job.calls.length;
    s.mainWorkMs += workMs;
    s.mainWaitMs += ms - workMs;
    stats.set(key, s);
  };
  return stats;
}
