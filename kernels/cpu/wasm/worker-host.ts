import { NODE_WORKER_SOURCE, WEB_WORKER_SOURCE, type WorkerStart } from './worker-source';

/** A started pool worker. */
export interface PoolWorker { terminate(): void }

/** Where the pool's workers come from: node:worker_threads in Node, Web Workers in a browser. */
export interface WorkerHost {
  /** In words, for getBackend(): 'worker_threads' or 'web workers'. */
  readonly kind: string;
  /** Whether the calling thread may block in Atomics.wait: never a page's main thread, which may only spin. */
  readonly mayWait: boolean;
  /** Cores this runtime reports. */
  readonly parallelism: number;
  /** Starts one worker; `ready` resolves once it has instantiated the module and waits for work. */
  start(data: WorkerStart): { worker: PoolWorker; ready: Promise<void> };
  /**
   * The CPU time other processes have used so far, all cores together (ms), where the system reports it (Linux);
   * else absent.
   */
  readonly othersCpuMs?: () => number;
}

type BuiltinGetter = (id: string) => unknown;

/** Node's builtin module getter (Node ≥ 20.16), fetched at run time so that bundles stay loadable in browsers. */
function builtinGetter(): BuiltinGetter | undefined {
  return (globalThis as { process?: { getBuiltinModule?: BuiltinGetter } }).process?.getBuiltinModule;
}

// Linux's /proc/stat counts in USER_HZ ticks, 100 a second on every architecture Node runs on.
const MS_PER_TICK = 10;

/**
 * Reads the busy time of every core from Linux's /proc/stat (its first line: user, nice, system, idle, iowait, irq,
 * softirq, ... ticks) less this process's own CPU time, or undefined where that cannot be read. Time the hypervisor
 * steals is left out: it slows every thread alike.
 */
function othersCpuReader(getBuiltin: BuiltinGetter): (() => number) | undefined {
  const fs = getBuiltin('node:fs') as typeof import('node:fs') | undefined;
  const read = (): number => {
    const f = fs!.readFileSync('/proc/stat', 'latin1').split('\n', 1)[0].trim().split(/\s+/);
    const busy = (Number(f[1]) + Number(f[2]) + Number(f[3]) + Number(f[6]) + Number(f[7])) * MS_PER_TICK;
    // Off globalThis, as getBuiltinModule above: a bare `process` makes some bundlers add a polyfill to a page.
    const own = (globalThis as { process: NodeJS.Process }).process.cpuUsage();
    return busy - (own.user + own.system) / 1000;
  };
  try {
    return fs && Number.isFinite(read()) ? read : undefined;
  } catch {
    return undefined;
  }
}

function nodeHost(getBuiltin: BuiltinGetter): WorkerHost | undefined {
  const wt = getBuiltin('node:worker_threads') as typeof import('node:worker_threads') | undefined;
  if (!wt) return undefined;
  const os = getBuiltin('node:os') as typeof import('node:os') | undefined;
  return {
    kind: 'worker_threads',
    othersCpuMs: othersCpuReader(getBuiltin),
    mayWait: true,
    parallelism: os?.availableParallelism?.() ?? 1,
    start(data) {
      const worker = new wt.Worker(NODE_WORKER_SOURCE, { eval: true, workerData: data });
      // Held (ref'd) only until it reports ready, so that awaiting ready keeps a script alive meanwhile; never after.
      const ready = new Promise<void>((resolve, reject) => {
        worker.once('message', () => { worker.unref(); resolve(); });
        worker.once('error', reject);
      });
      return { worker: { terminate: () => void worker.terminate() }, ready };
    },
  };
}

interface BrowserGlobals {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
  WorkerGlobalScope?: abstract new () => unknown;
}

function webHost(): WorkerHost {
  const g = globalThis as BrowserGlobals;
  let url: string | undefined;
  return {
    kind: 'web workers',
    // Inside a worker (tessera itself running in one) blocking is allowed; on a page's main thread it throws.
    mayWait: g.WorkerGlobalScope !== undefined && globalThis instanceof g.WorkerGlobalScope,
    parallelism: g.navigator?.hardwareConcurrency ?? 1,
    start(data) {
      // One blob: URL for every worker: no script file to serve, and it survives bundling.
      url ??= URL.createObjectURL(new Blob([WEB_WORKER_SOURCE], { type: 'text/javascript' }));
      const worker = new Worker(url, { name: `tessera-thread-${data.thread}` });
      const ready = new Promise<void>((resolve, reject) => {
        worker.addEventListener('message', () => resolve(), { once: true });
        worker.addEventListener('error', (e) => reject(new Error(`tessera worker ${data.thread} failed to start: ${e.message}`)), { once: true });
      });
      worker.postMessage(data);
      return { worker, ready };
    },
  };
}

let host: WorkerHost | null | undefined;

/**
 * Where workers can start here, or null: Node with worker_threads, or a cross-origin-isolated browser context
 * (SharedArrayBuffer and Atomics exist only there) that has Web Workers.
 */
export function workerHost(): WorkerHost | null {
  if (host !== undefined) return host;
  const getBuiltin = builtinGetter();
  if (typeof SharedArrayBuffer !== 'function') host = null;
  else if (getBuiltin) host = nodeHost(getBuiltin) ?? null;
  else if (typeof Worker === 'function' && (globalThis as BrowserGlobals).crossOriginIsolated === true) host = webHost();
  else host = null;
  return host;
}

/** Why this runtime runs one thread, in words for getBackend(); undefined when workers can start. */
export function whyOneThread(): string | undefined {
  if (workerHost()) return undefined;
  const g = globalThis as BrowserGlobals;
  if (g.crossOriginIsolated === false) return 'the page is not cross-origin isolated';
  if (typeof SharedArrayBuffer !== 'function') return 'no SharedArrayBuffer here';
  return 'no worker threads here';
}
