import type { GemmKernelShape } from './gemm-module';
import { buildKernelModule, kernelIndex, KERNEL_EXPORTS, type KernelExport } from './kernel-module';
import type { MemoryLimits } from './module-builder';
import { sharedMemorySupported, simdSupported } from './simd-support';
import { WasmThreadPool, type ChunkedJob } from './thread-pool';
import { whyOneThread, workerHost } from './worker-host';
import { SplitChooser } from './split-chooser';
import { ContentionGauge } from './contention';
import { WasmHeap } from './wasm-heap';

const MAX_PAGES = 32_768; // 2 GiB: byte addresses stay positive i32s.
// A fixed memory's size: reserved up front (address space; pages are backed only once touched), never grown.
const FIXED_PAGES = 4096; // 256 MiB

/**
 * The kernels' memory:
 * - 'shared': a shared memory, growable (growth keeps views intact): resident arrays, and threads where
 *   workers can start;
 * - 'fixed': where shared memory is unavailable (a page that is not cross-origin isolated), a non-shared memory
 *   of FIXED_PAGES that never grows, so its views never detach: resident arrays until it is full (then plain
 *   arrays, copied in and out), one thread;
 * - 'growable': a non-shared growable memory: no resident arrays, every operand copied in and out, one thread.
 */
export type MemoryKind = 'shared' | 'fixed' | 'growable';

function memoryLimits(kind: MemoryKind): Required<MemoryLimits> {
  if (kind === 'fixed') return { initial: FIXED_PAGES, maximum: FIXED_PAGES, shared: false };
  return { initial: 16, maximum: MAX_PAGES, shared: kind === 'shared' };
}
const ALIGN = 64;

export const alignUp = (x: number): number => Math.ceil(x / ALIGN) * ALIGN;

function defaultThreads(): number {
  return Math.max(1, Math.min(4, workerHost()?.parallelism ?? 1));
}

export type KernelFn = (...args: number[]) => void;

/**
 * The kernel module instantiated over one memory (see MemoryKind: tensors stay resident in it, threads or not),
 * and the worker threads that run its exports over the same memory. The memory's blocks are handed out by its heap (wasm-heap.ts):
 * resident arrays that hold tensor values between calls, and each call's temporaries. Calls run one at a time
 * on the calling thread (workers only help inside a call).
 */
export class WasmRuntime {
  readonly heap: WasmHeap;
  readonly fns: readonly KernelFn[];
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private readonly shared: boolean;
  private pool: WasmThreadPool | undefined;
  private threadCount: number;
  private readonly chooser = new SplitChooser();
  /** When the cores are busy with other processes (Linux only: see ContentionGauge), calls run on this thread. */
  private readonly gauge: ContentionGauge | undefined;
  /**
   * Whether calls worth splitting are split only where that has been measured to pay (see SplitChooser), rather
   * than always. Results are the same bits either way.
   */
  adaptive = false;

  /**
   * @param threads threads for large calls, main included (default: available cores, at most 4)
   * @param options.memory the memory kind (default 'shared' where the engine has shared memory, else 'fixed');
   *   tests force the others
   */
  constructor(shape: GemmKernelShape, threads?: number, options: { memory?: MemoryKind } = {}) {
    if (!simdSupported()) throw new Error('WasmRuntime: this engine does not support WebAssembly SIMD');
    const kind = options.memory ?? (sharedMemorySupported() ? 'shared' : 'fixed');
    this.shared = kind === 'shared';
    const limits = memoryLimits(kind);
    this.bytes = buildKernelModule(shape, limits);
    this.heap = new WasmHeap(limits.initial, limits.maximum, this.shared);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(this.bytes), { env: { memory: this.heap.memory } });
    this.fns = KERNEL_EXPORTS.map((n) => instance.exports[n] as KernelFn);
    this.threadCount = this.canThread() ? Math.max(1, Math.floor(threads ?? defaultThreads())) : 1;
    const host = this.canThread() ? workerHost() : null;
    this.gauge = host?.othersCpuMs && new ContentionGauge(host.othersCpuMs, host.parallelism);
  }

  /** Threads used for large calls, main included. */
  get threads(): number { return this.threadCount; }

  /** Where the threads come from ('worker_threads', 'web workers'), or why there is only one, in words. */
  get threadSource(): string {
    if (!this.shared) return whyOneThread() ?? 'no shared WebAssembly memory here';
    return workerHost()?.kind ?? whyOneThread() ?? '';
  }

  private canThread(): boolean {
    return this.shared && workerHost() !== null;
  }

  fn(name: KernelExport): KernelFn { return this.fns[kernelIndex(name)]; }

  /** The pool, started if needed, when more than one thread is wanted and every worker is ready; else undefined. */
  readyPool(): WasmThreadPool | undefined {
    if (this.threadCount > 1 && this.pool?.size !== this.threadCount - 1) {
      this.pool?.terminate();
      this.pool = new WasmThreadPool(this.bytes, this.heap.memory, KERNEL_EXPORTS, this.threadCount - 1);
    }
    return this.pool?.isReady ? this.pool : undefined;
  }

  /**
   * Calls export `name` on [0, total) (its range arguments at args[rangeArg], args[rangeArg + 1]): at once on
   * this thread, or, when `split` and the pool is ready, in chunks of `chunk` shared out among the threads
   * (always when `pinned`, see choosing()).
   */
  runRange(name: KernelExport, args: number[], rangeArg: number, total: number, chunk: number, split: boolean, pinned = false): void {
    this.choosing(`${name}:${total}`, split && total > chunk, (pool) => {
      if (!pool) {
        args[rangeArg] = 0;
        args[rangeArg + 1] = total;
        this.fn(name)(...args);
        return;
      }
      const job: ChunkedJob = { calls: [{ fn: kernelIndex(name), args, rangeArg, threadArg: -1 }], total, chunk, threadStride: 0 };
      pool.run(job, this.fns);
    }, pinned);
  }

  /**
   * Runs `body` with the pool when a call of shape `key` is worth splitting (`wanted`), the pool is ready, the cores
   * are not busy with other processes and, when adaptive and not `pinned`, splitting has been measured to pay for
   * that shape; else with undefined (run it on this thread). Calls over a layer's weights are pinned: split always, every thread keeps to its share of them,
   * where a call on one thread would read the other's share and make that thread's next write to it slow.
   */
  choosing(key: string, wanted: boolean, body: (pool: WasmThreadPool | undefined) => void, pinned = false): void {
    const pool = wanted && this.threadCount > 1 && !this.gauge?.solo(performance.now(), this.threadCount) ? this.readyPool() : undefined;
    if (!pool || !this.adaptive || pinned) {
      body(pool);
      return;
    }
    const split = this.chooser.decide(key);
    const t = performance.now();
    body(split ? pool : undefined);
    this.chooser.record(key, split, performance.now() - t);
  }

  /** Sets the thread count, starting or stopping workers; resolves once they are ready to take work. */
  setThreads(n: number): Promise<void> {
    if (!Number.isInteger(n) || n < 1) throw new Error(`setThreads: n must be an integer ≥ 1, got ${n}`);
    this.threadCount = this.canThread() ? n : 1;
    if (this.threadCount === 1) {
      this.terminatePool();
      return Promise.resolve();
    }
    this.readyPool();
    return this.pool?.ready() ?? Promise.resolve();
  }

  /** Stops the workers and returns to one thread until setThreads(). */
  terminate(): void {
    this.terminatePool();
    this.threadCount = 1;
  }

  private terminatePool(): void {
    this.pool?.terminate();
    this.pool = undefined;
  }
}
