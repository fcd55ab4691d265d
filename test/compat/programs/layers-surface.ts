import type { io, LayersModel, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// tfjs-layers surface that programs call beside the layers themselves: the short pooling names, Sequential.pop,
// the user's metadata saved with a model.

function fixWeights(tf: TF, model: LayersModel): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.3 * Math.sin(1 + k++)), w.shape)));
}

// Where TF.js's message is the one users see (pop, metadata), the message is compared too.
const attempt = (f: () => unknown): string => {
  try { f(); return 'ok'; } catch (e) { return `${(e as Error).constructor.name}: ${(e as Error).message}`; }
};
const throws = (f: () => unknown): boolean => {
  try { f(); return false; } catch { return true; }
};

/** The artifacts model.save gives a handler (shared with the other programs that save in memory). */
export async function saveToMemory(tf: TF, model: LayersModel, config?: io.SaveConfig): Promise<io.ModelArtifacts> {
  let saved: io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }), config);
  return saved as unknown as io.ModelArtifacts;
}

/** A sequence [batch, time, features] with values that differ per step, so the length matters. */
const sequence = (tf: TF, batch: number, time: number, features: number) =>
  tf.tensor3d(Array.from({ length: batch * time * features }, (_, i) => 0.3 * Math.cos(i)), [batch, time, features]);

export const layersSurface: Program[] = [
  {
    name: 'the short pooling names (maxPool1d/2d, avgPool1d/2d, avgPooling1d/2d, globalMaxPool1d/2d) are the same layers',
    run: (tf) => {
      const x1 = tf.tensor3d([[[1, -2], [3, 0], [-1, 5], [2, 2]]]);
      const x2 = tf.tensor4d([[[[1], [2], [0]], [[-3], [4], [1]], [[2], [0], [5]]]]);
      const l = tf.layers;
      const seq = [l.maxPool1d({ poolSize: 2 }), l.avgPool1d({ poolSize: 2 }), l.avgPooling1d({ poolSize: 3, strides: 1 }), l.globalMaxPool1d({})];
      const img = [l.maxPool2d({ poolSize: 2, strides: 1 }), l.avgPool2d({ poolSize: 2, padding: 'same' }), l.avgPooling2d({ poolSize: [2, 1] }), l.globalMaxPool2d({})];
      return [
        ...seq.map((layer) => [layer.getClassName(), layer.apply(x1)]),
        ...img.map((layer) => [layer.getClassName(), layer.apply(x2)]),
      ];
    },
  },
  {
    name: 'a short pooling name in a sequential model: summary shapes and a saved class name',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 2, inputShape: [5, 5, 1], name: 'c' }),
        tf.layers.maxPool2d({ poolSize: 2, name: 'p' }),
        tf.layers.flatten({ name: 'f' }),
      ] });
      fixWeights(tf, model);
      const artifacts = await saveToMemory(tf, model);
      const topo = artifacts.modelTopology as { config: { layers: { class_name: string }[] } };
      return [model.outputShape, topo.config.layers.map((x) => x.class_name), model.predict(tf.ones([1, 5, 5, 1]))];
    },
  },
  {
    name: 'pop() removes the last layer; a new head goes on the trained stack and compiles',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu', name: 'base' }),
        tf.layers.dense({ units: 2, activation: 'softmax', name: 'old_head' }),
      ] });
      fixWeights(tf, model);
      model.pop();
      const afterPop = [model.layers.map((x) => x.name), model.outputs.map((o) => o.shape), model.outputShape];
      model.add(tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'new_head' }));
      model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const x = tf.tensor2d([[1, 2, 3], [0, -1, 2]]);
      const h = await model.fit(x, tf.tensor2d([[1], [0]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return [afterPop, model.layers.map((x) => x.name), h.history.loss, model.predict(x), model.countParams()];
    },
  },
  {
    name: 'pop() down to nothing throws a TypeError; the next add needs an input shape again',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'only' })] });
      model.pop();
      const empty = [model.layers.length, attempt(() => model.pop())];
      const noShape = throws(() => model.add(tf.layers.dense({ units: 1, name: 'lazy' })));
      model.add(tf.layers.dense({ units: 1, inputShape: [5], kernelInitializer: 'ones', name: 'fresh' }));
      return [empty, noShape, model.predict(tf.ones([2, 5])), attempt(() => tf.sequential().pop())];
    },
  },
  {
    name: 'pop() after an inputLayer leaves the input layer; predicting passes the input through',
    run: (tf) => {
      const model = tf.sequential();
      model.add(tf.layers.inputLayer({ inputShape: [3], name: 'feed' }));
      model.add(tf.layers.dense({ units: 2, name: 'd' }));
      model.pop();
      return [model.layers.map((x) => x.name), model.predict(tf.tensor2d([[1, 2, 3]]))];
    },
  },
  {
    name: 'setUserDefinedMetadata is saved as userDefinedMetadata and comes back with the loaded model',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'm' })] });
      const before = model.getUserDefinedMetadata();
      model.setUserDefinedMetadata({ labels: ['cat', 'dog'], threshold: 0.5, nested: { ok: true, none: null } });
      const artifacts = await saveToMemory(tf, model);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      return [before ?? 'none', artifacts.userDefinedMetadata ?? 'none', loaded.getUserDefinedMetadata() ?? 'none'];
    },
  },
  {
    name: 'setUserDefinedMetadata refuses what is not a plain JSON object',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'm2' })] });
      const values: unknown[] = [[1, 2], 'text', 3, null, new Map(), { when: new Date(0) }, { f: () => 1 }, { a: undefined }, { a: [1, { b: 'c' }] }];
      return values.map((v) => attempt(() => model.setUserDefinedMetadata(v as object)));
    },
  },
  {
    name: 'simpleRNN, lstm, gru and bidirectional with inputShape [null, features] run on sequences of any length',
    run: (tf) => {
      const make = [
        () => tf.layers.simpleRNN({ units: 3, inputShape: [null, 2], name: 'v_rnn' }),
        () => tf.layers.lstm({ units: 3, inputShape: [null, 2], name: 'v_lstm' }),
        () => tf.layers.gru({ units: 3, inputShape: [null, 2], name: 'v_gru' }),
        () => tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, name: 'v_inner' }), inputShape: [null, 2], name: 'v_bi' }),
      ];
      return make.map((f) => {
        const model = tf.sequential({ layers: [f()] });
        fixWeights(tf, model);
        return [model.inputs[0].shape, model.outputShape, model.predict(sequence(tf, 2, 3, 2)), model.predict(sequence(tf, 1, 6, 2))];
      });
    },
  },
  {
    name: 'variable-length sequences: stacked returnSequences layers, timeDistributed and dense per step, summary',
    run: (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.masking({ maskValue: 0, inputShape: [null, 2], name: 'vm' }),
        tf.layers.lstm({ units: 3, returnSequences: true, name: 'vl1' }),
        tf.layers.gru({ units: 2, returnSequences: true, name: 'vl2' }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, name: 'vtd_inner' }), name: 'vtd' }),
        tf.layers.dense({ units: 1, name: 'vd' }),
      ] });
      fixWeights(tf, model);
      model.summary();
      return [model.outputShape, model.layers.map((l) => l.outputShape), model.predict(sequence(tf, 1, 4, 2)), model.predict(sequence(tf, 2, 2, 2))];
    },
  },
  {
    name: 'an embedding with inputShape [null] feeding an lstm (saved and loaded), and a functional model from input({shape: [null, f]})',
    run: async (tf) => {
      const text = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 6, outputDim: 3, inputShape: [null], name: 've' }),
        tf.layers.lstm({ units: 2, name: 've_lstm' }),
      ] });
      fixWeights(tf, text);
      const inp = tf.input({ shape: [null, 3], name: 'vin' });
      const seq = tf.layers.simpleRNN({ units: 2, returnSequences: true, name: 'vf_rnn' }).apply(inp) as ReturnType<typeof tf.input>;
      const last = tf.layers.gru({ units: 1, name: 'vf_gru' }).apply(seq) as ReturnType<typeof tf.input>;
      const fn = tf.model({ inputs: inp, outputs: [seq, last] });
      fixWeights(tf, fn);
      const outs = fn.predict(sequence(tf, 1, 5, 3)) as ReturnType<typeof tf.tensor>[];
      const reloaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, text)));
      return [text.predict(tf.tensor2d([[1, 2, 3], [0, 5, 4]])), text.predict(tf.tensor2d([[1, 2, 3, 4, 5]])), fn.outputs.map((o) => o.shape), outs, reloaded.predict(tf.tensor2d([[4, 1]]))];
    },
  },
  {
    name: 'fit on sequences of one length, predict on another; a [null, f] model saves and loads',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.gru({ units: 2, inputShape: [null, 1], returnSequences: true, name: 'vs_gru' }), tf.layers.dense({ units: 1, name: 'vs_d' })] });
      fixWeights(tf, model);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = sequence(tf, 3, 4, 1);
      const h = await model.fit(x, x.mul(2), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      const artifacts = await saveToMemory(tf, model);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      const topo = artifacts.modelTopology as { config: { layers: { config: { batch_input_shape?: unknown } }[] } };
      const longer = sequence(tf, 1, 7, 1);
      return [h.history.loss, topo.config.layers[0].config.batch_input_shape, model.predict(longer), loaded.predict(longer), loaded.inputs[0].shape];
    },
  },
  {
    name: 'a dense layer given a [null] input shape, or a [null, f] shape on a non-sequence layer, throws',
    run: (tf) => [
      throws(() => tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [null] })] })),
      throws(() => tf.sequential({ layers: [tf.layers.conv1d({ filters: 1, kernelSize: 2, inputShape: [null, 2] }), tf.layers.flatten()] }).predict(tf.ones([1, 4, 2]))),
    ],
  },
  {
    name: 'rescaling maps pixels with scale and offset (int32 images become float32), alone and in a model',
    run: (tf) => {
      const pixels = tf.tensor4d([0, 51, 102, 255, 17, 200, 3, 128], [2, 2, 2, 1], 'int32');
      const unit = tf.layers.rescaling({ scale: 1 / 255 });
      const centered = tf.layers.rescaling({ scale: 1 / 127.5, offset: -1 });
      const model = tf.sequential({ layers: [
        tf.layers.rescaling({ scale: 0.5, offset: 1, inputShape: [2, 2, 1], name: 'rs' }),
        tf.layers.flatten({ name: 'rs_f' }),
        tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'rs_d' }),
      ] });
      return [unit.apply(pixels), centered.apply(pixels.toFloat()), model.predict(pixels.toFloat()), model.layers[0].outputShape, unit.getClassName()];
    },
  },
  {
    name: 'resizing: bilinear (the default) and nearest, batched and single images, cropToAspectRatio',
    run: (tf) => {
      const img = tf.tensor4d(Array.from({ length: 2 * 3 * 4 * 2 }, (_, i) => (i * 7) % 11), [2, 3, 4, 2]);
      const one = tf.tensor3d(Array.from({ length: 4 * 4 }, (_, i) => i), [4, 4, 1]);
      return [
        tf.layers.resizing({ height: 5, width: 3 }).apply(img),
        tf.layers.resizing({ height: 2, width: 2, interpolation: 'nearest' }).apply(img),
        tf.layers.resizing({ height: 6, width: 2, cropToAspectRatio: true }).apply(img),
        tf.layers.resizing({ height: 3, width: 5, interpolation: 'nearest', cropToAspectRatio: true }).apply(one),
        tf.layers.resizing({ height: 2, width: 2 }).apply(one),
        throws(() => tf.layers.resizing({ height: 2, width: 2, interpolation: 'bicubic' as 'nearest' })),
      ];
    },
  },
  {
    name: 'centerCrop: even and odd margins, the same size, a larger target (resized up), a single image',
    run: (tf) => {
      const img = tf.tensor4d(Array.from({ length: 6 * 7 * 2 }, (_, i) => i), [1, 6, 7, 2]);
      const crop = (height: number, width: number, x: Tensor = img) => tf.layers.centerCrop({ height, width }).apply(x);
      return [crop(2, 3), crop(4, 4), crop(3, 6), crop(5, 2), crop(6, 7), crop(8, 9), crop(4, 9), crop(1, 1), crop(3, 3, tf.tensor3d(Array.from({ length: 25 }, (_, i) => i), [5, 5, 1]))];
    },
  },
  {
    name: 'preprocessing layers in saved and loaded models: class names, configs, and the same predictions',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.rescaling({ scale: 1 / 255, offset: 0.5, inputShape: [6, 6, 1], name: 'pp_rs' }),
        tf.layers.flatten({ name: 'pp_f' }),
        tf.layers.dense({ units: 2, name: 'pp_d' }),
      ] });
      fixWeights(tf, model);
      // TF.js's own shapes go wrong with a crop that changes the size, and with any resize inside a model (see the
      // next program), so this keeps to a crop of the input's own size.
      const crop = tf.sequential({ layers: [tf.layers.centerCrop({ height: 4, width: 4, inputShape: [4, 4, 1], name: 'pp_cc' })] });
      const x = tf.tensor4d(Array.from({ length: 2 * 36 }, (_, i) => (i * 37) % 256), [2, 6, 6, 1]);
      const small = x.slice([0, 0, 0, 0], [2, 4, 4, 1]);
      const out = [];
      for (const m of [model, crop]) {
        const artifacts = await saveToMemory(tf, m);
        const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
        const layer = (artifacts.modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } }).config.layers[0];
        const input = m === model ? x : small;
        out.push([layer.class_name, ['scale', 'offset', 'height', 'width', 'interpolation'].map((k) => layer.config[k] ?? null), m.predict(input), loaded.predict(input)]);
      }
      return out;
    },
  },
  {
    name: 'resizing and centerCrop inside a model report their output shapes',
    deviation: "TF.js 4.22's Resizing.computeOutputShape drops the batch dim and takes the width for the channels, and CenterCrop's overwrites its input's shape in place (the model's input becomes the crop's size); tessera reports [null, height, width, channels] and leaves the input alone",
    run: (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.centerCrop({ height: 4, width: 4, inputShape: [6, 6, 3], name: 'dv_cc' }),
        tf.layers.resizing({ height: 2, width: 5, name: 'dv_rz' }),
      ] });
      const x = tf.tensor4d(Array.from({ length: 6 * 6 * 3 }, (_, i) => i % 5), [1, 6, 6, 3]);
      return [model.inputs[0].shape, model.layers.map((l) => l.outputShape), model.predict(x)];
    },
  },
  {
    name: 'tf.data.array: map, batch (numbers, arrays, tensors, objects), take, skip, repeat, size and toArray',
    run: async (tf) => {
      const nums = tf.data.array([1, 2, 3, 4, 5, 6, 7]);
      const objs = tf.data.array([{ x: [1, 2], y: 0 }, { x: [3, 4], y: 1 }, { x: [5, 6], y: 1 }]);
      const tensors = tf.data.array([tf.tensor1d([1, 2]), tf.tensor1d([3, 4]), tf.tensor1d([5, 6])]);
      return [
        nums.size, await nums.map((v) => v * 10).toArray(),
        await nums.batch(3).toArray(), nums.batch(3).size, await nums.batch(3, false).toArray(), nums.batch(3, false).size,
        await nums.take(2).toArray(), nums.take(10).size, await nums.skip(5).toArray(), nums.skip(5).size, await nums.take(-1).toArray(),
        await nums.take(2).repeat(3).toArray(), nums.take(2).repeat(3).size, nums.repeat().size, await nums.repeat().take(9).toArray(),
        await objs.batch(2).toArray(), await tensors.batch(2).toArray(), await nums.skip(2).take(3).map((v) => ({ v, sq: v * v })).batch(2).toArray(),
      ];
    },
  },
  {
    name: 'tf.data.generator and tf.data.zip; forEachAsync prints each element; an endless toArray throws',
    run: async (tf) => {
      function* counter() {
        for (let i = 0; i < 5; i++) yield { xs: [i, i * 2], ys: i % 2 };
      }
      const gen = tf.data.generator(counter);
      const xs = tf.data.array([[1], [2], [3], [4]]);
      const ys = tf.data.array([10, 20, 30]);
      const pairs = tf.data.zip({ xs, ys });
      const listed = tf.data.zip([xs, ys]);
      await gen.take(2).forEachAsync((e) => console.log(JSON.stringify(e)));
      let endless = 'ok';
      try { await xs.repeat().toArray(); } catch (e) { endless = (e as Error).message; }
      return [gen.size, await gen.toArray(), await gen.batch(2).toArray(), pairs.size, await pairs.toArray(), await pairs.batch(2).toArray(), await listed.toArray(), endless];
    },
  },
  {
    name: 'fitDataset on zipped {xs, ys} batches with a validation dataset and callbacks; evaluateDataset; batchesPerEpoch',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', name: 'fd' })] });
      model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError', metrics: ['mae'] });
      const xs = tf.data.array([[1, 2], [2, 1], [0, 1], [1, 1], [3, 0]]);
      const ys = tf.data.array([[1], [2], [0], [1], [2]]);
      const ds = tf.data.zip({ xs, ys }).batch(2);
      const h = await model.fitDataset(ds, {
        epochs: 3, verbose: 0, validationData: ds,
        callbacks: {
          onBatchEnd: async (batch, logs) => console.log(batch, logs?.size, logs?.loss.toFixed(4)),
          onEpochEnd: async (epoch, logs) => console.log(epoch, Object.keys(logs ?? {}).join(',')),
        },
      });
      const scores = await model.evaluateDataset(ds);
      const h2 = await model.fitDataset(ds.repeat(), { epochs: 2, batchesPerEpoch: 4, verbose: 0, validationData: [tf.tensor2d([[1, 1]]), tf.tensor2d([[1]])] });
      let bad = 'ok';
      try { await model.fitDataset(tf.data.array([[tf.ones([2, 2]), tf.zeros([2, 1])]]), { epochs: 1, verbose: 0 }); } catch { bad = 'threw'; }
      return [h.history, h.params, scores, h2.history, model.getWeights(), bad];
    },
  },
  {
    name: 'fitDataset from a generator of {xs, ys} tensors, with a model of two inputs by name',
    run: async (tf) => {
      const a = tf.input({ shape: [2], name: 'ga' });
      const b = tf.input({ shape: [1], name: 'gb' });
      const joined = tf.layers.concatenate({ name: 'gcat' }).apply([a, b]) as ReturnType<typeof tf.input>;
      const out = tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'gout' }).apply(joined) as ReturnType<typeof tf.input>;
      const model = tf.model({ inputs: [a, b], outputs: out });
      model.compile({ optimizer: tf.train.sgd(0.02), loss: 'meanSquaredError' });
      function* batches() {
        for (let i = 0; i < 3; i++) {
          yield { xs: { ga: tf.tensor2d([[i, 1], [1, i]]), gb: tf.tensor2d([[i], [2]]) }, ys: tf.tensor2d([[1], [i]]) };
        }
      }
      const h = await model.fitDataset(tf.data.generator(batches), { epochs: 2, verbose: 0 });
      return [h.history, h.params.steps, model.getWeights()];
    },
  },
  {
    name: "an inputLayer's getConfig holds its dtype (int32, and the default float32), as a model's input layer's",
    run: (tf) => {
      const ids = tf.layers.inputLayer({ inputShape: [3], dtype: 'int32', name: 'inp' });
      const plain = tf.layers.inputLayer({ batchInputShape: [2, 4], name: 'plain' });
      const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [2], dtype: 'int32', name: 'ids' }), tf.layers.embedding({ inputDim: 3, outputDim: 1, name: 'e' })] });
      return [ids.getConfig(), plain.getConfig(), model.layers[0].getConfig()];
    },
  },
  {
    name: 'serialization.Serializable: the base of layers and optimizers, and of a class of the user made again with fromConfig',
    run: (tf) => {
      class Scale extends tf.serialization.Serializable {
        static className = 'Scale';
        constructor(readonly config: { factor: number }) {
          super();
        }
        getConfig() {
          return { factor: this.config.factor };
        }
      }
      tf.serialization.registerClass(Scale as never);
      const made = tf.serialization.Serializable.fromConfig(Scale, { factor: 3 });
      const dense = tf.layers.dense({ units: 1 });
      const sgd = tf.train.sgd(0.1);
      return [made instanceof Scale, made.getClassName(), made.getConfig(), dense instanceof tf.serialization.Serializable, sgd instanceof tf.serialization.Serializable,
        dense.getClassName(), sgd.getClassName(), tf.layers.Layer.fromConfig === tf.serialization.Serializable.fromConfig];
    },
  },
];
