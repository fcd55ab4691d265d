// The seed model (DESIGN.md) built in tessera and in TensorFlow.js, and its training and inference rates:
// samples per second through model.fit (one epoch, batch 32, Adam) and model.predict (batch 32) on
// synthetic MNIST-shaped data that is the same for every library.
import * as tf from '@tensorflow/tfjs';
import * as tn from '../src/index';
import { Random } from '../src/util/random';
import { seedModel } from '../examples/seed-model';

export const BATCH = 32;

/** MNIST-shaped images in [0, 1) and integer labels, deterministic per seed. */
export function syntheticMnist(samples: number, seed: number): { images: Float32Array; labels: Float32Array } {
  const r = new Random(seed);
  return {
    images: Float32Array.from({ length: samples * 784 }, () => r.next()),
    labels: Float32Array.from({ length: samples }, () => r.int(10)),
  };
}

/** A model under test: train on the first `samples` samples, or predict them; each returns seconds taken. */
export interface Runner {
  train(samples: number): Promise<number>;
  infer(samples: number): Promise<number>;
  dispose(): void;
}

async function seconds(run: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await run();
  return (performance.now() - t) / 1000;
}

/** tessera on its active backend. */
export function tesseraRunner(data: { images: Float32Array; labels: Float32Array }): Runner {
  const model = seedModel(tn, ['accuracy']);
  const n = data.labels.length;
  const x = tn.tensor(data.images, [n, 28, 28, 1]);
  const y = tn.tensor(data.labels, [n]);
  return {
    train: (samples) => seconds(() => model.fit(x.slice(0, samples), y.slice(0, samples), { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 })),
    infer: (samples) => seconds(() => model.predict(x.slice(0, samples), { batchSize: BATCH })),
    dispose: () => { x.dispose(); y.dispose(); },
  };
}

/** TensorFlow.js on its active backend (set it before calling). */
export function tfjsRunner(data: { images: Float32Array; labels: Float32Array }): Runner {
  const model = seedModel(tf, ['accuracy']);
  const n = data.labels.length;
  const x = tf.tensor4d(data.images, [n, 28, 28, 1]);
  const y = tf.tensor1d(data.labels);
  return {
    train: (samples) => seconds(async () => {
      const [xs, ys] = [x.slice(0, samples), y.slice(0, samples)];
      await model.fit(xs, ys, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
      tf.dispose([xs, ys]);
    }),
    infer: (samples) => seconds(async () => {
      const xs = x.slice(0, samples);
      const out = model.predict(xs, { batchSize: BATCH }) as tf.Tensor;
      await out.data();
      tf.dispose([xs, out]);
    }),
    dispose: () => { model.dispose(); tf.dispose([x, y]); },
  };
}
