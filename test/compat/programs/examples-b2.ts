import type { Program, TF } from '../harness';

// More programs shaped as TF.js's official examples (simple-object-detection, webcam-transfer-learning): a
// pretrained base truncated at an inner layer, a new head, fit with a custom loss, unfreezing and recompiling.

type Sym = ReturnType<TF['input']>;
type T = ReturnType<TF['tensor']>;

/**
 * A small stand-in for a pretrained MobileNet: named conv blocks with fixed weights. Each program prefixes its own
 * names: TF.js 4.22 trains to NaN losses when a second model reuses the layer names of an earlier one.
 */
function miniNet(tf: TF, p: string) {
  const input = tf.input({ shape: [6, 6, 3], name: `${p}mn_input` });
  let y = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', strides: 2, useBias: false, name: `${p}conv1` }).apply(input) as Sym;
  y = tf.layers.batchNormalization({ name: `${p}conv1_bn` }).apply(y) as Sym;
  y = tf.layers.reLU({ maxValue: 6, name: `${p}conv1_relu` }).apply(y) as Sym;
  y = tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', useBias: false, name: `${p}conv_dw_1` }).apply(y) as Sym;
  y = tf.layers.conv2d({ filters: 5, kernelSize: 1, name: `${p}conv_pw_1` }).apply(y) as Sym;
  y = tf.layers.activation({ activation: 'relu', name: `${p}conv_pw_1_relu` }).apply(y) as Sym;
  y = tf.layers.globalAveragePooling2d({ name: `${p}global_pool` }).apply(y) as Sym;
  const out = tf.layers.dense({ units: 3, activation: 'softmax', name: `${p}preds` }).apply(y) as Sym;
  const model = tf.model({ inputs: input, outputs: out, name: `${p}mini_net` });
  let k = 0;
  const names = model.weights.map((w) => w.name);
  model.setWeights(model.getWeights().map((w, i) => {
    const v = Array.from({ length: w.size }, () => 0.4 * Math.sin(2 + 1.3 * k++));
    return tf.tensor(names[i].endsWith('moving_variance') ? v.map((x) => 1 + Math.abs(x)) : v, w.shape);
  }));
  return model;
}

const images = (tf: TF, n: number) => tf.tensor4d(Array.from({ length: n * 108 }, (_, i) => Math.sin(i * 0.21) * 0.5 + 0.5), [n, 6, 6, 3]);

export const examplesB2: Program[] = [
  {
    name: 'simple-object-detection: truncated base frozen, new head applied to its output, custom loss, unfreeze and recompile',
    run: async (tf) => {
      const base = miniNet(tf, 'od_');
      const layer = base.getLayer('od_conv_pw_1_relu');
      const truncatedBase = tf.model({ inputs: base.inputs, outputs: layer.output as Sym, name: 'truncated' });
      for (const l of truncatedBase.layers) l.trainable = false;
      const newHead = tf.sequential({ name: 'head' });
      newHead.add(tf.layers.flatten({ inputShape: truncatedBase.outputs[0].shape.slice(1) as number[], name: 'head_flat' }));
      newHead.add(tf.layers.dense({ units: 4, activation: 'relu', name: 'head_h' }));
      newHead.add(tf.layers.dense({ units: 5, name: 'head_out' }));
      let k = 0;
      newHead.setWeights(newHead.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.2 * Math.cos(k++)), w.shape)));
      const newOutput = newHead.apply(truncatedBase.outputs[0]) as Sym;
      const model = tf.model({ inputs: truncatedBase.inputs, outputs: newOutput, name: 'detector' });
      const canvasSize = 4;
      const customLoss = (yTrue: T, yPred: T) => tf.tidy(() => {
        const batchSize = yTrue.shape[0];
        const boxDims = yTrue.shape[1] - 1;
        const multiplier = tf.concat([tf.ones([1]).mul(canvasSize), tf.ones([boxDims])]).reshape([1, boxDims + 1]);
        return tf.metrics.meanSquaredError(yTrue.mul(multiplier.tile([batchSize, 1])), yPred);
      });
      model.compile({ loss: customLoss, optimizer: tf.train.rmsprop(5e-3) });
      model.summary();
      const x = images(tf, 4);
      const y = tf.tensor2d([[1, 0.1, 0.2, 0.5, 0.6], [0, 0.3, 0.1, 0.7, 0.4], [1, 0.2, 0.2, 0.3, 0.9], [0, 0.5, 0.5, 0.8, 0.8]]);
      const logs: unknown[] = [];
      const h1 = await model.fit(x, y, { epochs: 2, batchSize: 2, shuffle: false, validationSplit: 0.25, verbose: 0, callbacks: { onBatchEnd: (batch, l) => { logs.push([batch, l?.loss]); } } });
      const frozenAfter = truncatedBase.getLayer('od_conv_pw_1').getWeights()[0].arraySync();
      for (const l of truncatedBase.layers.slice(-3)) l.trainable = true;
      model.compile({ loss: customLoss, optimizer: tf.train.rmsprop(2e-3) });
      model.summary();
      const h2 = await model.fit(x, y, { epochs: 1, batchSize: 4, shuffle: false, verbose: 0 });
      const pred = model.predict(x.slice(0, 1)) as T;
      return { h1: h1.history, h2: h2.history, logs, frozenAfter, tuned: truncatedBase.getLayer('od_conv_pw_1').getWeights()[0], pred,
        counts: [model.trainableWeights.length, model.nonTrainableWeights.length] };
    },
  },
  {
    name: 'webcam-transfer-learning: embeddings from a truncated model, a growing kept dataset, a sequential head, tidy predictions',
    run: async (tf) => {
      const base = miniNet(tf, 'wc_');
      const layer = base.getLayer('wc_conv_pw_1_relu');
      const truncated = tf.model({ inputs: base.inputs, outputs: layer.output as Sym });
      const numClasses = 3;
      let xs: T | null = null;
      let ys: T | null = null;
      const addExample = (example: T, label: number) => {
        const y = tf.tidy(() => tf.oneHot(tf.tensor1d([label]).toInt(), numClasses));
        if (xs == null || ys == null) {
          xs = tf.keep(example);
          ys = tf.keep(y);
        } else {
          const oldX = xs;
          xs = tf.keep(oldX.concat(example, 0));
          const oldY = ys;
          ys = tf.keep(oldY.concat(y, 0));
          oldX.dispose();
          oldY.dispose();
          y.dispose();
        }
      };
      const before = tf.memory().numTensors;
      const all = images(tf, 5);
      [0, 1, 2, 1, 0].forEach((label, i) => addExample(tf.tidy(() => truncated.predict(all.slice(i, 1)) as T), label));
      const model = tf.sequential({ name: 'webcam_head', layers: [
        tf.layers.flatten({ inputShape: truncated.outputs[0].shape.slice(1) as number[], name: 'wh_flat' }),
        tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: 'varianceScaling', useBias: true, name: 'wh_h' }),
        tf.layers.dense({ units: numClasses, kernelInitializer: 'varianceScaling', useBias: false, activation: 'softmax', name: 'wh_out' }),
      ] });
      let k = 0;
      model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.3 * Math.sin(k++ * 0.9)), w.shape)));
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
      const batchSize = Math.floor((xs as unknown as T).shape[0] * 0.4);
      const h = await model.fit(xs as unknown as T, ys as unknown as T, { batchSize, epochs: 2, shuffle: false, verbose: 0 });
      const predicted = tf.tidy(() => {
        const embeddings = truncated.predict(all.slice(3, 1)) as T;
        const predictions = model.predict(embeddings) as T;
        return predictions.as1D().argMax();
      });
      const classId = (await predicted.data())[0];
      return { h: h.history, classId, shapes: [(xs as unknown as T).shape, (ys as unknown as T).shape], kept: tf.memory().numTensors - before > 0 };
    },
  },
];
