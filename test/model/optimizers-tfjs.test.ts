import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';

/** Five steps on f(w) = Σ c·w² + sin-free polynomial terms, from the same start, in both libraries. */
function run(make: () => tn.Optimizer, makePeer: () => tf.Optimizer): [Float32Array, Float32Array] {
  const start = [0.5, -1.5, 2, 0.25, -0.75, 1];
  const c = [1, 2, 0.5, 3, 1.5, 0.25];
  const w = tn.variable(tn.tensor(start));
  const opt = make();
  const wp = tf.variable(tf.tensor(start));
  const peer = makePeer();
  for (let i = 0; i < 5; i++) {
    opt.minimize(() => tn.sum(tn.add(tn.mul(tn.tensor(c), tn.square(w)), tn.mul(tn.scalar(0.3), tn.pow(w, 3)))));
    peer.minimize(() => tf.sum(tf.add(tf.mul(tf.tensor(c), tf.square(wp)), tf.mul(0.3, tf.pow(wp, 3)))) as tf.Scalar);
  }
  return [w.dataSync() as Float32Array, wp.dataSync() as Float32Array];
}

describe('optimizers take the same steps as TF.js 4.22', () => {
  const cases: [string, () => tn.Optimizer, () => tf.Optimizer][] = [
    ['sgd', () => tn.train.sgd(0.05), () => tf.train.sgd(0.05)],
    ['momentum', () => tn.train.momentum(0.05, 0.9), () => tf.train.momentum(0.05, 0.9)],
    ['momentum (Nesterov)', () => tn.train.momentum(0.05, 0.8, true), () => tf.train.momentum(0.05, 0.8, true)],
    ['rmsprop', () => tn.train.rmsprop(0.01), () => tf.train.rmsprop(0.01)],
    ['rmsprop with momentum, centered', () => tn.train.rmsprop(0.01, 0.8, 0.5, 1e-6, true), () => tf.train.rmsprop(0.01, 0.8, 0.5, 1e-6, true)],
    ['adagrad', () => tn.train.adagrad(0.1, 0.2), () => tf.train.adagrad(0.1, 0.2)],
    ['adadelta', () => tn.train.adadelta(1, 0.9), () => tf.train.adadelta(1, 0.9)],
    ['adamax', () => tn.train.adamax(0.02, 0.8, 0.99, 1e-7, 0.1), () => tf.train.adamax(0.02, 0.8, 0.99, 1e-7, 0.1)],
    // A negative learning rate climbs the loss (gradient ascent), as in TF.js.
    ['sgd, negative learning rate', () => tn.train.sgd(-0.05), () => tf.train.sgd(-0.05)],
    ['momentum, negative learning rate', () => tn.train.momentum(-0.02, 0.9), () => tf.train.momentum(-0.02, 0.9)],
    ['rmsprop, negative learning rate', () => tn.train.rmsprop(-0.01), () => tf.train.rmsprop(-0.01)],
    ['adam, negative learning rate', () => tn.train.adam(-0.01), () => tf.train.adam(-0.01)],
  ];
  for (const [name, make, makePeer] of cases) {
    it(name, () => {
      const [ours, theirs] = run(make, makePeer);
      ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 5));
    });
  }

  it('adam adds ε where TF.js does (to the bias-corrected sqrt(v̂)), seen where ε is near the gradients', () => {
    // A large ε makes where it enters visible: adding it to sqrt(v) instead (Keras's formula) moves w by ~1e-2 here.
    for (const epsilon of [1e-7, 0.3, 3]) {
      const [ours, theirs] = run(() => tn.train.adam(0.05, 0.9, 0.999, epsilon), () => tf.train.adam(0.05, 0.9, 0.999, epsilon));
      ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 5));
    }
  });

  it('the learning rate can be read and changed between steps; getWeights / setWeights carry the slots', async () => {
    const opt = tn.train.rmsprop(0.1, 0.9, 0.5);
    expect(opt.learningRate).toBe(0.1);
    opt.learningRate = 0.01;
    expect(opt.learningRate).toBe(0.01);
    expect(() => (opt.learningRate = NaN)).toThrow(/learningRate must be a finite number, got NaN/);
    expect(opt.learningRate).toBe(0.01);
    opt.learningRate = -0.01;
    expect(opt.learningRate).toBe(-0.01);
    opt.learningRate = 0.01;
    const w = tn.variable(tn.tensor([1, 2]), true, 'opt_w');
    opt.minimize(() => tn.sum(tn.square(w)));
    const saved = await opt.getWeights();
    expect(saved.map((s) => s.name)).toEqual(['iter', 'opt_w/rms', 'opt_w/momentum']);
    const other = tn.train.rmsprop(0.01, 0.9, 0.5);
    await other.setWeights(saved);
    expect(other.iterations).toBe(1);
    // Restored slots take the same next step as the originals.
    const a = tn.variable(tn.tensor(w.dataSync()), true, 'opt_a');
    const before = w.dataSync();
    opt.minimize(() => tn.sum(tn.square(w)));
    const moved = Array.from(w.dataSync());
    w.assign(tn.tensor(before));
    other.learningRate = 0.01;
    other.minimize(() => tn.sum(tn.square(w)), false, [w]);
    expect(Array.from(w.dataSync())).toEqual(moved);
    a.dispose();
  });

  it('compile takes the new optimizers by name, and names the known ones for an unknown name', () => {
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2] })] });
    for (const name of ['rmsprop', 'adagrad', 'adadelta', 'adamax', 'sgd', 'adam']) {
      model.compile({ optimizer: name, loss: 'meanSquaredError' });
      expect(model.optimizer?.className.toLowerCase()).toBe(name === 'rmsprop' ? 'rmsprop' : name);
    }
    expect(() => model.compile({ optimizer: 'nadam', loss: 'meanSquaredError' })).toThrow(/'adam', 'adamw', 'sgd', 'rmsprop', 'adagrad', 'adadelta', 'adamax'.*got "nadam"/);
  });

  it('compile takes the names TF.js takes, the lower-case one or the class name, and no other case (as TF.js\'s getOptimizer)', () => {
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2] })] });
    for (const [name, className] of [['Adam', 'Adam'], ['SGD', 'SGD'], ['RMSProp', 'RMSProp'], ['Adagrad', 'Adagrad'], ['Adadelta', 'Adadelta'], ['Adamax', 'Adamax']]) {
      model.compile({ optimizer: name, loss: 'meanSquaredError' });
      expect(model.optimizer?.className).toBe(className);
      const peer = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
      expect(() => peer.compile({ optimizer: name, loss: 'meanSquaredError' })).not.toThrow();
    }
    for (const name of ['ADAM', 'Rmsprop', 'rmsProp', 'Sgd']) {
      expect(() => model.compile({ optimizer: name, loss: 'meanSquaredError' })).toThrow(new RegExp(`optimizer must be .*'RMSProp'.*got "${name}"`));
      const peer = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
      expect(() => peer.compile({ optimizer: name, loss: 'meanSquaredError' })).toThrow(/Unknown Optimizer/);
    }
  });

  it('a disposed optimizer refuses to step or to give or take weights, naming why (TF.js\'s fails reading its freed state)', async () => {
    const v = tn.variable(tn.tensor([1, 2]));
    for (const opt of [tn.train.adam(0.1), tn.train.sgd(0.1), tn.train.rmsprop(0.1), tn.train.momentum(0.1, 0.9)]) {
      opt.minimize(() => tn.sum(tn.square(v)));
      opt.dispose();
      const before = Array.from(v.dataSync());
      const steps = opt.iterations;
      expect(() => opt.minimize(() => tn.sum(tn.square(v)))).toThrow(/minimize: the optimizer must be a live optimizer \(make a new one\), got one whose dispose\(\) has freed its state/);
      expect(() => opt.applyGradients({ [v.name]: tn.ones([2]) })).toThrow(/applyGradients: the optimizer must be a live optimizer/);
      await expect(opt.getWeights()).rejects.toThrow(/getWeights: the optimizer must be a live optimizer/);
      await expect(opt.setWeights([{ name: 'iter', tensor: tn.scalar(3, 'int32') }])).rejects.toThrow(/setWeights: the optimizer must be a live optimizer/);
      expect(Array.from(v.dataSync())).toEqual(before);
      expect(opt.iterations).toBe(steps);
    }
    const peer = tf.train.adam(0.1);
    const pv = tf.variable(tf.tensor([1, 2]));
    peer.minimize(() => tf.sum(tf.square(pv)));
    peer.dispose();
    expect(() => peer.minimize(() => tf.sum(tf.square(pv)))).toThrow();
    v.dispose();
    pv.dispose();
  });
});

describe('optimizer serialization as TF.js 4.22\'s: static fromConfig and the SerializationMap', () => {
  type Made = { getClassName(): string; getConfig(): object };
  const configs: [string, object][] = [
    ['SGDOptimizer', { learningRate: 0.3 }],
    ['MomentumOptimizer', { learningRate: 0.2, momentum: 0.8, useNesterov: true }],
    ['RMSPropOptimizer', { learningRate: 0.01, decay: 0.8, momentum: 0.3, epsilon: 1e-5, centered: true }],
    ['AdagradOptimizer', { learningRate: 0.05, initialAccumulatorValue: 0.2 }],
    ['AdadeltaOptimizer', { learningRate: 0.7, rho: 0.9, epsilon: 1e-6 }],
    ['AdamaxOptimizer', { learningRate: 0.004, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, decay: 0.1 }],
    ['AdamOptimizer', { learningRate: 0.003, beta1: 0.85, beta2: 0.98, epsilon: 1e-4 }],
  ];

  it('each optimizer class\'s static fromConfig(cls, config) makes that optimizer, as TF.js\'s', () => {
    for (const [name, config] of configs) {
      const [ours, theirs] = [tn, tf].map((lib) => {
        const cls = (lib as unknown as Record<string, { fromConfig(c: unknown, config: object): Made }>)[name];
        const made = cls.fromConfig(cls, config);
        expect(made).toBeInstanceOf(cls);
        return made;
      });
      expect([ours.getClassName(), ours.getConfig()]).toEqual([theirs.getClassName(), theirs.getConfig()]);
    }
    expect(() => tn.AdamOptimizer.fromConfig(tn.AdamOptimizer, { learningRate: '1' })).toThrow(/learningRate must be/);
  });

  it('the built-in optimizers are in serialization.SerializationMap under their class names, with their fromConfig', () => {
    const names = configs.map(([name]) => name);
    const [ours, theirs] = [tn, tf].map((lib) => {
      const map = lib.serialization.SerializationMap.getMap().classNameMap as Record<string, [unknown, unknown]>;
      const classes = names.map((n) => (lib as unknown as Record<string, { className: string; fromConfig: unknown }>)[n]);
      classes.forEach((cls) => expect(map[cls.className]).toEqual([cls, cls.fromConfig]));
      return classes.map((cls) => cls.className);
    });
    expect(ours).toEqual(theirs);
    // A layer named as an optimizer class does not load as one.
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [1] })] });
    const json = JSON.parse(JSON.stringify(model.toJSON(null, false))) as { config: { layers: { class_name: string }[] } };
    json.config.layers[0].class_name = 'Adam';
    return expect(tn.loadLayersModel(tn.io.fromMemory(json))).rejects.toThrow(/Adam/);
  });

  it('a subclass of the user\'s gets the config itself from the base fromConfig, as TF.js\'s Serializable gives it', () => {
    const [ours, theirs] = [tn, tf].map((lib) => {
      class Halving extends (lib.Optimizer as unknown as typeof tn.Optimizer) {
        static readonly className = 'Halving';
        constructor(readonly settings: { rate: number }) {
          super();
        }
        getConfig() {
          return { rate: this.settings.rate };
        }
      }
      const base = lib.Optimizer as unknown as { fromConfig(cls: unknown, config: object): Halving };
      return base.fromConfig(Halving, { rate: 0.5 }).getConfig();
    });
    expect(ours).toEqual(theirs);
  });
});

describe('an optimizer subclass written as for TF.js (super() with no arguments, its own applyGradients)', () => {
  it('trains in fit and minimize as the same class does on TF.js, getting {variable name: gradient} and finding variables in engine().registeredVariables', async () => {
    type Lib = typeof tn;
    const make = (lib: Lib, lr: number): tn.Optimizer => {
      class HalvingSGD extends lib.Optimizer {
        constructor(private readonly lr: number) {
          super();
        }
        // As TF.js's own optimizers read them: [{name, tensor}] from fit, {name: gradient} from minimize.
        override applyGradients(grads: Record<string, tn.Tensor> | { name: string; tensor: tn.Tensor }[]): void {
          for (const [name, g] of Array.isArray(grads) ? grads.map((e) => [e.name, e.tensor] as const) : Object.entries(grads)) {
            const v = lib.engine().registeredVariables[name];
            lib.tidy(() => v.assign(lib.sub(v, lib.mul(this.lr / (1 + this.iterations), g))));
          }
          this.incrementIterations();
        }
        override getConfig() {
          return { lr: this.lr };
        }
      }
      return new HalvingSGD(lr);
    };
    const [x, y] = [[[1, 2], [3, -1], [0.5, 0.5]], [[1], [0], [2]]];
    const ours = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
    const peer = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
    ours.compile({ optimizer: make(tn, 0.1), loss: 'meanSquaredError' });
    peer.compile({ optimizer: make(tf as unknown as Lib, 0.1) as unknown as tf.Optimizer, loss: 'meanSquaredError' });
    const options = { epochs: 3, batchSize: 3, shuffle: false, verbose: 0 as const };
    const [h, hp] = [await ours.fit(tn.tensor(x), tn.tensor(y), options), await peer.fit(tf.tensor(x), tf.tensor(y), options)];
    h.history.loss.forEach((v, i) => expect(Math.abs(v - (hp.history.loss[i] as number))).toBeLessThan(1e-6));
    expect(h.history.loss[2]).toBeLessThan(h.history.loss[0]);
    const v = tn.variable(tn.tensor([3, -1]));
    const vp = tf.variable(tf.tensor([3, -1]));
    const [opt, optPeer] = [make(tn, 0.25), make(tf as unknown as Lib, 0.25) as unknown as tf.Optimizer];
    for (let i = 0; i < 3; i++) {
      opt.minimize(() => tn.sum(tn.square(v)));
      optPeer.minimize(() => tf.sum(tf.square(vp)));
    }
    expect(Array.from(v.dataSync())).toEqual(Array.from(vp.dataSync()));
    class Empty extends tn.Optimizer {
      override getConfig() {
        return {};
      }
    }
    expect(() => new Empty().minimize(() => tn.sum(tn.square(v)))).toThrow(/Empty.applyGradients: Empty defines neither update\(variable, gradient\) nor its own applyGradients/);
  });

  it('minimize runs its applyGradients in no scope, as TF.js\'s: a momentum it makes (no keep) is there the next step; the tensor counts match', () => {
    type Lib = typeof tn;
    const run = (lib: Lib): [number[][], number] => {
      class Momentum extends lib.Optimizer {
        m: Record<string, tn.Tensor> = {};
        override applyGradients(grads: Record<string, tn.Tensor> | { name: string; tensor: tn.Tensor }[]): void {
          for (const [name, g] of Object.entries(grads as Record<string, tn.Tensor>)) {
            const prev = this.m[name];
            this.m[name] = prev ? lib.add(lib.mul(prev, 0.9), g) : lib.clone(g);
            const v = lib.engine().registeredVariables[name];
            v.assign(lib.sub(v, lib.mul(this.m[name], 0.1)));
          }
        }
        override getConfig() {
          return {};
        }
      }
      const w = lib.variable(lib.tensor1d([1, 2]));
      const opt = new Momentum();
      const before = lib.memory().numTensors;
      const steps: number[][] = [];
      for (let i = 0; i < 3; i++) {
        opt.minimize(() => lib.sum(lib.square(w)));
        steps.push(Array.from(w.dataSync()));
      }
      return [steps, lib.memory().numTensors - before];
    };
    const [ours, theirs] = [run(tn), run(tf as unknown as Lib)];
    expect(ours[0].flat().map((v) => +v.toFixed(6))).toEqual(theirs[0].flat().map((v) => +v.toFixed(6)));
    expect(ours[0][2][0]).toBeCloseTo(0.062, 5);
    expect(ours[1]).toBe(theirs[1]);
  });

  it('saveIterations gives the step count as an int32 scalar named iter, as TF.js', async () => {
    const ours = tn.train.sgd(0.1);
    const theirs = tf.train.sgd(0.1);
    const [v, tv] = [tn.variable(tn.scalar(1)), tf.variable(tf.scalar(1))];
    for (let i = 0; i < 3; i++) {
      ours.minimize(() => tn.square(v));
      theirs.minimize(() => tf.square(tv));
    }
    const [a, b] = [await ours.saveIterations(), await theirs.saveIterations()];
    expect([a.name, a.tensor.dtype, a.tensor.shape, a.tensor.dataSync()[0]]).toEqual([b.name, b.tensor.dtype, b.tensor.shape, b.tensor.dataSync()[0]]);
    expect(a.tensor.dataSync()[0]).toBe(3);
  });
});

describe('model.optimizer can be set, as TF.js\'s setter', () => {
  it('undefined before compile; set before compile it trains a program\'s own loop; set after compile fit uses it', async () => {
    type Lib = typeof tn;
    const run = async (lib: Lib): Promise<unknown[]> => {
      // Functional, as the program that does this (TF.js 4.22's Sequential forwards the setter to an inner model it
      // has not made before compile, and throws).
      const input = lib.input({ shape: [2] });
      const m = lib.model({ inputs: input, outputs: lib.layers.dense({ units: 1, kernelInitializer: 'ones' }).apply(input) as tn.SymbolicTensor });
      const before = m.optimizer;
      m.optimizer = lib.train.sgd(0.1);
      const [x, y] = [lib.tensor([[1, 2], [3, -1]]), lib.tensor([[1], [0]])];
      const { value, grads } = m.optimizer.computeGradients(() => lib.losses.meanSquaredError(y, m.predict(x) as tn.Tensor) as tn.Scalar);
      m.optimizer.applyGradients(grads);
      m.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
      const compiled = m.optimizer.getClassName();
      m.optimizer = lib.train.sgd(0.05);
      const h = await m.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
      return [before, value.dataSync()[0], compiled, m.optimizer.getClassName(), h.history.loss.map((v) => +(v as number).toFixed(5)), Array.from(m.getWeights()[0].dataSync()).map((v) => +v.toFixed(5))];
    };
    const [ours, theirs] = [await run(tn), await run(tf as unknown as Lib)];
    expect(ours).toEqual(theirs);
    expect(ours[0]).toBeUndefined();
    expect(ours[3]).toBe('SGD');
    expect(() => { (tn.sequential() as { optimizer: unknown }).optimizer = 'sgd'; }).toThrow('optimizer must be an Optimizer (tn.train.adam(), ...), got string "sgd"');
  });
});

describe('optimizer state is registered as TF.js registers it', () => {
  type Lib = typeof tn;
  const libs: [string, Lib][] = [['tessera', tn], ['TF.js', tf as unknown as Lib]];

  it('slots and Adam\'s beta powers are variables under a counter\'s digits, known by `${variable}/${kind}`', async () => {
    const seen = await Promise.all(libs.map(async ([, l]) => {
      l.disposeVariables();
      const first = l.variable(l.tensor1d([0])).name;
      const opt = l.train.adam(0.01);
      const x = l.variable(l.tensor1d([1, 2]));
      opt.minimize(() => x.square().sum() as tn.Scalar);
      const later = l.variable(l.tensor1d([0]));
      const offset = Number(first);
      const rel = (name: string) => String(Number(name) - offset);
      const out = {
        names: [x.name, later.name].map(rel),
        registered: Object.keys(l.engine().registeredVariables).map(rel),
        weights: (await opt.getWeights()).map((w) => w.name.replace(/^\d+/, (d) => rel(d))),
      };
      opt.dispose();
      l.disposeVariables();
      return out;
    }));
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[0].weights).toEqual(['iter', '3/m', '3/v']);
  });

  it('a weight frozen after compile, or given a null gradient, gets its slots but no step, in TF.js\'s order', async () => {
    const seen = await Promise.all(libs.map(async ([, l]) => {
      const out: unknown[] = [];
      for (const make of [() => l.train.adam(0.01), () => l.train.rmsprop(0.01, 0.9, 0.1, 1e-7, true), () => l.train.adagrad(0.1), () => l.train.momentum(0.1, 0.5)]) {
        const m = l.sequential({ layers: [l.layers.dense({ units: 2, inputShape: [1], name: 'fh', kernelInitializer: 'ones' }), l.layers.dense({ units: 2, name: 'fo', kernelInitializer: 'ones' })] });
        const opt = make();
        m.compile({ optimizer: opt, loss: 'meanSquaredError' });
        m.getLayer('fo').trainable = false;
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        const before = l.memory().numTensors;
        await m.fit(l.ones([3, 1]), l.ones([3, 2]), { epochs: 2, verbose: 0 });
        warn.mockRestore();
        out.push(l.memory().numTensors - before, (await opt.getWeights()).map((w) => w.name.replace(/_\d+\//, '/')), m.getWeights()[2].arraySync());
        opt.dispose();
        m.dispose();
      }
      const [a, b] = [l.variable(l.tensor1d([1]), true, 'nullA'), l.variable(l.tensor1d([2]), true, 'nullB')];
      const opt = l.train.adam(0.1);
      opt.applyGradients({ nullA: l.tensor1d([1]), nullB: null as unknown as tn.Tensor });
      out.push((await opt.getWeights()).map((w) => w.name), b.arraySync());
      opt.dispose();
      a.dispose();
      b.dispose();
      return out;
    }));
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[0][1]).toEqual(['iter', 'fh/kernel/m', 'fh/bias/m', 'fo/kernel/m', 'fo/bias/m', 'fh/kernel/v', 'fh/bias/v', 'fo/kernel/v', 'fo/bias/v']);
  });

  it('minimize with a varList makes the slots of each variable in its place, frozen or unused ones too, as TF.js', async () => {
    const seen = await Promise.all(libs.map(async ([name, l]) => {
      const out: unknown[] = [];
      for (const make of [() => l.train.sgd(0.1), () => l.train.rmsprop(0.1, 0.9, 0.5, 1e-7, true), () => l.train.momentum(0.1, 0.5)]) {
        const frozen = l.variable(l.tensor1d([3, 4]), false, `mf_s_${name}`);
        const a = l.variable(l.tensor1d([1, 2]), true, `mf_a_${name}`);
        const unused = l.variable(l.tensor1d([5]), true, `mf_u_${name}`);
        const opt = make();
        const before = l.memory().numTensors;
        for (let i = 0; i < 2; i++) opt.minimize(() => l.sum(l.mul(l.square(a), frozen)), false, [frozen, a, unused]);
        out.push(l.memory().numTensors - before, (await opt.getWeights()).map((w) => w.name.replace(`_${name}`, '')), ...[a, frozen, unused].map((v) => v.arraySync().map((x) => +x.toFixed(5))));
        opt.dispose();
        for (const v of [a, frozen, unused]) v.dispose();
      }
      return out;
    }));
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[0][6]).toEqual(['iter', 'mf_s/rms', 'mf_a/rms', 'mf_u/rms', 'mf_s/momentum', 'mf_a/momentum', 'mf_u/momentum', 'mf_s/mg', 'mf_a/mg', 'mf_u/mg']);
  });

  it('a replaced or abandoned slot stays registered, so disposeVariables frees it; a variable made again keeps its slots', async () => {
    for (const [name, l] of libs) {
      const w = l.variable(l.tensor1d([1, 2]), true, `w_${name}`);
      const before = l.memory().numTensors;
      const opt = l.train.adam(0.1);
      opt.minimize(() => l.sum(l.square(w)) as tn.Scalar);
      const given = await opt.getWeights();
      const copies = given.map((g) => ({ name: g.name, tensor: g.tensor.clone() }));
      await opt.setWeights(copies);
      for (const c of copies) c.tensor.dispose();
      given[0].tensor.dispose();
      for (let i = 0; i < 2; i++) l.train.rmsprop(0.1).minimize(() => l.sum(l.square(w)) as tn.Scalar);
      opt.dispose();
      l.disposeVariables();
      // Everything but w's own tensor is gone, and w too.
      expect(l.memory().numTensors - before, name).toBe(-1);
      // A user variable may take a slot's name: slots are registered under other names.
      expect(() => l.variable(l.tensor1d([5]), true, `w_${name}/accumulator`).dispose()).not.toThrow();
    }
    // Made again before a step, and before a setWeights: its slots keep their place in getWeights' list.
    const steps = await Promise.all(libs.map(async ([, l]) => {
      let v = l.variable(l.tensor1d([1, -2]), true, 'remade');
      const b = l.variable(l.tensor1d([0.5]), true, 'other');
      const opt = l.train.adam(0.1);
      const step = () => opt.minimize(() => l.sum(l.square(l.add(v, b))) as tn.Scalar, false, [v, b]);
      step();
      step();
      const saved = (await opt.getWeights()).map((w) => ({ name: w.name, tensor: w.tensor.clone() }));
      v.dispose();
      v = l.variable(l.tensor1d([1, -2]), true, 'remade');
      step();
      await opt.setWeights(saved);
      v.dispose();
      v = l.variable(l.tensor1d([1, -2]), true, 'remade');
      step();
      const out = { v: Array.from(v.dataSync()), slots: (await opt.getWeights()).map((w) => [w.name, Array.from(w.tensor.dataSync())]) };
      for (const t of [v, b, ...saved.map((w) => w.tensor)]) t.dispose();
      opt.dispose();
      return out;
    }));
    expect(steps[0].slots.map(([name]) => name)).toEqual(['iter', 'remade/m', 'other/m', 'remade/v', 'other/v']);
    expect(steps[0].slots.map(([name]) => name)).toEqual(steps[1].slots.map(([name]) => name));
    steps[0].v.forEach((x, i) => expect(x).toBeCloseTo(steps[1].v[i], 5));
  });
});
