// The seed model (DESIGN.md) built in tessera and in TensorFlow.js from the same initial weights, trained and
// run as a user would: model.fit on consecutive batches of real MNIST (batch 32, in order, real labels, Adam)
// and model.predict on the 10k test set (batch 256). Every runner trains on the same batches in the same order
// as the PyTorch peer (bench/pytorch.ts), so all do the same work.
import * as tf from '@tensorflow/tfjs';
import * as tn from '../src/index';
import { Random } from '../src/util/random';
import { seedModel } from '../examples/seed-model';

export const TRAIN_BATCH = 32;
export const INFER_BATCH = 256;

/** MNIST-shaped images in [0, 1) and integer labels, deterministic per seed (for benches that need no real data). */
export function syntheticMnist(samples: number, seed: number): { images: Float32Array; labels: Float32Array } {
  const r = new Random(seed);
  return {
    images: Float32Array.from({ length: samples * 784 }, () => r.next()),
    labels: Float32Array.from({ length: samples }, () => r.int(10)),
  };
}

/** Real MNIST, as tn.data.loadMnist gives it. */
export type Mnist = Awaited<ReturnType<typeof tn.data.loadMnist>>;

/** One timed round: seconds, and the mean loss (train) or the sum of predicted classes (infer). */
export interface Round { seconds: number; value: number }

/** A seed model under test, alive between rounds. */
export interface Runner {
  /** Trains on batches first..first+count-1 of the training set, in order (one model.fit call). */
  train(first: number, count: number): Promise<Round>;
  /** Predicts the whole test set (one model.predict call); `samples` limits it to the first ones. */
  infer(samples?: number): Promise<Round>;
  dispose(): void;
}

async function timed(run: () => Promise<number> | number): Promise<Round> {
  const t = performance.now();
  const value = await run();
  return { seconds: (performance.now() - t) / 1000, value };
}

/** Sum of each row's argmax: a cheap fingerprint of a prediction, the same in every library for the same model. */
export function argmaxSum(probs: ArrayLike<number>, classes: number): number {
  let sum = 0;
  for (let r = 0; r < probs.length / classes; r++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[r * classes + c] > probs[r * classes + best]) best = c;
    sum += best;
  }
  return sum;
}

/** The seed model in tessera on its active backend, its weights from `seed`. */
export function tesseraRunner(data: Mnist, seed: number): Runner & { weights: Float32Array[] } {
  tn.setRandomSeed(seed);
  const model = seedModel(tn);
  return {
    weights: model.getWeights().map((w) => w.dataSync() as Float32Array),
    train: async (first, count) => {
      // Slicing copies: done before the clock starts, as the peers take their batches as views.
      const xs = data.train.images.slice(first * TRAIN_BATCH, count * TRAIN_BATCH);
      const ys = data.train.labels.slice(first * TRAIN_BATCH, count * TRAIN_BATCH);
      const round = await timed(async () => {
        const h = await model.fit(xs, ys, { epochs: 1, batchSize: TRAIN_BATCH, shuffle: false, verbose: 0 });
        return h.history.loss[0];
      });
      xs.dispose();
      ys.dispose();
      return round;
    },
    infer: async (samples) => {
      const xs = samples === undefined ? data.test.images : data.test.images.slice(0, samples);
      const round = await timed(() => {
        const probs = model.predict(xs, { batchSize: INFER_BATCH });
        const sum = argmaxSum(probs.hostValues(), 10);
        probs.dispose();
        return sum;
      });
      if (xs !== data.test.images) xs.dispose();
      return round;
    },
    dispose: () => model.dispose(),
  };
}

/** The seed model in TensorFlow.js on its active backend (set it first), from the given initial weights. */
export function tfjsRunner(data: Mnist, weights: readonly Float32Array[]): Runner {
  const model = seedModel(tf);
  model.setWeights(model.getWeights().map((w, i) => tf.tensor(weights[i], w.shape)));
  const host = (t: tn.Tensor): Float32Array => t.hostValues() as Float32Array;
  const x = tf.tensor4d(host(data.train.images), [data.train.images.shape[0], 28, 28, 1]);
  const y = tf.tensor1d(host(data.train.labels));
  const test = tf.tensor4d(host(data.test.images), [data.test.images.shape[0], 28, 28, 1]);
  return {
    train: async (first, count) => {
      const [xs, ys] = [x.slice(first * TRAIN_BATCH, count * TRAIN_BATCH), y.slice(first * TRAIN_BATCH, count * TRAIN_BATCH)];
      const round = await timed(async () => {
        const h = await model.fit(xs, ys, { epochs: 1, batchSize: TRAIN_BATCH, shuffle: false, verbose: 0 });
        return h.history.loss[0] as number;
      });
      tf.dispose([xs, ys]);
      return round;
    },
    infer: async (samples) => {
      const xs = samples === undefined ? test : test.slice(0, samples);
      const round = await timed(async () => {
        const out = model.predict(xs, { batchSize: INFER_BATCH }) as tf.Tensor;
        const sum = argmaxSum(await out.data(), 10);
        out.dispose();
        return sum;
      });
      if (xs !== test) xs.dispose();
      return round;
    },
    dispose: () => { model.dispose(); tf.dispose([x, y, test]); },
  };
}
