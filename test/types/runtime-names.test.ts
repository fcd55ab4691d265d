import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';

// The run-time side of the TF.js names the types brought: each behaves as TF.js's does.

describe('TF.js names behind the types, at run time', () => {
  it("rankType holds what TF.js's holds ('0' to '4', then 'higher')", async () => {
    await tf.setBackend('cpu');
    for (const shape of [[], [2], [2, 1], [1, 2, 1], [1, 1, 1, 2], [1, 1, 1, 1, 2]]) {
      expect(tn.zeros(shape).rankType).toBe(tf.zeros(shape).rankType);
    }
  });

  it("version: tf.version's keys, in its order, for the TF.js API followed (the installed TF.js's), then tessera's own package version", async () => {
    const pkg = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(Object.entries(tn.version)).toEqual([...Object.entries(tf.version), ['tessera', pkg.version]]);
  });

  // TF.js's types call val protected, but programs read it.
  it('a layer weight\'s val is its variable and originalName its name, so minimize over model.trainableWeights.map((w) => w.val) trains as in TF.js', () => {
    const x = [[1, 2], [-1, 0.5], [0.3, -2]];
    const y = [[1], [0], [2]];
    const peer = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2] })] });
    model.setWeights(peer.getWeights().map((w) => tn.tensor(Array.from(w.dataSync()), w.shape)));
    const [opt, peerOpt] = [tn.train.sgd(0.1), tf.train.sgd(0.1)];
    for (let i = 0; i < 3; i++) {
      opt.minimize(() => tn.losses.meanSquaredError(tn.tensor(y), model.predict(tn.tensor(x)) as tn.Tensor), false, model.trainableWeights.map((w) => w.val));
      peerOpt.minimize(() => tf.losses.meanSquaredError(tf.tensor(y), peer.predict(tf.tensor(x)) as tf.Tensor) as tf.Scalar, false, peer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val));
    }
    model.getWeights().forEach((w, i) => Array.from(w.dataSync()).forEach((v, j) => expect(Math.abs(v - peer.getWeights()[i].dataSync()[j])).toBeLessThan(1e-6)));
    expect(model.trainableWeights.map((w) => w.originalName)).toEqual(model.trainableWeights.map((w) => w.name));
    peer.dispose();
  });

  it("model.dispose() says what it freed, and an iterator past a dataset's end gives value null, as TF.js", async () => {
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [3] }), tn.layers.dense({ units: 1, useBias: false })] });
    const peer = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] }), tf.layers.dense({ units: 1, useBias: false })] });
    expect(model.dispose()).toEqual(peer.dispose());
    expect(model.layers[0].weights.every((w) => w.isDisposed)).toBe(true);
    const [it, peerIt] = [await tn.data.array([1]).iterator(), await tf.data.array([1]).iterator()];
    expect([await it.next(), await it.next()]).toEqual([await peerIt.next(), await peerIt.next()]);
  });

  it('engine() has TF.js\'s registeredVariables (live variables by name), tidy and keep', () => {
    const v = tn.variable(tn.tensor([1, 2]), true, 'engine_probe_v');
    const peer = tf.variable(tf.tensor([1, 2]), true, 'engine_probe_v');
    expect(tn.engine().registeredVariables.engine_probe_v).toBe(v);
    expect(tf.engine().registeredVariables.engine_probe_v).toBe(peer);
    v.dispose();
    peer.dispose();
    expect('engine_probe_v' in tn.engine().registeredVariables).toBe(false);
    expect('engine_probe_v' in tf.engine().registeredVariables).toBe(false);
    let inner: tn.Tensor | undefined;
    const kept = tn.engine().tidy(() => {
      inner = tn.ones([2]);
      return tn.engine().keep(tn.zeros([1]));
    });
    expect([inner?.isDisposed, kept.isDisposed]).toEqual([true, false]);
  });

  it('tidy takes a name first, returns what fn returns and frees the rest', () => {
    const before = tn.memory().numTensors;
    const y = tn.tidy('square plus one', () => tn.square(tn.tensor1d([1, 2, 3])).add(1));
    expect(y.arraySync()).toEqual([2, 5, 10]);
    expect(tn.memory().numTensors).toBe(before + 1);
    expect(() => tn.tidy('named', undefined as unknown as () => void)).toThrow(/^tidy: fn must be a function \(after the name 'named'\), got undefined$/);
  });

  it("a layer's outputs say which they are as outputTensorIndex, as TF.js's; the constructor refuses a missing layer by name", () => {
    const outputsOf = (l: typeof tn) => {
      class Two extends l.layers.Layer {
        static className = 'TwoOut';
        override computeOutputShape(s: tn.Shape) { return [s, s]; }
        override call(x: tn.Tensor | tn.Tensor[]) { const t = Array.isArray(x) ? x[0] : x; return [t, t]; }
      }
      return (new Two({}).apply(l.input({ shape: [4] })) as tn.SymbolicTensor[]).map((t) => t.outputTensorIndex);
    };
    expect(outputsOf(tn)).toEqual(outputsOf(tf as unknown as typeof tn));
    expect(outputsOf(tn)).toEqual([0, 1]);
    const make = tn.SymbolicTensor as unknown as new (...a: unknown[]) => unknown;
    expect(() => new make('float32', [null, 4], null, [], null)).toThrow(/^SymbolicTensor: sourceLayer must be the layer that makes the tensor \(the constructor is internal: make a model input with tn.input\(\{shape\}\)/);
  });

  it('tn.layers is a namespace holding the Layer, RNN and RNNCell classes and input(), as tf.layers', () => {
    expect(tn.layers.Layer).toBe(tn.Layer);
    expect(tn.layers.RNN).toBe(tn.RNN);
    expect(typeof tn.layers.RNNCell).toBe('function');
    expect(tn.layers.input).toBe(tn.input);
    expect(tn.layers.dense({ units: 2 })).toBeInstanceOf(tn.layers.Layer);
  });

  it('History is a class, and fit returns one with TF.js\'s fields, recording what callbacks add to the epoch logs', async () => {
    const run = async (lib: typeof tf) => {
      const m = lib.sequential({ layers: [lib.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones' })] });
      m.compile({ optimizer: lib.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await m.fit(lib.ones([2, 1]), lib.zeros([2, 1]), { epochs: 2, verbose: 0, callbacks: { onEpochEnd: (e, logs) => void ((logs as Record<string, number>).lr = e + 0.5) } });
      return { isHistory: h instanceof lib.History, keys: Object.keys(h), lr: h.history.lr, validationData: h.validationData, epoch: h.epoch };
    };
    const ours = await run(tn as unknown as typeof tf);
    expect(ours).toEqual(await run(tf));
    expect(ours.isHistory).toBe(true);
    expect(ours.lr).toEqual([0.5, 1.5]);
  });

  it('CallbackList calls each callback\'s hooks in order, as TF.js\'s', async () => {
    const run = async (lib: typeof tf) => {
      const calls: string[] = [];
      const cb = (tag: string) => new lib.CustomCallback({ onEpochEnd: async (e, logs) => void calls.push(`${tag} epochEnd ${e} ${JSON.stringify(logs)}`), onBatchBegin: async (b) => void calls.push(`${tag} batchBegin ${b}`) });
      const list = new lib.CallbackList([cb('a')]);
      list.append(cb('b'));
      await list.onEpochEnd(3, { loss: 1 });
      await list.onBatchBegin(2);
      await list.onTrainBegin();
      return { calls, length: list.callbacks.length, queueLength: list.queueLength };
    };
    expect(await run(tn as unknown as typeof tf)).toEqual(await run(tf));
    expect(() => new tn.CallbackList([{ onEpochEnd: 3 }])).toThrow(/CallbackList: callbacks\[0\].onEpochEnd must be a function, got number/);
  });

  it('OptimizerConstructors holds the optimizer factories as static methods, and train is it, as in TF.js', () => {
    expect(tn.train).toBe(tn.OptimizerConstructors);
    expect(tf.train).toBe(tf.OptimizerConstructors);
    const made = (lib: typeof tf) => {
      const c = lib.OptimizerConstructors;
      return [c.sgd(0.1), c.momentum(0.1, 0.9), c.rmsprop(0.01), c.adam(), c.adadelta(), c.adamax(), c.adagrad(0.2)].map((o) => [o.getClassName(), o.getConfig()]);
    };
    expect(made(tn as unknown as typeof tf)).toEqual(made(tf));
    // Enumerable, as in TF.js's bundle; adamw is tessera's.
    expect(Object.keys(tn.OptimizerConstructors)).toEqual([...Object.keys(tf.OptimizerConstructors), 'adamw']);
  });

  it('CustomCallback runs its hooks in fit, and warns of a function named as a hook but none', async () => {
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros' })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const seen: string[] = [];
    const cb = new tn.CustomCallback({
      onTrainBegin: () => void seen.push('train'),
      onEpochEnd: (epoch, logs) => void seen.push(`epoch ${epoch} ${typeof logs?.loss}`),
    });
    expect(cb).toBeInstanceOf(tn.Callback);
    await model.fit(tn.ones([4, 2]), tn.ones([4, 1]), { epochs: 2, verbose: 0, callbacks: [cb] });
    expect(seen).toEqual(['train', 'epoch 0 number', 'epoch 1 number']);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      new tn.CustomCallback({ onEpochStart: () => {}, best: 1 } as tn.CustomCallbackArgs);
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
        'CustomCallback: args: onEpochStart will never be called: the hooks are onTrainBegin, onTrainEnd, onEpochBegin, onEpochEnd, onBatchBegin, onBatchEnd, onYield',
      ]);
    } finally {
      warn.mockRestore();
    }
    expect(() => new tn.CustomCallback({ onEpochEnd: 3 } as unknown as tn.CustomCallbackArgs)).toThrow(/CustomCallback: args\.onEpochEnd must be a function, got number/);
  });

  it("optimizers name their class as TF.js's getClassName() does", () => {
    const pairs: [tn.Optimizer, tf.Optimizer][] = [
      [tn.train.sgd(0.1), tf.train.sgd(0.1)],
      [tn.train.momentum(0.1, 0.9), tf.train.momentum(0.1, 0.9)],
      [tn.train.adam(), tf.train.adam()],
      [tn.train.rmsprop(0.1), tf.train.rmsprop(0.1)],
      [tn.train.adagrad(0.1), tf.train.adagrad(0.1)],
      [tn.train.adadelta(), tf.train.adadelta()],
      [tn.train.adamax(), tf.train.adamax()],
    ];
    for (const [mine, theirs] of pairs) expect(mine.getClassName()).toBe(theirs.getClassName());
  });
});
