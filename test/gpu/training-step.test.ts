import { afterAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { GpuData } from '../../src/backend/gpu/device-data';
import { Tensor } from '../../src/tensor/tensor';
import { TOLERANCE, gpu, noGpuReason, relativeError } from './gpu-context';
import { labelTensor, uniformTensor } from './random-data';
import { seedModel } from '../../examples/seed-model';

/** The seed model, its weights from a fixed seed. */
function seededModel(): tn.Sequential {
  tn.setRandomSeed(7);
  return seedModel(tn);
}

describe.skipIf(!gpu)(`one training step of the seed model, gpu against cpu${gpu ? '' : ` (skipped: ${noGpuReason})`}`, () => {
  afterAll(() => { setBackend('cpu'); });

  it('gives the same loss and the same updated weights, and keeps the weights on the device', async () => {
    registerBackend('gpu', () => gpu!);
    const batch = 8;
    const x = uniformTensor([batch, 28, 28, 1], 11, 0, 1);
    const y = labelTensor(batch, 10, 12);

    setBackend('cpu');
    const initial = seededModel().getWeights().map((w) => w.dataSync());
    const onCpu = seededModel();
    const cpuLosses = [await onCpu.trainOnBatch(x, y), await onCpu.trainOnBatch(x, y)] as number[];

    setBackend('gpu');
    expect(tn.getBackend()).toBe(gpu!.describe());
    const onGpu = seededModel();
    const first = await onGpu.trainOnBatch(x, y) as number;
    const compiled = gpu!.stats().compiled;
    const gpuLosses = [first, await onGpu.trainOnBatch(x, y) as number];
    expect(gpu!.stats().compiled, 'the first step compiled every program a step needs').toBe(compiled);
    const gpuWeights = onGpu.layers.flatMap((l) => l.trainableWeights);
    expect(gpuWeights.every((w) => w.storage instanceof GpuData), 'weights stay on the device after the update').toBe(true);

    expect(relativeError(gpuLosses, cpuLosses), `losses ${gpuLosses} vs ${cpuLosses}`).toBeLessThanOrEqual(TOLERANCE);
    const want = onCpu.getWeights(), got = onGpu.getWeights();
    got.forEach((w: Tensor, i: number) => {
      expect(relativeError(w.dataSync(), want[i].dataSync()), `weight ${i} [${w.shape}]`).toBeLessThanOrEqual(TOLERANCE);
      // The updates themselves (about lr per step), not just the weights they are small against. Adam
      // divides by sqrt(v), which magnifies float32 rounding in tiny gradients: 1e-3 here (2.6e-4 seen).
      const gotStep = w.dataSync().map((v, j) => v - initial[i][j]);
      const wantStep = want[i].dataSync().map((v, j) => v - initial[i][j]);
      expect(relativeError(gotStep, wantStep), `update of weight ${i} [${w.shape}]`).toBeLessThanOrEqual(1e-3);
    });
  });
});
