import { gemm as gemmJs, type GemmFn } from '../gemm';
import { jsKernels, type CpuKernels } from '../kernel-set';
import { simdGemmsOn } from './gemm-simd';
import { WasmRuntime } from './runtime';
import { simdSupported } from './simd-support';
import { simdKernelsOn } from './simd-ops';
import { whyOneThread } from './worker-host';

export { CodeWriter, ValType, type BlockType } from './code-writer';
export { ModuleBuilder, type MemoryLimits } from './module-builder';
export { simdSupported, relaxedSimdSupported, sharedMemorySupported } from './simd-support';
export { createSimdGemm, SPLIT_FLOPS, type GemmBiasActivationFn, type SimdGemm, type SimdGemmOptions } from './gemm-simd';
export { WasmRuntime } from './runtime';
export { simdKernelsOn, SPLIT_ELEMENTS } from './simd-ops';

interface Shared { runtime: WasmRuntime; kernels: CpuKernels }
let instance: Shared | undefined;

/** The process-wide runtime and its kernels, made on first use; undefined where the engine lacks SIMD. */
function shared(): Shared | undefined {
  if (!simdSupported()) return undefined;
  if (!instance) {
    const runtime = new WasmRuntime({ mr: 4, nr: 8, fma: false });
    // Split only the calls measured to run faster split: other processes often hold the second core.
    runtime.adaptive = true;
    instance = { runtime, kernels: simdKernelsOn(runtime, simdGemmsOn(runtime)) };
  }
  return instance;
}

/**
 * The process-wide fast GEMM: WebAssembly SIMD (split across worker threads when large) for Float32Array
 * operands where the engine supports SIMD; the JS gemm otherwise.
 */
export const gemmSimd: GemmFn = (a, b, c, m, n, k, transA, transB, accumulate) => {
  (shared()?.kernels.gemm ?? gemmJs)(a, b, c, m, n, k, transA, transB, accumulate);
};

/** The process-wide SIMD kernel set (sharing gemmSimd's memory and threads); the JS kernels where SIMD is missing. */
export function simdKernels(): CpuKernels {
  return shared()?.kernels ?? jsKernels;
}

/** Sets how many threads (main included) the SIMD kernels use; resolves once the workers are ready. */
export function setGemmThreads(n: number): Promise<void> {
  return shared()?.runtime.setThreads(n) ?? Promise.resolve();
}

/** How many threads the SIMD kernels use (1 where SIMD or threads are unavailable). */
export function getGemmThreads(): number {
  return shared()?.runtime.threads ?? 1;
}

/**
 * The SIMD kernels' threads in words: 'up to 2 threads, web workers' ("up to": large calls are split only where
 * that has been timed to pay), '1 thread', or '1 thread: <why no more>' where threads cannot start here.
 */
export function describeThreads(): string {
  const runtime = shared()?.runtime;
  if (!runtime) return '1 thread';
  if (runtime.threads > 1) return `up to ${runtime.threads} threads, ${runtime.threadSource}`;
  const why = whyOneThread();
  return why ? `1 thread: ${why}` : '1 thread';
}

/** Stops the SIMD kernels' worker threads and returns them to one thread (workers never keep the process alive; this frees them now). */
export function terminateGemmThreads(): void {
  instance?.runtime.terminate();
}
