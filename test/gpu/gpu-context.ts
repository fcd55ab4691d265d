import type { Backend } from '../../src/backend/backend';
import { probeGpu, type GpuBackend } from '../../src/backend/gpu/index';
import type { Tensor } from '../../src/tensor/tensor';

/**
 * One gpu backend for all gpu suites, or the reason there is none. Suites skip (saying why) only
 * when no GL context can be had, e.g. without `gl` built or without a display (run under
 * `xvfb-run -a`).
 */
const probe = probeGpu();

/** Typed as the ops see a backend: its outputs are Tensors (the tensor layer's factory makes them). */
export const gpu = (probe.available ? probe.backend : null) as (Backend<Tensor> & GpuBackend) | null;
export const noGpuReason: string = probe.available ? '' : probe.reason;

if (!gpu) console.warn(`[gpu tests skipped] ${noGpuReason}`);
else console.info(`[gpu tests] on ${gpu.describe()}`);

/** ‖got - want‖∞ / ‖want‖∞ (absolute when want is all zeros): the error the gpu parity tests bound by 1e-4. */
export function relativeError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let diff = 0, scale = 0;
  for (let i = 0; i < want.length; i++) {
    const d = Math.abs(got[i] - want[i]);
    if (!(d <= diff)) diff = d; // NaN-safe: a NaN difference becomes the error
    scale = Math.max(scale, Math.abs(want[i]));
  }
  return scale > 0 ? diff / scale : diff;
}

export const TOLERANCE = 1e-4;
