import type { SymbolicTensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Programs from this round's sweep where tessera differed from TF.js: callbacks given as class instances or as
// objects holding the program's own state next to their hooks, losses of float labels against int32 predictions,
// and calls TF.js refuses (a flat classWeight for several outputs, optimizer names in another case, a disposed
// optimizer, r2Score on plain arrays), and sequences of any length (an embedding without inputLength) through the
// layers that take them in TF.js: pools, conv1d, normalizations, elementwise layers and merges.

/** What a call returns, or that it threw (TF.js's and tessera's messages differ in words, not in whether they throw). */
async function attempt(call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch {
    return 'threw';
  }
}

/** A one-unit dense model from ones, trained on four samples (the same numbers in both libraries). */
function small(tf: TF) {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  return { model, x: tf.tensor([[1, 2], [0, 1], [2, 0], [1, 1]]), y: tf.tensor([[1], [0], [2], [1]]) };
}

/** Id sequences of two lengths (0 pads), as a text model sees them. */
const ids = (tf: TF, steps: number) => tf.tensor(Array.from({ length: 4 * steps }, (_, i) => (i * 7 + 3) % 9), [4, steps], 'int32');

/** Trains a model on ids of 6 steps for 3 epochs; gives the losses, then predictions on 6 and on 9 steps. */
async function trainOnSequences(tf: TF, model: ReturnType<TF['sequential']> | ReturnType<TF['model']>) {
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const h = await model.fit(ids(tf, 6), tf.tensor([[1], [0], [1], [0]]), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
  return [h.history, model.predict(ids(tf, 6)), model.predict(ids(tf, 9)), model.outputs[0].shape, (model.toJSON(null, false) as unknown as { config: { layers: unknown[] } }).config.layers.length];
}

export const s37Sweep: Program[] = [
  {
    name: 'callbacks as a class instance: its methods are hooks, in fit and wrapped in a CustomCallback',
    run: async (tf) => {
      const seen: string[] = [];
      class Logger {
        async onEpochEnd(epoch: number, logs?: Record<string, number>) {
          seen.push(`${epoch} ${logs?.loss.toFixed(5)}`);
        }
        onTrainEnd() {
          seen.push('end');
        }
      }
      const { model, x, y } = small(tf);
      await model.fit(x, y, { epochs: 2, batchSize: 4, shuffle: false, verbose: 0, callbacks: new Logger() as never });
      await model.fit(x, y, { epochs: 1, batchSize: 4, shuffle: false, verbose: 0, callbacks: new tf.CustomCallback(new Logger() as never) });
      return seen;
    },
  },
  {
    name: 'an object of hooks holding its own state: the state is left alone and the hooks run',
    run: async (tf) => {
      const cb = { best: Infinity, epochs: [] as number[], onEpochEnd: async (epoch: number, logs?: Record<string, number>) => {
        cb.best = Math.min(cb.best, logs?.loss ?? Infinity);
        cb.epochs.push(epoch);
      } };
      class Recorder {
        losses: number[] = [];
        onBatchEnd = async (_batch: number, logs?: Record<string, number>) => {
          this.losses.push(logs?.loss ?? NaN);
        };
      }
      const recorder = new Recorder();
      const { model, x, y } = small(tf);
      await model.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, callbacks: [cb as never, recorder as never] });
      return { best: cb.best, epochs: cb.epochs, losses: recorder.losses };
    },
  },
  {
    name: 'tf.losses with float labels and int32 predictions (and the other way round) upcast the int32 side',
    run: (tf) => {
      const f = tf.tensor([0.5, 0.25, 0.75, 0.5], [2, 2]);
      const i = tf.tensor([1, 0, 0, 1], [2, 2], 'int32');
      return [
        tf.losses.meanSquaredError(f, i), tf.losses.absoluteDifference(f, i), tf.losses.huberLoss(f, i),
        tf.losses.logLoss(i, f), tf.losses.hingeLoss(f, i), tf.losses.cosineDistance(f, i, 1),
        tf.losses.sigmoidCrossEntropy(f, i), tf.losses.softmaxCrossEntropy(f, i), tf.losses.meanSquaredError(i, f),
      ];
    },
  },
  {
    name: 'calls TF.js refuses: r2Score of arrays, a flat classWeight for two outputs, optimizer names in another case',
    run: async (tf) => {
      const input = tf.input({ shape: [2] });
      const heads = ['a', 'b'].map((name) => tf.layers.dense({ units: 2, activation: 'softmax', name }).apply(input) as SymbolicTensor);
      const model = tf.model({ inputs: input, outputs: heads });
      model.compile({ optimizer: 'sgd', loss: ['sparseCategoricalCrossentropy', 'sparseCategoricalCrossentropy'] });
      const x = tf.ones([4, 2]);
      const ys = [tf.tensor([0, 1, 1, 0]), tf.tensor([1, 1, 0, 0])];
      return [
        await attempt(() => tf.metrics.r2Score([1, 2, 3] as never, [1, 2, 2] as never)),
        await attempt(() => model.fit(x, ys, { epochs: 1, verbose: 0, classWeight: { 0: 1, 1: 3 } })),
        await attempt(() => model.compile({ optimizer: 'ADAM', loss: 'meanSquaredError' })),
        await attempt(() => model.compile({ optimizer: 'Rmsprop', loss: 'meanSquaredError' })),
        await attempt(() => { model.compile({ optimizer: 'RMSProp', loss: 'meanSquaredError' }); return model.optimizer.getClassName(); }),
      ];
    },
  },
  {
    name: 'a disposed optimizer cannot step again',
    run: async (tf) => {
      const v = tf.variable(tf.tensor1d([1, 2]));
      const opt = tf.train.adam(0.1);
      opt.minimize(() => v.square().sum() as never);
      opt.dispose();
      return [await attempt(() => opt.minimize(() => v.square().sum() as never)), v];
    },
  },
  {
    name: 'text classification on sequences of any length: embedding without inputLength, globalAveragePooling1d, dense',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 9, outputDim: 4, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 1 }) }),
        tf.layers.globalAveragePooling1d({}),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ] });
      return trainOnSequences(tf, model);
    },
  },
  {
    name: 'a conv1d text model on sequences of any length: conv1d, maxPooling1d, dropout, globalMaxPooling1d',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 9, outputDim: 4, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 3 }) }),
        tf.layers.conv1d({ filters: 3, kernelSize: 2, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }),
        tf.layers.maxPooling1d({ poolSize: 2, padding: 'same' }),
        tf.layers.dropout({ rate: 0 }),
        tf.layers.globalMaxPooling1d({}),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) }),
      ] });
      return trainOnSequences(tf, model);
    },
  },
  {
    name: 'a residual block over sequences of any length: dense, add, layerNormalization, concatenate, averagePooling1d',
    run: async (tf) => {
      const input = tf.input({ shape: [null as unknown as number], dtype: 'int32' });
      const e = tf.layers.embedding({ inputDim: 9, outputDim: 4, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 6 }) }).apply(input) as SymbolicTensor;
      const d = tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) }).apply(e) as SymbolicTensor;
      const sum = tf.layers.add().apply([e, d]) as SymbolicTensor;
      const norm = tf.layers.layerNormalization({}).apply(sum) as SymbolicTensor;
      const both = tf.layers.concatenate().apply([norm, tf.layers.activation({ activation: 'tanh' }).apply(e) as SymbolicTensor]) as SymbolicTensor;
      const pooled = tf.layers.averagePooling1d({ poolSize: 2 }).apply(both) as SymbolicTensor;
      const out = tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 8 }) }).apply(tf.layers.globalAveragePooling1d({}).apply(pooled) as SymbolicTensor) as SymbolicTensor;
      const shapes = [d, sum, norm, both, pooled].map((t) => t.shape);
      return [shapes, await trainOnSequences(tf, tf.model({ inputs: input, outputs: out }))];
    },
  },
  {
    name: 'a custom layer whose build sizes a weight by the declared batch size saves and loads back (build gets the batch)',
    run: async (tf) => {
      class BatchSized extends tf.layers.Layer {
        static readonly className = 'S37BatchSized';
        seen: unknown = null;
        override build(s: (number | null)[]): void {
          this.seen = s;
          this.addWeight('acc', [s[0] as number, s[1] as number], 'float32', tf.initializers.constant({ value: 0.5 }));
        }
        override call(x: never): never {
          return tf.add(Array.isArray(x) ? x[0] : x, this.getWeights()[0]) as never;
        }
      }
      tf.serialization.registerClass(BatchSized);
      const model = tf.sequential({ layers: [new BatchSized({ name: 'sized', batchInputShape: [4, 2] })] });
      let saved: unknown = null;
      await model.save(tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never));
      return [(model.layers[0] as BatchSized).seen, (loaded.layers[0] as BatchSized).seen, loaded.predict(tf.ones([4, 2]))];
    },
  },
  {
    name: "a bidirectional layer's layer is the one it was given, as TF.js's Wrapper.layer",
    run: (tf) => {
      const lstm = tf.layers.lstm({ units: 2, name: 'inner' });
      const bi = tf.layers.bidirectional({ layer: lstm });
      return [bi.layer === lstm, bi.layer.name, bi.layer.getClassName()];
    },
  },
  {
    name: 'attention over two sequences of any length: dot scores [null, null, null], softmax, dot, concatenate, timeDistributed',
    run: (tf) => {
      const q = tf.input({ shape: [null as unknown as number, 3] });
      const k = tf.input({ shape: [null as unknown as number, 3] });
      const scores = tf.layers.dot({ axes: 2 }).apply([q, k]) as SymbolicTensor;
      const weights = tf.layers.activation({ activation: 'softmax' }).apply(scores) as SymbolicTensor;
      const context = tf.layers.dot({ axes: [2, 1] }).apply([weights, k]) as SymbolicTensor;
      const joined = tf.layers.concatenate().apply([context, q]) as SymbolicTensor;
      const out = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, kernelInitializer: 'ones' }) }).apply(joined) as SymbolicTensor;
      const pooled = tf.layers.globalMaxPooling1d({}).apply(scores) as SymbolicTensor;
      const model = tf.model({ inputs: [q, k], outputs: [out, pooled] });
      const seq = (n: number, f: number) => tf.tensor(Array.from({ length: 2 * n * 3 }, (_, i) => Math.sin(f * i)), [2, n, 3]);
      return [[scores, weights, context, joined, out, pooled].map((t) => t.shape), model.predict([seq(4, 0.3), seq(6, 0.7)]), model.predict([seq(2, 0.5), seq(3, 0.2)])];
    },
  },
  {
    name: 'a model with an input of any length applied as a layer to one, and added to a Sequential',
    run: (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.lstm({ units: 2, inputShape: [null as unknown as number, 3], returnSequences: true, kernelInitializer: 'ones', recurrentInitializer: 'zeros' })] });
      const x = tf.input({ shape: [null as unknown as number, 3] });
      const h = inner.apply(x) as SymbolicTensor;
      const outer = tf.sequential();
      outer.add(tf.sequential({ layers: [tf.layers.embedding({ inputDim: 6, outputDim: 3, inputShape: [null as unknown as number], embeddingsInitializer: 'ones' }), tf.layers.gru({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros' })] }));
      return [h.shape, tf.model({ inputs: x, outputs: h }).predict(tf.ones([1, 4, 3])), outer.outputShape, outer.predict(tf.tensor([[1, 2, 3]]))];
    },
  },
  {
    name: "a nested model's output mask reaches the LSTM after it",
    deviation: 'TF.js 4.22 drops a nested model\'s output mask, so the LSTM runs over the padded steps; Keras and tessera pass it on',
    run: (tf) => {
      const inner = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 6, outputDim: 3, inputShape: [5], maskZero: true, embeddingsInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 3 }) }),
        tf.layers.gru({ units: 2, returnSequences: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }), recurrentInitializer: tf.initializers.glorotUniform({ seed: 5 }) }),
      ] });
      const x = tf.input({ shape: [5] });
      const out = tf.layers.lstm({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 6 }), recurrentInitializer: tf.initializers.glorotUniform({ seed: 7 }) }).apply(inner.apply(x) as SymbolicTensor) as SymbolicTensor;
      return tf.model({ inputs: x, outputs: out }).predict(tf.tensor2d([[0, 3, 1, 0, 2], [4, 0, 0, 2, 0]]));
    },
  },
  {
    name: 'two masked embeddings added, into an LSTM: a step is kept where both masks keep it',
    deviation: "TF.js 4.22's add gives the first input's mask with an extra dim, and the LSTM after it throws",
    run: (tf) => {
      const a = tf.input({ shape: [3] });
      const b = tf.input({ shape: [3] });
      const emb = tf.layers.embedding({ inputDim: 6, outputDim: 2, maskZero: true, embeddingsInitializer: 'ones' });
      const sum = tf.layers.add().apply([emb.apply(a) as SymbolicTensor, emb.apply(b) as SymbolicTensor]) as SymbolicTensor;
      const out = tf.layers.lstm({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros' }).apply(sum) as SymbolicTensor;
      return tf.model({ inputs: [a, b], outputs: out }).predict([tf.tensor2d([[1, 0, 2], [0, 3, 3]]), tf.tensor2d([[0, 4, 5], [1, 0, 0]])]);
    },
  },
  {
    name: 'normalization layers declared on sequences of any length (inputShape [null, 2]) train and predict',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const norm of [tf.layers.batchNormalization({ inputShape: [null as unknown as number, 2] }), tf.layers.layerNormalization({ inputShape: [null as unknown as number, 2] })]) {
        const model = tf.sequential({ layers: [norm, tf.layers.globalAveragePooling1d({}), tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
        model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
        const x = tf.tensor(Array.from({ length: 12 }, (_, i) => Math.sin(i)), [2, 3, 2]);
        const h = await model.fit(x, tf.tensor([[1], [0]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
        out.push(h.history.loss, model.predict(tf.ones([1, 5, 2])), model.outputShape);
      }
      return out;
    },
  },
  {
    name: 'unknown sizes off the time axis: a known length added to an unknown one, inputShape [3, null], reshape, save and load',
    run: async (tf) => {
      const a = tf.input({ shape: [null as unknown as number, 3] });
      const b = tf.input({ shape: [4, 3] });
      const sum = tf.layers.add().apply([a, b]) as SymbolicTensor;
      const flat = tf.layers.reshape({ targetShape: [-1] }).apply(tf.layers.permute({ dims: [2, 1] }).apply(sum) as SymbolicTensor) as SymbolicTensor;
      const model = tf.model({ inputs: [a, b], outputs: flat });
      const x = tf.tensor(Array.from({ length: 12 }, (_, i) => i), [1, 4, 3]);
      const act = tf.sequential({ layers: [tf.layers.activation({ activation: 'tanh', inputShape: [3, null as unknown as number] }), tf.layers.globalMaxPooling1d({})] });
      let saved: unknown = null;
      await act.save(tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never));
      const y = tf.tensor(Array.from({ length: 6 }, (_, i) => i / 4), [1, 3, 2]);
      return [sum.shape, flat.shape, model.predict([x, tf.ones([1, 4, 3])]), act.outputShape, loaded.predict(y), tf.layers.reshape({ targetShape: [-1] }).computeOutputShape([null, 5, null as unknown as number])];
    },
  },
  {
    name: "a user's own layer over sequences of any length (an embedding without inputLength): its computeOutputShape and call decide",
    run: async (tf) => {
      class MeanOverTime extends tf.layers.Layer {
        static readonly className = 'S37MeanOverTime';
        override computeOutputShape(s: (number | null)[]): (number | null)[] {
          return [s[0], s[2]];
        }
        override call(x: never): never {
          return tf.mean(Array.isArray(x) ? x[0] : x, 1) as never;
        }
      }
      const model = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 9, outputDim: 4, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 9 }) }),
        new MeanOverTime({}),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 10 }) }),
      ] });
      return trainOnSequences(tf, model);
    },
  },
];
