import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { quadrantData } from '../fixtures/quadrant';

function smallCnn(dtype: 'float32' | 'float64' = 'float32', seed = 1): tn.Sequential {
  return tn.sequential({
    layers: [
      tn.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1], dtype, kernelInitializer: tn.initializers.glorotUniform({ seed }) }),
      tn.layers.maxPooling2d({ poolSize: 2, dtype }),
      tn.layers.flatten({ dtype }),
      tn.layers.dense({ units: 4, activation: 'softmax', dtype, kernelInitializer: tn.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
}

describe('Sequential end to end', () => {
  it('a fractional epochs runs the epochs below it, as TF.js\'s loop (2.5: epochs 0, 1 and 2)', async () => {
    const { x, y } = quadrantData(64, 4);
    const model = smallCnn();
    model.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
    const seen: number[] = [];
    const history = await model.fit(x, y, { epochs: 2.5, batchSize: 32, verbose: 0, callbacks: { onEpochEnd: async (e) => { seen.push(e); } } });
    expect(history.epoch).toEqual([0, 1, 2]);
    expect(seen).toEqual([0, 1, 2]);
    expect(history.params.epochs).toBe(2.5);
  });

  it('a small CNN learns the quadrant task to high accuracy in seconds', async () => {
    const { x, y } = quadrantData(768, 1);
    const test = quadrantData(256, 2);
    const model = smallCnn();
    model.compile({ optimizer: tn.train.adam(0.01), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(x, y, { epochs: 8, batchSize: 32, seed: 3, verbose: 0, validationSplit: 0.25 });
    expect(history.epoch).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // TF.js reports metrics: ['accuracy'] as 'acc'.
    expect(Object.keys(history.history).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    // Measured (this seed, then model seeds 2, 5, 11, 21 with fit seeds 3, 7, 1, 9): test loss 1.85e-3
    // (1.56e-3 to 2.73e-3), last training loss 2.16e-3 (1.81e-3 to 3.13e-3), test accuracy 1 every
    // time, the first epoch's loss 0.98 to 1.26. The bounds allow under 3x of this seed's loss, so
    // a 3x regression fails, and one miss in 256.
    expect(history.history.loss[0]).toBeGreaterThan(0.5);
    expect(history.history.loss[7]).toBeLessThan(5e-3);
    expect(history.history.val_loss[7]).toBeLessThan(5e-3);
    const [loss, accuracy] = model.evaluate(test.x, test.y) as tn.Tensor[];
    expect(accuracy.dataSync()[0]).toBeGreaterThanOrEqual(255 / 256);
    expect(loss.dataSync()[0]).toBeLessThan(5e-3);
    // Scalars also read as numbers.
    expect(Number(accuracy)).toBe(accuracy.dataSync()[0]);
    const probs = model.predict(test.x.slice(0, 5), { batchSize: 2 });
    expect(probs.shape).toEqual([5, 4]);
    (probs.arraySync() as number[][]).forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5));
  });

  it('the same seeds give bit-identical losses and weights', async () => {
    const run = async () => {
      const { x, y } = quadrantData(128, 5);
      const model = smallCnn('float32', 9);
      model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
      const h = await model.fit(x, y, { epochs: 2, batchSize: 16, seed: 4, verbose: 0 });
      return { losses: h.history.loss, weights: model.getWeights().map((w) => Array.from(w.dataSync())) };
    };
    const a = await run();
    const b = await run();
    expect(b.losses).toEqual(a.losses);
    expect(b.weights).toEqual(a.weights);
  });

  it('gradient check of the whole model (weights and loss) in float64 through tn.gradCheck', () => {
    const { x, y } = quadrantData(3, 7);
    const x64 = tn.cast(x, 'float64');
    const model = smallCnn('float64', 4);
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    const logits = () => {
      const layers = model.layers;
      let h = x64;
      layers.forEach((l, i) => (h = l.apply(h, { training: false, logits: i === layers.length - 1 })));
      return h;
    };
    const report = tn.gradCheck(() => tn.sparseSoftmaxCrossEntropy(y, logits()), model.trainableWeights, { maxElementsPerInput: 40 });
    expect(report.checked).toBe(36 + 4 + 40 + 4); // conv kernel, conv bias, 40 of the dense kernel's 144, dense bias
    expect(report.maxError).toBeLessThan(1e-6);
  });

  it('trainOnBatch returns the loss and metrics and changes the weights', async () => {
    const { x, y } = quadrantData(16, 8);
    const model = smallCnn();
    model.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
    const before = model.getWeights()[0].dataSync();
    const out = (await model.trainOnBatch(x, y)) as number[];
    expect(out).toHaveLength(2);
    expect(out[0]).toBeGreaterThan(0);
    expect(model.getWeights()[0].dataSync()).not.toEqual(before);
  });

  it('a NaN loss stops fit naming the epoch and batch, without applying that update', async () => {
    const { x, y } = quadrantData(64, 9);
    const values = x.dataSync();
    values[40 * 64 + 5] = NaN; // sample 40 sits in batch 2 (batches of 32, no shuffle)
    const bad = tn.tensor(values, x.shape);
    const model = smallCnn();
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    let afterFirst: Float32Array[] = [];
    const fit = model.fit(bad, y, {
      epochs: 1, batchSize: 32, shuffle: false, verbose: 0,
      callbacks: { onBatchEnd: (batch) => void (batch === 0 && (afterFirst = model.getWeights().map((w) => w.dataSync() as Float32Array))) },
    });
    await expect(fit).rejects.toThrow(/fit: the loss became NaN at epoch 1, batch 2; that batch's update was not applied/);
    expect(model.getWeights().map((w) => w.dataSync())).toEqual(afterFirst);
    const h = await model.fit(bad, y, { epochs: 1, batchSize: 32, shuffle: false, verbose: 0, terminateOnNaN: false });
    expect(Number.isNaN(h.history.loss[0])).toBe(true);
  });

  it('with metrics and several outputs, a NaN loss stops fit all the same, and a step keeps no tensor', async () => {
    const { x, y } = quadrantData(64, 9);
    const values = x.dataSync();
    values[40 * 64 + 5] = NaN;
    const bad = tn.tensor(values, x.shape);
    const input = tn.input({ shape: [8, 8, 1] });
    const flat = tn.layers.flatten().apply(input);
    const a = tn.layers.dense({ units: 4, activation: 'softmax', name: 'a' }).apply(flat);
    const b = tn.layers.dense({ units: 4, activation: 'softmax', name: 'b' }).apply(flat);
    const model = tn.model({ inputs: input, outputs: [a, b] as tn.SymbolicTensor[] });
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy', 'crossentropy'] });
    await model.trainOnBatch(x, [y, y]); // makes Adam's moments
    const live = tn.memory().numTensors;
    const logs = await model.trainOnBatch(x, [y, y]) as number[];
    expect(tn.memory().numTensors).toBe(live);
    // loss, a_loss, b_loss, a_acc, a_ce, b_acc, b_ce: the metric's cross-entropy is the output's loss, before the update.
    expect(logs).toHaveLength(7);
    expect(logs[0]).toBeCloseTo(logs[1] + logs[2], 6);
    expect(logs[4]).toBeCloseTo(logs[1], 6);
    expect(logs[6]).toBeCloseTo(logs[2], 6);
    let afterFirst: Float32Array[] = [];
    const fit = model.fit(bad, [y, y], {
      epochs: 1, batchSize: 32, shuffle: false, verbose: 0,
      callbacks: { onBatchEnd: (batch) => void (batch === 0 && (afterFirst = model.getWeights().map((w) => w.dataSync() as Float32Array))) },
    });
    await expect(fit).rejects.toThrow(/fit: the loss became NaN at epoch 1, batch 2; that batch's update was not applied/);
    expect(model.getWeights().map((w) => w.dataSync())).toEqual(afterFirst);
    expect(tn.memory().numTensors).toBe(live);
  });

  it('a step whose gradient fails (a loss that ignores the predictions) keeps none of the outputs it kept for the metrics', async () => {
    const { x, y: ids } = quadrantData(8, 9);
    // A loss function's targets have the output's shape, as in TF.js.
    const y = tn.oneHot(ids.cast('int32'), 4);
    const model = tn.sequential({ layers: [tn.layers.flatten({ inputShape: [8, 8, 1] }), tn.layers.dense({ units: 4, activation: 'softmax' })] });
    model.compile({ optimizer: 'sgd', loss: (yTrue: tn.Tensor) => tn.mean(yTrue), metrics: ['accuracy', 'mse'] });
    const live = tn.memory().numTensors;
    await expect(model.trainOnBatch(x, y)).rejects.toThrow(/depends on no trainable variable/);
    expect(tn.memory().numTensors).toBe(live);
  });

  it('a first layer without inputShape is refused when added, as in TF.js; an empty model cannot compile or predict', () => {
    expect(() => tn.sequential({ layers: [tn.layers.flatten(), tn.layers.dense({ units: 4 })] }))
      .toThrow(/Sequential.add: layer must be a first layer that gets an inputShape or batchInputShape \(as in TF.js\), got first layer 'flatten_Flatten\d+' without inputShape or batchInputShape/);
    const empty = tn.sequential();
    expect(() => empty.compile({ optimizer: 'sgd', loss: 'meanSquaredError' })).toThrow(/the model has no layers; add some first/);
    expect(() => empty.predict(tn.zeros([1, 2]))).toThrow(/the model has no layers; add some first/);
  });

  it('a string or complex64 x or y is refused by name in every call, before a step or a leak', async () => {
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [4], kernelInitializer: 'ones' })] });
    model.compile({ optimizer: tn.train.sgd(0.1), loss: 'meanSquaredError' });
    const [x, y] = [tn.ones([8, 4]), tn.ones([8, 2])];
    const complexX = tn.complex(x, x);
    const strings = tn.tensor(Array<string>(16).fill('a'), [8, 2], 'string');
    const before = tn.memory().numTensors;
    const weights = model.getWeights().map((w) => w.arraySync());
    expect(() => model.predict(complexX)).toThrow(/^predict: x must be a float32, int32 or bool tensor, got a complex64 tensor$/);
    expect(() => model.evaluate(complexX, y)).toThrow(/^evaluate: x must be a float32, int32 or bool tensor, got a complex64 tensor$/);
    await expect(model.trainOnBatch(complexX, y)).rejects.toThrow(/^trainOnBatch: x must be a float32, int32 or bool tensor, got a complex64 tensor$/);
    await expect(model.trainOnBatch(x, strings)).rejects.toThrow(/^trainOnBatch: y must be a float32, int32 or bool tensor, got a string tensor$/);
    await expect(model.fit(x, strings, { epochs: 1, verbose: 0 })).rejects.toThrow(/^fit: y must be a float32, int32 or bool tensor, got a string tensor$/);
    await expect(model.fit(x, tn.complex(y, y), { epochs: 1, verbose: 0 })).rejects.toThrow(/fit: y must be .* got a complex64 tensor/);
    expect(tn.memory().numTensors - before).toBe(1); // the complex y made inline (a complex tensor counts once)
    expect(model.getWeights().map((w) => w.arraySync())).toEqual(weights);
    expect(model.optimizer.iterations).toBe(0);
  });

  it('bad arguments to compile / fit / evaluate / predict are named, and nothing changes', async () => {
    const { x, y } = quadrantData(8, 10);
    const model = smallCnn();
    await expect(model.fit(x, y)).rejects.toThrow('fit: The model needs to be compiled before being used.');
    expect(() => model.compile({ optimizer: 'nadam', loss: 'sparseCategoricalCrossentropy' })).toThrow(/compile: optimizer must be an optimizer from tn.train or one of 'adam', .*'rmsprop'.*, got "nadam"/);
    expect(() => model.compile({ optimizer: 'adam', loss: 'hingeish' })).toThrow(/compile: loss must be a loss function or one of 'meanSquaredError', .*'hinge'.*, got "hingeish"/);
    expect(() => model.compile({ optimizer: 'adam', loss: 'meanSquaredError', metrics: ['f1'] })).toThrow(/compile: metrics must be metric functions or names from 'accuracy'/);
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const before = model.getWeights().map((w) => w.dataSync());
    await expect(model.fit(x, y.slice(0, 7))).rejects.toThrow(/fit: y must be 8 samples, one per sample of x, got 7 samples/);
    await expect(model.fit(x, tn.fill([8], 4))).rejects.toThrow(/fit: labels\[0\] must be an integer class id in \[0, 4\), got 4/);
    await expect(model.fit(x, tn.fill([8], 1.5))).rejects.toThrow(/labels\[0\] must be an integer class id/);
    await expect(model.fit(tn.zeros([8, 9, 9, 1]), y)).rejects.toThrow(/fit: x must be shape \[batch, 8, 8, 1\] to match the model's input, got shape \[8, 9, 9, 1\]/);
    await expect(model.fit(x, y, { batchSize: 0 })).rejects.toThrow('fit: batchSize is required to be a positive integer, but got 0');
    await expect(model.fit(x, y, { epochs: NaN })).rejects.toThrow(/fit: epochs must be a number >= 0, got NaN/);
    await expect(model.fit(x, y, { epochs: -1 })).rejects.toThrow(/fit: epochs must be a number >= 0, got -1/);
    await expect(model.fit(x, y, { epoch: 2 } as tn.ModelFitArgs)).rejects.toThrow(/fit: args.epoch must be one of epochs/);
    // Flags take booleans and numbers (verbose also true / false); other kinds are a mistake.
    await expect(model.fit(x, y, { shuffle: 'yes' as never })).rejects.toThrow('fit: shuffle must be a boolean, got string "yes"');
    await expect(model.fit(x, y, { shuffle: {} as never })).rejects.toThrow('fit: shuffle must be a boolean, got an object ([object Object])');
    await expect(model.fit(x, y, { shuffle: 'batch' })).rejects.toThrow("fit: shuffle 'batch' (batch shuffling) is not implemented, as in TF.js; give true or false");
    await expect(model.fit(x, y, { verbose: '1' as never })).rejects.toThrow('fit: verbose must be 0, 1 or 2 (or true / false), got "1"');
    expect(() => model.predict(tn.zeros([2, 8, 8]))).toThrow(/predict: x must be shape \[batch, 8, 8, 1\]/);
    expect(() => model.evaluate(x, tn.zeros([3]))).toThrow(/evaluate: y must be 8 samples/);
    // Losses and metrics name yTrue and yPred, not the op inside them that fails first.
    expect(() => tn.metrics.binaryAccuracy(tn.zeros([2, 3]), tn.zeros([3, 2]))).toThrow(/^binaryAccuracy: yPred must be a shape that broadcasts with yTrue's \[2, 3\], got shape \[3, 2\]$/);
    expect(() => tn.losses.meanSquaredError(tn.zeros([2, 3]), tn.zeros([3, 2]))).toThrow(/^meanSquaredError: /);
    expect(() => tn.metrics.meanSquaredError(tn.zeros([2, 3]), tn.zeros([3, 2]))).toThrow(/^meanSquaredError: yPred must be a shape that broadcasts with yTrue's/);
    expect(() => tn.sequential({ layers: [tn.layers.dense({ units: 1 }), 5 as never] })).toThrow(/^sequential: layers\[1\] must be a layer from tn.layers, got number 5$/);
    // TF.js takes a sampleWeight in evaluate and weighs nothing; refused here, as fit refuses it.
    expect(() => model.evaluate(x, y, { sampleWeight: tn.ones([8]) })).toThrow(/^evaluate: args.sampleWeight must be absent \(samples are not weighted in evaluate\), got a tensor of shape \[8\] and dtype float32$/);
    expect(model.getWeights().map((w) => w.dataSync())).toEqual(before);
    expect(model.optimizer?.iterations).toBe(0);
  });
});
