/**
 * A small residual CNN (functional API: conv → batchNormalization → relu blocks with add skips,
 * globalAveragePooling2d, dropout, L2) trained on real MNIST with Adam, evaluated on the 10k test set.
 *
 *   npm run mnist:resnet -- [--epochs 6] [--batch-size 32] [--seed 1]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as tn from '../src/node';
import { resnetModel } from './resnet-model';
import { intFlag } from './int-flag';

const { values: flags } = parseArgs({
  options: {
    epochs: { type: 'string', default: '6' },
    'batch-size': { type: 'string', default: '32' },
    seed: { type: 'string', default: '1' },
  },
});

const epochs = intFlag('epochs', flags.epochs);
const batchSize = intFlag('batch-size', flags['batch-size']);
const seed = intFlag('seed', flags.seed);
tn.setRandomSeed(seed);
console.log(`Backend: ${tn.getBackend()}`);

const model = resnetModel(tn, seed);
model.summary();
model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

/** Adam's rate for an epoch: 1e-3, then 3e-4 for the second-to-last epoch (of three or more) and 1e-4 for the last. */
function learningRate(epoch: number): number {
  if (epochs > 1 && epoch === epochs - 1) return 1e-4;
  if (epochs > 2 && epoch === epochs - 2) return 3e-4;
  return 1e-3;
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const { train, test } = await tn.data.loadMnist();
console.log(`Load average at the start: ${load()}`);
const started = performance.now();
// The learning rate is read and changed between epochs, as TF.js allows.
await model.fit(train.images, train.labels, {
  epochs, batchSize, seed,
  callbacks: { onEpochBegin: (epoch) => { if (model.optimizer) model.optimizer.learningRate = learningRate(epoch); } },
});
const seconds = (performance.now() - started) / 1000;

const [loss, accuracy] = model.evaluate(test.images, test.labels, { batchSize: 256 }) as tn.Tensor[];
console.log(`Test loss: ${loss.dataSync()[0].toFixed(4)} - test accuracy: ${(accuracy.dataSync()[0] * 100).toFixed(2)}%`);
console.log(`Training: ${seconds.toFixed(1)}s for ${epochs} epoch(s), ${((train.images.shape[0] * epochs) / seconds).toFixed(0)} samples/s; load average at the end: ${load()}`);
