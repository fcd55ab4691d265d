import { isSoftwareRenderer, openGpuContext, rendererOf } from './context';
import { GpuBackend } from './gpu-backend';
import { loadGpuJs, type GpuJsModule } from './gpujs';
import { smokeTest } from './smoke-test';

export { GpuBackend } from './gpu-backend';
export { isSoftwareRenderer } from './context';
export { loadGpuJs, loadedGpuJs } from './gpujs';

/**
 * The gpu backend on gpu.js's best real GL context (headless-gl in Node, WebGL2/WebGL in a
 * browser). Throws an Error naming what is missing (the `gl` package, an X display, float
 * textures) rather than running anywhere else.
 */
export function createGpuBackend(gpujs: GpuJsModule): GpuBackend {
  const context = openGpuContext(gpujs);
  try {
    // One tiny kernel proves the context compiles, keeps results on the device and reads float32 back;
    // it also creates the GL context whose renderer we report.
    smokeTest(context.gpu, gpujs);
    const renderer = rendererOf(context.gpu.context);
    return new GpuBackend(gpujs, context, renderer, !isSoftwareRenderer(renderer));
  } catch (e) {
    void context.gpu.destroy();
    throw e;
  }
}

export type GpuProbe =
  | { available: true; backend: GpuBackend; description: string; hardware: boolean }
  | { available: false; reason: string };

/** Tries to open the gpu backend on an already loaded gpu.js, without throwing. */
export function probeLoadedGpu(gpujs: GpuJsModule): GpuProbe {
  try {
    const backend = createGpuBackend(gpujs);
    return { available: true, backend, description: backend.describe(), hardware: backend.hardware };
  } catch (e) {
    return { available: false, reason: (e as Error).message };
  }
}

/**
 * Loads gpu.js and tries to open the gpu backend, without throwing: automatic selection uses it and
 * keeps the cpu backend unless `hardware` (a software rasterizer like llvmpipe is correct but slow).
 */
export async function probeGpu(): Promise<GpuProbe> {
  let gpujs: GpuJsModule;
  try {
    gpujs = await loadGpuJs();
  } catch (e) {
    return { available: false, reason: (e as Error).message };
  }
  return probeLoadedGpu(gpujs);
}
