// What both browser gpu benches (browser-gpu.ts, browser-gpu-ab.ts) give their pages, and the checks of their shared
// options: the seed model's seeded weights, the first MNIST images and labels, batch sizes and steps.
import * as tn from '../src/node';
import { chromiumMissing } from '../test/browser/chromium';
import { seedModel } from '../examples/seed-model';
import type { GpuBenchInput } from './browser-gpu-page';

export const BATCH = 32;
export const PREDICT_BATCH = 100;
const TRAIN = 160;
export const TEST = 300;

/** A count option's value (--rounds, --steps) as a positive integer, or an error naming it. */
export function countOption(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
  return n;
}

/** Throws, naming the bench, where there is no Chromium to run it in. */
export function requireChromium(bench: string): void {
  const missing = chromiumMissing();
  if (missing) throw new Error(`${bench} needs Chromium: ${missing}`);
}

/** The pages' input: `steps` training steps a round, compiled with `metrics` (comma-separated) where given. */
export async function browserGpuInput(steps: number, metrics: string | undefined): Promise<GpuBenchInput> {
  const mnist = await tn.data.loadMnist();
  tn.setRandomSeed(1);
  const model = seedModel(tn);
  return {
    weights: model.getWeights().map((w) => ({ shape: [...w.shape], values: Array.from(w.dataSync()) })),
    trainX: Array.from(mnist.train.images.slice([0, 0, 0, 0], [TRAIN, 28, 28, 1]).dataSync()),
    trainY: Array.from(mnist.train.labels.slice([0], [TRAIN]).dataSync()),
    testX: Array.from(mnist.test.images.slice([0, 0, 0, 0], [TEST, 28, 28, 1]).dataSync()),
    steps, batch: BATCH, predictBatch: PREDICT_BATCH, metrics: metrics?.split(','),
  };
}
