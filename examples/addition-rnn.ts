/**
 * Learns to add two integers of up to 3 digits given as strings ("123+45" -> "168"), the classic
 * sequence-to-sequence task: an LSTM encoder, repeatVector, an LSTM decoder returning sequences and
 * timeDistributed(dense softmax) (examples/addition-model.ts). Data come from a seed (no download); accuracy is
 * exact match on held-out questions never seen in training. Training stops once it reaches 99%.
 *
 *   npm run addition            (ADDITION_TRAIN, ADDITION_EPOCHS, ADDITION_UNITS, ADDITION_BATCH, ADDITION_LR override the defaults)
 */
import os from 'node:os';
import * as tn from '../src/index';
import { ANSWER, CHARS, QUESTION, additionData, additionModel, type AdditionSet } from './addition-model';

const SEED = 1234;
const TARGET = 0.99;

function exactMatch(model: tn.Sequential, x: tn.Tensor, answers: string[]): number {
  const probs = model.predict(x, { batchSize: 1024 });
  const p = probs.dataSync();
  let right = 0;
  answers.forEach((answer, i) => {
    let guess = '';
    for (let t = 0; t < ANSWER; t++) {
      let best = 0;
      for (let c = 1; c < CHARS.length; c++) if (p[(i * ANSWER + t) * CHARS.length + c] > p[(i * ANSWER + t) * CHARS.length + best]) best = c;
      guess += CHARS[best];
    }
    if (guess === answer) right++;
  });
  probs.dispose();
  return right / answers.length;
}

const tensors = (s: AdditionSet) => ({
  x: tn.tensor(s.x, [s.size, QUESTION, CHARS.length]),
  y: tn.tensor(s.y, [s.size, ANSWER, CHARS.length]),
});

async function main(): Promise<void> {
  const trainSize = Number(process.env.ADDITION_TRAIN ?? 50000);
  const testSize = 2000;
  const epochs = Number(process.env.ADDITION_EPOCHS ?? 40);
  const units = Number(process.env.ADDITION_UNITS ?? 128);
  const batchSize = Number(process.env.ADDITION_BATCH ?? 256);
  const learningRate = Number(process.env.ADDITION_LR ?? 0.006);
  tn.setRandomSeed(SEED);
  const data = additionData(trainSize, testSize, SEED);
  const train = tensors(data.train);
  const test = tensors(data.test);
  const model = additionModel(tn, units);
  model.compile({ optimizer: tn.train.adam(learningRate), loss: 'categoricalCrossentropy' });
  console.log(`addition-rnn: ${trainSize} training and ${testSize} held-out questions, LSTM ${units} units, batch ${batchSize}, Adam(${learningRate}), backend ${tn.getBackend()}`);
  const start = performance.now();
  let trainSeconds = 0;
  let seen = 0;
  let accuracy = 0;
  for (let epoch = 1; epoch <= epochs && accuracy < TARGET; epoch++) {
    const t = performance.now();
    const h = await model.fit(train.x, train.y, { epochs: 1, batchSize, verbose: 0 });
    trainSeconds += (performance.now() - t) / 1000;
    seen += trainSize;
    accuracy = exactMatch(model, test.x, data.test.answers);
    const loss = (h.history.loss as number[])[0];
    console.log(`epoch ${epoch}: loss ${loss.toFixed(4)}, held-out exact match ${(100 * accuracy).toFixed(2)}%, ${((performance.now() - start) / 1000).toFixed(0)} s`);
  }
  const wall = (performance.now() - start) / 1000;
  console.log(`held-out exact-match accuracy ${(100 * accuracy).toFixed(2)}% after ${wall.toFixed(1)} s (${(seen / trainSeconds).toFixed(0)} training samples/s); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (accuracy < TARGET) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
