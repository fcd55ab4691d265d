import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { captureArtifacts } from '../io/helpers';

async function artifactsOf(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let out: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (a) => {
    out = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return out as tf.io.ModelArtifacts;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

/** Random weights for every weight of a TF.js model (so zero-initialized ones are exercised), seeded. */
function randomize(model: tf.LayersModel, seed: number): void {
  model.setWeights(model.getWeights().map((w, i) => {
    const v = Array.from(tn.randomUniform(w.shape, 0.2, 1.2, 'float32', seed + i).dataSync());
    return tf.tensor(v, w.shape);
  }));
}

type Case = [name: string, inputShape: number[], layers: () => tf.layers.Layer[]];

const cases: Case[] = [
  ['batchNormalization (inference)', [5, 3], () => [tf.layers.batchNormalization({ momentum: 0.9, epsilon: 0.01 })]],
  // (TF.js 4.22 broadcasts the parameters wrongly for an axis other than the last; tessera's axis 1 is checked by hand below.)
  ['batchNormalization no center', [3, 4, 2], () => [tf.layers.batchNormalization({ center: false })]],
  ['layerNormalization', [4, 6], () => [tf.layers.layerNormalization({ epsilon: 0.01 })]],
  ['globalAveragePooling2d / globalMaxPooling2d', [5, 4, 3], () => [tf.layers.globalAveragePooling2d({})]],
  ['globalMaxPooling2d channelsFirst', [3, 5, 4], () => [tf.layers.globalMaxPooling2d({ dataFormat: 'channelsFirst' })]],
  ['globalAveragePooling1d, globalMaxPooling1d', [6, 3], () => [tf.layers.globalAveragePooling1d()]],
  ['globalMaxPooling1d', [6, 3], () => [tf.layers.globalMaxPooling1d()]],
  ['averagePooling2d (same padding counts only the input) and averagePooling1d', [5, 4, 3], () => [tf.layers.averagePooling2d({ poolSize: 2, strides: 2, padding: 'same' }), tf.layers.reshape({ targetShape: [6, 3] }), tf.layers.averagePooling1d({ poolSize: 3, strides: 2 })]],
  ['averagePooling2d channelsFirst', [2, 5, 4], () => [tf.layers.averagePooling2d({ poolSize: [2, 3], strides: 1, dataFormat: 'channelsFirst' })]],
  ['conv2d channelsFirst', [2, 6, 5], () => [tf.layers.conv2d({ filters: 3, kernelSize: [3, 2], strides: [1, 2], padding: 'same', dataFormat: 'channelsFirst', activation: 'relu' })]],
  ['conv1d', [7, 3], () => [tf.layers.conv1d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' })]],
  ['conv2dTranspose', [3, 4, 2], () => [tf.layers.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }), tf.layers.conv2dTranspose({ filters: 2, kernelSize: [2, 3], padding: 'valid' })]],
  ['depthwiseConv2d', [5, 6, 3], () => [tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 1, padding: 'same', activation: 'tanh' })]],
  ['maxPooling1d', [7, 3], () => [tf.layers.maxPooling1d({ poolSize: 2, strides: 1, padding: 'same' })]],
  ['maxPooling2d and flatten channelsFirst', [2, 5, 4], () => [tf.layers.maxPooling2d({ poolSize: 2, dataFormat: 'channelsFirst' }), tf.layers.flatten({ dataFormat: 'channelsFirst' })]],
  ['zeroPadding2d, cropping2D, upSampling2d', [4, 5, 2], () => [tf.layers.zeroPadding2d({ padding: [[1, 2], [0, 1]] }), tf.layers.cropping2D({ cropping: [[1, 0], [2, 1]] }), tf.layers.upSampling2d({ size: [2, 3] })]],
  ['upSampling2d channelsFirst', [2, 3, 2], () => [tf.layers.upSampling2d({ size: [2, 2], dataFormat: 'channelsFirst' })]],
  ['reshape, permute, repeatVector', [2, 6], () => [tf.layers.reshape({ targetShape: [3, -1] }), tf.layers.permute({ dims: [2, 1] }), tf.layers.reshape({ targetShape: [12] }), tf.layers.repeatVector({ n: 3 })]],
  ['activations: reLU(maxValue), leakyReLU, elu, thresholdedReLU, softmax', [4], () => [
    tf.layers.dense({ units: 4, biasInitializer: 'ones' }), tf.layers.reLU({ maxValue: 1.5 }), tf.layers.dense({ units: 4 }), tf.layers.leakyReLU({ alpha: 0.2 }),
    tf.layers.elu(), tf.layers.thresholdedReLU({ theta: 0.1 }), tf.layers.softmax()]],
  ['prelu with shared axes', [3, 4, 2], () => [tf.layers.prelu({ sharedAxes: [1, 2] })]],
  ['dense with regularizers and constraints', [4], () => [tf.layers.dense({ units: 3, kernelRegularizer: tf.regularizers.l1l2({ l1: 0.01, l2: 0.02 }), biasRegularizer: tf.regularizers.l2(), kernelConstraint: tf.constraints.maxNorm({ maxValue: 2 }), biasConstraint: tf.constraints.nonNeg() })]],
  ['noise and dropout layers are identities at inference', [4, 3], () => [tf.layers.gaussianNoise({ stddev: 0.3 }), tf.layers.gaussianDropout({ rate: 0.2 }), tf.layers.alphaDropout({ rate: 0.2 }), tf.layers.spatialDropout1d({ rate: 0.3 }), tf.layers.dropout({ rate: 0.5, noiseShape: [null, 1, 3] as number[] })]],
];

describe('new layers round-trip through the layers format with TF.js 4.22, both ways, predicting the same', () => {
  for (const [name, inputShape, layers] of cases) {
    it(name, async () => {
      const list = layers();
      list[0] = list[0];
      const peer = tf.sequential();
      peer.add(tf.layers.inputLayer({ inputShape }));
      for (const l of list) peer.add(l);
      randomize(peer, 7);
      const x = Array.from(tn.randomUniform([3, ...inputShape], -2, 2, 'float32', 11).dataSync());
      const theirs = (peer.predict(tf.tensor(x, [3, ...inputShape])) as tf.Tensor).dataSync();
      const model = await tn.loadLayersModel(tn.io.fromMemory((await artifactsOf(peer)) as tn.ModelArtifacts));
      const ours = (model.predict(tn.tensor(x, [3, ...inputShape])) as tn.Tensor).dataSync();
      expect(maxDiff(ours, theirs)).toBeLessThan(1e-5);
      const back = await tf.loadLayersModel(tf.io.fromMemory((await captureArtifacts(model)) as tf.io.ModelArtifacts));
      expect(maxDiff((back.predict(tf.tensor(x, [3, ...inputShape])) as tf.Tensor).dataSync(), theirs)).toBeLessThan(1e-5);
      peer.dispose();
      back.dispose();
    });
  }
});

describe('by hand where TF.js 4.22 is wrong', () => {
  it('batchNormalization on axis 1 normalizes each row of [batch, 3, 2] with its own statistics', () => {
    const bn = tn.layers.batchNormalization({ axis: 1, center: false, inputShape: [3, 2] });
    bn.setWeights([tn.tensor([1, 2, 3]), tn.tensor([0.5, 0, 1]), tn.tensor([1, 1, 4])]);
    const y = bn.apply(tn.ones([1, 3, 2])).dataSync();
    // gamma·(x − mean)/sqrt(var + 0.001) per row: 1·0.5/sqrt(1.001), 2·1/sqrt(1.001), 3·0/sqrt(4.001).
    const want = [0.5, 0.5, 2, 2, 0, 0].map((v) => v / Math.sqrt(1.001));
    Array.from(y).forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
  });
});

describe('training with the new layers matches TF.js', () => {
  it('batchNormalization in training: batch statistics, moving averages, and the loss with L2 penalties, epoch by epoch (SGD)', async () => {
    const make = (lib: typeof tf | typeof tn) => [
      (lib.layers.dense as (a: object) => unknown)({ units: 4, inputShape: [3], kernelRegularizer: lib.regularizers.l2({ l2: 0.05 }) }),
      (lib.layers.batchNormalization as (a: object) => unknown)({ momentum: 0.8 }),
      (lib.layers.dense as (a: object) => unknown)({ units: 2, activation: 'softmax' }),
    ];
    const peer = tf.sequential({ layers: make(tf) as tf.layers.Layer[] });
    randomize(peer, 3);
    const model = await tn.loadLayersModel(tn.io.fromMemory((await artifactsOf(peer)) as tn.ModelArtifacts));
    const x = Array.from(tn.randomUniform([16, 3], -2, 2, 'float32', 5).dataSync());
    const y = Array.from({ length: 16 }, (_, i) => (i * 7) % 2);
    peer.compile({ optimizer: tf.train.sgd(0.1), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    model.compile({ optimizer: tn.train.sgd(0.1), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const args = { epochs: 3, batchSize: 8, shuffle: false, verbose: 0 as const };
    const h1 = await peer.fit(tf.tensor(x, [16, 3]), tf.tensor(y), args);
    const h2 = await model.fit(tn.tensor(x, [16, 3]), tn.tensor(y), args);
    for (const k of ['loss', 'acc']) h1.history[k].forEach((v, i) => expect(h2.history[k][i]).toBeCloseTo(v as number, 4));
    const wa = peer.getWeights(), wb = model.getWeights();
    expect(wb.map((w) => w.shape)).toEqual(wa.map((w) => w.shape));
    wa.forEach((w, i) => expect(maxDiff(wb[i].dataSync(), w.dataSync())).toBeLessThan(1e-4));
    expect(model.weights.map((w) => w.name.split('/')[1])).toEqual(['kernel', 'bias', 'gamma', 'beta', 'kernel', 'bias', 'moving_mean', 'moving_variance']);
  });
});

describe('a Sequential model of only an InputLayer, as TF.js', () => {
  it('predicts its input back until another layer comes; an empty model\'s error names the call', () => {
    const x = [[1, -2, 3], [0.5, 0, -1]];
    const peer = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3] })] });
    const model = tn.sequential({ layers: [tn.layers.inputLayer({ inputShape: [3] })] });
    expect((model.predict(tn.tensor(x)) as tn.Tensor).arraySync()).toEqual((peer.predict(tf.tensor(x)) as tf.Tensor).arraySync());
    model.add(tn.layers.dense({ units: 2, kernelInitializer: 'ones' }));
    expect((model.predict(tn.tensor(x)) as tn.Tensor).arraySync()).toEqual([[2, 2], [-0.5, -0.5]]);
    model.pop();
    expect((model.predict(tn.tensor(x)) as tn.Tensor).arraySync()).toEqual(x);
    expect(() => tn.sequential().predict(tn.tensor(x))).toThrow(/^predict: the model has no layers; add some first$/);
    peer.dispose();
  });

  it('saves and loads, as TF.js does, alone and as an empty model (which lists no input)', async () => {
    for (const make of [(lib: typeof tf) => lib.sequential({ name: 'ids_model_s48', layers: [lib.layers.inputLayer({ inputShape: [3], dtype: 'int32', name: 'ids_s48' })] }), (lib: typeof tf) => lib.sequential({ name: 'empty_s48' })]) {
      const peer = make(tf);
      const model = make(tn as unknown as typeof tf) as unknown as tn.Sequential;
      expect(model.inputs.length).toBe(peer.inputs.length);
      expect(model.inputs.map((t) => t.name)).toEqual(peer.inputs.map((t) => t.name));
      const a = await artifactsOf(peer);
      const saved = await captureArtifacts(model);
      expect(saved.modelTopology).toEqual({ ...(a.modelTopology as object), keras_version: (saved.modelTopology as { keras_version: string }).keras_version });
      const before = tn.memory().numTensors;
      for (const artifacts of [a, saved]) {
        const loaded = await tn.loadLayersModel(tn.io.fromMemory(artifacts as tn.io.ModelArtifacts));
        const back = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
        expect(loaded.layers.map((l) => [l.name, l.getClassName()])).toEqual(back.layers.map((l) => [l.name, l.getClassName()]));
        expect(loaded.inputs.map((t) => [t.shape, t.dtype])).toEqual(back.inputs.map((t) => [t.shape, t.dtype]));
        if (loaded.inputs.length) expect(tn.tidy(() => (loaded.predict(tn.tensor([[1, 2, 3]], [1, 3], 'int32')) as tn.Tensor).arraySync())).toEqual([[1, 2, 3]]);
        loaded.dispose();
        back.dispose();
      }
      expect(tn.memory().numTensors).toBe(before);
      peer.dispose();
    }
  });
});

describe('Layer.addLoss takes TF.js\'s penalty functions', () => {
  /** A user layer, x·w with w from ones, that adds 0.1·Σw² from its call, as TF.js programs write it. */
  const penalized = () => {
    class Penalized extends tn.layers.Layer {
      w: tn.LayerVariable | null = null;
      override build(s: tn.Shape | tn.Shape[]): void {
        this.w = this.addWeight('w', [(s as tn.Shape)[1] as number, 1], 'float32', tn.initializers.ones());
      }
      override call(inputs: tn.Tensor | tn.Tensor[]): tn.Tensor {
        const w = this.w as tn.LayerVariable;
        this.addLoss(() => tn.mul(0.1, tn.sum(tn.square(w.read()))));
        return tn.matMul(Array.isArray(inputs) ? inputs[0] : inputs, w.read());
      }
      override computeOutputShape(s: tn.Shape | tn.Shape[]): tn.Shape {
        return [(s as tn.Shape)[0], 1];
      }
      static get className(): string {
        return 'Penalized';
      }
    }
    return new Penalized({ inputShape: [2] });
  };
  const [x, y] = [[[1, 2], [3, 4]], [[1], [0]]];

  it('each step adds what its call added, as a kernel regularizer does (Keras; TF.js 4.22 sums every earlier call\'s functions too)', async () => {
    const model = tn.sequential({ layers: [penalized()] });
    model.compile({ optimizer: tn.train.sgd(0.01), loss: 'meanSquaredError' });
    const peer = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], useBias: false, kernelInitializer: 'ones', kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }) })] });
    peer.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
    const options = { epochs: 4, batchSize: 1, shuffle: false, verbose: 0 as const };
    const [ours, theirs] = [await model.fit(tn.tensor(x), tn.tensor(y), options), await peer.fit(tf.tensor(x), tf.tensor(y), options)];
    expect(maxDiff(ours.history.loss as number[], theirs.history.loss as number[])).toBeLessThan(1e-5);
    expect(maxDiff(model.getWeights()[0].dataSync(), peer.getWeights()[0].dataSync())).toBeLessThan(1e-6);
    expect(() => penalized().addLoss(3 as never)).toThrow(/addLoss: losses must be a Tensor or a function returning one, got 3/);
    peer.dispose();
  });
});

describe('a user layer\'s super.build() with no shape, as TF.js', () => {
  it('marks the layer built, and the layer still applies and joins a model; a built-in layer\'s build() with no shape is refused by name', () => {
    const got = ([tf, tn] as unknown as (typeof tn)[]).map((lib) => {
      class Passthrough extends lib.layers.Layer {
        constructor() { super({}); }
        override build(): void { super.build(undefined as never); }
        override call(x: tn.Tensor | tn.Tensor[]): tn.Tensor { return (Array.isArray(x) ? x[0] : x).mul(2); }
        override getClassName(): string { return 'Passthrough'; }
      }
      const layer = new Passthrough();
      layer.build();
      const model = lib.sequential({ layers: [lib.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' }), new Passthrough()] });
      return [layer.built, Array.from((layer.apply(lib.ones([1, 2])) as tn.Tensor).dataSync()), model.outputs[0].shape, Array.from((model.predict(lib.ones([1, 3])) as tn.Tensor).dataSync())];
    });
    expect(got[1]).toEqual(got[0]);
    expect(got[1]).toEqual([true, [2, 2], [null, 2], [6, 6]]);
    expect(() => tn.layers.dense({ units: 2 }).build(undefined as never)).toThrow('Dense.build: inputShape must be a shape (an array with the batch dim first) or an array of shapes, got undefined');
  });
});

describe('weights of layers a user layer builds or applies are named in its scope, as TF.js\'s nameScope names them', () => {
  it('a Sequential made in build (its first layer given an inputShape) and a layer applied lazily in call', () => {
    const names = ([tf, tn] as unknown as (typeof tn)[]).map((lib) => {
      class Outer extends lib.layers.Layer {
        inner: tn.Sequential | null = null;
        override build(): void {
          this.inner = lib.sequential({ layers: [lib.layers.dense({ inputShape: [3], units: 2, name: 'first' }), lib.layers.dense({ units: 2, name: 'second' })] });
          this.trainableWeights = this.inner.trainableWeights;
        }
        override call(x: tn.Tensor | tn.Tensor[]): tn.Tensor { return (this.inner as tn.Sequential).apply(Array.isArray(x) ? x[0] : x) as tn.Tensor; }
        override computeOutputShape(s: tn.Shape | tn.Shape[]): tn.Shape { return [(s as tn.Shape)[0], 2]; }
        static className = 'Outer';
      }
      class Lazy extends lib.layers.Layer {
        d: tn.layers.Layer | null = null;
        override call(x: tn.Tensor | tn.Tensor[]): tn.Tensor {
          this.d ??= lib.layers.dense({ units: 2, name: 'lazy_dense' });
          return this.d.apply(Array.isArray(x) ? x[0] : x) as tn.Tensor;
        }
        static className = 'Lazy';
      }
      const model = lib.sequential({ layers: [new Outer({ inputShape: [3], name: 'outer' })] });
      const lazy = new Lazy({ name: 'lz' });
      lazy.apply(lib.ones([1, 3]));
      return [...model.weights.map((w) => w.name), ...(lazy.d as tn.layers.Layer).weights.map((w) => w.name)];
    });
    expect(names[1]).toEqual(names[0]);
    expect(names[1]).toEqual(['outer/first/kernel', 'outer/first/bias', 'outer/second/kernel', 'outer/second/bias', 'lz/lazy_dense/kernel', 'lz/lazy_dense/bias']);
  });
});

describe('a wrapper declared for one shape and applied to another is built again, its layer too, as TF.js builds on first use', () => {
  it('timeDistributed({inputShape: [null, 4, 3]}) applied to a [1, 4, 3] tensor warns and gives TF.js\'s [1, 4, 2]', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const outs = ([tf, tn] as unknown as (typeof tn)[]).map((lib) => {
        const td = lib.layers.timeDistributed({ layer: lib.layers.dense({ units: 2, kernelInitializer: 'ones' }), inputShape: [null, 4, 3] as never });
        const y = td.apply(lib.tensor([[[1, 2, 3], [0, 0, 1], [1, 1, 1], [2, 0, 0]]])) as tn.Tensor;
        return [y.shape, y.arraySync(), td.weights.map((w) => w.shape)];
      });
      expect(outs[1]).toEqual(outs[0]);
      expect(outs[1][0]).toEqual([1, 4, 2]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('does not match that of the batchInputShape'));
    } finally {
      warn.mockRestore();
    }
  });
});

describe("the 'relu6' activation is TF.js's min(6, relu(x))", () => {
  it('its gradient at 6 is 0, as TF.js\'s layers (the relu6 op\'s is 1, as TF.js\'s op)', () => {
    const grads = ([tf, tn] as unknown as (typeof tn)[]).map((lib) => {
      const x = lib.tensor([0, 6, 3, -1, 7]);
      const layer = lib.layers.activation({ activation: 'relu6' });
      return [Array.from(lib.grad((v: tn.Tensor) => lib.sum(layer.apply(v) as tn.Tensor))(x).dataSync()), Array.from(lib.grad((v: tn.Tensor) => lib.sum(lib.relu6(v)))(x).dataSync())];
    });
    expect(grads[1]).toEqual(grads[0]);
    expect(grads[1]).toEqual([[0, 0, 1, 0, 0], [0, 1, 1, 0, 0]]);
  });
});

describe('timeDistributed in training runs its layer step by step, as TF.js', () => {
  it('batch norm takes and moves its statistics once a step; seeded dropout draws a step at a time', () => {
    const outs = ([tf, tn] as unknown as (typeof tn)[]).map((lib) => {
      const bn = lib.layers.batchNormalization({ momentum: 0.5 });
      const td = lib.layers.timeDistributed({ layer: bn });
      const x = lib.tensor([[[1, 2], [10, 20], [100, 50]], [[3, 6], [30, 10], [0, 70]]]);
      const y = Array.from((td.apply(x, { training: true }) as tn.Tensor).dataSync());
      const moving = bn.getWeights().slice(2).map((w) => Array.from(w.dataSync()));
      const dx = Array.from(lib.grad((v: tn.Tensor) => lib.sum(lib.mul(td.apply(v, { training: true }) as tn.Tensor, lib.range(0, 12).reshape([2, 3, 2]))))(x).dataSync());
      const drop = lib.layers.timeDistributed({ layer: lib.layers.dropout({ rate: 0.5, seed: 3 }) });
      const dropped = Array.from((drop.apply(lib.ones([2, 3, 4]), { training: true }) as tn.Tensor).dataSync());
      // Through a model holding a batch norm, as through the layer itself.
      const inner = lib.sequential({ layers: [lib.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones' }), lib.layers.batchNormalization({ momentum: 0.5 })] });
      const nested = Array.from((lib.layers.timeDistributed({ layer: inner }).apply(x, { training: true }) as tn.Tensor).dataSync());
      return { y, moving, dx, dropped, nested };
    });
    expect(maxDiff(outs[1].y, outs[0].y)).toBeLessThan(1e-5);
    expect(outs[1].moving).toEqual(outs[0].moving);
    expect(outs[1].moving[0]).toEqual([30.25, 34.25]);
    expect(maxDiff(outs[1].dx, outs[0].dx)).toBeLessThan(1e-5);
    expect(outs[1].dropped).toEqual(outs[0].dropped);
    expect(maxDiff(outs[1].nested, outs[0].nested)).toBeLessThan(1e-5);
  });
});

describe('a custom layer may set its dtype, as TF.js\'s field', () => {
  it('the base getConfig lists a dtype the program set (not one merely given to the constructor), as TF.js\'s', () => {
    const configs = ([tf, tn] as unknown as (typeof tn)[]).map((lib) => {
      class Noisy extends lib.layers.Layer {
        constructor(args: tn.LayerArgs, setDtype: boolean) {
          super(args);
          if (setDtype) this.dtype = 'float32';
        }
        static get className() { return 'Noisy'; }
      }
      return [new Noisy({ name: 'a' }, true).getConfig(), new Noisy({ name: 'b', dtype: 'float32' }, false).getConfig(), new Noisy({ name: 'c', inputShape: [2] }, false).getConfig()];
    });
    expect(configs[1]).toEqual(configs[0]);
    expect(configs[1][0]).toEqual({ name: 'a', trainable: true, dtype: 'float32' });
    expect(() => { (tn.layers.dense({ units: 1 }) as { dtype: unknown }).dtype = 'float16'; }).toThrow(/dtype must be/);
  });
});

describe('an embedding given no input shape saves batch_input_shape [null, null], as TF.js\'s declares it', () => {
  it('in a functional model: the same layer entry as TF.js\'s, and the file loads back', async () => {
    const entries = await Promise.all([tn, tf].map(async (l) => {
      const lib = l as unknown as typeof tn;
      const x = lib.input({ shape: [4], name: 'ids' });
      const m = lib.model({ inputs: x, outputs: lib.layers.flatten({ name: 'fl' }).apply(lib.layers.embedding({ inputDim: 5, outputDim: 2, name: 'em' }).apply(x)) as tn.SymbolicTensor });
      return JSON.stringify((m.toJSON(null, false) as { config: { layers: unknown[] } }).config.layers[1]);
    }));
    expect(entries[0]).toBe(entries[1]);
    expect(entries[0]).toContain('"batch_input_shape":[null,null]');
    const x = tn.input({ shape: [4] });
    const m = tn.model({ inputs: x, outputs: tn.layers.embedding({ inputDim: 5, outputDim: 2 }).apply(x) as tn.SymbolicTensor });
    let artifacts: tn.ModelArtifacts | undefined;
    await m.save(tn.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(artifacts!));
    const ids = tn.tensor2d([[1, 2, 3, 4]]);
    expect((loaded.predict(ids) as tn.Tensor).arraySync()).toEqual((m.predict(ids) as tn.Tensor).arraySync());
  });

  it('after an InputLayer in a Sequential, TF.js\'s file loads: the embedding\'s null length fits the input\'s', async () => {
    const theirs = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3] }), tf.layers.embedding({ inputDim: 5, outputDim: 2, embeddingsInitializer: 'ones' }), tf.layers.flatten()] });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await theirs.save(tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(artifacts as tn.ModelArtifacts));
    expect(loaded.inputs[0].shape).toEqual([null, 3]);
    expect((loaded.predict(tn.tensor2d([[1, 2, 3]])) as tn.Tensor).arraySync()).toEqual([[1, 1, 1, 1, 1, 1]]);
  });
});

describe('inputShape [] declares one value a sample, as TF.js and tn.input({shape: []})', () => {
  // TF.js's predict makes a 1-D input a column before checking it against [null], so both are run with apply.
  it('an embedding given inputShape [] computes as TF.js\'s, and each library loads the other\'s file', async () => {
    const make = (l: typeof tn) => l.sequential({ layers: [
      l.layers.embedding({ inputDim: 5, outputDim: 2, inputShape: [], embeddingsInitializer: l.initializers.randomUniform({ seed: 3 }) }),
      l.layers.dense({ units: 1, kernelInitializer: 'ones' }),
    ] });
    const ours = make(tn);
    const theirs = make(tf as unknown as typeof tn) as unknown as tf.LayersModel;
    expect(ours.inputs[0].shape).toEqual([null]);
    theirs.setWeights(ours.getWeights().map((w) => tf.tensor(Array.from(w.dataSync()), w.shape)));
    const ids = [1, 4, 0];
    const run = (m: tf.LayersModel) => (m.apply(tf.tensor1d(ids)) as tf.Tensor).arraySync();
    const want = run(theirs);
    expect((ours.apply(tn.tensor1d(ids)) as tn.Tensor).arraySync()).toEqual(want);
    expect(run(await tf.loadLayersModel(tf.io.fromMemory(await captureArtifacts(ours) as tf.io.ModelArtifacts)))).toEqual(want);
    const fromTheirs = await tn.loadLayersModel(tn.io.fromMemory(await artifactsOf(theirs) as tn.ModelArtifacts));
    expect(fromTheirs.inputs[0].shape).toEqual([null]);
    expect((fromTheirs.apply(tn.tensor1d(ids)) as tn.Tensor).arraySync()).toEqual(want);
  });

  it('a functional model on tn.input({shape: []}) loads back from its own file (its batch_input_shape is [null])', async () => {
    const x = tn.input({ shape: [] });
    const m = tn.model({ inputs: x, outputs: tn.layers.embedding({ inputDim: 5, outputDim: 2 }).apply(x) as tn.SymbolicTensor });
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(await captureArtifacts(m)));
    expect(loaded.inputs[0].shape).toEqual([null]);
    const ids = tn.tensor1d([3, 0]);
    expect((loaded.predict(ids) as tn.Tensor).arraySync()).toEqual((m.predict(ids) as tn.Tensor).arraySync());
  });
});
