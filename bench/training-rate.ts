// The training code the browser bench runs in Node and in the page alike: the seed model, model.fit on
// MNIST-shaped data, batch 32, Adam. Imports only the library, so it bundles for the page as it is.
import * as tn from '../src/index';
import { seedModel } from '../examples/seed-model';

export const BATCH = 32;

/** Deterministic MNIST-shaped data: pixels in [0, 1), labels 0..9 (the same in every runtime). */
function data(samples: number): { x: tn.Tensor; y: tn.Tensor } {
  const pixels = Float32Array.from({ length: samples * 784 }, (_, i) => ((i * 7919) % 1021) / 1021);
  const labels = Float32Array.from({ length: samples }, (_, i) => (i * 7) % 10);
  return { x: tn.tensor(pixels, [samples, 28, 28, 1]), y: tn.tensor(labels, [samples]) };
}

export interface TrainingRate { backend: string; samplesPerSecond: number }

/** A trainer on `samples` samples: each call of `round` runs one epoch of fit and returns samples/s. */
export async function trainer(samples: number): Promise<{ backend: string; round(): Promise<number>; dispose(): void }> {
  tn.setRandomSeed(1);
  const model = seedModel(tn);
  const { x, y } = data(samples);
  const fit = async (): Promise<number> => {
    const t = performance.now();
    await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
    return samples / ((performance.now() - t) / 1000);
  };
  await fit(); // warm-up: module compilation, workers starting, first allocations
  return { backend: tn.getBackend(), round: fit, dispose: () => { model.dispose(); tn.dispose([x, y]); } };
}
