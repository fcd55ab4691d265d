import { gemm as gemmJs, type GemmFn } from '../gemm';
import { createSimdGemm, type SimdGemm } from './gemm-simd';
import { simdSupported } from './simd-support';

export { CodeWriter, ValType, type BlockType } from './code-writer';
export { ModuleBuilder, type MemoryLimits } from './module-builder';
export { simdSupported, relaxedSimdSupported, sharedMemorySupported } from './simd-support';
export { createSimdGemm, SPLIT_FLOPS, type SimdGemm, type SimdGemmOptions } from './gemm-simd';

let instance: SimdGemm | undefined;
const shared = (): SimdGemm | undefined => (simdSupported() ? (instance ??= createSimdGemm()) : undefined);

/**
 * The process-wide fast GEMM: WebAssembly SIMD (split across worker threads when large) for Float32Array
 * operands where the engine supports SIMD; the JS gemm otherwise.
 */
export const gemmSimd: GemmFn = (a, b, c, m, n, k, transA, transB, accumulate) => {
  const g = shared();
  if (g) g.gemm(a, b, c, m, n, k, transA, transB, accumulate);
  else gemmJs(a, b, c, m, n, k, transA, transB, accumulate);
};

/** Sets how many threads (main included) gemmSimd uses; resolves once the workers are ready. */
export function setGemmThreads(n: number): Promise<void> {
  return shared()?.setThreads(n) ?? Promise.resolve();
}

/** How many threads gemmSimd uses (1 where SIMD or threads are unavailable). */
export function getGemmThreads(): number {
  return shared()?.threads ?? 1;
}

/** Stops gemmSimd's worker threads and returns it to one thread (workers never keep the process alive; this frees them now). */
export function terminateGemmThreads(): void {
  instance?.terminate();
}
