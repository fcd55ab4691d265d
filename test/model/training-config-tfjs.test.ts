import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { maxAbsDiff } from '../io/helpers';

// Saved training state crosses between the libraries both ways: one library trains a few steps and saves with
// includeOptimizer, the other loads and continues; the continuation must match the saver continuing itself.
const X = Array.from({ length: 8 * 3 }, (_, i) => Math.sin(i * 0.7));
const Y = Array.from({ length: 8 * 2 }, (_, i) => Math.cos(i * 1.3) * 0.5);
const STEPS = 3;

type Pair = [string, () => tn.Optimizer, () => tf.Optimizer];
// Adamax is left out: TF.js 4.22's Adamax cannot save or restore its state (getWeights throws).
const optimizers: Pair[] = [
  ['SGD', () => tn.train.sgd(0.1), () => tf.train.sgd(0.1)],
  ['Momentum', () => tn.train.momentum(0.05, 0.9, true), () => tf.train.momentum(0.05, 0.9, true)],
  // Centered, so that all three slot kinds cross; ε small, as TF.js's centered form takes the root of ms − mg² − ε.
  ['RMSProp', () => tn.train.rmsprop(0.01, 0.9, 0.3, 1e-12, true), () => tf.train.rmsprop(0.01, 0.9, 0.3, 1e-12, true)],
  ['Adagrad', () => tn.train.adagrad(0.1, 0.2), () => tf.train.adagrad(0.1, 0.2)],
  ['Adadelta', () => tn.train.adadelta(1, 0.9, 1e-6), () => tf.train.adadelta(1, 0.9, 1e-6)],
  // Keras's Adam differs from TF.js's only in where ε enters; with ε = 0 the two formulas coincide.
  ['Adam', () => tn.train.adam(0.05, 0.8, 0.99, 0), () => tf.train.adam(0.05, 0.8, 0.99, 0)],
];

function peerModel(optimizer: tf.Optimizer): tf.Sequential {
  const m = tf.sequential({ layers: [tf.layers.dense({ units: 4, activation: 'tanh', inputShape: [3] }), tf.layers.dense({ units: 2 })] });
  m.setWeights([[3, 4], [4], [4, 2], [2]].map((shape, k) => tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b) }, (_, i) => Math.sin(k * 10 + i) * 0.6), shape)));
  m.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });
  return m;
}

async function trainPeer(m: tf.LayersModel, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) await m.trainOnBatch(tf.tensor(X, [8, 3]), tf.tensor(Y, [8, 2]));
}

async function train(m: tn.LayersModel, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) await m.trainOnBatch(tn.tensor(X, [8, 3]), tn.tensor(Y, [8, 2]));
}

const peerWeights = (m: tf.LayersModel) => m.getWeights().flatMap((w) => Array.from(w.dataSync()));
const weights = (m: tn.LayersModel) => m.getWeights().flatMap((w) => Array.from(w.dataSync()));

describe('training configs and optimizer state cross between tessera and TF.js 4.22', () => {
  for (const [name, make, makePeer] of optimizers) {
    it(`${name}: getConfig has TF.js's keys and values`, () => {
      expect(make().getConfig()).toEqual(makePeer().getConfig());
      expect(make().getClassName()).toBe(makePeer().getClassName());
    });

    it(`${name}: TF.js saves a compiled model with its optimizer, tessera loads it and continues`, async () => {
      const peer = peerModel(makePeer());
      await trainPeer(peer, STEPS);
      let saved: tf.io.ModelArtifacts | undefined;
      await peer.save(tf.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })), { includeOptimizer: true });
      const model = await tn.loadLayersModel(tn.io.fromMemory(saved as tn.ModelArtifacts));
      expect(model.optimizer?.getClassName()).toBe(name);
      expect(model.optimizer?.iterations).toBe(STEPS);
      await trainPeer(peer, STEPS);
      await train(model, STEPS);
      expect(maxAbsDiff(weights(model), peerWeights(peer))).toBeLessThan(1e-4);
    });

    it(`${name}: tessera saves a compiled model with its optimizer, TF.js loads it and continues`, async () => {
      const peer = peerModel(makePeer());
      const model = await tn.loadLayersModel(tn.io.fromMemory(await new Promise<tn.ModelArtifacts>((resolve) => {
        void peer.save(tf.io.withSaveHandler(async (a) => (resolve(a as tn.ModelArtifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
      })));
      model.compile({ optimizer: make(), loss: 'meanSquaredError', metrics: ['mae'] });
      await train(model, STEPS);
      let saved: tn.ModelArtifacts | undefined;
      await model.save(tn.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', modelTopologyBytes: 0, weightSpecsBytes: 0, weightDataBytes: 0 } })), { includeOptimizer: true });
      expect(saved?.trainingConfig).toEqual({ loss: 'mean_squared_error', metrics: ['mae'], optimizer_config: { class_name: name, config: makePeer().getConfig() } });
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
      expect(loaded.optimizer.getClassName()).toBe(name);
      await train(model, STEPS);
      await trainPeer(loaded, STEPS);
      expect(maxAbsDiff(weights(model), peerWeights(loaded))).toBeLessThan(1e-4);
    });
  }

  for (const [name, make] of [['Adamax', () => tn.train.adamax(0.02, 0.8, 0.99, 1e-7, 0.1)], ['AdamW', () => tn.train.adamw(0.02, 0.1)]] as const) {
    it(`${name} (which TF.js cannot restore): tessera saves and loads its own state and continues the same`, async () => {
      const model = tn.sequential({ layers: [tn.layers.dense({ units: 4, activation: 'tanh', inputShape: [3] }), tn.layers.dense({ units: 2 })] });
      model.compile({ optimizer: make(), loss: 'meanSquaredError' });
      await train(model, STEPS);
      let saved: tn.ModelArtifacts | undefined;
      await model.save(tn.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', modelTopologyBytes: 0, weightSpecsBytes: 0, weightDataBytes: 0 } })), { includeOptimizer: true });
      const loaded = await tn.loadLayersModel(tn.io.fromMemory(saved as tn.ModelArtifacts));
      expect(loaded.optimizer?.getConfig()).toEqual(model.optimizer?.getConfig());
      await train(model, STEPS);
      await train(loaded, STEPS);
      expect(weights(loaded)).toEqual(weights(model));
    });
  }

  it('Keras spellings load (snake_case keys, RMSprop); bad configs are refused before any model is made', async () => {
    const peer = peerModel(tf.train.sgd(0.1));
    let saved: tf.io.ModelArtifacts | undefined;
    await peer.save(tf.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const withConfig = (trainingConfig: unknown) => tn.io.fromMemory({ ...(saved as object), trainingConfig });
    const keras = await tn.loadLayersModel(withConfig({ loss: 'mean_squared_error', metrics: ['accuracy'],
      optimizer_config: { class_name: 'RMSprop', config: { name: 'RMSprop', learning_rate: 0.002, rho: 0.9, decay: 0.8, momentum: 0, epsilon: 1e-7, centered: false } } }));
    expect(keras.optimizer?.getConfig()).toEqual({ learningRate: 0.002, decay: 0.8, momentum: 0, epsilon: 1e-7, centered: false });
    await expect(tn.loadLayersModel(withConfig({ loss: 'mse', optimizer_config: { class_name: 'Nadam', config: {} } })))
      .rejects.toThrow(/loadLayersModel: trainingConfig.optimizer_config.class_name must be one of SGD, Momentum, .*got "Nadam"/);
    await expect(tn.loadLayersModel(withConfig({ loss: 'mse', optimizer_config: { class_name: 'Adam', config: { learningRate: 'fast' } } })))
      .rejects.toThrow(/loadLayersModel: trainingConfig.optimizer_config.config: train.adam: learningRate must be a finite number, got "fast"/);
    await expect(tn.loadLayersModel(withConfig({ loss: 'no_such_loss', optimizer_config: { class_name: 'SGD', config: { learningRate: 1 } } })))
      .rejects.toThrow(/loadLayersModel: trainingConfig does not fit the model: compile: loss must be/);
  });

  it('Keras 2.13+ metric objects (one list per output) compile as the metrics they name; one tessera lacks is left out with a warning', async () => {
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [3], activation: 'softmax', name: 'km' })] });
    let saved: tn.ModelArtifacts | undefined;
    await model.save(tn.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const metric = (className: string, config: object) => ({ module: 'keras.metrics', class_name: className, config: { dtype: 'float32', ...config }, registered_name: null });
    const trainingConfig = { loss: 'categorical_crossentropy', weighted_metrics: null, loss_weights: null, optimizer_config: { class_name: 'SGD', config: { learning_rate: 0.1 } }, metrics: [[
      metric('MeanMetricWrapper', { name: 'accuracy', fn: 'categorical_accuracy' }),
      // Keras's sparse accuracy has no metric of that name here: its name, 'accuracy', follows the loss.
      metric('MeanMetricWrapper', { name: 'accuracy', fn: 'sparse_categorical_accuracy' }),
      metric('AUC', { name: 'auc', num_thresholds: 200 }),
    ]] };
    const warnings: string[] = [];
    const spy = vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m));
    let loaded: tn.LayersModel;
    try {
      loaded = await tn.loadLayersModel(tn.io.fromMemory({ ...(saved as tn.ModelArtifacts), trainingConfig } as tn.ModelArtifacts));
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toEqual(['loadLayersModel: trainingConfig.metrics[0][2] ("AUC": auc) names no metric tessera computes; the model is compiled without it']);
    expect(loaded.metricsNames).toEqual(['loss', 'categoricalAccuracy', 'acc']);
    // One-hot [1, 0] against a prediction whose first column is larger: both accuracies are 1.
    loaded.setWeights([tn.tensor([[1, 0], [0, 0], [0, 0]]), tn.tensor([0, 0])]);
    const [, categorical, acc] = loaded.evaluate(tn.tensor([[1, 0, 0]]), tn.tensor([[1, 0]])) as tn.Scalar[];
    expect([categorical.dataSync()[0], acc.dataSync()[0]]).toEqual([1, 1]);
  });

  it('save refuses a loss given as a function with includeOptimizer, naming it', async () => {
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: 'sgd', loss: (a: tn.Tensor, b: tn.Tensor) => tn.mean(tn.square(tn.sub(a, b))) });
    const handler = tn.io.withSaveHandler(async () => ({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', modelTopologyBytes: 0, weightSpecsBytes: 0, weightDataBytes: 0 } }));
    await expect(model.save(handler, { includeOptimizer: true })).rejects.toThrow(/save: loss must be a loss given by name to compile/);
    await expect(model.save(handler, { includeOptimiser: true } as never)).rejects.toThrow(/save: config.includeOptimiser must be one of trainableOnly, includeOptimizer/);
  });
});
