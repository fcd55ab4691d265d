import type { Logs } from '../../../src/index';
import type { Program, TF } from '../harness';

// The tfjs-layers training loop as users drive it: compile with loss, metric and optimizer names, fit with its
// options and callbacks, the History it returns, evaluate, predict, trainOnBatch, and errors from bad calls.

/** A small regression model with fixed weights: 3 inputs → 4 tanh → 1. */
function regressor(tf: TF, extra: { activation?: 'tanh' | 'relu' | 'sigmoid' | 'softmax'; units?: number } = {}) {
  const model = tf.sequential({ layers: [
    tf.layers.dense({ units: 4, inputShape: [3], activation: 'tanh' }),
    tf.layers.dense({ units: extra.units ?? 1, activation: extra.activation }),
  ] });
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.3 * Math.sin(1 + 2 * k++)), w.shape)));
  return model;
}

const xs = (tf: TF, n = 8) => tf.tensor2d(Array.from({ length: n * 3 }, (_, i) => Math.cos(i * 0.37)), [n, 3]);
const ys = (tf: TF, n = 8) => tf.tensor2d(Array.from({ length: n }, (_, i) => Math.sin(i * 0.5)), [n, 1]);
/** A functional model with a regression output and a two-class softmax output, compiled with a loss each. */
function twoOutputs(tf: TF) {
  const input = tf.input({ shape: [3] });
  const h = tf.layers.dense({ units: 3, activation: 'relu', kernelInitializer: tf.initializers.constant({ value: 0.2 }) }).apply(input) as ReturnType<typeof tf.input>;
  const o1 = tf.layers.dense({ units: 1, name: 'reg', kernelInitializer: 'ones' }).apply(h) as ReturnType<typeof tf.input>;
  const o2 = tf.layers.dense({ units: 2, activation: 'softmax', name: 'cls', kernelInitializer: tf.initializers.constant({ value: -0.3 }) }).apply(h) as ReturnType<typeof tf.input>;
  const two = tf.model({ inputs: input, outputs: [o1, o2] });
  two.compile({ optimizer: tf.train.sgd(0.1), loss: ['meanSquaredError', 'categoricalCrossentropy'], metrics: ['accuracy'] });
  return { two, y2: tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1, 0, 0, 1], 'int32'), 2) };
}

const round = (logs: Logs | undefined) => Object.fromEntries(Object.entries(logs ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]));

export const layersTraining: Program[] = [
  {
    name: 'fit a regression with sgd: history, epoch array, losses',
    run: async (tf) => {
      const model = regressor(tf);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await model.fit(xs(tf), ys(tf), { epochs: 4, batchSize: 4, shuffle: false, verbose: 0 });
      return { history: h.history, epoch: h.epoch, params: h.params, pred: model.predict(xs(tf, 2)) };
    },
  },
  {
    name: 'loss and metric names compile takes or refuses, and the history keys they give',
    run: async (tf) => {
      const out: unknown[] = [];
      const cases: [string, unknown[]][] = [
        ['meanSquaredError', ['mae']], ['meanAbsoluteError', ['mse', 'MAE', 'mape', 'MAPE', 'cosine']], ['meanSquaredError', ['cosineProximity']],
        ['meanAbsolutePercentageError', ['precision']], ['meanSquaredLogarithmicError', ['binaryAccuracy']], ['logcosh', []],
        ['mse', []], ['mae', []], ['huberLoss', []], ['mean_squared_error', []], ['meanSquaredError', ['meanSquaredError']], ['meanSquaredError', ['meanAbsoluteError']],
        ['meanSquaredError', ['recall']], ['meanSquaredError', ['sparseCategoricalAccuracy']], ['meanSquaredError', ['msle']],
        ['meanSquaredError', [tf.metrics.meanAbsoluteError, tf.metrics.meanSquaredError, tf.metrics.binaryAccuracy]],
      ];
      for (const [loss, metrics] of cases) {
        const model = regressor(tf);
        try {
          model.compile({ optimizer: 'sgd', loss, metrics: metrics as string[] });
          const h = await model.fit(xs(tf), ys(tf).abs(), { epochs: 2, batchSize: 8, verbose: 0 });
          out.push([loss, h.history]);
        } catch {
          out.push([loss, metrics.map(String), 'threw']);
        }
      }
      return out;
    },
  },
  {
    name: 'categorical classification with accuracy (acc and accuracy spellings)',
    run: async (tf) => {
      const labels = tf.oneHot(tf.tensor1d([0, 2, 1, 2, 0, 1, 1, 0], 'int32'), 3);
      const res: unknown[] = [];
      for (const metrics of [['accuracy'], ['acc'], ['categoricalAccuracy'], ['accuracy', 'categoricalCrossentropy']]) {
        const model = regressor(tf, { units: 3, activation: 'softmax' });
        model.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy', metrics });
        const h = await model.fit(xs(tf), labels, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
        res.push(h.history, model.evaluate(xs(tf), labels));
      }
      return res;
    },
  },
  {
    name: 'sparse categorical crossentropy with class ids as floats',
    run: async (tf) => {
      const model = regressor(tf, { units: 3, activation: 'softmax' });
      model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      const labels = tf.tensor2d([[0], [2], [1], [2], [0], [1], [1], [0]]);
      const h = await model.fit(xs(tf), labels, { epochs: 2, batchSize: 8, verbose: 0 });
      return [h.history, model.evaluate(xs(tf), labels), model.evaluate(xs(tf), tf.tensor1d([0, 2, 1, 2, 0, 1, 1, 0]))];
    },
  },
  {
    name: 'sparse categorical accuracy on int32 class ids',
    deviation: "TF.js 4.22's sparse categorical accuracy floors the labels with an op that refuses int32, so fit and evaluate throw on int32 class ids; tessera takes them, as Keras does",
    run: async (tf) => {
      const model = regressor(tf, { units: 3, activation: 'softmax' });
      model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      const labels = tf.tensor2d([[0], [2], [1], [2], [0], [1], [1], [0]], [8, 1], 'int32');
      const h = await model.fit(xs(tf), labels, { epochs: 2, batchSize: 8, verbose: 0 });
      return [h.history, model.evaluate(xs(tf), labels)];
    },
  },
  {
    name: 'binary crossentropy with a sigmoid output and binaryAccuracy',
    run: async (tf) => {
      const model = regressor(tf, { activation: 'sigmoid' });
      model.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy', 'binaryAccuracy'] });
      const y = tf.tensor2d([[1], [0], [0], [1], [1], [0], [1], [1]]);
      const h = await model.fit(xs(tf), y, { epochs: 3, batchSize: 3, shuffle: false, verbose: 0 });
      return [h.history, model.evaluate(xs(tf), y, { batchSize: 5 }), model.predict(xs(tf, 3))];
    },
  },
  {
    name: 'validationSplit and validationData give val_ keys',
    run: async (tf) => {
      const a = regressor(tf);
      a.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError', metrics: ['mae'] });
      const h1 = await a.fit(xs(tf, 10), ys(tf, 10), { epochs: 2, batchSize: 4, validationSplit: 0.2, shuffle: false, verbose: 0 });
      const b = regressor(tf);
      b.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const h2 = await b.fit(xs(tf), ys(tf), { epochs: 2, batchSize: 4, validationData: [xs(tf, 3), ys(tf, 3)], shuffle: false, verbose: 0 });
      return [h1.history, h2.history];
    },
  },
  {
    name: 'callbacks: onEpochEnd and onBatchEnd logs, order of hooks',
    run: async (tf) => {
      const model = regressor(tf);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mae'] });
      const events: unknown[] = [];
      await model.fit(xs(tf, 6), ys(tf, 6), {
        epochs: 2, batchSize: 4, shuffle: false, verbose: 0,
        callbacks: {
          onTrainBegin: async (logs) => { events.push(['trainBegin', round(logs)]); },
          onEpochBegin: async (epoch, logs) => { events.push(['epochBegin', epoch, round(logs)]); },
          onBatchBegin: async (batch, logs) => { events.push(['batchBegin', batch, Object.keys(logs ?? {}).sort()]); },
          onBatchEnd: async (batch, logs) => { events.push(['batchEnd', batch, round(logs)]); },
          onEpochEnd: async (epoch, logs) => { events.push(['epochEnd', epoch, round(logs)]); },
          onTrainEnd: async (logs) => { events.push(['trainEnd', round(logs)]); },
        },
      });
      return events;
    },
  },
  {
    name: 'callbacks as an array of objects and a CustomCallback; stopTraining from onEpochEnd',
    run: async (tf) => {
      const model = regressor(tf);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const seen: number[] = [];
      const h = await model.fit(xs(tf), ys(tf), {
        epochs: 10, batchSize: 8, verbose: 0,
        callbacks: [{ onEpochEnd: async (epoch: number) => { seen.push(epoch); if (epoch === 2) model.stopTraining = true; } }, { onTrainEnd: async () => { seen.push(-1); } }],
      });
      const m2 = regressor(tf);
      m2.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h2 = await m2.fit(xs(tf), ys(tf), { epochs: 2, batchSize: 8, verbose: 0, callbacks: [new tf.CustomCallback({ onEpochEnd: async (e) => { seen.push(100 + e); } })] });
      return [seen, h.epoch, h.history.loss.length, h2.epoch];
    },
  },
  {
    name: 'earlyStopping on loss with patience',
    run: async (tf) => {
      const model = regressor(tf);
      model.compile({ optimizer: tf.train.sgd(2.5), loss: 'meanSquaredError' });
      const h = await model.fit(xs(tf), ys(tf), { epochs: 20, batchSize: 8, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'loss', patience: 2 }) });
      const m2 = regressor(tf);
      m2.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const h2 = await m2.fit(xs(tf), ys(tf), { epochs: 6, batchSize: 8, verbose: 0, validationData: [xs(tf), ys(tf)], callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_loss', minDelta: 0.5 })] });
      return [h.epoch, h.history.loss, h2.epoch];
    },
  },
  {
    name: 'initialEpoch continues the epoch count',
    run: async (tf) => {
      const model = regressor(tf);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const epochs: number[] = [];
      const h = await model.fit(xs(tf), ys(tf), { epochs: 5, initialEpoch: 3, batchSize: 8, verbose: 0, callbacks: { onEpochEnd: async (e) => { epochs.push(e); } } });
      return [h.epoch, epochs, h.history];
    },
  },
  {
    name: 'evaluate returns a scalar without metrics and an array with them',
    run: (tf) => {
      const model = regressor(tf);
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const one = model.evaluate(xs(tf), ys(tf));
      const m2 = regressor(tf);
      m2.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mae', 'mse'] });
      const many = m2.evaluate(xs(tf), ys(tf), { batchSize: 3 });
      const refused = [{ verbose: 1 }, { steps: 2 }, { batchSize: 0 }].map((args) => { try { m2.evaluate(xs(tf), ys(tf), args); return 'ok'; } catch { return 'threw'; } });
      const quiet = m2.evaluate(xs(tf), ys(tf), { verbose: 0 });
      return [one, Array.isArray(one), many, Array.isArray(many), refused, quiet, regressor(tf).predict(xs(tf, 2), { batchSize: 1, verbose: true } as { batchSize: number })];
    },
  },
  {
    name: 'trainOnBatch and predictOnBatch',
    run: async (tf) => {
      const model = regressor(tf);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const l1 = await model.trainOnBatch(xs(tf), ys(tf));
      const l2 = await model.trainOnBatch(xs(tf), ys(tf));
      const m2 = regressor(tf);
      m2.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });
      const withMetrics = await m2.trainOnBatch(xs(tf), ys(tf));
      return [l1, l2, withMetrics, model.predictOnBatch(xs(tf, 2))];
    },
  },
  {
    name: 'optimizers by name in compile',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const optimizer of ['sgd', 'adagrad', 'adadelta', 'rmsprop', 'adamax', 'momentum']) {
        const model = regressor(tf);
        try {
          model.compile({ optimizer, loss: 'meanSquaredError' });
          const h = await model.fit(xs(tf), ys(tf), { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
          out.push([optimizer, h.history.loss]);
        } catch {
          out.push([optimizer, 'threw']);
        }
      }
      return out;
    },
  },
  {
    name: 'predict with a batchSize and on one example; a functional two-output model trained on two losses',
    run: async (tf) => {
      const model = regressor(tf);
      const p = model.predict(xs(tf, 5), { batchSize: 2 });
      const single = model.predict(tf.tensor2d([[0.1, 0.2, 0.3]]));
      const { two, y2 } = twoOutputs(tf);
      const hist = await two.fit(xs(tf), [ys(tf), y2], { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
      return [p, single, hist.history, two.predict(xs(tf, 2))];
    },
  },
  {
    name: 'evaluate of a model with two outputs',
    deviation: "TF.js 4.22's evaluate of a multi-output model puts each running total of the losses before the per-output losses (six values for two outputs and one metric, the first being the first output's loss), and fit's val_ logs shift with them; tessera returns Keras's [total loss, per-output losses, metrics]",
    run: (tf) => {
      const { two, y2 } = twoOutputs(tf);
      return two.evaluate(xs(tf), [ys(tf), y2]);
    },
  },
  {
    name: 'losses by name for a model with named outputs given as a map',
    run: async (tf) => {
      const input = tf.input({ shape: [3] });
      const a = tf.layers.dense({ units: 1, name: 'out_a', kernelInitializer: 'ones' }).apply(input) as ReturnType<typeof tf.input>;
      const b = tf.layers.dense({ units: 1, name: 'out_b', kernelInitializer: 'zeros' }).apply(input) as ReturnType<typeof tf.input>;
      const model = tf.model({ inputs: input, outputs: [a, b] });
      model.compile({ optimizer: tf.train.sgd(0.05), loss: { out_a: 'meanSquaredError', out_b: 'meanAbsoluteError' } });
      const h = await model.fit(xs(tf), { out_a: ys(tf), out_b: ys(tf).mul(2) }, { epochs: 2, batchSize: 8, verbose: 0 });
      return h.history;
    },
  },
  {
    name: 'training errors: not compiled, wrong target shape, wrong input shape, unknown loss',
    run: async (tf) => {
      const attempt = async (f: () => unknown) => { try { await f(); return 'ok'; } catch { return 'threw'; } };
      const model = regressor(tf);
      const fitUncompiled = await attempt(() => model.fit(xs(tf), ys(tf), { verbose: 0 }));
      const evalUncompiled = await attempt(() => model.evaluate(xs(tf), ys(tf)));
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      return [
        fitUncompiled, evalUncompiled,
        await attempt(() => model.fit(xs(tf), tf.zeros([8, 2]), { verbose: 0 })),
        await attempt(() => model.fit(xs(tf), tf.zeros([7, 1]), { verbose: 0 })),
        await attempt(() => model.predict(tf.zeros([2, 4]))),
        await attempt(() => model.predict(tf.zeros([3]))),
        await attempt(() => regressor(tf).compile({ optimizer: 'sgd', loss: 'noSuchLoss' })),
        await attempt(() => regressor(tf).compile({ optimizer: 'sgd', loss: 'mse' })),
        await attempt(() => regressor(tf).compile({ optimizer: 'noSuchOptimizer', loss: 'meanSquaredError' })),
        await attempt(() => model.predict(xs(tf), { batchSize: 0 })),
      ];
    },
  },

  {
    name: 'linear regression on 1-D tensors (fit, evaluate, predict and trainOnBatch take them as columns)',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros' })] });
      model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const xs = tf.tensor1d([-1, 0, 1, 2, 3, 4]);
      const ys = tf.tensor1d([-3, -1, 1, 3, 5, 7]);
      const h = await model.fit(xs, ys, { epochs: 5, batchSize: 3, shuffle: false, verbose: 0, validationData: [xs, ys] });
      const before = tf.memory().numTensors;
      const p = model.predict(tf.tensor1d([10, 20]));
      const e = model.evaluate(xs, ys);
      const grew = tf.memory().numTensors - before;
      const t = await model.trainOnBatch(xs, ys);
      return [h.history, p, e, grew, t, (() => { try { model.predict(tf.tensor1d([1, 2]).reshape([1, 2])); return 'ok'; } catch { return 'threw'; } })()];
    },
  },

  {
    name: 'printing the History and epoch logs (key order with validation)',
    run: async (tf) => {
      const model = regressor(tf);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mae'] });
      const h = await model.fit(xs(tf, 5), ys(tf, 5), {
        epochs: 2, batchSize: 4, shuffle: false, verbose: 0, validationSplit: 0.2,
        callbacks: { onEpochEnd: async (epoch, logs) => { console.log(`epoch ${epoch}: ${Object.keys(logs ?? {}).join(', ')}`); } },
      });
      console.log(Object.keys(h.history).join(' '));
      return h.history;
    },
  },
];
