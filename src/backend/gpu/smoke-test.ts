import type { GpuInstance, GpuJsModule } from './gpujs';

function doubleKernel(this: { thread: { x: number } }, x: ArrayLike<number>): number {
  return x[this.thread.x] * 2 + 0.25;
}

/** Runs one small pipeline kernel and checks the float32 values that come back; throws when they are wrong. */
export function smokeTest(gpu: GpuInstance, gpujs: GpuJsModule): void {
  const input = Float32Array.from([1.5, -2, 3e-3, 1e6, 0.1]);
  let kernel;
  try {
    kernel = gpu.createKernel(doubleKernel.toString(), {
      output: [input.length], constants: {}, pipeline: true, immutable: true,
      precision: 'single', tactic: 'precision', optimizeFloatMemory: true,
    });
  } catch (e) {
    throw new Error(`gpu backend unavailable: gpu.js could not create a kernel on the ${gpu.mode} context: ${(e as Error).message}`);
  }
  try {
    const result = kernel(input);
    if (!(result instanceof gpujs.Texture)) throw new Error(`gpu backend unavailable: gpu.js ran its test kernel off the ${gpu.mode} context`);
    const values = result.toArray();
    result.delete();
    const ok = values instanceof Float32Array && values.length === input.length &&
      input.every((v, i) => Math.abs(values[i] - (v * 2 + 0.25)) <= 1e-6 * Math.abs(v * 2 + 0.25));
    if (!ok) throw new Error(`gpu backend unavailable: the ${gpu.mode} context computed a float32 test kernel wrongly`);
  } finally {
    kernel.destroy();
  }
}
