/** Word indices in the pool's control Int32Array. */
export const CTL = { seq: 0, claim: 1, completed: 2, ready: 3, stop: 4, error: 5 } as const;
/** The job: [calls, total, chunk, chunks, threadStride], then per call [export index, argc, rangeArg, threadArg, MAX_ARGS args]. */
export const JOB = 8;
export const JOB_HEADER = 5;
export const MAX_ARGS = 24;
export const CALL_WORDS = 4 + MAX_ARGS;
export const MAX_CALLS = 4;
export const MAX_CHUNKS = 0xffff;
export const CONTROL_WORDS = JOB + JOB_HEADER + MAX_CALLS * CALL_WORDS;

/** The claim word of job `seq`: its tag in the high bits, the next chunk index in the low 16. */
export const claimTag = (seq: number): number => (seq & 0x7fff) << 16;

/**
 * One thread's share of job `seq`, as source text shared by the main thread and the workers: claim chunk
 * indices until none are left, and run every call of the job on each chunk's range [start, end), written into
 * args[rangeArg] and args[rangeArg + 1]; args[threadArg], when threadArg ≥ 0, is offset by
 * thread × threadStride (per-thread scratch). A claim is a compare-exchange on a word tagged with the job, so a
 * worker that wakes late, after its job was finished by others, claims nothing from the next one by mistake;
 * a successful claim also pins the job, since it is not complete until that chunk is. Claiming chunks rather
 * than fixed halves keeps work flowing when one thread is slowed down by other processes.
 */
const RUN_SHARE = `
function runShare(ctl, fns, thread, seq) {
  const tag = (seq & 0x7fff) << 16;
  const args = [];
  for (;;) {
    const v = Atomics.load(ctl, ${CTL.claim});
    if ((v & ~0xffff) !== tag) return;
    const index = v & 0xffff;
    if (index >= ctl[${JOB + 3}]) return;
    if (Atomics.compareExchange(ctl, ${CTL.claim}, v, v + 1) !== v) continue;
    const calls = ctl[${JOB}], total = ctl[${JOB + 1}], chunk = ctl[${JOB + 2}], stride = ctl[${JOB + 4}];
    const start = index * chunk;
    try {
      for (let c = 0; c < calls; c++) {
        const o = ${JOB + JOB_HEADER} + c * ${CALL_WORDS};
        const argc = ctl[o + 1], rangeArg = ctl[o + 2], threadArg = ctl[o + 3];
        args.length = argc;
        for (let i = 0; i < argc; i++) args[i] = ctl[o + 4 + i];
        args[rangeArg] = start;
        args[rangeArg + 1] = Math.min(start + chunk, total);
        if (threadArg >= 0) args[threadArg] += thread * stride;
        fns[ctl[o]](...args);
      }
    } catch (e) {
      Atomics.store(ctl, ${CTL.error}, 1);
    }
    Atomics.add(ctl, ${CTL.completed}, 1);
    Atomics.notify(ctl, ${CTL.completed});
  }
}`;

export type RunShare = (ctl: Int32Array, fns: readonly ((...args: number[]) => void)[], thread: number, seq: number) => void;

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
    runShare(ctl, fns, thread, seen);
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
