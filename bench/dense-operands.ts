// The seed model's dense1 operands as training really produces them: the seed model trained for some batches of
// real MNIST, then one batch's A (flattened relu + max-pool output), dense1's kernel W and dZ (the gradient at
// dense1's pre-activation, zero where its relu was off). Benches of the three dense1 products use these rather
// than random values, since how many of A's and dZ's elements are exactly zero is what the fast paths depend on.
import * as tn from '../src/node';
import { seedModel } from '../examples/seed-model';
import { TRAIN_BATCH } from './seed-model';

export interface DenseOperands {
  /** [batch, 5408]: dense1's input. */
  a: Float32Array;
  /** [5408, 128]: dense1's kernel. */
  w: Float32Array;
  /** [batch, 128]: the loss gradient at dense1's pre-activation. */
  dz: Float32Array;
  batch: number;
  features: number;
  units: number;
}

/** Trains the seed model (seed 1) on `fitBatches` batches of 32 real MNIST images, then takes batch `fitBatches`'s operands. */
export async function denseOperands(fitBatches: number, batch = TRAIN_BATCH): Promise<DenseOperands> {
  const data = await tn.data.loadMnist();
  tn.setRandomSeed(1);
  const model = seedModel(tn);
  const x = data.train.images.slice(0, fitBatches * TRAIN_BATCH), y = data.train.labels.slice(0, fitBatches * TRAIN_BATCH);
  await model.fit(x, y, { epochs: 1, batchSize: TRAIN_BATCH, shuffle: false, verbose: 0 });
  const xb = data.train.images.slice(fitBatches * TRAIN_BATCH, batch);
  const yb = data.train.labels.slice(fitBatches * TRAIN_BATCH, batch);
  let h: tn.Tensor = xb;
  for (const l of model.layers.slice(0, 3)) h = l.apply(h) as tn.Tensor;
  const [w1, b1] = model.layers[3].getWeights();
  const [w2, b2] = model.layers[4].getWeights();
  const labels = tn.oneHot(tn.cast(yb, 'int32'), 10);
  const z = tn.add(tn.matMul(h, w1), b1);
  // Softmax cross-entropy's gradient at z: the pattern of zeros is the relu's, as in a training step.
  const dz = tn.grad((zz: tn.Tensor) => tn.neg(tn.sum(tn.mul(labels, tn.logSoftmax(tn.add(tn.matMul(tn.relu(zz), w2), b2))))))(z);
  const [features, units] = w1.shape as [number, number];
  return { a: h.dataSync() as Float32Array, w: w1.dataSync() as Float32Array, dz: dz.dataSync() as Float32Array, batch, features, units };
}

/** Share of exactly-zero elements. */
export function zeroFraction(x: Float32Array): number {
  let z = 0;
  for (const v of x) if (v === 0) z++;
  return z / x.length;
}
