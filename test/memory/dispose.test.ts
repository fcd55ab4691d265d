import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

type TL = typeof tf;
type Scenario = (lib: TL) => Promise<void>;

/** Trains, predicts and evaluates a compiled model on fixed data, freeing everything it made but the model. */
async function exercise(lib: TL, model: tf.LayersModel, x: tf.Tensor | tf.Tensor[], y: tf.Tensor): Promise<void> {
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError', metrics: ['mse'] });
  await model.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0, validationSplit: 0.5 });
  lib.dispose(model.predict(x));
  lib.dispose(model.evaluate(x, y, { batchSize: 2 }));
  await model.trainOnBatch(x, y);
}

const seqDense = (lib: TL) =>
  lib.sequential({ layers: [lib.layers.dense({ units: 3, inputShape: [4], activation: 'relu' }), lib.layers.dense({ units: 1 })] });

/** Runs the scenario's program in a scope of its own and returns the count of tensors it left alive. */
async function leftAlive(lib: TL, run: Scenario): Promise<number> {
  const before = lib.memory().numTensors;
  await run(lib);
  return lib.memory().numTensors - before;
}

const x4 = (lib: TL) => lib.tensor2d([1, 2, 3, 4, -1, 0, 2, 1, 0.5, 0.5, -2, 3, 1, 1, 1, 1], [4, 4]);
const y1 = (lib: TL) => lib.tensor2d([1, 0, -1, 2], [4, 1]);

async function withData(lib: TL, model: tf.LayersModel, x: tf.Tensor | tf.Tensor[] = x4(lib)): Promise<void> {
  const y = y1(lib);
  await exercise(lib, model, x, y);
  lib.dispose([x as tf.Tensor, y]);
}

async function artifactsOf(lib: TL, model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(lib.io.withSaveHandler(async (a) => {
    saved = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return saved as tf.io.ModelArtifacts;
}

const scenarios: Record<string, Scenario> = {
  'per-variable gradient lists kept under names in an array (as tfjs-examples/cart-pole), then disposed': async (lib) => {
    const record: tf.Tensor[][][] = [];
    (record as unknown as Record<string, tf.Tensor[][]>)['dense/kernel'] = [[lib.ones([2]), lib.ones([2])], [lib.ones([2])]];
    (record as unknown as Record<string, tf.Tensor[][]>)['dense/bias'] = [[lib.ones([1])]];
    lib.dispose(record);
  },
  'a tidy returning an array with a tensor under a named property keeps that tensor': async (lib) => {
    const kept = lib.tidy(() => Object.assign([lib.ones([1])], { named: lib.ones([2]) }));
    expect(Array.from(kept.named.dataSync())).toEqual([1, 1]);
    lib.dispose([kept[0], kept.named]);
  },
  'a container that holds itself': async (lib) => {
    const box: { t: tf.Tensor; self?: tf.TensorContainer } = { t: lib.ones([3]) };
    box.self = box;
    lib.dispose(box);
  },
  'public ops, each result disposed: only results outlive a call (composites, metrics, int32 and mixed operands)': async (lib) => {
    const x = lib.tensor2d([[1, 2, 3], [4, 5, 6]]);
    const zero = lib.zerosLike(x);
    const idx = lib.tensor1d([1, 0], 'int32');
    const ints = lib.tensor1d([1, -2, 3], 'int32');
    const repeats = lib.tensor1d([1, 2, 1]);
    const [a3, b2] = [lib.ones([2, 2, 3]), lib.ones([3, 4])];
    const [at, rows, sparse, values] = [lib.tensor2d([[0]], [1, 1], 'int32'), lib.tensor2d([[9, 9, 9]]), lib.tensor1d([1, 3], 'int32'), lib.tensor1d([5, 6])];
    const yTrue = lib.tensor2d([[1, 0]]);
    const yPred = lib.tensor2d([[0.3, 0.6]]);
    const args = [x, zero, idx, ints, repeats, a3, b2, at, rows, sparse, values, yTrue, yPred];
    const before = lib.memory().numTensors;
    const results = [
      lib.gather(x, idx), lib.stack([x, x]), lib.cumprod(x, 1), lib.divNoNan(x, zero), lib.matMul(a3, b2), lib.mirrorPad(x, [[1, 1], [1, 1]], 'reflect'),
      lib.abs(ints), lib.add(ints, 1), lib.tensorScatterUpdate(x, at, rows), lib.sparseToDense(sparse, values, [5]),
      lib.metrics.binaryCrossentropy(yTrue, yPred), lib.metrics.categoricalAccuracy(yTrue, yPred), lib.metrics.meanAbsolutePercentageError(yTrue, yPred),
    ];
    const { values: u, indices } = lib.unique(repeats);
    expect(lib.memory().numTensors - before).toBe(results.length + 2);
    lib.dispose([...results, u, indices, ...args]);
  },
  'async host ops on tensors and on arrays: only their results outlive them': async (lib) => {
    const x = lib.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const mask = lib.tensor1d([true, false, true], 'bool');
    // setdiff1dAsync of arrays leaks their tensors in TF.js 4.22, so it gets tensors here.
    const [a, b] = [lib.tensor1d([1, 2, 3, 4]), lib.tensor1d([2, 4])];
    const results = [
      await lib.booleanMaskAsync(x, mask), await lib.booleanMaskAsync([[1, 2], [3, 4]], [false, true]), await lib.whereAsync([[true, false], [false, true]]),
      ...(await lib.setdiff1dAsync(a, b)), await lib.inTopKAsync([[0.1, 0.9], [0.8, 0.2]], [1, 1]),
    ];
    lib.dispose([...results, x, mask, a, b]);
  },
  'dataset.forEachAsync over batches and over {xs, ys} elements': async (lib) => {
    await lib.data.array([[1, 2], [3, 4], [5, 6], [7, 8]]).map((v) => lib.tensor1d(v as number[])).batch(2).forEachAsync(() => undefined);
    await lib.data.array([1, 2, 3]).map((v) => ({ xs: lib.scalar(v as number), ys: lib.scalar(2 * (v as number)) })).forEachAsync(() => undefined);
  },
  'a dense layer applied once, then disposed': async (lib) => {
    const d = lib.layers.dense({ units: 3 });
    const x = lib.ones([2, 4]);
    lib.dispose(d.apply(x) as tf.Tensor);
    x.dispose();
    d.dispose();
  },
  'a Sequential model: fit, predict, evaluate, trainOnBatch, dispose': async (lib) => {
    const m = seqDense(lib);
    await withData(lib, m);
    m.dispose();
  },
  'a functional model with two inputs': async (lib) => {
    const a = lib.input({ shape: [4] });
    const b = lib.input({ shape: [4] });
    const h = lib.layers.concatenate().apply([lib.layers.dense({ units: 2 }).apply(a) as tf.SymbolicTensor, b]) as tf.SymbolicTensor;
    const m = lib.model({ inputs: [a, b], outputs: lib.layers.dense({ units: 1 }).apply(h) as tf.SymbolicTensor });
    await withData(lib, m, [x4(lib), x4(lib)]);
    m.dispose();
  },
  'a batch-normalization model': async (lib) => {
    const m = lib.sequential({ layers: [lib.layers.dense({ units: 3, inputShape: [4] }), lib.layers.batchNormalization(), lib.layers.dense({ units: 1 })] });
    await withData(lib, m);
    m.dispose();
  },
  'a recurrent model (embedding, lstm, gru)': async (lib) => {
    const m = lib.sequential({ layers: [
      lib.layers.embedding({ inputDim: 5, outputDim: 3, inputLength: 4, maskZero: true }),
      lib.layers.lstm({ units: 3, returnSequences: true }),
      lib.layers.gru({ units: 2 }),
      lib.layers.dense({ units: 1 }),
    ] });
    await withData(lib, m, lib.tensor2d([1, 2, 3, 0, 4, 4, 0, 0, 2, 1, 1, 1, 3, 0, 0, 0], [4, 4]));
    m.dispose();
  },
  'a stateful lstm: predict and resetStates four times, then disposed': async (lib) => {
    const m = lib.sequential({ layers: [lib.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 3, 2] })] });
    const x = lib.ones([2, 3, 2]);
    for (let k = 0; k < 4; k++) {
      lib.dispose(m.predict(x) as tf.Tensor);
      m.resetStates();
    }
    x.dispose();
    m.dispose();
  },
  'fit and evaluate with sparse labels of shape [n, 1] and with shape [n]': async (lib) => {
    const m = lib.sequential({ layers: [lib.layers.dense({ units: 2, activation: 'softmax', inputShape: [3] })] });
    m.compile({ optimizer: lib.train.sgd(0.5), loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
    const x = lib.ones([4, 3]);
    for (const y of [lib.tensor2d([0, 1, 1, 0], [4, 1]), lib.tensor1d([0, 1, 1, 0])]) {
      await m.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
      lib.dispose(m.evaluate(x, y));
      y.dispose();
    }
    x.dispose();
    m.dispose();
  },
  'layers applied to tensors: only their outputs outlive the call': async (lib) => {
    const [x2, x3, x5] = [lib.ones([2, 4]), lib.ones([2, 3, 4]), lib.ones([2, 2, 5, 5, 3])];
    const cases: [tf.layers.Layer, tf.Tensor | tf.Tensor[]][] = [
      [lib.layers.dot({ axes: -1, normalize: true }), [x2, x2]], [lib.layers.lstm({ units: 3 }), x3], [lib.layers.gru({ units: 3, returnSequences: true }), x3],
      [lib.layers.simpleRNN({ units: 3 }), x3], [lib.layers.convLstm2d({ filters: 2, kernelSize: 3 }), x5],
      [lib.layers.batchNormalization(), x2], [lib.layers.layerNormalization(), x2],
    ];
    for (const [layer, x] of cases) {
      for (let k = 0; k < 2; k++) lib.dispose(layer.apply(x) as tf.Tensor);
      layer.dispose();
    }
    lib.dispose([x2, x3, x5]);
  },
  'a nested model (a Sequential block inside a Sequential model)': async (lib) => {
    const block = seqDense(lib);
    const m = lib.sequential({ layers: [block, lib.layers.dense({ units: 1 })] });
    await withData(lib, m);
    m.dispose();
  },
  'a Sequential model saved, loaded, trained and disposed': async (lib) => {
    const m = seqDense(lib);
    const loaded = await lib.loadLayersModel(lib.io.fromMemory(await artifactsOf(lib, m)));
    m.dispose();
    await withData(lib, loaded);
    loaded.dispose();
  },
  'a functional batch-norm model saved, loaded and disposed': async (lib) => {
    const x = lib.input({ shape: [4] });
    const h = lib.layers.batchNormalization().apply(lib.layers.dense({ units: 3 }).apply(x) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const m = lib.model({ inputs: x, outputs: lib.layers.dense({ units: 1 }).apply(h) as tf.SymbolicTensor });
    const loaded = await lib.loadLayersModel(lib.io.fromMemory(await artifactsOf(lib, m)));
    m.dispose();
    const xs = x4(lib);
    lib.dispose(loaded.predict(xs) as tf.Tensor);
    xs.dispose();
    loaded.dispose();
  },
  'a recurrent model saved, loaded and disposed': async (lib) => {
    const m = lib.sequential({ layers: [lib.layers.lstm({ units: 3, inputShape: [2, 2] }), lib.layers.dense({ units: 1 })] });
    const loaded = await lib.loadLayersModel(lib.io.fromMemory(await artifactsOf(lib, m)));
    m.dispose();
    loaded.dispose();
  },
};

describe('tensors left alive after dispose, as TF.js', () => {
  for (const [name, run] of Object.entries(scenarios)) {
    it(name, async () => {
      const theirs = await leftAlive(tf, run);
      const ours = await leftAlive(tn as unknown as TL, run);
      expect({ ours, theirs }).toEqual({ ours: theirs, theirs });
    });
  }
});

describe('predicting no rows', () => {
  it('gives an empty result of the outputs\' shape and leaves no layer output behind (TF.js refuses to concat nothing)', () => {
    const m = tn.sequential({ layers: [tn.layers.dense({ units: 3, inputShape: [4], activation: 'relu' }), tn.layers.dense({ units: 1 })] });
    const x = tn.zeros([0, 4]);
    const before = tn.memory().numTensors;
    for (const y of [m.predict(x), m.predictOnBatch(x), m.predict(x, { batchSize: 2 })] as tn.Tensor[]) {
      expect(y.shape).toEqual([0, 1]);
      y.dispose();
    }
    expect(tn.memory().numTensors).toBe(before);
    x.dispose();
    m.dispose();
  });
});

describe('fromConfig that fails', () => {
  it('frees the weights of the layers it made before the failing one (Sequential and LayersModel)', () => {
    const seq = tn.sequential({ layers: [tn.layers.dense({ units: 4, inputShape: [3] }), tn.layers.dense({ units: 2 })] });
    const seqConfig = seq.getConfig() as { layers: { config: { units: number } }[] };
    seqConfig.layers[1].config.units = -1;
    const x = tn.input({ shape: [3] });
    const emb = tn.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 3 }).apply(x) as tn.SymbolicTensor;
    const fn = tn.model({ inputs: x, outputs: tn.layers.dense({ units: 2 }).apply(emb) as tn.SymbolicTensor });
    const fnConfig = fn.getConfig() as { layers: { config: { units?: number } }[] };
    fnConfig.layers[2].config.units = -1;
    const before = tn.memory().numTensors;
    expect(() => tn.Sequential.fromConfig(tn.Sequential, seqConfig as never)).toThrow(/units must be a positive integer, got number -1/);
    expect(() => tn.LayersModel.fromConfig(tn.LayersModel, fnConfig as never)).toThrow(/units must be a positive integer, got number -1/);
    expect(tn.memory().numTensors).toBe(before);
  });
});
