import { kernelIndex } from './kernel-module';
import type { WasmRuntime } from './runtime';
import type { WasmThreadPool } from './thread-pool';

// Shared operands smaller than this many floats are packed (or listed, or checked) by the main thread alone.
export const PARALLEL_PACK_MIN = 16_384;
// Chunks per thread when splitting: enough that a thread slowed by other processes leaves work to the other.
const CHUNKS_PER_THREAD = 4;

/** Items per chunk when `total` items are split across `threads`, a multiple of `quantum` (at least one quantum). */
export const chunkOf = (total: number, threads: number, quantum = 1): number =>
  Math.max(quantum, Math.ceil(total / (threads * CHUNKS_PER_THREAD) / quantum) * quantum);

const ALL_FINITE = kernelIndex('all_finite');

/**
 * Whether the `length` floats at byte `at` are all finite (all_finite; split across the pool when given and
 * large), with 4 bytes at `flag` for the answer. Zero products may be skipped only then: 0·Inf and 0·NaN are NaN.
 */
export function allFinite(runtime: WasmRuntime, p: WasmThreadPool | undefined, at: number, length: number, flag: number): boolean {
  const answer = new Int32Array(runtime.heap.memory.buffer, flag, 1);
  answer[0] = 1;
  const args = [at, flag, 0, length];
  if (p && length >= PARALLEL_PACK_MIN) {
    p.run({ calls: [{ fn: ALL_FINITE, args, rangeArg: 2, threadArg: -1 }], total: length, chunk: Math.ceil(length / runtime.threads / 64) * 16, threadStride: 0 }, runtime.fns);
  } else {
    runtime.fns[ALL_FINITE](...args);
  }
  return answer[0] === 1;
}
