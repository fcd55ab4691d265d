/**
 * Learns to add two integers of up to 3 digits given as strings ("123+45" -> "168"), the classic
 * sequence-to-sequence task: an LSTM encoder, repeatVector, an LSTM decoder returning sequences and
 * timeDistributed(dense softmax). Data come from a seed (no download); accuracy is exact match on held-out
 * questions never seen in training.
 *
 *   npm run addition            (ADDITION_TRAIN, ADDITION_EPOCHS, ADDITION_UNITS override the defaults)
 */
import * as tn from '../src/index';
import { Random } from '../src/util/random';

const DIGITS = 3;
const QUESTION = DIGITS + 1 + DIGITS; // "123+456"
const ANSWER = DIGITS + 1; // "579 " (padded)
const CHARS = '0123456789+ ';
const SEED = 1234;

/** Distinct questions (a+b and b+a count once), drawn from the seed: the first `train` train, the rest test. */
function questions(count: number): [number, number][] {
  const rng = new Random(SEED);
  const seen = new Set<string>();
  const out: [number, number][] = [];
  const draw = () => {
    const digits = 1 + Math.floor(rng.next() * DIGITS);
    return Math.floor(rng.next() * 10 ** digits);
  };
  while (out.length < count) {
    const a = draw();
    const b = draw();
    const key = `${Math.min(a, b)}+${Math.max(a, b)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([a, b]);
  }
  return out;
}

/** One-hot [n, len, chars]; questions are reversed, which shortens the paths between digits that add. */
function encode(strings: string[], len: number): tn.Tensor {
  const v = new Float32Array(strings.length * len * CHARS.length);
  strings.forEach((s, i) => {
    for (let t = 0; t < len; t++) v[(i * len + t) * CHARS.length + CHARS.indexOf(s[t])] = 1;
  });
  return tn.tensor(v, [strings.length, len, CHARS.length]);
}

function dataset(pairs: [number, number][]): { x: tn.Tensor; y: tn.Tensor; answers: string[] } {
  const qs = pairs.map(([a, b]) => `${a}+${b}`.padEnd(QUESTION, ' ').split('').reverse().join(''));
  const answers = pairs.map(([a, b]) => String(a + b).padEnd(ANSWER, ' '));
  return { x: encode(qs, QUESTION), y: encode(answers, ANSWER), answers };
}

export function additionModel(units: number): tn.Sequential {
  return tn.sequential({ layers: [
    tn.layers.lstm({ units, inputShape: [QUESTION, CHARS.length], kernelInitializer: tn.initializers.glorotNormal({ seed: 1 }), recurrentInitializer: tn.initializers.orthogonal({ seed: 2 }) }),
    tn.layers.repeatVector({ n: ANSWER }),
    tn.layers.lstm({ units, returnSequences: true, kernelInitializer: tn.initializers.glorotNormal({ seed: 3 }), recurrentInitializer: tn.initializers.orthogonal({ seed: 4 }) }),
    tn.layers.timeDistributed({ layer: tn.layers.dense({ units: CHARS.length, activation: 'softmax', kernelInitializer: tn.initializers.glorotUniform({ seed: 5 }) }) }),
  ] });
}

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

async function main(): Promise<void> {
  const trainSize = Number(process.env.ADDITION_TRAIN ?? 50000);
  const testSize = 2000;
  const epochs = Number(process.env.ADDITION_EPOCHS ?? 30);
  const units = Number(process.env.ADDITION_UNITS ?? 128);
  tn.setRandomSeed(SEED);
  const pairs = questions(trainSize + testSize);
  const train = dataset(pairs.slice(0, trainSize));
  const test = dataset(pairs.slice(trainSize));
  const model = additionModel(units);
  model.compile({ optimizer: tn.train.adam(0.001), loss: 'categoricalCrossentropy' });
  console.log(`addition-rnn: ${trainSize} training and ${testSize} held-out questions, LSTM ${units} units, backend ${tn.getBackend()}`);
  const start = performance.now();
  let accuracy = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const h = await model.fit(train.x, train.y, { epochs: 1, batchSize: 128, verbose: 0 });
    accuracy = exactMatch(model, test.x, test.answers);
    const loss = (h.history.loss as number[])[0];
    console.log(`epoch ${epoch}: loss ${loss.toFixed(4)}, held-out exact match ${(100 * accuracy).toFixed(2)}%, ${((performance.now() - start) / 1000).toFixed(0)} s`);
    if (accuracy >= 0.995) break;
  }
  console.log(`held-out exact-match accuracy ${(100 * accuracy).toFixed(2)}% after ${((performance.now() - start) / 1000).toFixed(1)} s of training`);
  if (accuracy < 0.99) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
