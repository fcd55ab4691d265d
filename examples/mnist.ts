/**
 * The Keras MNIST program, line for line, in tessera:
 * Conv2D(32, 3x3, relu) -> MaxPooling2D(2x2) -> Flatten -> Dense(128, relu) -> Dense(10, softmax),
 * Adam, sparse categorical cross-entropy, 5 epochs at batch 32, evaluated on the 10k test set.
 *
 *   npm run mnist -- [--epochs 5] [--batch-size 32] [--seed 0] [--backend cpu|gpu]
 */
import { parseArgs } from 'node:util';
import * as tn from '../src/node';
import { intFlag } from './int-flag';

const { values: flags } = parseArgs({
  options: {
    epochs: { type: 'string', default: '5' },
    'batch-size': { type: 'string', default: '32' },
    seed: { type: 'string', default: '0' },
    backend: { type: 'string', default: 'cpu' },
  },
});

const epochs = intFlag('epochs', flags.epochs);
const batchSize = intFlag('batch-size', flags['batch-size']);
// A fixed seed sequence, so a run replays: without --seed, sequence 0 (the one tessera drew from by default before
// unseeded draws took Math.random, as TF.js's do).
tn.setRandomSeed(intFlag('seed', flags.seed, 0));
if (flags.backend !== 'cpu' && flags.backend !== 'gpu') throw new Error(`--backend must be 'cpu' or 'gpu', got ${JSON.stringify(flags.backend)}`);
// A backend that cannot run resolves to false (the warning before says why): asked for, it stops the run here.
if (!(await tn.setBackend(flags.backend))) throw new Error(`--backend ${flags.backend} cannot run here (the warning above says why)`);
console.log(`Backend: ${tn.getBackend()}`);

const model = tn.sequential({
  layers: [
    tn.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
    tn.layers.maxPooling2d({ poolSize: 2 }),
    tn.layers.flatten(),
    tn.layers.dense({ units: 128, activation: 'relu' }),
    tn.layers.dense({ units: 10, activation: 'softmax' }),
  ],
});
model.summary();
model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

const { train, test } = await tn.data.loadMnist();
const started = performance.now();
await model.fit(train.images, train.labels, { epochs, batchSize });
const seconds = (performance.now() - started) / 1000;

const [loss, accuracy] = model.evaluate(test.images, test.labels) as tn.Tensor[];
console.log(`Test loss: ${loss.dataSync()[0].toFixed(4)} - test accuracy: ${(accuracy.dataSync()[0] * 100).toFixed(2)}%`);
console.log(`Training: ${seconds.toFixed(1)}s for ${epochs} epoch(s), ${((train.images.shape[0] * epochs) / seconds).toFixed(0)} samples/s`);

const probs = model.predict(test.images.slice(0, 10));
const predicted = (probs.arraySync() as number[][]).map((row) => row.indexOf(Math.max(...row)));
const labels = Array.from(test.labels.slice(0, 10).dataSync());
console.log(`Predicted: ${predicted.join(' ')}`);
console.log(`Labels:    ${labels.join(' ')}`);
