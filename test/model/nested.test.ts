import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/node';
import { captureArtifacts, maxAbsDiff } from '../io/helpers';

type Lib = typeof tn | typeof tf;
type AnyModel = tn.LayersModel | tf.LayersModel;

/**
 * The same nested architecture in either library: a Sequential block (used twice: as the first layer of
 * a Sequential model and inside a functional one) and a functional block, joined by an add.
 */
function build(lib: Lib): { seq: AnyModel; fn: AnyModel; block: AnyModel } {
  const L = lib.layers as typeof tf.layers;
  const l = lib as typeof tf;
  const block = l.sequential({ name: 'block', layers: [L.dense({ units: 5, activation: 'tanh', inputShape: [4], name: 'b1' }), L.dense({ units: 3, name: 'b2' })] });
  const seq = l.sequential({ name: 'outer_seq', layers: [block, L.dense({ units: 2, activation: 'softmax', name: 'head' })] });
  const xi = l.input({ shape: [4], name: 'fx' });
  const branch = l.model({ inputs: xi, outputs: L.dense({ units: 3, activation: 'relu', name: 'f1' }).apply(xi) as tf.SymbolicTensor, name: 'branch' });
  const x = l.input({ shape: [4], name: 'x' });
  const sum = L.add({ name: 'join' }).apply([block.apply(x) as tf.SymbolicTensor, branch.apply(x) as tf.SymbolicTensor]) as tf.SymbolicTensor;
  const fn = l.model({ inputs: x, outputs: L.dense({ units: 2, name: 'out' }).apply(sum) as tf.SymbolicTensor, name: 'outer_fn' });
  return { seq, fn, block };
}

const values = (m: AnyModel): number[][] => (m.getWeights() as { dataSync(): ArrayLike<number> }[]).map((w) => Array.from(w.dataSync()));

/** tessera's model with TF.js's weights copied over, by weight name (both count a repeated name alike: 'd/kernel_1'). */
function same(): { ours: ReturnType<typeof build>; theirs: ReturnType<typeof build> } {
  const ours = build(tn);
  const theirs = build(tf);
  for (const key of ['seq', 'fn'] as const) {
    const o = ours[key] as tn.LayersModel;
    o.setWeights(o.weights.map((w, i) => tn.randomUniform(w.shape.slice(), -1, 1, 'float32', 10 * i + (key === 'fn' ? 7 : 3))));
  }
  const byName = new Map<string, number[]>();
  for (const key of ['seq', 'fn'] as const) (ours[key] as tn.LayersModel).weights.forEach((w) => byName.set(w.name, Array.from(w.dataSync())));
  for (const key of ['seq', 'fn'] as const) {
    const t = theirs[key] as tf.LayersModel;
    t.setWeights(t.weights.map((w) => tf.tensor(byName.get(w.name) as number[], w.shape as number[])));
  }
  return { ours, theirs };
}

const X = Array.from(tn.randomUniform([6, 4], -1, 1, 'float32', 1).dataSync());
const Y = Array.from({ length: 12 }, (_, i) => ((i * 7) % 5) / 5);

async function tfArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return artifacts as tf.io.ModelArtifacts;
}

describe('models as layers of other models, against TF.js 4.22', () => {
  it('share the inner model\'s weights, list it as one layer, and order the weights as TF.js', () => {
    const { ours, theirs } = same();
    const seq = ours.seq as tn.Sequential;
    const fn = ours.fn as tn.LayersModel;
    expect(seq.layers.map((l) => l.name)).toEqual((theirs.seq as tf.LayersModel).layers.map((l) => l.name));
    expect(fn.layers.map((l) => l.getClassName())).toEqual((theirs.fn as tf.LayersModel).layers.map((l) => l.getClassName()));
    const block = ours.block as tn.Sequential;
    expect(fn.getLayer('block')).toBe(block);
    expect(seq.weights.slice(0, 4)).toEqual(block.weights);
    expect(fn.weights.map((w) => w.name)).toEqual((theirs.fn as tf.LayersModel).weights.map((w) => w.name));
    expect(fn.countParams()).toBe((theirs.fn as tf.LayersModel).countParams());
  });

  it('predict the same, and one epoch of SGD moves every weight as TF.js moves it', async () => {
    const { ours, theirs } = same();
    for (const key of ['seq', 'fn'] as const) {
      const o = ours[key] as tn.LayersModel;
      const t = theirs[key] as tf.LayersModel;
      const p1 = (o.predict(tn.tensor(X, [6, 4])) as tn.Tensor).dataSync();
      expect(maxAbsDiff(p1, (t.predict(tf.tensor(X, [6, 4])) as tf.Tensor).dataSync())).toBeLessThan(1e-5);
      o.compile({ optimizer: tn.train.sgd(0.2), loss: 'meanSquaredError' });
      t.compile({ optimizer: tf.train.sgd(0.2), loss: 'meanSquaredError' });
      const args = { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 as const };
      const h1 = await o.fit(tn.tensor(X, [6, 4]), tn.tensor(Y, [6, 2]), args);
      const h2 = await t.fit(tf.tensor(X, [6, 4]), tf.tensor(Y, [6, 2]), args);
      expect(maxAbsDiff(h1.history.loss as number[], h2.history.loss as unknown as number[])).toBeLessThan(1e-5);
      expect(maxAbsDiff(values(o).flat(), values(t).flat())).toBeLessThan(1e-5);
    }
  });

  it("fit warns, as TF.js's, when a trainable flag changed after compile; and not once compile has run again", async () => {
    const warnings = async (lib: typeof tn | typeof tf, recompile: boolean): Promise<string[]> => {
      const m = (lib as typeof tn).sequential({ layers: [(lib as typeof tn).layers.dense({ units: 2, inputShape: [2] }), (lib as typeof tn).layers.dense({ units: 1 })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      m.layers[0].trainable = false;
      if (recompile) m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        await m.fit((lib as typeof tn).ones([4, 2]), (lib as typeof tn).zeros([4, 1]), { epochs: 1, verbose: 0 });
        return warn.mock.calls.map((c) => String(c[0]));
      } finally {
        warn.mockRestore();
      }
    };
    const hint = 'Discrepancy between trainableweights and collected trainable weights. Did you set `model.trainable` without calling `model.compile()` afterwards?';
    expect(await warnings(tf, false)).toEqual([hint]);
    expect(await warnings(tn, false)).toEqual([hint]);
    expect(await warnings(tf, true)).toEqual([]);
    expect(await warnings(tn, true)).toEqual([]);
  });

  it('a frozen inner model keeps its weights in fit and counts as non-trainable, as in TF.js', async () => {
    const { ours, theirs } = same();
    (ours.block as tn.LayersModel).trainable = false;
    (theirs.block as tf.LayersModel).trainable = false;
    const o = ours.fn as tn.LayersModel;
    const t = theirs.fn as tf.LayersModel;
    expect(o.trainableWeights.map((w) => w.name)).toEqual(t.trainableWeights.map((w) => w.name));
    const before = values(ours.block as tn.LayersModel);
    o.compile({ optimizer: tn.train.sgd(0.2), loss: 'meanSquaredError' });
    t.compile({ optimizer: tf.train.sgd(0.2), loss: 'meanSquaredError' });
    await o.fit(tn.tensor(X, [6, 4]), tn.tensor(Y, [6, 2]), { epochs: 1, batchSize: 6, verbose: 0 });
    await t.fit(tf.tensor(X, [6, 4]), tf.tensor(Y, [6, 2]), { epochs: 1, batchSize: 6, verbose: 0 });
    expect(values(ours.block as tn.LayersModel)).toEqual(before);
    expect(maxAbsDiff(values(o).flat(), values(t).flat())).toBeLessThan(1e-5);
    const lines: string[] = [];
    o.summary(undefined, undefined, (l) => lines.push(l));
    expect(lines).toContain('Trainable params: 23');
    expect(lines).toContain('Non-trainable params: 43');
    expect(lines.some((l) => /^block \(Sequential\) +\S+ +\[null,3\] +43 +x\[0\]\[0\] *$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ +block\[1\]\[0\] *$/.test(l) || /^join \(Add\) .*block\[1\]\[0\] *$/.test(l))).toBe(true);
  });

  it('save in the layers format TF.js loads (the inner model nested as a layer of class Sequential or Model), and load what TF.js saves', async () => {
    const { ours, theirs } = same();
    for (const key of ['seq', 'fn'] as const) {
      const o = ours[key] as tn.LayersModel;
      const t = theirs[key] as tf.LayersModel;
      const expected = (t.predict(tf.tensor(X, [6, 4])) as tf.Tensor).dataSync();
      const saved = await captureArtifacts(o);
      const layers = (saved.modelTopology as { config: { layers: { class_name: string }[] } }).config.layers.map((l) => l.class_name);
      expect(layers).toEqual(key === 'seq' ? ['Sequential', 'Dense'] : ['InputLayer', 'Sequential', 'Model', 'Add', 'Dense']);
      const peer = await tf.loadLayersModel(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
      expect(maxAbsDiff((peer.predict(tf.tensor(X, [6, 4])) as tf.Tensor).dataSync(), expected)).toBeLessThan(1e-5);
      const back = await tn.loadLayersModel(tn.io.fromMemory((await tfArtifacts(t)) as tn.ModelArtifacts));
      expect(back.layers.map((l) => l.getClassName())).toEqual(o.layers.map((l) => l.getClassName()));
      expect(maxAbsDiff((back.predict(tn.tensor(X, [6, 4])) as tn.Tensor).dataSync(), expected)).toBeLessThan(1e-5);
      const again = await tn.loadLayersModel(tn.io.fromMemory(saved));
      expect(maxAbsDiff((again.predict(tn.tensor(X, [6, 4])) as tn.Tensor).dataSync(), expected)).toBeLessThan(1e-5);
      peer.dispose();
    }
  });
});

describe('nesting, by hand', () => {
  it('sequential.add(model) and a Sequential nested in a functional model', () => {
    const inner = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', biasInitializer: 'ones' })] });
    const x = tn.input({ shape: [3] });
    const m = tn.model({ inputs: x, outputs: inner.apply(x) });
    expect((m.predict(tn.tensor([[1, 2, 3]])) as tn.Tensor).arraySync()).toEqual([[7, 7]]);
    const outer = tn.sequential();
    outer.add(m);
    outer.add(tn.layers.dense({ units: 1, kernelInitializer: 'ones' }));
    expect(outer.predict(tn.tensor([[1, 2, 3]])).arraySync()).toEqual([[14]]);
    expect(outer.weights).toEqual([...inner.weights, ...outer.layers[1].weights]);
  });

  it('a model after a layer of a Sequential model round-trips with TF.js both ways', async () => {
    const inner = tn.sequential({ name: 'mid', layers: [tn.layers.dense({ units: 3, activation: 'relu', inputShape: [4], name: 'm1' })] });
    const outer = tn.sequential({ layers: [tn.layers.dense({ units: 4, inputShape: [2], name: 'first' }), inner, tn.layers.dense({ units: 1, name: 'last' })] });
    outer.setWeights(outer.weights.map((w, i) => tn.randomUniform(w.shape.slice(), -1, 1, 'float32', 40 + i)));
    const x = tn.randomUniform([5, 2], -1, 1, 'float32', 4);
    const expected = outer.predict(x).dataSync();
    const peer = await tf.loadLayersModel(tf.io.fromMemory((await captureArtifacts(outer)) as tf.io.ModelArtifacts));
    expect(peer.layers.map((l) => l.name)).toEqual(['first', 'mid', 'last']);
    const tfx = tf.tensor(Array.from(x.dataSync()), [5, 2]);
    expect(maxAbsDiff((peer.predict(tfx) as tf.Tensor).dataSync(), expected)).toBeLessThan(1e-6);
    const back = await tn.loadLayersModel(tn.io.fromMemory((await tfArtifacts(peer)) as tn.ModelArtifacts));
    expect(maxAbsDiff((back.predict(x) as tn.Tensor).dataSync(), expected)).toBeLessThan(1e-6);
    expect(back.getLayer('mid').getClassName()).toBe('Sequential');
  });

  it('a malformed nested model is refused naming its path', async () => {
    const inner = tn.sequential({ name: 'mid', layers: [tn.layers.dense({ units: 3, inputShape: [4], name: 'm1' })] });
    const saved = await captureArtifacts(tn.sequential({ layers: [tn.layers.dense({ units: 4, inputShape: [2], name: 'first' }), inner, tn.layers.dense({ units: 1, name: 'last' })] }));
    const edited = (edit: (layers: { config: Record<string, unknown> & { layers: { config: Record<string, unknown> }[] } }[]) => void) => {
      const topology = JSON.parse(JSON.stringify(saved.modelTopology));
      edit(topology.config.layers);
      return tn.loadLayersModel(tn.io.fromMemory({ ...saved, modelTopology: topology }));
    };
    await expect(edited((l) => (l[1].config.layers[0].config.units_typo = 1))).rejects.toThrow('loadLayersModel: modelTopology.config.layers[1] ("mid").config.layers[0] ("m1").config.units_typo must be absent (tessera does not know this setting), got 1');
    await expect(edited((l) => (l[1].config.layers[0].config.units = 5))).rejects.toThrow(/weightSpecs\[2\] \("m1\/kernel"\) must be the kernel of layer "m1", shape \[4, 5\]/);
    await expect(edited((l) => (l[1].config.layers[0].config.batch_input_shape = [null, 7]))).rejects.toThrow('modelTopology.config.layers[1] ("mid").config.batch_input_shape must be [null, 4], the output of the layer before, got [null, 7]');
    await expect(edited((l) => (l[2].config.units = 'x'))).rejects.toThrow(/layers\[2\] \("last"\)\.config\.units/);
  });

  it('refuses a model applied to input of another shape, naming the model, both shapes and the input', () => {
    const x = tn.input({ shape: [3], name: 'in3' });
    const m = tn.model({ inputs: x, outputs: tn.layers.dense({ units: 2 }).apply(x), name: 'takes3' });
    expect(() => m.apply(tn.input({ shape: [4] }))).toThrow(/takes3: input must be shape \[null, 3\], the input 'in3' of model 'takes3', or a shape its layers take \(dense_Dense\d+: input must be shape \[null, 3\], the shape dense_Dense\d+ was built for, got shape \[null, 4\]\), got shape \[null, 4\]/);
    expect(() => tn.sequential({ layers: [tn.layers.dense({ units: 4, inputShape: [5] }), m] })).toThrow(/takes3.*shape \[null, 3\].*got shape \[null, 4\]/);
    const [a, b] = [tn.input({ shape: [2] }), tn.input({ shape: [2] })];
    const two = tn.model({ inputs: [a, b], outputs: tn.layers.add().apply([a, b]) as tn.SymbolicTensor, name: 'two_in' });
    expect(() => tn.sequential({ layers: [two] })).toThrow(/Sequential.add: layer must be a layer taking one input.*got Model 'two_in'/);
    expect(() => two.apply(tn.input({ shape: [2] }))).toThrow(/two_in.apply: inputs must be a list of at least 2 inputs/);
  });
});
