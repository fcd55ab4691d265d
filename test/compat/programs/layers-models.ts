import type { Tensor, SymbolicTensor } from '../../../src/index';
import type { Program } from '../harness';

// tfjs-layers models as users build them: sequential and functional models, layer.apply on symbolic and concrete
// tensors, the layers of everyday models with weights made deterministic, and what a model tells about itself.

/** Sets every weight of a model to fixed values: 0.1·sin(1 + i) over the flattened weights, in order. */
function fixWeights(tf: Parameters<Program['run']>[0], model: { getWeights(): Tensor[]; setWeights(w: Tensor[]): void }): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.1 * Math.sin(1 + k++)), w.shape)));
}

export const layersModels: Program[] = [
  {
    name: 'sequential dense model with constant initializers: predict, shapes, names, counts',
    run: (tf) => {
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu', kernelInitializer: 'ones', biasInitializer: 'zeros' }));
      model.add(tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.constant({ value: 0.5 }) }));
      const y = model.predict(tf.tensor2d([[1, 2, 3], [-1, 0, 2]])) as Tensor;
      return {
        y, out: model.outputShape, in: model.inputs.map((i) => i.shape), count: model.countParams(), nLayers: model.layers.length,
        weights: model.weights.map((w) => w.shape), shapes: model.layers.map((l) => l.outputShape),
      };
    },
  },
  {
    name: 'model.summary() of a sequential convnet',
    run: (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1], name: 'c1' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'p1' }),
        tf.layers.flatten({ name: 'f' }),
        tf.layers.dense({ units: 16, activation: 'relu', name: 'd1' }),
        tf.layers.dropout({ rate: 0.2, name: 'drop' }),
        tf.layers.dense({ units: 10, activation: 'softmax', name: 'd2' }),
      ] });
      model.summary();
      return model.countParams();
    },
  },
  {
    name: 'model.summary() of a functional model with two inputs',
    run: (tf) => {
      const a = tf.input({ shape: [4], name: 'a' });
      const b = tf.input({ shape: [2], name: 'b' });
      const h = tf.layers.dense({ units: 3, name: 'ha' }).apply(a) as SymbolicTensor;
      const cat = tf.layers.concatenate({ name: 'cat' }).apply([h, b]) as SymbolicTensor;
      const out = tf.layers.dense({ units: 1, name: 'out' }).apply(cat) as SymbolicTensor;
      const model = tf.model({ inputs: [a, b], outputs: out, name: 'two_in' });
      model.summary();
      return [model.name, model.inputNames, model.outputNames, model.layers.map((l) => l.name)];
    },
  },
  {
    name: 'summary of a functional chain, of a model with a shared layer, and of a model inside a sequential model',
    run: (tf) => {
      const x = tf.input({ shape: [3], name: 'cx' });
      const h = tf.layers.dense({ units: 4, activation: 'relu', name: 'ch' }).apply(x) as SymbolicTensor;
      const chain = tf.model({ inputs: x, outputs: tf.layers.dense({ units: 2, name: 'co' }).apply(h) as SymbolicTensor, name: 'chain' });
      chain.summary();
      const a = tf.input({ shape: [2], name: 'sa' });
      const shared = tf.layers.dense({ units: 2, name: 'shared' });
      const twice = shared.apply(shared.apply(a)) as SymbolicTensor;
      tf.model({ inputs: a, outputs: twice, name: 'twice' }).summary();
      const outer = tf.sequential({ layers: [chain, tf.layers.dense({ units: 1, name: 'after' })], name: 'outer' });
      outer.summary();
      const seq = tf.sequential({ name: 'lstm_seq' });
      seq.add(tf.layers.lstm({ units: 3, returnSequences: true, inputShape: [5, 2], name: 'l1' }));
      seq.add(tf.layers.batchNormalization({ name: 'bn' }));
      seq.add(tf.layers.globalAveragePooling1d({ name: 'g' }));
      seq.summary();
      return outer.countParams();
    },
  },
  {
    name: 'summary with a custom line length and printFn',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 5, inputShape: [2], name: 'x1' }), tf.layers.dense({ units: 1, name: 'x2' })] });
      const lines: string[] = [];
      model.summary(80, undefined, (m: string) => lines.push(m));
      return lines;
    },
  },
  {
    name: 'functional model with two inputs, a shared layer and two outputs',
    run: (tf) => {
      const a = tf.input({ shape: [3] });
      const b = tf.input({ shape: [3] });
      const shared = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.constant({ value: 0.25 }), biasInitializer: 'ones' });
      const ha = shared.apply(a) as SymbolicTensor;
      const hb = shared.apply(b) as SymbolicTensor;
      const sum = tf.layers.add().apply([ha, hb]) as SymbolicTensor;
      const prod = tf.layers.multiply().apply([ha, hb]) as SymbolicTensor;
      const model = tf.model({ inputs: [a, b], outputs: [sum, prod] });
      const [s, p] = model.predict([tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[0, -1, 4]])]) as Tensor[];
      return { s, p, shapes: [ha.shape, sum.shape], nLayers: model.layers.length, outputs: model.outputs.length, weights: model.weights.length };
    },
  },
  {
    name: 'layer.apply on concrete tensors builds the layer',
    run: (tf) => {
      const dense = tf.layers.dense({ units: 3, kernelInitializer: 'ones', useBias: false, activation: 'tanh' });
      const y = dense.apply(tf.tensor2d([[0.1, 0.2], [0.3, -0.4]])) as Tensor;
      const conv = tf.layers.conv2d({ filters: 2, kernelSize: 2, kernelInitializer: 'ones', biasInitializer: tf.initializers.constant({ value: -1 }) });
      const z = conv.apply(tf.ones([1, 3, 3, 1])) as Tensor;
      return { y, z, built: dense.built, w: dense.getWeights().map((t) => t.shape), cw: conv.getWeights().map((t) => t.shape), units: dense.units };
    },
  },
  {
    name: 'symbolic tensor shapes through layers',
    run: (tf) => {
      const x = tf.input({ shape: [8, 8, 3] });
      const layers = [
        tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same' }), tf.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2 }),
        tf.layers.maxPooling2d({ poolSize: 2, strides: 1 }), tf.layers.averagePooling2d({ poolSize: 2, padding: 'same' }),
        tf.layers.upSampling2d({ size: [2, 3] }), tf.layers.zeroPadding2d({ padding: [[1, 0], [2, 1]] }), tf.layers.cropping2D({ cropping: [[1, 1], [0, 2]] }),
        tf.layers.globalAveragePooling2d({}), tf.layers.repeatVector({ n: 5 }), tf.layers.permute({ dims: [2, 1] }), tf.layers.reshape({ targetShape: [10, 2] }),
        tf.layers.flatten(),
      ];
      let t: SymbolicTensor = x;
      const shapes = [];
      for (const l of layers) { t = l.apply(t) as SymbolicTensor; shapes.push(t.shape); }
      return shapes;
    },
  },
  {
    name: 'conv2d valid/same with strides, pooling and flatten, fixed weights',
    run: (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', inputShape: [7, 7, 2] }),
        tf.layers.conv2d({ filters: 2, kernelSize: [2, 3], padding: 'valid' }),
        tf.layers.maxPooling2d({ poolSize: 2, strides: 1, padding: 'same' }),
        tf.layers.averagePooling2d({ poolSize: [1, 2] }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 3 }),
      ] });
      fixWeights(tf, model);
      const x = tf.tensor4d(Array.from({ length: 2 * 7 * 7 * 2 }, (_, i) => Math.cos(i)), [2, 7, 7, 2]);
      return [model.predict(x), model.layers.map((l) => l.outputShape)];
    },
  },
  {
    name: 'conv1d, pooling 1d and global pooling',
    run: (tf) => {
      const x = tf.tensor3d(Array.from({ length: 2 * 9 * 2 }, (_, i) => Math.sin(i * 0.7)), [2, 9, 2]);
      const out: unknown[] = [];
      for (const l of [
        tf.layers.conv1d({ filters: 3, kernelSize: 3, padding: 'same', strides: 2 }), tf.layers.conv1d({ filters: 2, kernelSize: 2, useBias: false, activation: 'relu' }),
        tf.layers.maxPooling1d({ poolSize: 2 }), tf.layers.averagePooling1d({ poolSize: 3, strides: 2, padding: 'same' }),
        tf.layers.globalAveragePooling1d(), tf.layers.globalMaxPooling1d(),
      ]) {
        const seq = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [9, 2] }), l] });
        fixWeights(tf, seq);
        out.push(seq.predict(x));
      }
      return out;
    },
  },
  {
    name: 'depthwise and separable conv2d, conv2dTranspose, global pooling 2d',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 6 * 6 * 2 }, (_, i) => Math.sin(i)), [1, 6, 6, 2]);
      return [
        tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same' }), tf.layers.separableConv2d({ filters: 3, kernelSize: 3 }),
        tf.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }), tf.layers.globalMaxPooling2d({}),
      ].map((l) => {
        const seq = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [6, 6, 2] }), l] });
        fixWeights(tf, seq);
        return [seq.predict(x), seq.getWeights().map((w) => w.shape)];
      });
    },
  },
  {
    name: 'reshape, permute, repeatVector, flatten, dropout at inference, activation layers',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3, -4, 5, -6], [0.5, 0.1, -0.3, 2, -1, 0]]);
      const model = tf.sequential({ layers: [
        tf.layers.reshape({ targetShape: [3, 2], inputShape: [6] }), tf.layers.permute({ dims: [2, 1] }), tf.layers.flatten(),
        tf.layers.dropout({ rate: 0.5 }), tf.layers.activation({ activation: 'elu' }), tf.layers.repeatVector({ n: 2 }),
      ] });
      const acts = ['relu', 'sigmoid', 'tanh', 'softmax', 'softplus', 'softsign', 'selu', 'relu6', 'linear', 'hardSigmoid', 'swish', 'mish', 'gelu', 'gelu_new', 'elu'];
      return [model.predict(x), acts.map((a) => { try { return tf.layers.activation({ activation: a as 'relu' }).apply(x); } catch { return 'threw'; } }),
        tf.layers.leakyReLU({ alpha: 0.1 }).apply(x), tf.layers.leakyReLU().apply(x), tf.layers.softmax().apply(x), tf.layers.reLU({ maxValue: 2 }).apply(x),
        tf.layers.elu().apply(x), tf.layers.thresholdedReLU({ theta: 0.4 }).apply(x)];
    },
  },
  {
    name: 'merge layers: concatenate on axes, add, multiply, average, maximum, minimum, dot',
    run: (tf) => {
      const a = tf.tensor3d([[[1, 2], [3, 4]]]);
      const b = tf.tensor3d([[[0.5, -1], [2, 0]]]);
      const c = tf.tensor3d([[[1, 1], [-1, 3]]]);
      return [
        tf.layers.concatenate().apply([a, b]), tf.layers.concatenate({ axis: 1 }).apply([a, b, c]), tf.layers.add().apply([a, b, c]),
        tf.layers.multiply().apply([a, b, c]), tf.layers.average().apply([a, b]),
        tf.layers.maximum().apply([a, b, c]), tf.layers.minimum().apply([a, b]), tf.layers.dot({ axes: 2 }).apply([a, b]),
        tf.layers.dot({ axes: 1, normalize: true }).apply([tf.tensor2d([[1, 2]]), tf.tensor2d([[3, 4]])]),
      ];
    },
  },
  {
    name: 'upSampling2d, zeroPadding2d and cropping2D values',
    run: (tf) => {
      const x = tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1]);
      return [
        tf.layers.upSampling2d({ size: [2, 2] }).apply(x), tf.layers.upSampling2d({ size: [1, 2], interpolation: 'nearest' }).apply(x),
        tf.layers.zeroPadding2d({ padding: 1 }).apply(x), tf.layers.zeroPadding2d({ padding: [1, 0] }).apply(x),
        tf.layers.cropping2D({ cropping: [[0, 1], [1, 0]] }).apply(x), tf.layers.cropping2D({ cropping: 1 }).apply(tf.ones([1, 3, 3, 1])),
      ];
    },
  },
  {
    name: 'batchNormalization and layerNormalization at inference with set weights',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 7], [-1, 0, 2]]);
      const bn = tf.layers.batchNormalization({ inputShape: [3] });
      const m = tf.sequential({ layers: [bn] });
      bn.setWeights([tf.tensor1d([1, 2, 0.5]), tf.tensor1d([0, 0.1, -0.2]), tf.tensor1d([1, 2, 3]), tf.tensor1d([4, 1, 0.25])]);
      const ln = tf.layers.layerNormalization({ epsilon: 1e-3 });
      const bnc = tf.layers.batchNormalization({ center: false, scale: false, epsilon: 0.01 });
      return [m.predict(x), ln.apply(x), bnc.apply(x), bn.getWeights().map((w) => w.shape), bn.trainableWeights.length, bn.nonTrainableWeights.length,
        bn.weights.map((w) => w.name), m.countParams()];
    },
  },
  {
    name: 'embedding lookups with set weights and mask_zero',
    run: (tf) => {
      const emb = tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 3 });
      const model = tf.sequential({ layers: [emb, tf.layers.flatten(), tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
      emb.setWeights([tf.tensor2d([[0, 0], [1, 2], [3, 4], [5, 6], [7, 8]])]);
      const ids = tf.tensor2d([[1, 2, 4], [0, 3, 3]]);
      return [model.predict(ids), emb.apply(tf.tensor2d([[4, 0]], [1, 2], 'int32')), model.layers.map((l) => l.outputShape), emb.getConfig()];
    },
  },
  {
    name: 'simpleRNN, lstm and gru with constant weights, returnSequences',
    run: (tf) => {
      const x = tf.tensor3d([[[0.1, 0.2], [0.3, -0.1], [0.0, 0.5]], [[-0.2, 0.4], [0.1, 0.1], [0.3, 0.3]]]);
      const init = { kernelInitializer: tf.initializers.constant({ value: 0.1 }), recurrentInitializer: tf.initializers.constant({ value: -0.05 }), biasInitializer: tf.initializers.constant({ value: 0.01 }) };
      return [
        tf.layers.simpleRNN({ units: 3, ...init }).apply(x), tf.layers.simpleRNN({ units: 2, returnSequences: true, ...init }).apply(x),
        tf.layers.lstm({ units: 2, ...init }).apply(x), tf.layers.lstm({ units: 2, returnSequences: true, ...init }).apply(x),
        tf.layers.gru({ units: 2, ...init }).apply(x), tf.layers.gru({ units: 3, returnSequences: true, goBackwards: true, ...init }).apply(x),
      ];
    },
  },
  {
    name: 'lstm with setWeights in a sequential model, bidirectional and timeDistributed',
    run: (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.lstm({ units: 3, returnSequences: true, inputShape: [4, 2] }),
        tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, returnSequences: true }) as unknown as Parameters<typeof tf.layers.bidirectional>[0]['layer'], mergeMode: 'concat' }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }),
      ] });
      fixWeights(tf, model);
      const x = tf.tensor3d(Array.from({ length: 2 * 4 * 2 }, (_, i) => Math.cos(i * 0.3)), [2, 4, 2]);
      return [model.predict(x), model.layers.map((l) => l.outputShape), model.getWeights().map((w) => w.shape), model.layers.map((l) => l.getClassName())];
    },
  },
  {
    name: 'getLayer by name and index, layer weights by name',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'first' }), tf.layers.dense({ units: 1, name: 'second' })] });
      const l = model.getLayer('second');
      const byIndex = model.getLayer(undefined as unknown as string, 0);
      let missing: string;
      try { model.getLayer('nope'); missing = 'found'; } catch { missing = 'threw'; }
      return [l.name, byIndex.name, l.weights.map((w) => w.name), missing, l.outputShape, model.layers[0].trainable];
    },
  },
  {
    name: 'automatic layer and model names',
    run: (tf) => {
      const d = tf.layers.dense({ units: 1 });
      const c = tf.layers.conv2d({ filters: 1, kernelSize: 1 });
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
      const i = tf.input({ shape: [2] });
      const f = tf.model({ inputs: i, outputs: tf.layers.dense({ units: 1 }).apply(i) as SymbolicTensor });
      const d2 = tf.layers.dense({ units: 1 });
      // The counts depend on what the process made before; the names and the steps between them do not.
      const num = (s: string) => Number(/\d+$/.exec(s)![0]);
      const strip = (s: string) => s.replace(/\d+$/, '#');
      return [[d, c, m, m.layers[0], i.sourceLayer, f, f.layers[1], d2].map((x) => strip(x.name)), num(d2.name) - num(d.name), m.weights.map((w) => strip(w.name.split('/')[0]) + '/' + w.name.split('/')[1]),
        strip(m.inputs[0].sourceLayer.name.replace(/_input$/, '')) + '_input'];
    },
  },
  {
    name: 'model.toJSON and layer configs in it',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'j1', activation: 'relu' }), tf.layers.dense({ units: 1, name: 'j2' })] });
      const json = model.toJSON(null, false) as unknown as { class_name: string; config: { name: string; layers: { class_name: string; config: Record<string, unknown> }[] } };
      const text = JSON.parse(model.toJSON() as string) as typeof json;
      // tessera's default kernel initializer is Keras's glorotUniform (TF.js's Dense has glorotNormal): left out.
      const { kernel_initializer: _k, ...first } = json.config.layers[0].config;
      return [json.class_name, json.config.layers.map((l) => l.class_name), first, json.config.layers[1].config.units, text.class_name, text.config.layers.length];
    },
  },
  {
    name: 'trainable flags: freezing a layer changes trainable weights',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] }), tf.layers.dense({ units: 1 })] });
      model.layers[0].trainable = false;
      return [model.trainableWeights.length, model.nonTrainableWeights.length, model.countParams(), model.layers.map((l) => l.trainable)];
    },
  },

  {
    name: 'initializers: constant and identity values, random ones within their bounds, by instance and by name',
    run: (tf) => {
      const kernel = (init: Parameters<typeof tf.layers.dense>[0]['kernelInitializer'], inDim = 4, units = 4) => {
        const d = tf.layers.dense({ units, kernelInitializer: init, useBias: false });
        d.apply(tf.ones([1, inDim]));
        return d.getWeights()[0];
      };
      const within = (t: Tensor, limit: number) => t.abs().max().dataSync()[0] <= limit + 1e-7;
      const spread = (t: Tensor) => t.abs().max().dataSync()[0] > 0;
      const n = 64;
      return {
        constant: kernel(tf.initializers.constant({ value: 0.3 }), 2, 3), identity: kernel(tf.initializers.identity({ gain: 2 }), 3, 3), idName: kernel('identity', 2, 2),
        heUniform: [within(kernel(tf.initializers.heUniform({ seed: 1 }), n, n), Math.sqrt(6 / n)), spread(kernel('heUniform', n, n))],
        leCunUniform: within(kernel(tf.initializers.leCunUniform({}), n, n), Math.sqrt(3 / n)),
        leCunNormal: within(kernel(tf.initializers.leCunNormal({}), n, n), 2 * Math.sqrt(1 / n)),
        truncatedNormal: within(kernel(tf.initializers.truncatedNormal({ mean: 0, stddev: 0.1 }), n, n), 0.2),
        varianceScaling: within(kernel(tf.initializers.varianceScaling({ scale: 3, mode: 'fanOut', distribution: 'uniform' }), n, 2 * n), Math.sqrt(9 / (2 * n))),
        byName: ['truncatedNormal', 'varianceScaling', 'leCunNormal', 'zeros', 'ones'].map((name) => kernel(name as 'zeros', 2, 2).shape),
        identityNotSquare: (() => { try { kernel(tf.initializers.identity({}), 2, 3); return 'built'; } catch { return 'threw'; } })(),
        constantNoValue: (() => { try { tf.initializers.constant({} as { value: number }); return 'made'; } catch { return 'threw'; } })(),
      };
    },
  },

  {
    name: 'layer.output and model.input/output to build a model from part of another (transfer learning)',
    run: (tf) => {
      const base = tf.sequential({ layers: [
        tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu', kernelInitializer: tf.initializers.constant({ value: 0.1 }), name: 'feat1' }),
        tf.layers.dense({ units: 2, kernelInitializer: 'ones', name: 'feat2' }),
        tf.layers.dense({ units: 5, activation: 'softmax', name: 'head' }),
      ] });
      const cut = base.getLayer('feat2').output as SymbolicTensor;
      const truncated = tf.model({ inputs: base.inputs, outputs: cut });
      const newHead = tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'new_head' }).apply(cut) as SymbolicTensor;
      const transfer = tf.model({ inputs: base.input as SymbolicTensor, outputs: newHead });
      const x = tf.tensor2d([[1, 2, 3]]);
      const i = tf.input({ shape: [2], name: 'io_in' });
      const d = tf.layers.dense({ units: 3, name: 'io_d' });
      const o = d.apply(i) as SymbolicTensor;
      const twice = tf.layers.dense({ units: 2, name: 'twice' });
      twice.apply(i);
      twice.apply(o.shape[1] === 2 ? o : i);
      const unapplied = tf.layers.dense({ units: 1 });
      const attempt = (f: () => unknown) => { try { f(); return 'ok'; } catch { return 'threw'; } };
      return [truncated.predict(x), transfer.predict(x), (base.output as SymbolicTensor).shape, (base.input as SymbolicTensor).shape, cut.shape,
        (d.input as SymbolicTensor).shape, (d.output as SymbolicTensor).shape, ((i.sourceLayer as unknown as { output: SymbolicTensor }).output).shape, transfer.layers.map((l) => l.name),
        attempt(() => unapplied.output), attempt(() => twice.output)];
    },
  },
];
