import { expect } from 'vitest';
import type { CpuKernels } from '../../kernels/cpu/kernel-set';
import { simdGemmsOn } from '../../kernels/cpu/wasm/gemm-simd';
import { WasmRuntime, type MemoryKind } from '../../kernels/cpu/wasm/runtime';
import { simdKernelsOn } from '../../kernels/cpu/wasm/simd-ops';

/**
 * Deterministic values in [-1, 1) from a small LCG; every `zeroEvery`-th is 0 and values snap to `levels` steps
 * when given, so relu boundaries, ties in max-pooling and signed zeros all occur.
 */
export function randomArray(length: number, seed: number, levels = 0): Float32Array {
  const x = new Float32Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 31 - 1;
    x[i] = i % 7 === 3 ? (i % 2 ? -0 : 0) : levels ? Math.round(u * levels) / levels : u;
  }
  return x;
}

/** Index of the first element whose bits differ (-1 if none). */
export function firstDifference(x: Float32Array | Int32Array, y: Float32Array | Int32Array): number {
  const bx = new Uint32Array(x.buffer, x.byteOffset, x.length), by = new Uint32Array(y.buffer, y.byteOffset, y.length);
  if (bx.length !== by.length) return Math.min(bx.length, by.length);
  for (let i = 0; i < bx.length; i++) if (bx[i] !== by[i]) return i;
  return -1;
}

export const sameBits = (got: Float32Array | Int32Array, want: Float32Array | Int32Array): void => expect(firstDifference(got, want)).toBe(-1);

export type Place = <T extends Float32Array | Int32Array | Uint8Array>(x: T) => T;
export const asIs: Place = (x) => x;

/**
 * Where a SIMD call's operands live: `resident` copies each into a new resident array of `runtime`'s memory (so
 * kernels use it in place); `mixed` does so for every other operand, so in-place and copied operands meet in one call.
 */
export function placeIn(runtime: WasmRuntime, mode: 'resident' | 'mixed'): Place {
  let n = 0;
  return <T extends Float32Array | Int32Array | Uint8Array>(x: T): T => {
    if (mode === 'mixed' && n++ % 2 === 0) return x;
    const { heap } = runtime;
    const r = (x instanceof Int32Array ? heap.allocI32(x.length) : x instanceof Uint8Array ? heap.allocU8(x.length) : heap.allocF32(x.length)) as T | undefined;
    if (!r) throw new Error('test: no resident memory');
    r.set(x);
    return r;
  };
}

/**
 * The SIMD kernel set over a runtime of its own, with `threads` threads (main included) and the runtime's default
 * memory unless `memory` says; `splitAll` splits every call however small, so that the chunked paths run.
 */
export function ownKernels(threads: number, options: { splitAll?: boolean; memory?: MemoryKind } = {}): [WasmRuntime, CpuKernels] {
  const runtime = new WasmRuntime({ mr: 4, nr: 8, fma: false }, threads, options.memory ? { memory: options.memory } : {});
  return [runtime, simdKernelsOn(runtime, simdGemmsOn(runtime), options.splitAll ? 0 : undefined)];
}
