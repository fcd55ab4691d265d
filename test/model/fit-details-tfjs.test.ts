import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Details of fit, evaluate and predict that real TF.js programs lean on, each against TF.js 4.22 itself.

type Lib = typeof tn;
const peer = tf as unknown as Lib;

/** A one-layer model with fixed weights in lib, compiled. */
function model(lib: Lib, units: number, activation: 'softmax' | 'sigmoid' | 'linear', loss: string): tn.LayersModel {
  const m = lib.sequential({ layers: [lib.layers.dense({ units, activation, inputShape: [2], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
  m.compile({ optimizer: 'sgd', loss });
  return m;
}

describe('fit, evaluate and predict details, as TF.js 4.22', () => {
  it('evaluate(x, y, n) and predict(x, n) read n as the batch size (TF.js\'s own examples call them so)', () => {
    const x = [[0.1, 0.2], [0.3, -0.4], [1, 2], [-1, 0.5], [0.25, 0.75]];
    const y = [[0.5], [0], [3], [-0.5], [1]];
    const [ours, theirs] = [tn, peer].map((l) => {
      const m = model(l, 1, 'linear', 'meanSquaredError');
      const e = m.evaluate(l.tensor2d(x), l.tensor2d(y), 2 as never) as tn.Scalar;
      return [e.dataSync()[0], Array.from((m.predict(l.tensor2d(x), 3 as never) as tn.Tensor).dataSync())];
    });
    expect(ours[0]).toBeCloseTo(theirs[0] as number, 6);
    expect(ours[1]).toEqual(theirs[1]);
    const m = model(tn, 1, 'linear', 'meanSquaredError');
    expect(() => m.evaluate(tn.tensor2d(x), tn.tensor2d(y), 0 as never)).toThrow(/evaluate: batchSize/);
  });

  it('classWeight must name every class in y, the part validationSplit keeps back included', async () => {
    for (const l of [tn, peer]) {
      const m = model(l, 4, 'softmax', 'categoricalCrossentropy');
      const y = l.oneHot(l.tensor1d([0, 1, 3], 'int32'), 4).toFloat();
      await expect(m.fit(l.tensor2d([[0.1, 0], [0.2, 0], [0.3, 0]]), y, { epochs: 1, validationSplit: 0.34, classWeight: { 0: 1, 1: 1, 2: 1 }, verbose: 0 }))
        .rejects.toThrow('classWeight must contain all classes in the training data. The class 3 exists in the data but not in classWeight');
    }
  });

  it('sparseCategoricalCrossentropy refuses a single output unit, as TF.js\'s oneHot refuses a depth of 1', async () => {
    const before = model(tn, 1, 'sigmoid', 'sparseCategoricalCrossentropy');
    const kernel = before.getWeights()[0].arraySync();
    await expect(before.fit(tn.tensor2d([[1, 2]]), tn.tensor2d([[0]]), { epochs: 1, verbose: 0 })).rejects.toThrow(/sparseCategoricalCrossentropy.* must be .*at least 2 classes in its last dim/);
    expect(before.getWeights()[0].arraySync()).toEqual(kernel);
    const theirs = model(peer, 1, 'sigmoid', 'sparseCategoricalCrossentropy');
    await expect(theirs.fit(peer.tensor2d([[1, 2]]), peer.tensor2d([[0]]), { epochs: 1, verbose: 0 })).rejects.toThrow(/depth must be >=2/);
  });

  it('onBatchBegin and onBatchEnd get one logs object, filled for onBatchEnd', async () => {
    const [ours, theirs] = await Promise.all([tn, peer].map(async (l) => {
      const m = model(l, 1, 'linear', 'meanSquaredError');
      const kept: object[] = [];
      await m.fit(l.tensor2d([[1, 2], [3, 4], [5, 6]]), l.tensor2d([[1], [2], [3]]), {
        epochs: 1, batchSize: 2, shuffle: false, verbose: 0,
        callbacks: { onBatchBegin: (_b: number, logs?: object) => { kept.push(logs!); }, onBatchEnd: (_b: number, logs?: object) => { expect(logs).toBe(kept[kept.length - 1]); } },
      });
      return JSON.parse(JSON.stringify(kept)) as { batch: number; size: number; loss: number }[];
    }));
    expect(ours.map((o) => Object.keys(o))).toEqual(theirs.map((o) => Object.keys(o)));
    ours.forEach((o, i) => expect(o).toEqual({ batch: theirs[i].batch, size: theirs[i].size, loss: expect.closeTo(theirs[i].loss, 4) }));
  });
});

describe('1-D class ids as targets, as TF.js makes them a column', () => {
  it('metrics that broadcast labels against a [batch, classes] output read them as [batch, 1], in fit and evaluate', async () => {
    const run = async (lib: Lib) => {
      const input = lib.input({ shape: [2] });
      const m = lib.model({ inputs: input, outputs: lib.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: 'identity' }).apply(input) as tn.SymbolicTensor });
      m.compile({ optimizer: lib.train.sgd(0.1), loss: 'sparseCategoricalCrossentropy', metrics: ['binaryAccuracy', 'mse', 'acc'] });
      const x = lib.tensor2d([[3, 0], [0, 3], [3, 0]]);
      const y = lib.tensor1d([0, 1, 0]);
      const before = (m.evaluate(x, y) as tn.Tensor[]).map((t) => t.dataSync()[0]);
      const h = await m.fit(x, y, { epochs: 2, batchSize: 3, verbose: 0 });
      const out = [before, ['loss', 'binaryAccuracy', 'mse', 'acc'].map((k) => h.history[k])];
      m.dispose();
      return out;
    };
    const [ours, theirs] = [await run(tn), await run(peer)];
    expect(ours[0]).toEqual(theirs[0].map((v) => expect.closeTo(v as number, 5)));
    expect(ours[1]).toEqual(theirs[1].map((vs) => (vs as number[]).map((v) => expect.closeTo(v, 5))));
    expect(ours[0][1]).toBeCloseTo(0.5, 6);
  });
});
