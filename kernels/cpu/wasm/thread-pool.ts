import { workerHost, type PoolWorker } from './worker-host';
import { CALL_WORDS, claimWord, CLAIMS, controlWords, createRunShare, CTL, JOB, JOB_HEADER, MAX_ARGS, MAX_CALLS, MAX_CHUNKS, shareStart, type RunShare } from './worker-source';

/** A module export called once per chunk of a job, with the chunk's [start, end) at args[rangeArg], args[rangeArg + 1]. */
export interface ChunkedCall {
  /** Index of the export in the pool's export list. */
  fn: number;
  args: readonly number[];
  rangeArg: number;
  /** An argument offset by thread × job.threadStride (e.g. a per-thread scratch pointer); -1 for none. */
  threadArg: number;
}

/** Work over `total` items in chunks of `chunk`, each thread taking a fixed share of them first; every call runs on each chunk. */
export interface ChunkedJob { calls: readonly ChunkedCall[]; total: number; chunk: number; threadStride: number }

/**
 * A job of one chunk, run here without posting it: it is this thread's whole share, and posting it would only wake
 * the workers (a futex wake, 0.1 – 0.3 ms on these machines) to find nothing to take.
 */
function runChunk(job: ChunkedJob, fns: readonly ((...args: number[]) => void)[]): void {
  for (const call of job.calls) {
    const args = call.args.slice();
    args[call.rangeArg] = 0;
    args[call.rangeArg + 1] = job.total;
    fns[call.fn](...args);
  }
}

// Spin iterations before a worker sleeps: ~0.5 ms, long enough to span the main thread's own work between two
// split calls of a training step (with 20,000, ~0.1 ms, the worker had gone to sleep before 79% of the steps'
// first dense1 call, and woke ~0.15 ms after it), short enough not to hold a shared core for long after.
const WORKER_SPIN = 100_000;
const MAIN_SPIN = 20_000;

/**
 * Worker threads (node:worker_threads, or Web Workers in a cross-origin-isolated page) that each run the same
 * WebAssembly module over one shared memory. The main thread posts a job in a shared control array and wakes
 * the workers with Atomics.notify; every thread, main included, then takes its fixed share of the chunks and what
 * is left of the shares of owners that have stalled (worker-source.ts), and the main thread waits until every
 * chunk is complete: spinning, then blocking in Atomics.wait where that is allowed (never on a page's main thread,
 * which spins).
 * Node workers are unref'd: they never keep the process alive.
 */
export class WasmThreadPool {
  private readonly ctl: Int32Array;
  private readonly workers: PoolWorker[] = [];
  private readonly started: Promise<void>;
  private readonly runShare: RunShare = createRunShare();
  private readonly mayWait: boolean;

  constructor(bytes: Uint8Array, memory: WebAssembly.Memory, names: readonly string[], workerCount: number) {
    const host = workerHost();
    if (!host) throw new Error('WasmThreadPool: no worker threads here (Node worker_threads, or Web Workers in a cross-origin-isolated page)');
    this.mayWait = host.mayWait;
    this.ctl = new Int32Array(new SharedArrayBuffer(4 * controlWords(workerCount + 1)));
    const ready: Promise<void>[] = [];
    for (let w = 0; w < workerCount; w++) {
      const started = host.start({ bytes, memory, control: this.ctl.buffer as SharedArrayBuffer, thread: w + 1, names: [...names], spin: WORKER_SPIN });
      ready.push(started.ready);
      this.workers.push(started.worker);
    }
    this.started = Promise.all(ready).then(() => undefined);
    // A failed start surfaces through ready(); without this it would also be an unhandled rejection.
    this.started.catch(() => undefined);
  }

  /** Number of worker threads (the main thread is one more). */
  get size(): number { return this.workers.length; }

  /** True once every worker has instantiated the module and is waiting for work. */
  get isReady(): boolean { return Atomics.load(this.ctl, CTL.ready) === this.workers.length; }

  /** Resolves when every worker is ready. */
  ready(): Promise<void> { return this.started; }

  /**
   * Runs the job on this thread and every ready worker, each taking its fixed share of the chunks first (then
   * what is left of stalled owners' shares), and returns when all are done.
   */
  run(job: ChunkedJob, fns: readonly ((...args: number[]) => void)[]): void {
    const ctl = this.ctl;
    const chunks = Math.ceil(job.total / job.chunk);
    const threads = this.workers.length + 1;
    if (job.calls.length > MAX_CALLS) throw new Error(`WasmThreadPool.run: at most ${MAX_CALLS} calls, got ${job.calls.length}`);
    if (chunks > MAX_CHUNKS) throw new Error(`WasmThreadPool.run: at most ${MAX_CHUNKS} chunks, got ${chunks}`);
    for (const call of job.calls) if (call.args.length > MAX_ARGS) throw new Error(`WasmThreadPool.run: at most ${MAX_ARGS} arguments, got ${call.args.length}`);
    if (chunks === 1) {
      runChunk(job, fns);
      return;
    }
    ctl[JOB] = job.calls.length;
    ctl[JOB + 1] = job.total;
    ctl[JOB + 2] = job.chunk;
    ctl[JOB + 3] = threads;
    ctl[JOB + 4] = job.threadStride;
    job.calls.forEach((call, i) => {
      const o = JOB + JOB_HEADER + i * CALL_WORDS;
      ctl[o] = call.fn;
      ctl[o + 1] = call.args.length;
      ctl[o + 2] = call.rangeArg;
      ctl[o + 3] = call.threadArg;
      ctl.set(call.args, o + 4);
    });
    Atomics.store(ctl, CTL.completed, 0);
    Atomics.store(ctl, CTL.error, 0);
    // The claim words last: a chunk taken means the job above is complete.
    // Shares rounded up, so that this thread, which starts first, takes the extra chunk of an uneven split.
    for (let t = 0; t < threads; t++) Atomics.store(ctl, CLAIMS + t, claimWord(shareStart(t, chunks, threads), shareStart(t + 1, chunks, threads)));
    Atomics.add(ctl, CTL.seq, 1);
    Atomics.notify(ctl, CTL.seq);
    this.runShare(ctl, fns, 0);
    for (let spins = 0; ;) {
      const completed = Atomics.load(ctl, CTL.completed);
      if (completed >= chunks) break;
      if (this.mayWait && spins++ >= MAIN_SPIN) Atomics.wait(ctl, CTL.completed, completed);
    }
    if (Atomics.load(ctl, CTL.error) !== 0) throw new Error('WasmThreadPool.run: a call failed while running a chunk');
  }

  /** Stops every worker: they leave their loop, then are terminated. */
  terminate(): void {
    Atomics.store(this.ctl, CTL.stop, 1);
    Atomics.add(this.ctl, CTL.seq, 1);
    Atomics.notify(this.ctl, CTL.seq);
    for (const w of this.workers) w.terminate();
  }
}
