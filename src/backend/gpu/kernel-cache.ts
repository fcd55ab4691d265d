import type { Vec4 } from '../../../kernels/gpu/kernel-this';
import type { CompiledKernel, GpuInstance, GpuJsModule, GpuTexture, KernelArgument } from './gpujs';

/** A kernel function from kernels/gpu; only its source text reaches gpu.js. */
export type KernelSource = (...args: never[]) => number;

/** A kernel returning 4 values a thread, written as one RGBA texel (gpu.js's Array(4) return type). */
export type Vec4KernelSource = (...args: never[]) => Vec4;

export interface KernelStats {
  /** Programs compiled so far (one per op, shape and argument kinds). */
  compiled: number;
  /** Milliseconds spent in first calls, which compile: do them at warm-up, not in a timed step. */
  compileMs: number;
}

/**
 * The most elements a kernel may read or write: its threads compute indices in float32, exact up to 2^24, so past
 * that they would silently read and write the wrong elements.
 */
export const MAX_KERNEL_ELEMENTS = 2 ** 24;

/** Refuses, before any work, a kernel `name` that would address `elements` values (over MAX_KERNEL_ELEMENTS). */
export function checkKernelReach(name: string, elements: number): void {
  if (elements > MAX_KERNEL_ELEMENTS) {
    throw new Error(
      `gpu backend: ${name} over ${elements} elements exceeds the ${MAX_KERNEL_ELEMENTS} (2^24) a gpu kernel addresses exactly in float32; use the cpu backend for tensors this large`,
    );
  }
}

/** How many values an argument holds (a texture: as many as the kernel that made it output; unknown: 0). */
function lengthOf(arg: KernelArgument): number {
  if (typeof arg === 'number') return 1;
  if (arg instanceof Float32Array) return arg.length;
  return (arg as { output?: number[] }).output?.[0] ?? 0;
}

/** The argument part of a cache key: compiled programs bake in each argument's kind and length. */
function argumentKey(arg: KernelArgument): string {
  if (typeof arg === 'number') return 'n';
  return `${arg instanceof Float32Array ? 'h' : 't'}${lengthOf(arg) || '?'}`;
}

/**
 * Compiles each kernel once per (name, output size, constants, argument kinds) and runs it in
 * pipeline mode: the result stays on the device as a texture. Kernels are immutable, so every
 * call returns a texture of its own that the caller deletes when done with it.
 */
export class KernelCache {
  private readonly kernels = new Map<string, CompiledKernel>();
  private readonly sources = new Map<KernelSource | Vec4KernelSource, string>();
  private compileMs = 0;

  constructor(
    private readonly gpu: GpuInstance,
    private readonly gpujs: GpuJsModule,
    private readonly optimizeFloatMemory: boolean,
  ) {}

  run(name: string, fn: KernelSource, size: number, constants: object, args: readonly KernelArgument[]): GpuTexture {
    return this.launch(name, fn, size, constants, args, this.optimizeFloatMemory);
  }

  /**
   * run for a kernel of 4 values a thread: `size` texels of 4 values, in a texture only Vec4-reading kernels take.
   * gpu.js packs four values a texel only for scalar results, so these compile without optimizeFloatMemory.
   */
  run4(name: string, fn: Vec4KernelSource, size: number, constants: object, args: readonly KernelArgument[]): GpuTexture {
    return this.launch(name, fn, size, constants, args, false);
  }

  stats(): KernelStats {
    return { compiled: this.kernels.size, compileMs: this.compileMs };
  }

  dispose(): void {
    for (const kernel of this.kernels.values()) kernel.destroy();
    this.kernels.clear();
  }

  private launch(
    name: string, fn: KernelSource | Vec4KernelSource, size: number, constants: object, args: readonly KernelArgument[], optimizeFloatMemory: boolean,
  ): GpuTexture {
    checkKernelReach(name, Math.max(size, ...args.map(lengthOf)));
    const key = `${name}|${size}|${JSON.stringify(constants)}|${args.map(argumentKey).join(',')}`;
    let kernel = this.kernels.get(key);
    const compiling = !kernel;
    const started = compiling ? performance.now() : 0;
    if (!kernel) {
      kernel = this.gpu.createKernel(this.sourceOf(fn), {
        output: [size],
        constants,
        pipeline: true,
        immutable: true,
        precision: 'single',
        tactic: 'precision',
        optimizeFloatMemory,
      });
      this.kernels.set(key, kernel);
    }
    const result = kernel(...args);
    if (compiling) this.compileMs += performance.now() - started;
    if (!(result instanceof this.gpujs.Texture)) {
      // gpu.js swaps in its cpu kernel when a GL build fails (after a console warning); tessera refuses.
      throw new Error(`gpu backend: gpu.js did not run kernel '${name}' on the ${this.gpu.mode} context (it fell back to a non-GPU kernel)`);
    }
    return result;
  }

  private sourceOf(fn: KernelSource | Vec4KernelSource): string {
    let source = this.sources.get(fn);
    if (source === undefined) {
      source = fn.toString();
      this.sources.set(fn, source);
    }
    return source;
  }
}
