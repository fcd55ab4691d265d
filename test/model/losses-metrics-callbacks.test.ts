import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

/**
 * A model whose output is its input (Dense with an identity kernel, no bias) and whose last layer
 * is a softmax or not, so the losses and metrics see chosen predictions and their values can be
 * computed by hand.
 */
function passThrough(classes: number, activation: 'linear' | 'softmax'): tn.Sequential {
  const dense = tn.layers.dense({ units: classes, useBias: false, activation, inputShape: [classes] });
  const eye = Array.from({ length: classes * classes }, (_, i) => (i % (classes + 1) === 0 ? 1 : 0));
  dense.setWeights([tn.tensor(eye, [classes, classes])]);
  return tn.sequential({ layers: [dense] });
}

const values = (ts: tn.Tensor | tn.Tensor[]) => (Array.isArray(ts) ? ts : [ts]).map((t) => t.dataSync()[0]);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Keras clips probabilities to [1e-7, 1 - 1e-7] before the log. */
const clippedLog = (p: number) => Math.log(Math.min(Math.max(p, 1e-7), 1 - 1e-7));

describe('losses by name: the probability branch and the softmax (logits) branch', () => {
  // Rows that do not sum to 1, and a true class with probability 0 (the clip decides that loss).
  const probs = [[0.4, 0.6, 1.0], [0.7, 0.2, 0.1], [0, 0.5, 0.5]];
  const labels = [2, 0, 0];
  const oneHot = labels.map((l) => [0, 1, 2].map((c) => (c === l ? 1 : 0)));

  it('sparseCategoricalCrossentropy on probabilities: as tfjs-layers, clipped, rows renormalized to sum 1, clipped again', () => {
    const model = passThrough(3, 'linear');
    model.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
    const clip = (p: number) => Math.min(Math.max(p, 1e-7), 1 - 1e-7);
    const want = mean(probs.map((row, i) => {
      const c = row.map(clip);
      const s = c.reduce((a, b) => a + b, 0);
      return -clippedLog(c[labels[i]] / s);
    }));
    // TF.js 4.22 evaluates this model on these rows to 5.722639083862305.
    expect(values(model.evaluate(tn.tensor(probs), tn.tensor(labels)))[0]).toBeCloseTo(want, 5);
    expect(want).toBeCloseTo(5.722639083862305, 5);
  });

  it('categoricalCrossentropy on probabilities: rows renormalized to sum 1, then clipped', () => {
    const model = passThrough(3, 'linear');
    model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    const want = mean(probs.map((row, i) => {
      const s = row.reduce((a, b) => a + b, 0);
      return -row.reduce((acc, p, c) => acc + oneHot[i][c] * clippedLog(p / s), 0);
    }));
    expect(values(model.evaluate(tn.tensor(probs), tn.tensor(oneHot)))[0]).toBeCloseTo(want, 5);
  });

  it('after a softmax layer both cross-entropies take the logits: -log softmax(x)[label], capped at -log(1e-7) as TF.js clips', () => {
    const logits = [[2, -1, 0.5], [30, 0, -30], [-40, 40, 0]];
    const logSoftmax = (row: number[]) => {
      const m = Math.max(...row), lse = m + Math.log(row.reduce((a, v) => a + Math.exp(v - m), 0));
      return row.map((v) => v - lse);
    };
    // The third row's true class has probability e^-80: TF.js clips it to 1e-7, so that row gives -log(1e-7) = 16.1,
    // not 80; the others are exact, far beyond what softmax then log in float32 would give.
    const want = mean(logits.map((row, i) => Math.min(-logSoftmax(row)[labels[i]], -Math.log(Math.fround(1e-7)))));
    const sparse = passThrough(3, 'softmax');
    sparse.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
    expect(values(sparse.evaluate(tn.tensor(logits), tn.tensor(labels)))[0]).toBeCloseTo(want, 4);
    const dense = passThrough(3, 'softmax');
    dense.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    expect(values(dense.evaluate(tn.tensor(logits), tn.tensor(oneHot)))[0]).toBeCloseTo(want, 4);
  });

  it('meanSquaredError: mean over every element; its short alias mse is a metric name only, as in TF.js', () => {
    const model = passThrough(2, 'linear');
    expect(() => model.compile({ optimizer: 'sgd', loss: 'mse' })).toThrow(/compile: loss must be a loss function or one of 'meanSquaredError'/);
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    // ((1 - 0)^2 + (2 - 4)^2 + (-1 - 1)^2 + (0.5 - 0.5)^2) / 4
    expect(values(model.evaluate(tn.tensor([[1, 2], [-1, 0.5]]), tn.tensor([[0, 4], [1, 0.5]])))[0]).toBeCloseTo(9 / 4, 6);
  });
});

describe('metrics by name, each on predictions where it gets some rows right and some wrong', () => {
  it('sparseCategoricalAccuracy, and accuracy resolving to it for the sparse loss', () => {
    const model = passThrough(3, 'linear');
    // TF.js has no metric named 'sparseCategoricalAccuracy' (compile refuses it); the function serves.
    model.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy', metrics: [tn.metrics.sparseCategoricalAccuracy, 'accuracy'] });
    // argmax per row: 2, 0, 1, 1 against labels 2, 1, 1, 0: two of four.
    const [, sparse, acc] = values(model.evaluate(tn.tensor([[0.1, 0.2, 0.7], [0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.3, 0.4, 0.3]]), tn.tensor([2, 1, 1, 0])));
    expect([sparse, acc]).toEqual([0.5, 0.5]);
  });

  it('categoricalAccuracy, and accuracy resolving to it for the categorical loss', () => {
    const model = passThrough(3, 'linear');
    model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['categoricalAccuracy', 'acc'] });
    // argmax of predictions 1, 0, 2 against one-hot targets of 1, 2, 2: two of three.
    const y = [[0, 1, 0], [0, 0, 1], [0, 0, 1]];
    const [, cat, acc] = values(model.evaluate(tn.tensor([[0.2, 0.5, 0.3], [0.6, 0.1, 0.3], [0.1, 0.1, 0.8]]), tn.tensor(y)));
    expect(cat).toBeCloseTo(2 / 3, 6);
    expect(acc).toBeCloseTo(2 / 3, 6);
  });

  it('binaryAccuracy: a prediction above 0.5 counts as 1, per element', () => {
    const model = passThrough(2, 'linear');
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['binaryAccuracy'] });
    // Elements 0.9/1 hit, 0.2/1 miss, 0.4/0 hit, 0.7/0 miss, 0.51/1 hit, 0.5/1 miss (0.5 is not above).
    const [, acc] = values(model.evaluate(tn.tensor([[0.9, 0.2], [0.4, 0.7], [0.51, 0.5]]), tn.tensor([[1, 1], [0, 0], [1, 1]])));
    expect(acc).toBeCloseTo(3 / 6, 6);
  });

  it('precision and recall count exact ones and zeros, give 0 on an empty denominator, and keep the dtype', () => {
    const model = passThrough(2, 'linear');
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['precision', tn.metrics.recall] });
    // Elements (pred/true) 1/1 tp, 1/0 fp, 0/1 fn, 1/1 tp, 0.999/1 none (not exactly 1), 0/1 fn: precision 2/3,
    // recall 2/4.
    const [, precision, recall] = values(model.evaluate(tn.tensor([[1, 1], [0, 1], [0.999, 0]]), tn.tensor([[1, 0], [1, 1], [1, 1]])));
    expect([precision, recall]).toEqual([Math.fround(2 / 3), 0.5]);
    const none = tn.metrics.precision(tn.tensor([1, 0], [2], 'float64'), tn.tensor([0, 0], [2], 'float64'));
    expect([none.dtype, none.dataSync()[0]]).toEqual(['float64', 0]);
    expect(tn.metrics.recall(tn.tensor([1, 1, 0], [3], 'float64'), tn.tensor([1, 0, 1], [3], 'float64')).dataSync()[0]).toBe(0.5);
  });
});

describe('fit: validationData and every callback hook', () => {
  function data() {
    const x = tn.tensor(Array.from({ length: 6 }, (_, i) => [i / 5, 1 - i / 5]));
    const y = tn.tensor(Array.from({ length: 6 }, (_, i) => i % 2));
    return { x, y };
  }

  it('validationData is evaluated after every epoch: val_loss and val_acc equal evaluate() on it', async () => {
    tn.setRandomSeed(3);
    const { x, y } = data();
    const xv = tn.tensor([[0.3, 0.9], [0.8, 0.1], [0.5, 0.5]]), yv = tn.tensor([1, 0, 1]);
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 2, activation: 'softmax', inputShape: [2] })] });
    model.compile({ optimizer: tn.train.sgd(0.5), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const seen: number[] = [];
    const h = await model.fit(x, y, {
      epochs: 3, batchSize: 4, seed: 2, verbose: 0, validationData: [xv, yv],
      callbacks: { onEpochEnd: (_e, logs) => { seen.push(logs!.val_loss); } },
    });
    expect(Object.keys(h.history).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    const [loss, acc] = values(model.evaluate(xv, yv));
    expect(h.history.val_loss[2]).toBeCloseTo(loss, 6);
    expect(h.history.val_acc[2]).toBeCloseTo(acc, 6);
    expect(seen).toEqual(h.history.val_loss);
    // Distinct from the training loss: it really is the other data set.
    expect(h.history.val_loss[2]).not.toBeCloseTo(h.history.loss[2], 3);
  });

  it('calls all six hooks in order with the epoch, batch and logs, and awaits async ones', async () => {
    tn.setRandomSeed(4);
    const { x, y } = data();
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 2, activation: 'softmax', inputShape: [2] })] });
    model.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
    const events: string[] = [];
    const hasLoss = (logs?: tn.Logs) => (logs && Number.isFinite(logs.loss) ? '+loss' : '');
    const h = await model.fit(x, y, {
      epochs: 2, batchSize: 4, seed: 1, verbose: 0,
      callbacks: [
        {
          onTrainBegin: () => { events.push('trainBegin'); },
          onEpochBegin: (e) => { events.push(`epochBegin ${e}`); },
          onBatchBegin: (b) => { events.push(`batchBegin ${b}`); },
          onBatchEnd: (b, logs) => { events.push(`batchEnd ${b}${hasLoss(logs)}`); },
          // Async: fit must wait for it before the next epoch begins.
          onEpochEnd: async (e, logs) => { await new Promise((r) => setTimeout(r, 5)); events.push(`epochEnd ${e}${hasLoss(logs)}`); },
          onTrainEnd: () => { events.push('trainEnd'); },
        },
        // A second callback object is called too, after the first.
        { onTrainEnd: () => { events.push('second trainEnd'); } },
      ],
    });
    // 6 samples in batches of 4: batches 0 and 1 per epoch.
    expect(events).toEqual([
      'trainBegin',
      'epochBegin 0', 'batchBegin 0', 'batchEnd 0+loss', 'batchBegin 1', 'batchEnd 1+loss', 'epochEnd 0+loss',
      'epochBegin 1', 'batchBegin 0', 'batchEnd 0+loss', 'batchBegin 1', 'batchEnd 1+loss', 'epochEnd 1+loss',
      'trainEnd', 'second trainEnd',
    ]);
    expect(h.epoch).toEqual([0, 1]);
  });
});

describe('registerCallbackConstructor: bad arguments are refused by name, before anything is registered', () => {
  it('a verbosity level that is not an integer >= 0, a constructor that is not a class, one given twice', () => {
    class Quiet extends tn.Callback {}
    expect(() => tn.registerCallbackConstructor(-1, Quiet)).toThrow(/^registerCallbackConstructor: verbosityLevel must be an integer >= 0, got -1$/);
    expect(() => tn.registerCallbackConstructor(0.5, Quiet)).toThrow(/^registerCallbackConstructor: verbosityLevel must be an integer >= 0, got 0\.5$/);
    expect(() => tn.registerCallbackConstructor(0, {} as never)).toThrow(/^registerCallbackConstructor: callbackConstructor must be a Callback class, got/);
    // Level 99: no fit here reaches it. The refused calls above registered nothing, so this first one is taken.
    tn.registerCallbackConstructor(99, Quiet);
    expect(() => tn.registerCallbackConstructor(3, Quiet)).toThrow(/^registerCallbackConstructor: duplicate callback constructor Quiet, already registered$/);
  });
});
