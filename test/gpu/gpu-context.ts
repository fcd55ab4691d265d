import type { Backend } from '../../src/backend/backend';
import { probeGpu, type GpuBackend } from '../../src/backend/gpu/index';
import type { Tensor } from '../../src/tensor/tensor';
import { describeRequired, type Prerequisite } from '../required-suite';

/**
 * One gpu backend for all gpu suites, or the reason there is none (no `gl` build, no display: run
 * under `xvfb-run -a`). Under CI=true or TESSERA_REQUIRE_GPU=1 a missing context fails the run.
 */
const probe = await probeGpu();

/** Typed as the ops see a backend: its outputs are Tensors (the tensor layer's factory makes them). */
export const gpu = (probe.available ? probe.backend : null) as (Backend<Tensor> & GpuBackend) | null;

const prerequisite: Prerequisite = probe.available ? { available: true } : { available: false, reason: probe.reason };

if (gpu) console.info(`[gpu tests] on ${gpu.describe()}`);

/** A suite that needs the gpu backend: runs, skips with the reason, or (where required) fails with it. */
export function describeGpu(title: string, body: () => void): void {
  describeRequired(title, 'TESSERA_REQUIRE_GPU', prerequisite, body);
}
