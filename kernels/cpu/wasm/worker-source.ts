/** Word indices in the pool's control Int32Array. */
export const CTL = { seq: 0, completed: 2, ready: 3, stop: 4, error: 5 } as const;
/** The job: [calls, total, chunk, threads, threadStride], then per call [export index, argc, rangeArg, threadArg, MAX_ARGS args]. */
export const JOB = 8;
export const JOB_HEADER = 5;
export const MAX_ARGS = 24;
export const CALL_WORDS = 4 + MAX_ARGS;
export const MAX_CALLS = 4;
/** Then one claim word per thread: the chunks [front, back) of its share not yet taken, as front << 16 | back. */
export const CLAIMS = JOB + JOB_HEADER + MAX_CALLS * CALL_WORDS;
export const MAX_CHUNKS = 0xffff;
/** The control words of a pool of `threads` threads, main included. */
export const controlWords = (threads: number): number => CLAIMS + threads;

/** The first chunk of thread t's share of `chunks` split over `threads` (thread t's share ends where t + 1's starts). */
export const shareStart = (t: number, chunks: number, threads: number): number => Math.ceil((t * chunks) / threads);

/** The claim word of chunks [front, back). */
export const claimWord = (front: number, back: number): number => (front << 16) | back;

/** The least time (ms) a thread waits for a share's owner to take a chunk before it takes one itself. */
const MIN_PATIENCE_MS = 0.02;

/**
 * One thread's part of a job, as source text shared by the main thread and the workers. Each thread has a fixed
 * share of the chunks (thread t of T: [⌈t·chunks/T⌉, ⌈(t+1)·chunks/T⌉)) and takes them from the front; then,
 * done, it takes what is left of the others' shares from their back, but only from a share whose owner has
 * stalled (taken no chunk for twice this thread's mean chunk time), so that a thread slowed by other processes
 * leaves its work to the rest. Fixed shares keep a thread on the same part of an array from call to call: what
 * it writes (a weight's rows, their Adam moments) stays in its cache, and writing lines that another core has
 * read costs several times a cached write on these machines (bench/cross-core.ts). Taking the last chunks of an
 * owner that is merely a little behind broke that: the main thread took ~1.2 of the worker's four Adam chunks in
 * 96% of training steps, and its rows of the weights moved between the cores each time. Every call of the job
 * runs on each chunk's range [start, end), written into args[rangeArg] and args[rangeArg + 1]; args[threadArg],
 * when threadArg ≥ 0, is offset by thread × threadStride (per-thread scratch). The job is read only after a
 * chunk is taken: a worker that wakes after its job was finished by others can only take chunks of a job the
 * main thread has fully written (it writes the claim words last), and then runs them as that job's.
 */
const RUN_SHARE = `
function runShare(ctl, fns, thread) {
  const args = [];
  let done = 0, ownMs = 0, patience = ${MIN_PATIENCE_MS};
  const threads = ctl[${JOB + 3}];
  for (let i = 0; i < threads; i++) {
    const owner = (thread + i) % threads, word = ${CLAIMS} + owner;
    // Twice the mean of this thread's own chunks (done counts only those until the first other share).
    if (i === 1) patience = Math.max(${MIN_PATIENCE_MS}, (2 * ownMs) / Math.max(1, done));
    let seen = Atomics.load(ctl, word), since = performance.now();
    for (;;) {
      const v = Atomics.load(ctl, word), front = v >>> 16, back = v & 0xffff;
      if (front >= back) break;
      if (i > 0) {
        const now = performance.now();
        if (v !== seen) {
          seen = v;
          since = now;
          continue;
        }
        if (now - since < patience) continue;
      }
      const index = i === 0 ? front : back - 1;
      if (Atomics.compareExchange(ctl, word, v, i === 0 ? v + 0x10000 : v - 1) !== v) continue;
      // The owner is still stalled if, after this chunk, its word has only this change.
      seen = v - 1;
      const calls = ctl[${JOB}], total = ctl[${JOB + 1}], chunk = ctl[${JOB + 2}], stride = ctl[${JOB + 4}];
      const start = index * chunk, t0 = i === 0 ? performance.now() : 0;
      try {
        for (let c = 0; c < calls; c++) {
          const o = ${JOB + JOB_HEADER} + c * ${CALL_WORDS};
          const argc = ctl[o + 1], rangeArg = ctl[o + 2], threadArg = ctl[o + 3];
          args.length = argc;
          for (let a = 0; a < argc; a++) args[a] = ctl[o + 4 + a];
          args[rangeArg] = start;
          args[rangeArg + 1] = Math.min(start + chunk, total);
          if (threadArg >= 0) args[threadArg] += thread * stride;
          fns[ctl[o]](...args);
        }
      } catch (e) {
        Atomics.store(ctl, ${CTL.error}, 1);
      }
      if (i === 0) ownMs += performance.now() - t0;
      done++;
    }
  }
  if (done > 0) {
    Atomics.add(ctl, ${CTL.completed}, done);
    Atomics.notify(ctl, ${CTL.completed});
  }
}`;

export type RunShare = (ctl: Int32Array, fns: readonly ((...args: number[]) => void)[], thread: number) => void;

/** The main thread's copy of runShare, built from the same text (only when a pool starts). */
export function createRunShare(): RunShare {
  return new Function(`${RUN_SHARE}\nreturn runShare;`)() as RunShare;
}

/**
 * The worker's loop, as source text shared by both kinds of worker: it instantiates the same module bytes over
 * the shared memory, reports ready, then loops: wait for `seq` to change (spinning briefly first, since
 * back-to-back GEMMs are common and a futex wake costs tens of microseconds) and take its share of that job.
 * Workers may block in Atomics.wait (only a page's main thread may not).
 */
const WORKER_MAIN = `
function workerMain({ bytes, memory, control, thread, names, spin }, reportReady) {
  const ctl = new Int32Array(control);
  const exp = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
  const fns = names.map((n) => exp[n]);
  let seen = Atomics.load(ctl, ${CTL.seq});
  Atomics.add(ctl, ${CTL.ready}, 1);
  reportReady();
  for (;;) {
    for (let i = 0; i < spin && Atomics.load(ctl, ${CTL.seq}) === seen; i++);
    Atomics.wait(ctl, ${CTL.seq}, seen);
    seen = Atomics.load(ctl, ${CTL.seq});
    if (Atomics.load(ctl, ${CTL.stop}) !== 0) break;
    runShare(ctl, fns, thread);
  }
}
${RUN_SHARE}`;

/** What a worker is started with (posted to a Web Worker, workerData for a Node one). */
export interface WorkerStart {
  bytes: Uint8Array;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  thread: number;
  names: string[];
  spin: number;
}

/** A node:worker_threads worker's program (run with eval: true): its start data is its workerData. */
export const NODE_WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
${WORKER_MAIN}
workerMain(workerData, () => parentPort.postMessage('ready'));
`;

/** A Web Worker's program (loaded from a blob: URL): its start data is the first message it receives. */
export const WEB_WORKER_SOURCE = `
${WORKER_MAIN}
self.onmessage = (e) => { self.onmessage = null; workerMain(e.data, () => self.postMessage('ready')); };
`;
