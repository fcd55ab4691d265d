import type { SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// More of what tfjs-layers programs do: building models step by step, training layers with state (batch
// normalization), regularizers and constraints in the loss, freezing layers, and the errors layers raise.

function fixWeights(tf: TF, model: { getWeights(): Tensor[]; setWeights(w: Tensor[]): void }): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.25 * Math.sin(2 + k++)), w.shape)));
}

const attempt = async (f: () => unknown) => { try { await f(); return 'ok'; } catch { return 'threw'; } };

export const layersMore: Program[] = [
  {
    name: 'batchNormalization: one training step moves the moving statistics; inference uses them',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], name: 'd' }), tf.layers.batchNormalization({ momentum: 0.9, name: 'bn' }), tf.layers.dense({ units: 1, name: 'o' })] });
      fixWeights(tf, model);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = tf.tensor2d([[1, 2], [3, -1], [0, 0.5], [-2, 1]]);
      const y = tf.tensor2d([[1], [0], [0.5], [-1]]);
      const h = await model.fit(x, y, { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
      const bn = model.getLayer('bn');
      return [h.history.loss, bn.getWeights(), model.predict(x), bn.weights.map((w) => [w.name.split('/').pop()!.replace(/_\d+$/, ''), w.trainable])];
    },
  },
  {
    name: 'a sequential model needs an input shape on its first layer; an inputLayer first serves',
    run: (tf) => {
      const noShape = (() => { try { tf.sequential({ layers: [tf.layers.dense({ units: 2, name: 'lazy1' })] }); return 'built'; } catch { return 'threw'; } })();
      const viaAdd = (() => { try { tf.sequential().add(tf.layers.dense({ units: 2, name: 'lazy2' })); return 'added'; } catch { return 'threw'; } })();
      const model = tf.sequential();
      model.add(tf.layers.inputLayer({ inputShape: [3], name: 'feed' }));
      model.add(tf.layers.dense({ units: 2, kernelInitializer: 'ones', name: 'after_feed' }));
      model.add(tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'last' }));
      const batch = tf.sequential({ layers: [tf.layers.dense({ units: 1, batchInputShape: [4, 2], name: 'batched' })] });
      return [noShape, viaAdd, model.predict(tf.tensor2d([[1, 2, 3]])), model.layers.map((l) => l.name), model.inputs.map((i) => i.shape), batch.inputs[0].shape, batch.outputShape];
    },
  },
  {
    name: 'kernel, bias and l1l2 regularizers add to the loss',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [2], kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }), biasRegularizer: tf.regularizers.l1({ l1: 0.05 }), name: 'reg' }),
        tf.layers.dense({ units: 1, kernelRegularizer: tf.regularizers.l1l2({ l1: 0.01, l2: 0.01 }), name: 'reg2' }),
      ] });
      fixWeights(tf, model);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = tf.tensor2d([[1, 2], [2, 1], [-1, 0]]);
      const y = tf.tensor2d([[3], [3], [-1]]);
      const before = model.evaluate(x, y);
      const h = await model.fit(x, y, { epochs: 3, batchSize: 3, verbose: 0 });
      return [before, h.history.loss, model.getWeights()];
    },
  },
  {
    name: 'kernel constraints during fit',
    deviation: "TF.js 4.22 applies a layer's constraint only when its weights are set, not after the optimizer's steps in fit (a maxNorm kernel grows past its limit); tessera projects after every step, as Keras",
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelConstraint: tf.constraints.maxNorm({ maxValue: 0.5 }), name: 'con' })] });
      fixWeights(tf, model);
      model.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
      await model.fit(tf.tensor2d([[1, 2], [2, 1]]), tf.tensor2d([[3], [3]]), { epochs: 3, verbose: 0 });
      return model.getWeights()[0].norm();
    },
  },
  {
    name: 'freezing a layer keeps its weights through fit; compile after the change',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'frozen' }), tf.layers.dense({ units: 1, name: 'free' })] });
      fixWeights(tf, model);
      model.layers[0].trainable = false;
      model.compile({ optimizer: tf.train.sgd(0.2), loss: 'meanSquaredError' });
      await model.fit(tf.tensor2d([[1, 0], [0, 1]]), tf.tensor2d([[1], [2]]), { epochs: 2, verbose: 0 });
      return [model.getWeights(), model.trainableWeights.map((w) => w.name), model.nonTrainableWeights.length];
    },
  },
  {
    name: 'embedding into a dense classifier trains',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 6, outputDim: 3, inputLength: 4, name: 'emb' }), tf.layers.globalAveragePooling1d({ name: 'avg' }),
        tf.layers.dense({ units: 2, activation: 'softmax', name: 'cls' }),
      ] });
      fixWeights(tf, model);
      model.compile({ optimizer: tf.train.adam(0.05), loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
      const ids = tf.tensor2d([[1, 2, 3, 0], [4, 5, 0, 0], [1, 1, 2, 2], [5, 4, 3, 0]]);
      const labels = tf.tensor1d([0, 1, 0, 1]);
      const h = await model.fit(ids, labels, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history, model.predict(ids)];
    },
  },
  {
    name: 'a conv net trains a few steps with adam (conv2d, maxPooling2d, flatten, dense)',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 1], padding: 'same', name: 'c' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'p' }), tf.layers.flatten({ name: 'f' }), tf.layers.dense({ units: 3, activation: 'softmax', name: 'd' }),
      ] });
      fixWeights(tf, model);
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const x = tf.tensor4d(Array.from({ length: 4 * 36 }, (_, i) => Math.sin(i * 0.21)), [4, 6, 6, 1]);
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3);
      const h = await model.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history, model.predict(x)];
    },
  },
  {
    name: 'gru and simpleRNN models train with rmsprop',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const kind of ['gru', 'simpleRNN', 'lstm'] as const) {
        const model = tf.sequential({ layers: [tf.layers[kind]({ units: 3, inputShape: [4, 2], name: `${kind}_l` }), tf.layers.dense({ units: 1, name: `${kind}_o` })] });
        fixWeights(tf, model);
        model.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'meanSquaredError' });
        const x = tf.tensor3d(Array.from({ length: 3 * 8 }, (_, i) => Math.cos(i * 0.4)), [3, 4, 2]);
        const h = await model.fit(x, tf.tensor2d([[0.5], [-0.2], [0.1]]), { epochs: 2, batchSize: 3, verbose: 0 });
        out.push(h.history.loss, model.predict(x));
      }
      return out;
    },
  },
  {
    name: 'layer and model errors users run into',
    run: async (tf) => {
      const dense = tf.layers.dense({ units: 2, inputShape: [3] });
      const model = tf.sequential({ layers: [dense] });
      const x = tf.input({ shape: [4] });
      return [
        await attempt(() => tf.layers.dense({} as { units: number })),
        await attempt(() => tf.layers.dense({ units: 2, activation: 'nope' as 'relu' })),
        await attempt(() => tf.layers.conv2d({ filters: 2 } as { filters: number; kernelSize: number })),
        await attempt(() => dense.apply(x)),
        await attempt(() => model.predict(tf.ones([2, 4]))),
        await attempt(() => tf.model({ inputs: x, outputs: tf.input({ shape: [2] }) })),
        await attempt(() => tf.sequential().predict(tf.ones([1, 2]))),
        await attempt(() => model.setWeights([tf.ones([3, 2])])),
        await attempt(() => model.setWeights([tf.ones([2, 3]), tf.ones([2])])),
        await attempt(() => tf.layers.concatenate().apply([tf.input({ shape: [2, 3] }), tf.input({ shape: [3, 3] })])),
        await attempt(() => tf.layers.add().apply([tf.input({ shape: [2] }), tf.input({ shape: [3] })])),
        await attempt(() => tf.layers.flatten().apply(tf.input({ shape: [3] }))),
        await attempt(() => tf.layers.flatten().apply(tf.ones([2, 3]))),
        await attempt(() => model.getLayer('missing')),
        await attempt(() => tf.layers.lstm({ units: 2 }).apply(tf.input({ shape: [3] }))),
        await attempt(() => tf.layers.conv2d({ filters: 1, kernelSize: 3 }).apply(tf.input({ shape: [5, 5] }))),
      ];
    },
  },
  {
    name: 'apply on a list of concrete tensors and on symbolic tensors of merge layers; outputs of nested models',
    run: (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'inner_d' })], name: 'inner' });
      const x = tf.input({ shape: [2] });
      const y = inner.apply(x) as SymbolicTensor;
      const outer = tf.model({ inputs: x, outputs: tf.layers.add().apply([y, x]) as SymbolicTensor });
      const t = tf.tensor2d([[1, 2]]);
      return [outer.predict(t), inner.apply(t), outer.layers.map((l) => l.getClassName()), y.shape, outer.countParams()];
    },
  },

  {
    name: 'getWeights(trainableOnly), countParams before a layer is built, inputShape given as a number',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: 3 as unknown as number[], kernelInitializer: 'ones', name: 'num_shape' }), tf.layers.batchNormalization({ name: 'bn_w' })] });
      const unbuilt = (() => { try { return tf.layers.dense({ units: 2 }).countParams(); } catch { return 'threw'; } })();
      return [model.getWeights(true).map((w) => w.shape), model.getWeights().length, model.layers[1].getWeights(true).length, model.layers[1].getWeights(false).length,
        unbuilt, model.layers[0].countParams(), model.predict(tf.ones([1, 3])), model.inputs[0].shape];
    },
  },
];
