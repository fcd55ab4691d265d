// How fast training runs as it goes: `npx tsx bench/epoch-rate.ts [--epochs 2] [--every 125] [--seed 1]` fits the
// seed model on real MNIST (batch 32, Adam, shuffled as fit shuffles) and prints, per epoch, the mean ms per step
// of each `--every` batches and the epoch's samples/s. The bench times batches from the start of training, where
// dense1's input and gradient have the fewest zeros for the row-sparse products to skip; this shows the rest.
import { parseArgs } from 'node:util';
import * as tn from '../src/node';
import { seedModel } from '../examples/seed-model';
import { intFlag } from '../examples/int-flag';

const { values: opts } = parseArgs({ options: { epochs: { type: 'string', default: '2' }, every: { type: 'string', default: '125' }, seed: { type: 'string', default: '1' } } });
const [epochs, every] = [intFlag('epochs', opts.epochs), intFlag('every', opts.every)];
tn.setRandomSeed(intFlag('seed', opts.seed));
const { train } = await tn.data.loadMnist();
const model = seedModel(tn);
const BATCH = 32;
let [runStart, epochStart] = [performance.now(), performance.now()];
const means: string[] = [];
await model.fit(train.images, train.labels, { epochs, batchSize: BATCH, verbose: 0, callbacks: {
  onBatchEnd: async (batch: number) => {
    if ((batch + 1) % every !== 0) return;
    const now = performance.now();
    means.push(((now - runStart) / every).toFixed(2));
    runStart = now;
  },
  onEpochEnd: async (epoch: number) => {
    const seconds = (performance.now() - epochStart) / 1000;
    console.log(`epoch ${epoch + 1}: ${(train.images.shape[0] / seconds).toFixed(0)} samples/s; ms per step, each ${every} batches: ${means.join(' ')}`);
    means.length = 0;
    [runStart, epochStart] = [performance.now(), performance.now()];
  },
} });
