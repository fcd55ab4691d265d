import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { seedModel } from '../../examples/seed-model';

describe('layers: shapes, parameter counts, weights', () => {
  it('the seed model has the Keras shapes and 693,962 parameters', () => {
    const model = seedModel(tn);
    expect(model.layers.map((l) => l.outputShape)).toEqual([
      [null, 26, 26, 32],
      [null, 13, 13, 32],
      [null, 5408],
      [null, 128],
      [null, 10],
    ]);
    expect(model.layers.map((l) => l.countParams())).toEqual([320, 0, 0, 692352, 1290]);
    expect(model.countParams()).toBe(693962);
    const lines: string[] = [];
    model.summary(undefined, undefined, (l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/Total params: 693962/);
    expect(lines.join('\n')).toMatch(/\[\[null,28,28,1\]\]\s+\[null,26,26,32\]\s+320/);
  });

  it('conv2d with strides and same padding, dense on higher rank: TF.js values; dropout and activation', () => {
    const conv = tn.layers.conv2d({ filters: 2, kernelSize: [3, 2], strides: 2, padding: 'same', inputShape: [6, 5, 3] });
    // 6x5 in, stride 2: one row and one column of padding, both after (TF.js puts the odd one there).
    expect(conv.outputShape).toEqual([null, 3, 3, 2]);
    expect(conv.getWeights().map((w) => w.shape)).toEqual([[3, 2, 3, 2], [2]]);
    const kernel = ramp([3, 2, 3, 2], 7, 11), bias = [0.5, -1];
    conv.setWeights([tn.tensor(kernel, [3, 2, 3, 2]), tn.tensor(bias)]);
    const xv = ramp([2, 6, 5, 3], 5, 13);
    const y = conv.apply(tn.tensor(xv, [2, 6, 5, 3]));
    expect(y.shape).toEqual([2, 3, 3, 2]);
    expect(Array.from(y.dataSync())).toEqual(naiveConvSame(xv, [2, 6, 5, 3], kernel, [3, 2, 3, 2], 2, bias).map(Math.fround));

    const dense = tn.layers.dense({ units: 3, inputShape: [2, 5] });
    const w = ramp([5, 3], 3, 7), b = [1, -2, 0.5];
    dense.setWeights([tn.tensor(w, [5, 3]), tn.tensor(b)]);
    const dx = ramp([4, 2, 5], 9, 17);
    const dy = dense.apply(tn.tensor(dx, [4, 2, 5]));
    expect(dy.shape).toEqual([4, 2, 3]);
    // Each of the 8 rows (batch x time) through the same kernel: row @ W + b.
    const want = Array.from({ length: 8 * 3 }, (_, i) => {
      const row = Math.floor(i / 3), u = i % 3;
      return b[u] + [0, 1, 2, 3, 4].reduce((sum, k) => sum + dx[row * 5 + k] * w[k * 3 + u], 0);
    });
    expect(Array.from(dy.dataSync())).toEqual(want.map(Math.fround));
    expect(dense.countParams()).toBe(18);
    const drop = tn.layers.dropout({ rate: 0.5, seed: 3 });
    const x = tn.ones([1000]).reshape([10, 100]);
    expect(drop.apply(x).dataSync()).toEqual(x.dataSync());
    const dropped = drop.apply(x, { training: true }).dataSync();
    const zeros = dropped.filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(400);
    expect(zeros).toBeLessThan(600);
    expect(dropped.every((v) => v === 0 || v === 2)).toBe(true);
    const act = tn.layers.activation({ activation: 'softmax' });
    expect(act.apply(tn.zeros([1, 4])).dataSync()).toEqual(new Float32Array([0.25, 0.25, 0.25, 0.25]));
  });

  it('initializers: glorotUniform bounds, zeros biases, seeded replay', () => {
    const init = tn.initializers.glorotUniform({ seed: 7 });
    const w = init.apply([100, 50]).dataSync();
    const limit = Math.sqrt(6 / 150);
    expect(Math.max(...w)).toBeLessThanOrEqual(limit);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...w)).toBeGreaterThan(limit * 0.95);
    expect(tn.initializers.glorotUniform({ seed: 7 }).apply([100, 50]).dataSync()).toEqual(w);
    const he = Array.from(tn.initializers.heNormal({ seed: 1 }).apply([400, 300]).dataSync());
    const sd = Math.sqrt(he.reduce((s, v) => s + v * v, 0) / he.length);
    // TF.js truncates a normal of stddev sqrt(2 / fanIn) at two of them, which leaves 0.8796 of that spread.
    expect(Math.abs(sd - 0.8796 * Math.sqrt(2 / 400))).toBeLessThan(0.002);
    const dense = tn.layers.dense({ units: 3, inputShape: [2] });
    expect(dense.getWeights()[1].arraySync()).toEqual([0, 0, 0]);
  });

  it('setWeights checks count and shapes before changing anything', () => {
    const dense = tn.layers.dense({ units: 2, inputShape: [3] });
    const before = dense.getWeights().map((w) => w.dataSync());
    expect(() => dense.setWeights([tn.ones([3, 2])])).toThrow(/setWeights: weights must be 2 tensors .*got 1 tensors/);
    expect(() => dense.setWeights([tn.ones([3, 2]), tn.ones([3])])).toThrow(/weights\[1\] must be shape \[2\] and dtype float32 .*got shape \[3\]/);
    expect(dense.getWeights().map((w) => w.dataSync())).toEqual(before);
    dense.setWeights([tn.ones([3, 2]), tn.tensor([1, 2])]);
    expect(dense.apply(tn.ones([1, 3])).arraySync()).toEqual([[4, 5]]);
  });

  it('model.loadWeights checks every value before changing any weight, and projects the constrained ones it writes', () => {
    const model = tn.sequential({ layers: [
      tn.layers.dense({ units: 2, inputShape: [2], name: 'lw_a', kernelConstraint: 'nonNeg' }),
      tn.layers.dense({ units: 1, name: 'lw_b', kernelInitializer: tn.initializers.constant({ value: -1 }), kernelConstraint: 'nonNeg' }),
    ] });
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(() => model.loadWeights({ 'lw_a/kernel': tn.ones([2, 2]), 'lw_a/bias': tn.ones([3]) }, false)).toThrow("Shape mismatch: [2] vs. [3] (sequential_");
    expect(() => model.loadWeights({ 'lw_a/kernel': tn.ones([2, 2]), 'lw_a/bias': tn.ones([2], 'int32') }, false)).toThrow(/loadWeights: weights\['lw_a\/bias'\] must be dtype float32, the weight's, got dtype int32/);
    expect(() => model.loadWeights({ 'lw_a/kernel': [[1, 2], [3, 4]] as never }, false)).toThrow(/loadWeights: weights\['lw_a\/kernel'\] must be a Tensor, got \[\[1,2\],\[3,4\]\]/);
    expect(() => model.loadWeights(null as never)).toThrow(/loadWeights: weights must be an object of tensors by weight name, got null/);
    expect(() => model.loadWeights({}, 'yes' as never)).toThrow(/loadWeights: strict must be a boolean, got string "yes"/);
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    model.loadWeights({ 'lw_a/kernel': tn.tensor2d([[1, -2], [-3, 4]]) }, false);
    // The written kernel is projected; lw_b's kernel, constrained but not written, keeps its -1s.
    expect(model.getWeights().map((w) => w.arraySync())).toEqual([[[1, 0], [0, 4]], [0, 0], [[-1], [-1]], [0]]);
  });

  it('bad layer configs name the option, what came and what was expected', () => {
    expect(() => tn.layers.conv2d({ filters: 0, kernelSize: 3 })).toThrow(/layers.conv2d: filters must be a positive integer, got number 0/);
    expect(() => tn.layers.conv2d({ filters: 2, kernelSize: [3] as unknown as number })).toThrow(/layers.conv2d: kernelSize must be a positive integer or a pair/);
    expect(() => tn.layers.dense({ units: 2, activation: 'cube' as 'relu' })).toThrow(/layers.dense: activation must be one of 'linear', 'relu', 'softmax', 'sigmoid', 'tanh'.*, got "cube"/);
    expect(() => tn.layers.dense({ units: 2, kernelInitializer: 'nope' as 'zeros' })).toThrow(/kernelInitializer must be an initializer, a {className, config} of one, or one of 'glorotUniform'.*, a class name \('Zeros', 'Ones', .*'Identity'\), or the className of an initializer class registered with tf.serialization.registerClass, got "nope"/);
    expect(() => tn.layers.dense({ units: 2, kernelRegularizer: 'L1' as 'l1l2' })).toThrow(/kernelRegularizer must be .*, 'l1l2', 'L1L2', or the className of a regularizer class registered with tf.serialization.registerClass, got "L1"/);
    expect(() => tn.layers.dense({ units: 2, kernelConstraint: 'Nonneg' as 'nonNeg' })).toThrow(/kernelConstraint must be .*'minMaxNorm', 'MaxNorm', 'UnitNorm', 'NonNeg', 'MinMaxNorm', or the className of a constraint class registered with tf.serialization.registerClass, got "Nonneg"/);
    expect(() => tn.layers.dense({ units: 2, activation: 'hardTanh2' as 'relu' })).toThrow(/activation must be one of .*'gelu_new', or the className of an activation class \(with apply\(x\)\) registered with tf.serialization.registerClass, or \{className, config\} of one, got "hardTanh2"/);
    expect(() => tn.layers.dense({ units: 2, unit: 3 } as unknown as tn.DenseLayerArgs)).toThrow(/layers.dense: config.unit is not an option of this layer \(got 3\); its options are units, .*inputDType.*TF.js ignores it/);
    // Each option once, though a recurrent layer names some of the common ones among its own.
    expect(() => tn.layers.rnn({ cell: tn.layers.lstmCell({ units: 2 }), statefull: true } as never)).toThrow(/its options are returnSequences, returnState, goBackwards, stateful, unroll, inputDim, inputLength, batchInputShape, batchSize, cell, name, trainable, inputShape, dtype, inputDType, weights\./);
    expect(() => tn.layers.dropout({ rate: 1.5 })).toThrow(/layers.dropout: rate must be a number in \[0, 1\], got 1.5/);
    expect(() => tn.layers.maxPooling2d({ padding: 'full' as 'same' })).toThrow(/padding must be 'valid' or 'same'/);
    expect(() => tn.layers.conv2d({ filters: 2, kernelSize: 5, inputShape: [3, 3, 1], name: 'c5' })).toThrow('Negative dimension size caused by adding layer c5 with input shape [,3,3,1]');
    expect(() => tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [3] }), tn.layers.conv2d({ filters: 1, kernelSize: 1 })] })).toThrow(/must be rank 4/);
  });
});

describe('every public function rejects junk with a plain Error, never a TypeError from inside', () => {
  const junk: unknown[] = [undefined, null, 42, 'str', {}, [], [[1], [2, 3]], NaN, () => 1];
  const namespaces: [string, Record<string, unknown>][] = [
    ['tn', tn as unknown as Record<string, unknown>],
    ['layers', tn.layers], ['train', tn.train as unknown as Record<string, unknown>], ['fused', tn.fused], ['initializers', tn.initializers],
    ['io', tn.io], ['browser', tn.browser], ['data', tn.data], ['losses', tn.losses], ['regularizers', tn.regularizers], ['constraints', tn.constraints],
  ];
  // Classes (constructed by their factories), and functions whose junk-accepting behaviour is TF.js's.
  const exempt = new Set(['Tensor', 'Variable', 'LayerVariable', 'Layer', 'Conv2D', 'Dense', 'Flatten', 'MaxPooling2D', 'Dropout', 'Activation',
    'Sequential', 'LayersModel', 'InputLayer', 'SymbolicTensor', 'Callback', 'CustomCallback', 'EarlyStopping', 'History', 'CallbackList', 'OptimizerConstructors', 'train', 'Optimizer', 'AdamOptimizer', 'AdamWOptimizer', 'SGDOptimizer', 'MomentumOptimizer', 'RMSPropOptimizer', 'AdagradOptimizer', 'AdadeltaOptimizer', 'AdamaxOptimizer', 'getBackend', 'memory', 'dispose', 'keep',
    'RNN', 'RNNCell', 'LSTM', 'GRU', 'SimpleRNN', 'LSTMCell', 'GRUCell', 'SimpleRNNCell', 'StackedRNNCells', 'ConvLSTM2D', 'ConvLSTM2DCell', 'GraphModel', 'Embedding', 'Masking', 'Bidirectional', 'RepeatVector', 'TimeDistributed',
    // tf.initializers.zeros() and ones() take no config, so there is nothing to reject.
    'initializers.zeros', 'initializers.ones', 'constraints.nonNeg',
    // They take no arguments.
    'memory', 'ready', 'io.listModels', 'disposeVariables', 'nextFrame', 'enableProdMode', 'engine', 'env', 'disableDeprecationWarnings',
    // It takes no arguments and refuses every call alike (tessera has no debug mode: test/ops/env-flags.test.ts).
    'enableDebugMode',
    // A class, reached through tn.env().
    'Environment',
    // It takes no arguments.
    'backend',
    // In Node they refuse every call alike (webcam needs a browser, where test/browser checks its arguments;
    // microphone is not implemented), and WebcamIterator is the class webcam makes.
    'data.webcam', 'data.microphone', 'data.WebcamIterator',
    // A class, made by tn.buffer() and x.bufferSync().
    'TensorBuffer',
    // As TF.js's: an unknown URL has no handlers ([]), and fromMemory's artifacts are checked when loaded.
    'io.getSaveHandlers', 'io.getLoadHandlers', 'io.fromMemory',
    // Routers are any function, as TF.js's: a junk one would stay registered for the rest of the run.
    'registerSaveRouter', 'registerLoadRouter',
    // Classes, made by tn.data.array, generator, zip and csv.
    'data.Dataset', 'data.CSVDataset',
    // Classes, as TF.js's: made with new (test/data/data-source.test.ts checks their arguments).
    'data.DataSource', 'data.FileDataSource', 'data.URLDataSource', 'data.TextLineDataset',
    // Classes, as TF.js's: made with new.
    'io.CompositeArrayBuffer', 'InputSpec',
    // TF.js's short pooling names are the long-named factories themselves, so their errors name the long names.
    'layers.maxPool1d', 'layers.maxPool2d', 'layers.avgPool1d', 'layers.avgPool2d', 'layers.avgPooling1d', 'layers.avgPooling2d',
    'layers.globalMaxPool1d', 'layers.globalMaxPool2d', 'layers.avgPool3d', 'layers.avgPooling3d']);
  // tfjs-data's names at the top level are tn.data's own functions: checked (or exempt) as data's.
  const dataOwn = new Set<unknown>(Object.values(tn.data));
  for (const [ns, obj] of namespaces) {
    for (const [name, f] of Object.entries(obj)) {
      if (typeof f !== 'function' || exempt.has(name) || exempt.has(`${ns}.${name}`) || (ns === 'tn' && dataOwn.has(f))) continue;
      it(`${ns}.${name}`, async () => {
        const errors: unknown[] = [];
        for (const j of junk) {
          for (const args of [[j], [tn.ones([2, 2]), j], [j, tn.ones([2, 2])]]) {
            try {
              await (f as (...a: unknown[]) => unknown)(...args);
            } catch (e) {
              errors.push(e);
            }
          }
        }
        // Something in the junk must be refused (a function that accepts all of it checks nothing),
        // and every refusal is the library's own: a plain Error naming the function and what came.
        expect(errors.length, 'no junk input was rejected').toBeGreaterThan(0);
        for (const e of errors) {
          expect(e).toBeInstanceOf(Error);
          expect(e).not.toBeInstanceOf(TypeError);
          expect(e).not.toBeInstanceOf(RangeError);
          expect((e as Error).message).toMatch(new RegExp(`^(\\w+\\.)*${name}: `));
        }
        expect(errors.some((e) => /\bgot\b/.test((e as Error).message)), 'no error says what it got').toBe(true);
      });
    }
  }
});

/** Small exact values (multiples of 1/4 up to a few units): products and short sums stay exact in float32. */
function ramp(shape: number[], mul: number, mod: number): number[] {
  const n = shape.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, (_, i) => (((i * mul) % mod) - (mod >> 1)) / 4);
}

/** TF.js conv2d, NHWC, equal strides, 'same' padding (the extra row/column of padding goes after). */
function naiveConvSame(x: number[], [n, h, w, c]: number[], k: number[], [kh, kw, , out]: number[], s: number, bias: number[]): number[] {
  const oh = Math.ceil(h / s), ow = Math.ceil(w / s);
  const top = Math.floor(Math.max((oh - 1) * s + kh - h, 0) / 2), left = Math.floor(Math.max((ow - 1) * s + kw - w, 0) / 2);
  const y: number[] = [];
  for (let b = 0; b < n; b++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) for (let o = 0; o < out; o++) {
    let sum = bias[o];
    for (let di = 0; di < kh; di++) for (let dj = 0; dj < kw; dj++) {
      const r = i * s + di - top, q = j * s + dj - left;
      if (r < 0 || r >= h || q < 0 || q >= w) continue;
      for (let ch = 0; ch < c; ch++) sum += x[((b * h + r) * w + q) * c + ch] * k[((di * kw + dj) * c + ch) * out + o];
    }
    y.push(sum);
  }
  return y;
}
