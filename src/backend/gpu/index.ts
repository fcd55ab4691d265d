import { isSoftwareRenderer, openGpuContext, rendererOf } from './context';
import { GpuBackend } from './gpu-backend';
import { loadGpuJsSync, type GpuJsModule } from './gpujs';
import { smokeTest } from './smoke-test';

export { GpuBackend } from './gpu-backend';
export { isSoftwareRenderer } from './context';

function create(gpujs: GpuJsModule): GpuBackend {
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

/**
 * The gpu backend on gpu.js's best real GL context (headless-gl in Node, WebGL2/WebGL in a
 * browser). Throws an Error naming what is missing (gpu.js, the `gl` package, an X display,
 * float textures) rather than running anywhere else.
 */
export function createGpuBackend(): GpuBackend {
  return create(loadGpuJsSync());
}

export type GpuProbe =
  | { available: true; backend: GpuBackend; description: string; hardware: boolean }
  | { available: false; reason: string };

/**
 * Tries to open the gpu backend without throwing: automatic selection uses it and keeps the cpu
 * backend unless `hardware` (a software rasterizer like llvmpipe is correct but slow).
 */
export function probeGpu(): GpuProbe {
  try {
    const backend = createGpuBackend();
    return { available: true, backend, description: backend.describe(), hardware: backend.hardware };
  } catch (e) {
    return { available: false, reason: (e as Error).message };
  }
}

