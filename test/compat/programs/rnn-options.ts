import type { LayersModel, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';
import { saveToMemory } from './layers-surface';

// Recurrent layers with TF.js's weight options (regularizers and constraints), as users write them: created,
// configured, trained, weights written, and saved and loaded in memory.

type Kind = 'lstm' | 'gru' | 'simpleRNN';

function recurrent(tf: TF, kind: Kind, extra: object) {
  const make = tf.layers[kind] as (args: object) => ReturnType<TF['layers']['lstm']>;
  return make({ units: 2, inputShape: [3, 2], kernelInitializer: 'ones', recurrentInitializer: 'ones', biasInitializer: 'ones', ...extra });
}

function penalties(tf: TF) {
  return {
    kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }),
    recurrentRegularizer: tf.regularizers.l1({ l1: 0.05 }),
    biasRegularizer: tf.regularizers.l1l2({ l1: 0.01, l2: 0.02 }),
  };
}

function constraints(tf: TF) {
  return {
    kernelConstraint: tf.constraints.maxNorm({ maxValue: 0.5 }),
    recurrentConstraint: tf.constraints.unitNorm({ axis: 0 }),
    biasConstraint: tf.constraints.nonNeg(),
  };
}

/** Weights of every shape from one cosine, so they are fixed and not all equal. */
function fixWeights(tf: TF, model: { getWeights(): Tensor[]; setWeights(w: Tensor[]): void }): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.6 * Math.cos(1 + k++)), w.shape)));
}

const x3 = (tf: TF) => tf.tensor3d([[[0.1, 0.2], [0.3, -0.1], [0.5, 0.4]], [[-0.2, 0.1], [0.0, 0.3], [0.2, -0.4]]]);

async function roundTrip(tf: TF, model: LayersModel) {
  const artifacts = await saveToMemory(tf, model);
  return { artifacts, loaded: await tf.loadLayersModel(tf.io.fromMemory(artifacts)) };
}

const KINDS: Kind[] = ['lstm', 'gru', 'simpleRNN'];
const KEYS = ['kernelRegularizer', 'recurrentRegularizer', 'biasRegularizer', 'kernelConstraint', 'recurrentConstraint', 'biasConstraint'] as const;

export const rnnOptions: Program[] = [
  {
    name: 'lstm, gru and simpleRNN take regularizers and constraints; getConfig reports them and remakes the layer',
    run: (tf) => KINDS.map((kind) => {
      const layer = recurrent(tf, kind, { ...penalties(tf), ...constraints(tf) });
      const config = layer.getConfig();
      // (Read before remaking: TF.js writes into the nested configs it is given.)
      const reported = KEYS.map((k) => [k, JSON.stringify(config[k])]);
      const again = (tf.layers[kind] as (args: object) => typeof layer)(config);
      return { reported, again: KEYS.map((k) => again.getConfig()[k]) };
    }),
  },
  {
    name: 'getConfig of lstm, gru, simpleRNN, their cells and a bidirectional lstm as TF.js gives it (settings not given stay undefined)',
    run: (tf) => [
      tf.layers.lstm({ units: 3, name: 'l1', inputShape: [4, 2] }),
      tf.layers.lstm({ units: 3, name: 'l2', unitForgetBias: true, implementation: 2 }),
      tf.layers.gru({ units: 2, name: 'g1', returnSequences: true }),
      tf.layers.simpleRNN({ units: 2, name: 's1', kernelRegularizer: 'l1l2' }),
      tf.layers.lstmCell({ units: 2, name: 'c1' }),
      tf.layers.gruCell({ units: 2, name: 'c2' }),
      tf.layers.simpleRNNCell({ units: 2, name: 'c3' }),
      tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, name: 'inner' }), name: 'bi', inputShape: [3, 2] }),
      tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 2, name: 'c4' }), name: 'r1' }),
    ].map((l) => l.getConfig()),
  },
  {
    name: 'the cells take regularizers and constraints too, and their penalties are the L1/L2 sums of the weights',
    run: (tf) => {
      const cells = [
        tf.layers.lstmCell({ units: 2, ...penalties(tf), ...constraints(tf) }),
        tf.layers.gruCell({ units: 2, ...penalties(tf) }),
        tf.layers.simpleRNNCell({ units: 2, ...penalties(tf) }),
      ];
      return cells.map((cell) => {
        const rnn = tf.layers.rnn({ cell, inputShape: [3, 2] });
        const model = tf.sequential({ layers: [rnn] });
        fixWeights(tf, model);
        return { config: KEYS.map((k) => cell.getConfig()[k]), penalties: cell.calculateLosses().map((t) => t.dataSync()[0]), out: model.predict(x3(tf)) };
      });
    },
  },
  {
    name: 'a regularized lstm, gru and simpleRNN: the penalties of the weights as layer.cell computes them',
    run: (tf) => KINDS.map((kind) => {
      const layer = recurrent(tf, kind, penalties(tf));
      const model = tf.sequential({ layers: [layer] });
      fixWeights(tf, model);
      const cell = (layer as unknown as { cell: { calculateLosses(): Tensor[] } }).cell;
      return cell.calculateLosses().map((t) => t.dataSync()[0]);
    }),
  },
  {
    name: 'a custom training loop adds an lstm\'s weight penalties to the loss: losses and weights after each step',
    run: (tf) => {
      const layer = recurrent(tf, 'lstm', penalties(tf));
      const model = tf.sequential({ layers: [layer, tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
      fixWeights(tf, model);
      const cell = (layer as unknown as { cell: { calculateLosses(): Tensor[] } }).cell;
      const opt = tf.train.sgd(0.1);
      const x = x3(tf);
      const y = tf.tensor2d([[0.5], [-0.3]]);
      const losses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const loss = opt.minimize(() => tf.addN([tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as Tensor), ...cell.calculateLosses()]) as never, true);
        losses.push((loss as Tensor).dataSync()[0]);
      }
      return { losses, weights: model.getWeights() };
    },
  },
  {
    name: 'fit with a regularized lstm, gru and simpleRNN: the losses include the weight penalties',
    deviation: 'TF.js 4.22 keeps an RNN\'s weight penalties on its cell, where fit never looks, so it trains as if the regularizers were absent; tessera, as Keras, adds them to the loss',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const kind of KINDS) {
        const model = tf.sequential({ layers: [recurrent(tf, kind, penalties(tf)), tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
        fixWeights(tf, model);
        model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
        const h = await model.fit(x3(tf), tf.tensor2d([[0.5], [-0.3]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
        out.push(h.history.loss, model.losses.length);
      }
      return out;
    },
  },
  {
    name: 'an lstm with an activityRegularizer: its config and the fit losses',
    deviation: 'TF.js 4.22 takes an RNN\'s activityRegularizer, drops it (its config says null) and trains without it; tessera, as Keras, adds l·Σy²/batch of the output to the loss and keeps it in the config',
    run: async (tf) => {
      const layer = recurrent(tf, 'lstm', { activityRegularizer: tf.regularizers.l2({ l2: 0.5 }) });
      const model = tf.sequential({ layers: [layer, tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
      fixWeights(tf, model);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await model.fit(x3(tf), tf.tensor2d([[0.5], [-0.3]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return { config: layer.getConfig().activityRegularizer, loss: h.history.loss };
    },
  },
  {
    name: 'setWeights projects an lstm\'s, gru\'s and simpleRNN\'s weights onto maxNorm, unitNorm and nonNeg',
    run: (tf) => KINDS.map((kind) => {
      const layer = recurrent(tf, kind, constraints(tf));
      const model = tf.sequential({ layers: [layer] });
      fixWeights(tf, model);
      return { weights: layer.getWeights(), out: model.predict(x3(tf)) };
    }),
  },
  {
    name: 'a regularized, constrained lstm saves its options in model.json and loads back predicting the same',
    run: async (tf) => {
      const model = tf.sequential({ layers: [recurrent(tf, 'lstm', { ...penalties(tf), ...constraints(tf), returnSequences: true }), tf.layers.simpleRNN({ units: 1, ...penalties(tf) })] });
      fixWeights(tf, model);
      const { artifacts, loaded } = await roundTrip(tf, model);
      const layers = (artifacts.modelTopology as { config: { layers: { config: Record<string, unknown> }[] } }).config.layers;
      const saved = layers.map((l) => ['kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint'].map((k) => l.config[k]));
      return { saved, before: model.predict(x3(tf)), after: loaded.predict(x3(tf)), config: KEYS.map((k) => loaded.layers[0].getConfig()[k]) };
    },
  },
  {
    name: 'model.json of recurrent layers as TF.js writes it: every key of each layer config (dtype aside)',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.lstm({ units: 2, returnSequences: true, inputShape: [3, 2], name: 'a', kernelInitializer: 'ones', recurrentInitializer: 'zeros' }),
        tf.layers.gru({ units: 2, returnSequences: true, name: 'b', kernelInitializer: 'ones', recurrentInitializer: 'zeros', kernelRegularizer: tf.regularizers.l2() }),
        tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2, returnSequences: true, name: 'c', kernelInitializer: 'ones', recurrentInitializer: 'zeros' }), name: 'd' }),
        tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 2, name: 'e', kernelInitializer: 'ones', recurrentInitializer: 'zeros' }), name: 'f' }),
      ] });
      const { artifacts } = await roundTrip(tf, model);
      // (tessera writes every layer's dtype; TF.js only a first layer's, beside its input shape.)
      return (artifacts.modelTopology as { config: { layers: { config: Record<string, unknown> }[] } }).config.layers.map(({ config: { dtype: _d, ...rest }, ...l }) => ({ ...l, config: rest }));
    },
  },
  {
    name: 'bidirectional around a regularized lstm: its penalties, config and a round trip through model.json',
    run: async (tf) => {
      const inner = tf.layers.lstm({ units: 2, ...penalties(tf), kernelConstraint: tf.constraints.nonNeg() });
      const bi = tf.layers.bidirectional({ layer: inner, inputShape: [3, 2] });
      const model = tf.sequential({ layers: [bi] });
      fixWeights(tf, model);
      const { artifacts, loaded } = await roundTrip(tf, model);
      const saved = (artifacts.modelTopology as { config: { layers: { config: { layer: { config: Record<string, unknown> } } }[] } }).config.layers[0].config.layer.config;
      const dirs = bi as unknown as { forwardLayer: { cell: { calculateLosses(): Tensor[] } }; backwardLayer: { cell: { calculateLosses(): Tensor[] } } };
      return {
        weights: model.getWeights(),
        penalties: [dirs.forwardLayer.cell, dirs.backwardLayer.cell].map((c) => c.calculateLosses().map((t) => t.dataSync()[0])),
        saved: [saved.kernel_regularizer, saved.kernel_constraint, saved.bias_regularizer],
        before: model.predict(x3(tf)), after: loaded.predict(x3(tf)),
      };
    },
  },
];
