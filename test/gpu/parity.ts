import { expect } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { createCpuBackend, type CpuBackend } from '../../src/backend/cpu/cpu-backend';
import { GpuData } from '../../src/backend/gpu/device-data';
import type { Tensor } from '../../src/tensor/tensor';
import { expectAllClose, type Tolerance } from '../allclose';

export const cpu = createCpuBackend() as Backend<Tensor> & CpuBackend;

/** fast-check settings for the gpu suites: seeded; each new shape compiles a program (tens of ms on llvmpipe). */
export const RUNS = { seed: 20261129, numRuns: 10 } as const;

/**
 * float32 on two devices, element by element: |gpu - cpu| <= atol + rtol·|cpu|. Measured over
 * these suites (llvmpipe, LLVM 15, against the wasm-simd kernels; `xvfb-run -a npx vitest run
 * test/gpu` with each check's worst |d| / (atol + rtol·|cpu|) logged): the worst element used 0.26
 * of this allowance (a [5408, 128] weight after two training steps), every kernel check at most 0.1
 * (cross-entropy losses, 9.5e-7 off at |cpu| about 7). Sums over many terms (matMul, conv,
 * reductions) widen atol with sumTol.
 */
export const GPU_TOL: Tolerance = { atol: 2e-6, rtol: 2e-5 };

export interface ParityOptions {
  /** The result must stay on the device (default true). */
  onDevice?: boolean;
  tol?: Tolerance;
}

/** Asserts the gpu result stayed on the device, has the cpu twin's shape and is allclose to it; then frees both. */
export function expectParity(got: Tensor, want: Tensor, what: string, { onDevice = true, tol = GPU_TOL }: ParityOptions = {}): void {
  if (onDevice && got.size > 0) expect(got.storage instanceof GpuData, `${what}: result should stay on the device`).toBe(true);
  expect(got.shape, what).toEqual(want.shape);
  expectAllClose(got.dataSync(), want.dataSync(), tol, what);
  got.dispose();
  want.dispose();
}

/** For sums of `terms` values of magnitude about 1: float32 rounding grows like √terms in either order of summation. */
export function sumTol(terms: number): Tolerance {
  return { atol: GPU_TOL.atol * Math.sqrt(Math.max(1, terms)), rtol: GPU_TOL.rtol };
}
