import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';

/** A model whose output is its input (identity kernel), so evaluate scores chosen predictions. */
function identityPeer(n: number): tf.LayersModel {
  return tf.sequential({ layers: [tf.layers.dense({ units: n, inputShape: [n], useBias: false, kernelInitializer: 'identity' })] });
}
function identityOurs(n: number): tn.Sequential {
  const d = tn.layers.dense({ units: n, inputShape: [n], useBias: false });
  d.setWeights([tn.tensor(Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0)), [n, n])]);
  return tn.sequential({ layers: [d] });
}

const preds = [[0.2, 0.7, 0.1], [0.6, 0.3, 0.9], [0.05, 0.5, 0.45], [0.9, 0.95, 0.02]];
const targets = [[0, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, 0]];
const signed = targets.map((r) => r.map((v) => 2 * v - 1));

describe('losses and metrics by name give TF.js 4.22\'s values', () => {
  const losses = ['meanSquaredError', 'meanAbsoluteError', 'meanAbsolutePercentageError', 'meanSquaredLogarithmicError', 'squaredHinge', 'hinge',
    'categoricalHinge', 'logcosh', 'categoricalCrossentropy', 'binaryCrossentropy', 'kullbackLeiblerDivergence', 'poisson', 'cosineProximity'];
  for (const loss of losses) {
    it(loss, () => {
      const y = loss.includes('inge') && loss !== 'categoricalHinge' ? signed : targets;
      const metrics = ['accuracy', 'mse', 'mae', 'mape', 'cosine', 'binaryAccuracy', 'categoricalAccuracy', 'precision', 'ce'];
      const peer = identityPeer(3);
      peer.compile({ optimizer: 'sgd', loss, metrics });
      const model = identityOurs(3);
      model.compile({ optimizer: 'sgd', loss, metrics });
      const theirs = (peer.evaluate(tf.tensor(preds), tf.tensor(y)) as tf.Scalar[]).map((t) => t.dataSync()[0]);
      const ours = (model.evaluate(tn.tensor(preds), tn.tensor(y)) as tn.Tensor[]).map((t) => t.dataSync()[0]);
      // Relative: MAPE of a zero target is ~1e7 (the clipped denominator), where float32 keeps 7 digits.
      ours.forEach((v, i) => expect(Math.abs(v - theirs[i])).toBeLessThan(1e-4 * Math.max(1, Math.abs(theirs[i]))));
      peer.dispose();
    });
  }

  it('sparse losses and metrics, and history key names (acc, val_acc, ce, val_ce)', async () => {
    const peer = identityPeer(3);
    const model = identityOurs(3);
    const labels = [1, 2, 1, 0];
    peer.compile({ optimizer: tf.train.sgd(0), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy', 'ce'] });
    model.compile({ optimizer: tn.train.sgd(0), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy', 'ce'] });
    const h1 = await peer.fit(tf.tensor(preds), tf.tensor(labels), { epochs: 1, batchSize: 4, verbose: 0, validationData: [tf.tensor(preds), tf.tensor(labels)] });
    const h2 = await model.fit(tn.tensor(preds), tn.tensor(labels), { epochs: 1, batchSize: 4, verbose: 0, validationData: [tn.tensor(preds), tn.tensor(labels)] });
    expect(Object.keys(h2.history).sort()).toEqual(Object.keys(h1.history).sort());
    for (const k of Object.keys(h1.history)) expect(h2.history[k][0]).toBeCloseTo(h1.history[k][0] as number, 4);
  });

  it('custom loss and metric functions; tn.metrics as functions', async () => {
    const model = identityOurs(3);
    function halfSquares(yTrue: tn.Tensor, yPred: tn.Tensor): tn.Tensor {
      return tn.mul(tn.scalar(0.5), tn.mean(tn.square(tn.sub(yTrue, yPred)), -1));
    }
    model.compile({ optimizer: tn.train.sgd(0), loss: halfSquares, metrics: [tn.metrics.meanAbsoluteError, halfSquares] });
    const h = await model.fit(tn.tensor(preds), tn.tensor(targets), { epochs: 1, batchSize: 4, verbose: 0 });
    expect(Object.keys(h.history)).toEqual(['loss', 'meanAbsoluteError', 'halfSquares']);
    expect(h.history.loss[0]).toBeCloseTo(h.history.halfSquares[0], 6);
    const peerMae = tf.metrics.meanAbsoluteError(tf.tensor(targets), tf.tensor(preds)).dataSync();
    expect(Array.from(tn.metrics.meanAbsoluteError(tn.tensor(targets), tn.tensor(preds)).dataSync()).map((v, i) => v - peerMae[i]).every((d) => Math.abs(d) < 1e-6)).toBe(true);
    expect(() => model.compile({ optimizer: 'sgd', loss: 'meanSquaredErr' })).toThrow(/compile: loss must be a loss function or one of 'meanSquaredError', .*got "meanSquaredErr"/);
  });
});

describe('callbacks and fit options', () => {
  function data(): [tn.Tensor, tn.Tensor] {
    const x = tn.randomUniform([32, 3], -1, 1, 'float32', 9);
    const y = tn.tensor(Array.from(x.dataSync()).filter((_, i) => i % 3 === 0).map((v) => (v > 0 ? 1 : 0)));
    return [x, y];
  }
  const small = () => tn.sequential({ layers: [tn.layers.dense({ units: 2, activation: 'softmax', inputShape: [3], kernelInitializer: tn.initializers.glorotUniform({ seed: 2 }) })] });

  it('earlyStopping stops after patience epochs without improvement and restores the best weights', async () => {
    const [x, y] = data();
    const model = small();
    model.compile({ optimizer: tn.train.sgd(0), loss: 'sparseCategoricalCrossentropy' });
    const stop = tn.callbacks.earlyStopping({ monitor: 'loss', patience: 2, restoreBestWeights: true });
    const h = await model.fit(x, y, { epochs: 10, verbose: 0, callbacks: stop });
    // With a zero learning rate the loss never improves after the first epoch: 1 + patience epochs run.
    expect(h.epoch).toEqual([0, 1, 2]);
    expect(stop.stoppedEpoch).toBe(2);
    expect(() => tn.callbacks.earlyStopping({ mode: 'sideways' as 'min' })).toThrow(/mode must be 'auto', 'min' or 'max'/);
  });

  it('earlyStopping with restoreBestWeights puts back the best epoch\'s values (copies of them, not the live weights)', async () => {
    const [x, y] = data();
    const model = small();
    model.compile({ optimizer: tn.train.sgd(0.5), loss: 'sparseCategoricalCrossentropy' });
    let atFirst: number[][] = [];
    const record = { onEpochEnd: (e: number) => { if (e === 0) atFirst = model.getWeights().map((w) => Array.from(w.dataSync())); } };
    // Loss falls every epoch, so with mode 'max' the first epoch stays the best and the second one stops training.
    const stop = tn.callbacks.earlyStopping({ monitor: 'loss', mode: 'max', patience: 1, restoreBestWeights: true });
    const h = await model.fit(x, y, { epochs: 5, verbose: 0, callbacks: [record, stop] });
    expect(h.history.loss[1]).toBeLessThan(h.history.loss[0]);
    expect(stop.stoppedEpoch).toBe(1);
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(atFirst);
  });

  it('earlyStopping with restoreBestWeights frees its copies of the best weights when training ends, stopped early or not', async () => {
    const [x, y] = data();
    const model = small();
    model.compile({ optimizer: tn.train.sgd(0), loss: 'sparseCategoricalCrossentropy' });
    for (const epochs of [1, 5]) {
      const stop = tn.callbacks.earlyStopping({ monitor: 'loss', patience: 1, restoreBestWeights: true });
      const before = tn.memory().numTensors;
      await model.fit(x, y, { epochs, verbose: 0, callbacks: stop });
      expect(tn.memory().numTensors - before).toBe(0);
    }
  });

  it('earlyStopping\'s verbose is 0 by default, and above 0 says which epoch stopped training when it ends, as TF.js', async () => {
    // TF.js declares the field protected.
    expect(tn.callbacks.earlyStopping().verbose).toBe((tf.callbacks.earlyStopping() as unknown as { verbose: number }).verbose);
    expect(tn.callbacks.earlyStopping().verbose).toBe(0);
    expect(() => tn.callbacks.earlyStopping({ verbose: -1 })).toThrow(/callbacks.earlyStopping: verbose must be an integer >= 0 or a boolean, got -1/);
    // An empty monitor or mode is the default, and a boolean verbose a number, as TF.js reads them.
    const fields = (c: unknown) => { const { monitor, mode, verbose } = c as { monitor: string; mode: string; verbose: number }; return [monitor, mode, Number(verbose > 0)]; };
    const odd = { monitor: '', mode: '' as 'auto', verbose: true as unknown as number };
    expect(fields(tn.callbacks.earlyStopping(odd))).toEqual(fields(tf.callbacks.earlyStopping(odd)));
    expect(fields(tn.callbacks.earlyStopping(odd))).toEqual(['val_loss', 'auto', 1]);
    const logged = async (lib: typeof tf): Promise<unknown[][]> => {
      const m = lib.sequential({ layers: [lib.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones' })] });
      m.compile({ optimizer: lib.train.sgd(0), loss: 'meanSquaredError' });
      const spy = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        // A zero learning rate: epoch 1 does not improve on epoch 0, so patience 2 stops at epoch 2.
        await m.fit(lib.ones([2, 1]), lib.zeros([2, 1]), { epochs: 5, verbose: 0, callbacks: lib.callbacks.earlyStopping({ monitor: 'loss', patience: 2, verbose: 1 }) });
        return spy.mock.calls;
      } finally {
        spy.mockRestore();
      }
    };
    const ours = await logged(tn as unknown as typeof tf);
    expect(ours).toEqual(await logged(tf));
    expect(ours).toEqual([['Epoch 2: early stopping.']]);
  });

  it('a callback gets its params before its model, as TF.js calls them; evaluateDataset refuses verbose, as TF.js', async () => {
    const seen = async (lib: typeof tf): Promise<string[]> => {
      const calls: string[] = [];
      class Watch extends lib.Callback {
        override setParams(p: Parameters<tf.Callback['setParams']>[0]): void {
          calls.push(`setParams ${String(p.epochs)}`);
          super.setParams(p);
        }
        override setModel(m: tf.LayersModel): void {
          calls.push(`setModel ${String((this.params as Record<string, unknown> | undefined)?.epochs)}`);
          super.setModel(m);
        }
      }
      const m = lib.sequential({ layers: [lib.layers.dense({ units: 1, inputShape: [1] })] });
      m.compile({ optimizer: lib.train.sgd(0.1), loss: 'meanSquaredError' });
      await m.fit(lib.ones([2, 1]), lib.zeros([2, 1]), { epochs: 2, verbose: 0, callbacks: [new Watch()] });
      const ds = lib.data.zip({ xs: lib.data.array([[1]]), ys: lib.data.array([[0]]) }).batch(1);
      await expect(m.evaluateDataset(ds as never, { verbose: 1 } as never)).rejects.toThrow(/[Vv]erbose/);
      m.dispose();
      return calls;
    };
    const ours = await seen(tn as unknown as typeof tf);
    expect(ours).toEqual(await seen(tf));
    expect(ours).toEqual(['setParams 2', 'setModel 2']);
  });

  it('validationSteps validates on the first validationSteps batches of the validation data, as Keras (TF.js 4.22 ignores it)', async () => {
    const [x, y] = data();
    const model = small();
    model.compile({ optimizer: tn.train.sgd(0.1), loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
    const h = await model.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, validationData: [x, y], validationBatchSize: 5, validationSteps: 2 });
    // The last epoch validates the final weights on samples 0 to 9 (two batches of 5).
    const scores = (model.evaluate(x.slice(0, 10), y.slice(0, 10), { batchSize: 5 }) as tn.Tensor[]).map((t) => t.dataSync()[0]);
    expect([h.history.val_loss[1], h.history.val_acc[1]].map(Math.fround)).toEqual(scores);
    const all = (model.evaluate(x, y, { batchSize: 5 }) as tn.Tensor[]).map((t) => t.dataSync()[0]);
    expect(scores[0]).not.toBe(all[0]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const h2 = await model.fit(x, y, { epochs: 1, verbose: 0, validationSplit: 0.25, validationSteps: 3 });
      expect(warn.mock.calls).toEqual([['fit: validationSteps is 3, but the validation data makes 1 batches of 32; validating on those']]);
      expect(h2.history.val_loss).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
    await expect(model.fit(x, y, { validationSteps: 2, verbose: 0 })).rejects.toThrow(/fit: validationSteps must be given with validation data \(it counts validation batches\), got 2 with neither validationData nor validationSplit/);
    await expect(model.fit(x, y, { validationSteps: 0, validationData: [x, y], verbose: 0 })).rejects.toThrow(/fit: validationSteps must be a positive integer, got 0/);
  });

  it('an anonymous metric function is logged under its name \'\' (so \'\' and \'val_\'), as TF.js', async () => {
    const run = async (lib: typeof tf) => {
      const m = lib.sequential({ layers: [lib.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones' })] });
      m.compile({ optimizer: lib.train.sgd(0.1), loss: 'meanSquaredError', metrics: [(a: tf.Tensor, b: tf.Tensor) => lib.mean(lib.abs(lib.sub(a, b)))] });
      const h = await m.fit(lib.ones([4, 1]), lib.zeros([4, 1]), { epochs: 1, verbose: 0, validationSplit: 0.5 });
      return { names: m.metricsNames, keys: Object.keys(h.history) };
    };
    const ours = await run(tn as unknown as typeof tf);
    expect(ours).toEqual(await run(tf));
    expect(ours.keys).toEqual(['val_loss', 'val_', 'loss', '']);
  });

  it('initialEpoch, every hook in order, stopTraining from a hook, stepsPerEpoch, classWeight, validationBatchSize', async () => {
    const [x, y] = data();
    const model = small();
    model.compile({ optimizer: tn.train.sgd(0.1), loss: 'sparseCategoricalCrossentropy' });
    const calls: string[] = [];
    const h = await model.fit(x, y, {
      epochs: 4, initialEpoch: 2, batchSize: 16, verbose: 0, validationData: [x, y], validationBatchSize: 5,
      callbacks: {
        onTrainBegin: () => void calls.push('trainBegin'), onEpochBegin: (e) => void calls.push(`epochBegin ${e}`),
        onBatchBegin: (b) => void calls.push(`batchBegin ${b}`), onBatchEnd: (b) => void calls.push(`batchEnd ${b}`),
        onEpochEnd: (e) => {
          calls.push(`epochEnd ${e}`);
          model.stopTraining = true;
        },
        onTrainEnd: () => void calls.push('trainEnd'),
      },
    });
    expect(h.epoch).toEqual([2]);
    expect(calls).toEqual(['trainBegin', 'epochBegin 2', 'batchBegin 0', 'batchEnd 0', 'batchBegin 1', 'batchEnd 1', 'epochEnd 2', 'trainEnd']);
    const h2 = await model.fit(x, y, { epochs: 1, batchSize: 4, stepsPerEpoch: 3, verbose: 0 });
    expect(h2.params.steps).toBe(3);
    await expect(model.fit(x, y, { classWeight: { 0: 1 }, verbose: 0 })).rejects.toThrow('fit: classWeight must contain all classes in the training data. The class 1 exists in the data but not in classWeight');
    const weighted = await model.fit(x, y, { classWeight: { 0: 0, 1: 0 }, verbose: 0, epochs: 1 });
    expect(weighted.history.loss[0]).toBe(0);
  });
});

describe('epoch logs, validation and evaluate are TF.js 4.22\'s float32 averages, to the last bit', () => {
  type Lib = typeof tf;
  const x = [[1, 0], [0, 1], [1, 1], [0, 0], [2, 1], [0.5, -1], [0.3, 0.7], [-1, 2], [1.5, 0.2], [0.1, 0.9], [2, 2]];
  const y = [[1], [0], [1], [0], [1], [0.5], [0.2], [0.7], [1.1], [0.3], [0.9]];
  // A zero learning rate keeps every batch's values TF.js's to the bit (an update's rounding may differ in the last
  // bit), so that the averaging alone is compared.
  const build = (lib: Lib): tf.LayersModel => {
    const m = lib.sequential({ layers: [lib.layers.dense({ units: 1, inputShape: [2], kernelInitializer: lib.initializers.constant({ value: 0.37 }), biasInitializer: lib.initializers.constant({ value: -0.11 }) })] });
    m.compile({ optimizer: lib.train.sgd(0), loss: 'meanAbsoluteError', metrics: ['mae'] });
    return m;
  };

  it('fit (History, onEpochEnd logs, val_*) and evaluate', async () => {
    const run = async (lib: Lib) => {
      const m = build(lib);
      const [xs, ys] = [lib.tensor(x), lib.tensor(y)];
      const batches: unknown[] = [];
      const epochs: unknown[] = [];
      const h = await m.fit(xs, ys, {
        epochs: 3, batchSize: 3, shuffle: false, verbose: 0, validationData: [xs.slice(0, 7), ys.slice(0, 7)],
        callbacks: { onBatchEnd: (_b, logs) => void batches.push(logs), onEpochEnd: (_e, logs) => void epochs.push({ ...logs }) },
      });
      const scores = (m.evaluate(xs, ys, { batchSize: 4 }) as tf.Tensor[]).map((t) => t.dataSync()[0]);
      return { batches, epochs, history: h.history, scores };
    };
    const theirs = await run(tf);
    const ours = await run(tn as unknown as Lib);
    // The batches agree to the bit, so the averages must too.
    expect(ours.batches).toEqual(theirs.batches);
    for (const key of ['loss', 'mae', 'val_loss', 'val_mae']) theirs.history[key].forEach((v, e) => expect(ours.history[key][e], `${key} ${e}`).toBe(v));
    expect(ours.epochs).toEqual(theirs.epochs);
    ours.scores.forEach((v, i) => expect(v).toBe(theirs.scores[i]));
  });

  it('fitDataset (with a validation dataset) and evaluateDataset', async () => {
    const run = async (lib: Lib) => {
      const m = build(lib);
      const data = (n: number) => lib.data.zip({ xs: lib.data.array(x.slice(0, n)), ys: lib.data.array(y.slice(0, n)) }).batch(3) as tf.data.Dataset<tf.TensorContainer>;
      const h = await m.fitDataset(data(11), { epochs: 3, verbose: 0, validationData: data(8) });
      const scores = (await m.evaluateDataset(data(10) as tf.data.Dataset<{}>, {}) as tf.Tensor[]).map((t) => t.dataSync()[0]);
      return { history: h.history, scores };
    };
    const theirs = await run(tf);
    const ours = await run(tn as unknown as Lib);
    for (const key of ['loss', 'mae', 'val_loss', 'val_mae']) theirs.history[key].forEach((v, e) => expect(ours.history[key][e], `${key} ${e}`).toBe(v));
    ours.scores.forEach((v, i) => expect(v).toBe(theirs.scores[i]));
  });
});

describe('cross-entropy on a softmax output and class weights train as in TF.js 4.22', () => {
  /** dense(2, softmax) on one input feature with kernel [[30, -30]]: x = 1 puts 1 − 1e-26 on class 0, x = 0.01 does not saturate. */
  const peerModel = (): tf.LayersModel => {
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [1], useBias: false, activation: 'softmax' })] });
    m.setWeights([tf.tensor([[30, -30]])]);
    return m;
  };
  const ourModel = (): tn.Sequential => {
    const m = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [1], useBias: false, activation: 'softmax' })] });
    m.setWeights([tn.tensor([[30, -30]])]);
    return m;
  };
  const xs = [[1], [0.01], [1], [-1]];
  const ids = [1, 1, 0, 0];

  for (const loss of ['sparseCategoricalCrossentropy', 'categoricalCrossentropy'] as const) {
    for (const classWeight of [undefined, { 0: 1, 1: 0.5 }]) {
      it(`${loss}${classWeight ? ' with classWeight' : ''}: the loss of a saturated softmax is capped at -log(1e-7), with no gradient`, async () => {
        const targets = loss === 'sparseCategoricalCrossentropy' ? ids : ids.map((c) => [1 - c, c]);
        const peer = peerModel();
        peer.compile({ optimizer: tf.train.sgd(0.1), loss, metrics: ['crossentropy'] });
        const model = ourModel();
        model.compile({ optimizer: tn.train.sgd(0.1), loss, metrics: ['crossentropy'] });
        const options = { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 as const, classWeight };
        const theirs = await peer.fit(tf.tensor(xs), tf.tensor(targets), options);
        const ours = await model.fit(tn.tensor(xs), tn.tensor(targets), options);
        // Row 0 alone gives 16.118 / 4 (its -log p is 60 from the logits); rows 2 and 3 give ~0.
        expect(theirs.history.loss[0]).toBeGreaterThan(4);
        for (const key of ['loss', 'ce']) {
          (ours.history[key] as number[]).forEach((v, e) => expect(Math.abs(v - (theirs.history[key][e] as number))).toBeLessThan(1e-5));
        }
        const [w, want] = [model.getWeights()[0].dataSync(), peer.getWeights()[0].dataSync()];
        w.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-5));
        peer.dispose();
      });
    }
  }

  it('classWeight in each of TF.js\'s forms (a ClassWeight, an array of one per output, a map by output name), in fit and fitDataset', async () => {
    type Lib = typeof tf;
    const build = (lib: Lib, outputs: number): tf.LayersModel => {
      const input = lib.input({ shape: [2] });
      const heads = Array.from({ length: outputs }, (_, i) => lib.layers.dense({ units: 2, activation: 'softmax', name: `head${i}`, kernelInitializer: 'ones' }).apply(input) as tf.SymbolicTensor);
      const m = lib.model({ inputs: input, outputs: heads });
      m.compile({ optimizer: lib.train.sgd(0.5), loss: heads.map(() => 'sparseCategoricalCrossentropy') });
      m.setWeights(m.getWeights().map((w, i) => lib.tensor(Array.from(w.dataSync(), (_, j) => 0.1 * (((i + 1) * (j + 2)) % 5) - 0.2), w.shape)));
      return m;
    };
    const run = async (lib: Lib, outputs: number, classWeight: unknown, dataset = false): Promise<number[][]> => {
      const m = build(lib, outputs);
      const x = lib.tensor([[1, 0], [0, 1], [1, 1], [0.5, -1]]);
      const ys = Array.from({ length: outputs }, (_, i) => lib.tensor(i === 0 ? [0, 1, 1, 0] : [1, 1, 0, 0]));
      const y = outputs === 1 ? ys[0] : ys;
      const options = { epochs: 2, verbose: 0 as const, classWeight: classWeight as tf.ClassWeight };
      const h = dataset
        ? await m.fitDataset(lib.data.zip({ xs: lib.data.array([x]), ys: lib.data.array([y]) }) as tf.data.Dataset<tf.TensorContainer>, options)
        : await m.fit(x, y, { ...options, batchSize: 4, shuffle: false });
      return [h.history.loss as number[], ...m.getWeights().map((w) => Array.from(w.dataSync()))];
    };
    const cases: [number, unknown, boolean][] = [
      [1, { 0: 1, 1: 3 }, false], [1, [{ 0: 1, 1: 3 }], false], [1, { head0: { 0: 1, 1: 3 } }, false], [1, [1, 3], false],
      [2, [{ 0: 1, 1: 3 }, { 0: 2, 1: 0.5 }], false], [2, { head1: { 0: 2, 1: 0.5 } }, false], [2, [null, { 0: 2, 1: 0.5 }], false],
      [1, { head0: { 0: 1, 1: 3 } }, true], [2, [{ 0: 1, 1: 3 }, { 0: 2, 1: 0.5 }], true],
    ];
    for (const [outputs, classWeight, dataset] of cases) {
      const theirs = await run(tf, outputs, classWeight, dataset);
      const ours = await run(tn as unknown as Lib, outputs, classWeight, dataset);
      ours.forEach((row, r) => row.forEach((v, i) => expect(Math.abs(v - theirs[r][i]), `${JSON.stringify(classWeight)} row ${r}[${i}]`).toBeLessThan(1e-6)));
      // The weights change the loss: unweighted training ends elsewhere.
      expect((await run(tf, outputs, undefined, dataset))[0]).not.toEqual(theirs[0]);
    }
    const failing = (outputs: number, classWeight: unknown) => run(tn as unknown as Lib, outputs, classWeight);
    await expect(failing(2, [{ 0: 1, 1: 3 }])).rejects.toThrow(/fit: classWeight must be one per model output \(2\), got an array of 1 items/);
    await expect(failing(2, { head2: { 0: 1 } })).rejects.toThrow(/fit: classWeight must be keys naming the model's outputs \('head0', 'head1'\), got the key 'head2'/);
    await expect(failing(2, { head1: { 0: 1 } })).rejects.toThrow("fit: classWeight for 'head1' must contain all classes in the training data. The class 1 exists in the data but not in classWeight");
    await expect(failing(1, [{ 0: -1 }])).rejects.toThrow(/fit: classWeight\[0\]\[0\] must be a finite number >= 0, got -1/);
    // One ClassWeight for two outputs: TF.js refuses it, and so does tessera, before any step.
    await expect(run(tf, 2, { 0: 1, 1: 3 })).rejects.toThrow(/multiple \(2\) outputs/);
    await expect(failing(2, { 0: 1, 1: 3 })).rejects.toThrow(/fit: classWeight must be an array of 2 of them or a map of them by output name \('head0', 'head1'\), as the model has 2 outputs, got one \{classId: weight\} object/);
  });

  it('fractional class weights apply to int32 one-hot targets (oneHot\'s dtype) as to float ones', async () => {
    const ids = [0, 1, 1, 0];
    const x = [[0.5], [-0.2], [0.1], [0.9]];
    const peer = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [1], activation: 'softmax' })] });
    peer.setWeights([tf.tensor([[0.3, -0.4]]), tf.tensor([0.1, -0.1])]);
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [1], activation: 'softmax' })] });
    model.setWeights([tn.tensor([[0.3, -0.4]]), tn.tensor([0.1, -0.1])]);
    peer.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
    model.compile({ optimizer: tn.train.sgd(0.5), loss: 'categoricalCrossentropy' });
    const options = { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 as const, classWeight: { 0: 1, 1: 0.5 } };
    const theirs = await peer.fit(tf.tensor(x), tf.oneHot(tf.tensor1d(ids, 'int32'), 2), options);
    const ours = await model.fit(tn.tensor(x), tn.oneHot(tn.tensor1d(ids, 'int32'), 2), options);
    ours.history.loss.forEach((v, e) => expect(Math.abs(v - (theirs.history.loss[e] as number))).toBeLessThan(1e-6));
    model.getWeights().forEach((t, i) => t.dataSync().forEach((v, j) => expect(Math.abs(v - peer.getWeights()[i].dataSync()[j])).toBeLessThan(1e-6)));
    peer.dispose();
  });
});
