import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { captureArtifacts as ourArtifacts } from '../io/helpers';

async function artifactsOf(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let out: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (a) => {
    out = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return out as tf.io.ModelArtifacts;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
const values = (shape: number[], seed: number) => Array.from(tn.randomUniform(shape, -1, 1, 'float32', seed).dataSync());

/** Two inputs, a shared Dense, every elementwise merge, concatenate and dot; two outputs. */
function peerGraph(): tf.LayersModel {
  const a = tf.input({ shape: [4], name: 'a' });
  const b = tf.input({ shape: [4], name: 'b' });
  const shared = tf.layers.dense({ units: 3, activation: 'tanh', name: 'shared' });
  const ha = shared.apply(a) as tf.SymbolicTensor;
  const hb = shared.apply(b) as tf.SymbolicTensor;
  const merged = [
    tf.layers.add().apply([ha, hb]), tf.layers.multiply().apply([ha, hb]),
    tf.layers.average().apply([ha, hb]), tf.layers.maximum().apply([ha, hb]), tf.layers.minimum().apply([ha, hb]),
  ] as tf.SymbolicTensor[];
  const cat = tf.layers.concatenate({ name: 'cat' }).apply(merged) as tf.SymbolicTensor;
  const out1 = tf.layers.dense({ units: 2, activation: 'softmax', name: 'probs' }).apply(cat) as tf.SymbolicTensor;
  const out2 = tf.layers.dot({ axes: -1, normalize: true, name: 'cos' }).apply([ha, hb]) as tf.SymbolicTensor;
  return tf.model({ inputs: [a, b], outputs: [out1, out2], name: 'graph' });
}

describe('functional models', () => {
  it('a TF.js graph (shared layer, merges, two inputs and outputs) loads here and predicts the same; ours loads back in TF.js', async () => {
    const peer = peerGraph();
    const model = await tn.loadLayersModel(tn.io.fromMemory((await artifactsOf(peer)) as tn.ModelArtifacts));
    expect(model.layers.map((l) => l.name)).toEqual(peer.layers.map((l) => l.name));
    expect(model.inputNames).toEqual(['a', 'b']);
    expect(model.outputNames).toEqual(['probs', 'cos']);
    const xa = values([5, 4], 1), xb = values([5, 4], 2);
    const theirs = peer.predict([tf.tensor(xa, [5, 4]), tf.tensor(xb, [5, 4])]) as tf.Tensor[];
    const ours = model.predict([tn.tensor(xa, [5, 4]), tn.tensor(xb, [5, 4])]) as tn.Tensor[];
    expect(ours.map((t) => t.shape)).toEqual([[5, 2], [5, 1]]);
    ours.forEach((t, i) => expect(maxDiff(t.dataSync(), theirs[i].dataSync())).toBeLessThan(1e-5));
    const back = await tf.loadLayersModel(tf.io.fromMemory((await ourArtifacts(model)) as tf.io.ModelArtifacts));
    const again = back.predict([tf.tensor(xa, [5, 4]), tf.tensor(xb, [5, 4])]) as tf.Tensor[];
    again.forEach((t, i) => expect(maxDiff(t.dataSync(), theirs[i].dataSync())).toBeLessThan(1e-5));
    // A name map works as well as an array.
    const byName = model.predict({ b: tn.tensor(xb, [5, 4]), a: tn.tensor(xa, [5, 4]) }) as tn.Tensor[];
    expect(maxDiff(byName[0].dataSync(), ours[0].dataSync())).toBe(0);
  });

  it('fit with a loss per output: same losses as TF.js step for step (SGD); lossWeights scale each output\'s loss (Keras; TF.js 4.22 ignores them)', async () => {
    const peer = peerGraph();
    const model = await tn.loadLayersModel(tn.io.fromMemory((await artifactsOf(peer)) as tn.ModelArtifacts));
    const xa = values([8, 4], 3), xb = values([8, 4], 4);
    const y1 = Array.from({ length: 8 }, (_, i) => i % 2), y2 = values([8, 1], 5);
    peer.compile({ optimizer: tf.train.sgd(0.1), loss: ['sparseCategoricalCrossentropy', 'meanSquaredError'] });
    model.compile({ optimizer: tn.train.sgd(0.1), loss: { probs: 'sparseCategoricalCrossentropy', cos: 'meanSquaredError' } });
    const args = { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 as const };
    const h1 = await peer.fit([tf.tensor(xa, [8, 4]), tf.tensor(xb, [8, 4])], [tf.tensor(y1), tf.tensor(y2, [8, 1])], args);
    const h2 = await model.fit([tn.tensor(xa, [8, 4]), tn.tensor(xb, [8, 4])], { probs: tn.tensor(y1), cos: tn.tensor(y2, [8, 1]) }, args);
    expect(Object.keys(h2.history).sort()).toEqual(Object.keys(h1.history).sort());
    for (const k of Object.keys(h1.history)) h1.history[k].forEach((v, i) => expect(h2.history[k][i]).toBeCloseTo(v as number, 4));
    model.compile({ optimizer: tn.train.sgd(0), loss: ['sparseCategoricalCrossentropy', 'meanSquaredError'], lossWeights: [2, 0.5] });
    const [total, l1, l2] = (model.evaluate([tn.tensor(xa, [8, 4]), tn.tensor(xb, [8, 4])], [tn.tensor(y1), tn.tensor(y2, [8, 1])]) as tn.Tensor[]).map((t) => t.dataSync()[0]);
    expect(total).toBeCloseTo(2 * l1 + 0.5 * l2, 5);
  });

  it('an input of a bare number shape is 1-D, as in TF.js (the translation example\'s decoder state inputs)', () => {
    const shapes = [tn.input({ shape: 16 as never }).shape, tn.layers.input({ shape: 4 as never }).shape, tn.layers.inputLayer({ inputShape: 3 as never }).output.shape];
    expect(shapes).toEqual([tf.input({ shape: 16 as never }).shape, tf.layers.input({ shape: 4 as never }).shape, [null, 3]]);
    expect(shapes).toEqual([[null, 16], [null, 4], [null, 3]]);
    expect(() => tn.input({ shape: 0 as never })).toThrow(/inputShape must be an array of positive sizes or null/);
  });

  it('bad graphs and data are named before anything changes', () => {
    const a = tn.input({ shape: [4] });
    const stray = tn.input({ shape: [4], name: 'stray' });
    const d = tn.layers.dense({ units: 2 });
    expect(() => tn.model({ inputs: a, outputs: d.apply(stray) as tn.SymbolicTensor })).toThrow(/model: graph disconnected: .*depends on input 'stray'/);
    expect(() => tn.layers.add().apply([a, tn.input({ shape: [3] })])).toThrow(/add.*inputs must be shapes that broadcast together .*got shapes \[null, 4\] and \[null, 3\]/);
    expect(() => tn.layers.concatenate().apply([a, tn.input({ shape: [2, 2] })])).toThrow(/concatenate.*must be shapes equal except along axis -1/);
    expect(() => d.apply(tn.input({ shape: [6] }))).toThrow(/must be shape \[null, 4\], the shape dense.* was built for, got shape \[null, 6\]/);
    // tessera also has Subtract (TF.js 4.22 does not export it).
    const diff = tn.layers.subtract().apply([a, a]) as tn.SymbolicTensor;
    expect(diff.shape).toEqual([null, 4]);
    expect(() => tn.layers.subtract().apply([a, a, a])).toThrow(/exactly 2 inputs/);
    const twin = tn.layers.dense({ units: 2, name: 'twin' });
    const twin2 = tn.layers.dense({ units: 2, name: 'twin' });
    expect(() => tn.model({ inputs: a, outputs: [twin.apply(a) as tn.SymbolicTensor, twin2.apply(a) as tn.SymbolicTensor] })).toThrow(/two layers named 'twin'/);
    const m = tn.model({ inputs: a, outputs: tn.layers.dense({ units: 1 }).apply(a) as tn.SymbolicTensor });
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    expect(() => m.evaluate([tn.zeros([2, 4]), tn.zeros([2, 4])], tn.zeros([2, 1]))).toThrow(/evaluate: x must be 1 tensor, one per model input/);
    expect(() => m.evaluate(tn.zeros([2, 3]), tn.zeros([2, 1]))).toThrow(/evaluate: x must be shape \[batch, 4\] to match the model's input, got shape \[2, 3\]/);
    expect(() => tn.layers.dense({ units: 1 }).apply([a, a])).toThrow(/inputs must be one input/);
  });

  it('fit refuses data that does not fit the inputs and outputs, naming them and the shapes, and changes nothing', async () => {
    const a = tn.input({ shape: [4], name: 'left' });
    const b = tn.input({ shape: [2], name: 'right' });
    const h = tn.layers.concatenate().apply([a, b]) as tn.SymbolicTensor;
    const m = tn.model({ inputs: [a, b], outputs: [tn.layers.dense({ units: 3, activation: 'softmax', name: 'cls' }).apply(h) as tn.SymbolicTensor, tn.layers.dense({ units: 1, name: 'reg' }).apply(h) as tn.SymbolicTensor] });
    expect(() => m.compile({ optimizer: 'adam', loss: 'meanSquaredError', metrics: { clss: 'mae' } })).toThrow("compile: metrics must be keys naming the model's outputs ('cls', 'reg'), got the key 'clss'");
    m.compile({ optimizer: 'adam', loss: ['categoricalCrossentropy', 'meanSquaredError'] });
    const before = m.getWeights().map((w) => Array.from(w.dataSync()));
    const slots = async () => (await (m.optimizer as tn.Optimizer).getWeights()).map((w) => [w.name, Array.from(w.tensor.dataSync())]);
    const slotsBefore = await slots();
    const x = [tn.zeros([5, 4]), tn.zeros([5, 2])];
    const y = [tn.zeros([5, 3]), tn.zeros([5, 1])];
    await expect(m.fit([x[0]], y)).rejects.toThrow("fit: x must be 2 tensors, one per model input ('left', 'right'), got 1 tensors");
    await expect(m.fit([x[0], tn.zeros([5, 3])], y)).rejects.toThrow("fit: x[1] ('right') must be shape [batch, 2] to match the model's input 'right', got shape [5, 3]");
    await expect(m.fit([x[0], tn.zeros([4, 2])], y)).rejects.toThrow("fit: x[1] ('right') must be 5 samples, as the first one holds, got 4 samples (shape [4, 2])");
    await expect(m.fit(x, [tn.zeros([5, 2]), y[1]])).rejects.toThrow("fit: y[0] ('cls') must be shape [5, 3] to match the model's output, got shape [5, 2]");
    await expect(m.fit(x, { cls: y[0], nope: y[1] })).rejects.toThrow("fit: y must be keys naming the model's outputs ('cls', 'reg'), got the key 'nope'");
    await expect(m.fit(x, [y[0]])).rejects.toThrow("fit: y must be 2 tensors, one per model output ('cls', 'reg'), got 1 tensors");
    expect(m.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    expect(await slots()).toEqual(slotsBefore);
  });

  it('summary lists each layer with what it is connected to; getLayer, weights, countParams', () => {
    const x = tn.input({ shape: [3], name: 'x' });
    const h = tn.layers.dense({ units: 4, name: 'h' }).apply(x) as tn.SymbolicTensor;
    const s = tn.layers.add({ name: 'sum' }).apply([h, tn.layers.dense({ units: 4, name: 'g' }).apply(x) as tn.SymbolicTensor]) as tn.SymbolicTensor;
    const m = tn.model({ inputs: x, outputs: s, name: 'm' });
    const lines: string[] = [];
    m.summary(undefined, undefined, (l) => lines.push(l));
    const text = lines.join('\n');
    expect(text).toMatch(/sum \(Add\)\s+\[\[null,4\],\[null,4\]\]\s+\[null,4\]\s+0\s+h\[0\]\[0\]\s*\n\s+g\[0\]\[0\]/);
    expect(text).toMatch(/Total params: 32/);
    expect(m.getLayer('g').name).toBe('g');
    expect(m.weights.map((w) => w.name)).toEqual(['h/kernel', 'h/bias', 'g/kernel', 'g/bias']);
    expect(m.countParams()).toBe(32);
    expect(() => m.getLayer('nope')).toThrow(/getLayer: name must be the name of a layer of the model \(x, h, g, sum\), got "nope"/);
    // A for...in loop over model.layers gives string indices, which TF.js's getLayer(null, i) reads as indices.
    const byLoop: string[] = [];
    for (const i in m.layers) byLoop.push(m.getLayer(null, i as unknown as number).name);
    expect(byLoop).toEqual(['x', 'h', 'g', 'sum']);
    expect(() => m.getLayer(null, '1.5' as unknown as number)).toThrow('getLayer: index must be an integer in [0, 4), got "1.5"');
  });

  it('summary numbers a layer\'s node among all its nodes as TF.js does: one applied before, outside the model (a seq2seq decoder reused for inference), and a model a Sequential stacks', () => {
    const texts = ([tf, tn] as unknown as (typeof tn)[]).map((l) => {
      const L = l.layers;
      const [a, b, c] = [l.input({ shape: [3], name: 'a' }), l.input({ shape: [3], name: 'b' }), l.input({ shape: [2], name: 'c' })];
      const [d1, d2] = [L.dense({ units: 2, name: 'd1' }), L.dense({ units: 1, name: 'd2' })];
      d2.apply(d1.apply(a));
      const reused = l.model({ inputs: [b, c], outputs: d2.apply(L.add({ name: 'add' }).apply([d1.apply(b) as tn.SymbolicTensor, c])) as tn.SymbolicTensor });
      const block = l.sequential({ name: 'block', layers: [L.dense({ units: 5, inputShape: [4], name: 'b1' })] });
      const stack = l.sequential({ name: 'stack', layers: [block, L.dense({ units: 2, name: 'head' })] });
      const x = l.input({ shape: [4], name: 'x' });
      const joined = l.model({ inputs: x, outputs: L.dense({ units: 2, name: 'out' }).apply(L.add({ name: 'join' }).apply([block.apply(x) as tn.SymbolicTensor, L.dense({ units: 5, name: 'd5' }).apply(x) as tn.SymbolicTensor])) as tn.SymbolicTensor });
      const lines: string[] = [];
      for (const m of [reused, stack, joined]) m.summary(120, undefined, (line) => lines.push(line));
      return lines.join('\n');
    });
    expect(texts[1]).toBe(texts[0]);
    expect(texts[1]).toMatch(/add \(Add\) .* d1\[1\]\[0\]/);
    expect(texts[1]).toMatch(/block \(Sequential\) +\[\[null,4\]\],\[\[null,4\]\] .* x\[0\]\[0\]/);
    expect(texts[1]).toMatch(/join \(Add\) .* block\[1\]\[0\]/);
  });
});

describe('functional inference fuses conv + relu + 2×2 max-pool where the pool is the conv\'s only consumer', () => {
  it('predict equals the layers applied one at a time, and a conv read by two layers is left unfused', () => {
    const x = tn.input({ shape: [9, 7, 2] });
    const conv = tn.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer: tn.initializers.glorotUniform({ seed: 5 }) });
    const pool = tn.layers.maxPooling2d({ poolSize: 2 });
    const c = conv.apply(x) as tn.SymbolicTensor;
    const p = pool.apply(c) as tn.SymbolicTensor;
    const out = tn.layers.flatten().apply(p) as tn.SymbolicTensor;
    const fused = tn.model({ inputs: x, outputs: out });
    const twoReaders = tn.model({ inputs: x, outputs: [out, tn.layers.globalAveragePooling2d().apply(c) as tn.SymbolicTensor] });
    const data = tn.randomUniform([3, 9, 7, 2], -1, 1, 'float32', 8);
    const manual = tn.tidy(() => pool.apply(conv.apply(data)).reshape([3, -1]).dataSync());
    expect(maxDiff((fused.predict(data) as tn.Tensor).dataSync(), manual)).toBeLessThan(1e-6);
    expect(maxDiff(((twoReaders.predict(data) as tn.Tensor[])[0]).dataSync(), manual)).toBeLessThan(1e-6);
  });
});

describe('a merge layer in a built model broadcasts a batch of 1, as TF.js\'s call does', () => {
  it('a user layer giving [1, n] position rows added to [batch, n] (a GPT\'s position embedding); unbuilt, different batch sizes are refused as in TF.js', () => {
    const outs = ([tf, tn] as unknown as (typeof tn)[]).map((lib) => {
      class Positions extends lib.layers.Layer {
        override call(): tn.Tensor { return lib.tensor([[1, 2, 3]]); }
        override computeOutputShape(): tn.Shape { return [1, 3]; }
        static get className() { return 'Positions'; }
      }
      const x = lib.input({ shape: [3] });
      const m = lib.model({ inputs: x, outputs: lib.layers.add().apply([x, new Positions({}).apply(x) as tn.SymbolicTensor]) as tn.SymbolicTensor });
      const y = m.predict(lib.tensor([[0, 0, 0], [10, 10, 10]])) as tn.Tensor;
      let refused = '';
      try {
        lib.layers.add().apply([lib.ones([2, 3]), lib.ones([1, 3])]);
      } catch (e) {
        refused = (e as Error).message;
      }
      return [y.arraySync(), /batch size/.test(refused)];
    });
    expect(outs[1]).toEqual(outs[0]);
    expect(outs[1]).toEqual([[[1, 2, 3], [11, 12, 13]], true]);
  });
});

