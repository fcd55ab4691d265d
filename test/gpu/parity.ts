import { expect } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { createCpuBackend, type CpuBackend } from '../../src/backend/cpu/cpu-backend';
import { GpuData } from '../../src/backend/gpu/device-data';
import type { Tensor } from '../../src/tensor/tensor';
import { TOLERANCE, relativeError } from './gpu-context';

export const cpu = createCpuBackend() as Backend<Tensor> & CpuBackend;

/** fast-check settings for the gpu suites: seeded, and few runs since each new shape compiles a program. */
export const RUNS = { seed: 20261129, numRuns: 6 } as const;

/** Asserts the gpu result stayed on the device (when onDevice), has the cpu twin's shape, and matches it to TOLERANCE; then frees both. */
export function expectParity(got: Tensor, want: Tensor, what: string, onDevice = true): void {
  if (onDevice && got.size > 0) expect(got.storage instanceof GpuData, `${what}: result should stay on the device`).toBe(true);
  expect(got.shape, what).toEqual(want.shape);
  const err = relativeError(got.dataSync(), want.dataSync());
  expect(err, `${what}: relative error`).toBeLessThanOrEqual(TOLERANCE);
  got.dispose();
  want.dispose();
}
