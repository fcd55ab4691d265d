import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { expectSame, seeded, shareWeights, tfArtifacts, tnArtifacts, twin, type Lib } from './peer';

const sym = (y: tn.SymbolicTensor | tn.SymbolicTensor[]) => y as tn.SymbolicTensor;

describe('bidirectional initialState, as TF.js 4.22 (the forward layer takes the first half, the backward layer the second)', () => {
  it('eagerly: apply(x, {initialState}) and apply([x, ...states]) give TF.js\'s outputs and states', () => {
    const make = (L: Lib) => L.layers.bidirectional({ layer: L.layers.lstm({ units: 3, returnSequences: true, returnState: true }), inputShape: [4, 2] });
    const ours = make(tn);
    const peer = make(tf as unknown as Lib) as unknown as tf.layers.Layer;
    const x = seeded([2, 4, 2], 41);
    const states = [42, 43, 44, 45].map((s) => seeded([2, 3], s));
    peer.apply(x.p);
    const values = ours.weights.map((w, i) => tn.randomUniform(w.shape, -0.6, 0.6, 'float32', 460 + i));
    ours.setWeights(values);
    peer.setWeights(values.map((v) => tf.tensor(Array.from(v.dataSync()), v.shape.slice())));
    const theirs = peer.apply(x.p, { initialState: states.map((s) => s.p) }) as tf.Tensor[];
    const plain = peer.apply(x.p) as tf.Tensor[];
    expect(Math.abs(theirs[0].sub(plain[0]).abs().max().dataSync()[0])).toBeGreaterThan(1e-2);
    expectSame(ours.apply(x.t, { initialState: states.map((s) => s.t) }) as tn.Tensor[], theirs);
    expectSame(ours.apply([x.t, ...states.map((s) => s.t)]) as tn.Tensor[], theirs);
    expectSame(ours.apply(x.t) as tn.Tensor[], plain);
  });

  it('in a functional model: the states are inputs, and the model predicts, saves and loads as TF.js\'s', async () => {
    const build = (L: Lib): tn.LayersModel => {
      const x = L.input({ shape: [5, 2] });
      const states = [0, 1, 2, 3].map(() => L.input({ shape: [3] }));
      const y = sym(L.layers.bidirectional({ layer: L.layers.lstm({ units: 3 }), mergeMode: 'sum' }).apply(x, { initialState: states }));
      return L.model({ inputs: [x, ...states], outputs: y });
    };
    const { ours, theirs } = twin(build);
    const parts = [seeded([2, 5, 2], 51), ...[52, 53, 54, 55].map((s) => seeded([2, 3], s))];
    const ref = theirs.predict(parts.map((p) => p.p)) as tf.Tensor;
    expectSame(ours.predict(parts.map((p) => p.t)), ref);
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(await tnArtifacts(ours)));
    expectSame(loaded.predict(parts.map((p) => p.t)), ref);
  });

  it('refuses initial states that are not both directions\' (count, shape), naming the argument', () => {
    const bd = tn.layers.bidirectional({ layer: tn.layers.gru({ units: 3 }) });
    const x = tn.zeros([2, 4, 2]);
    expect(() => bd.apply(x, { initialState: [tn.zeros([2, 3])] })).toThrow(/initialState must be 2: the forward layer's 1 states, then the backward layer's 1, got 1 tensors/);
    expect(() => bd.apply(x, { initialState: [tn.zeros([2, 3]), tn.zeros([2, 4])] })).toThrow(/backward_.*initialState\[0\] must be shape \[2, 3\].*got shape \[2, 4\]/);
    const input = tn.input({ shape: [4, 2] });
    const s = [tn.input({ shape: [3] }), tn.input({ shape: [5] })];
    expect(() => bd.apply(input, { initialState: s })).toThrow(/initialState\[1\] must be shape \[null, 3\], got shape \[null, 5\]/);
  });
});

describe('a stateful bidirectional, as TF.js 4.22', () => {
  const build = (L: Lib) => L.sequential({ layers: [L.layers.bidirectional({ layer: L.layers.gru({ units: 2, stateful: true }), batchInputShape: [2, 3, 2] })] });

  it('is stateful; model.resetStates() and its own resetStates() zero both directions\' states', () => {
    const { ours, theirs } = twin(build);
    const x = seeded([2, 3, 2], 61);
    expect([ours.layers[0].stateful, theirs.layers[0].stateful]).toEqual([true, true]);
    const first = ours.predict(x.t) as tn.Tensor;
    expectSame(first, theirs.predict(x.p) as tf.Tensor);
    const second = ours.predict(x.t) as tn.Tensor;
    expectSame(second, theirs.predict(x.p) as tf.Tensor);
    ours.resetStates();
    theirs.resetStates();
    const afterReset = ours.predict(x.t) as tn.Tensor;
    expectSame(afterReset, theirs.predict(x.p) as tf.Tensor);
    expect(afterReset.sub(first).abs().max().dataSync()[0]).toBe(0);
    ours.layers[0].resetStates();
    theirs.layers[0].resetStates();
    expectSame(ours.predict(x.t), theirs.predict(x.p) as tf.Tensor);
  });

  it('resetStates(states) sets the forward states then the backward ones, checking both before changing either', () => {
    const model = build(tn);
    const bd = model.layers[0] as tn.Bidirectional;
    const x = tn.ones([2, 3, 2]);
    const fresh = model.predict(x) as tn.Tensor;
    bd.resetStates([tn.fill([2, 2], 0.5), tn.fill([2, 2], -0.5)]);
    const fromStates = model.predict(x) as tn.Tensor;
    expect(fromStates.sub(fresh).abs().max().dataSync()[0]).toBeGreaterThan(1e-3);
    const forward = bd.forwardLayer;
    const kept = (forward.states as tn.Tensor[])[0].arraySync();
    expect(() => bd.resetStates([tn.zeros([2, 2]), tn.zeros([3, 2])])).toThrow(/backward_.*states\[0\] must be shape \[2, 2\].*got shape \[3, 2\]/);
    expect((forward.states as tn.Tensor[])[0].arraySync()).toEqual(kept);
    expect(() => bd.resetStates([tn.zeros([2, 2])])).toThrow(/resetStates: states must be 2: the forward layer's 1 states.*got 1 tensors/);
    expect(() => tn.layers.bidirectional({ layer: tn.layers.gru({ units: 2 }) }).resetStates()).toThrow(/not stateful/);
  });
});

describe('a bidirectional convLstm2d, as TF.js 4.22 runs it', () => {
  // TF.js concatenates the directions on the last axis, channels first too (there its columns), and says so in its output shape.
  const cases: { conv: Record<string, unknown>; mergeMode?: 'ave' }[] = [{ conv: { returnSequences: true, returnState: true } }, { conv: { dataFormat: 'channelsFirst' } }, { conv: {}, mergeMode: 'ave' }];
  for (const { conv, mergeMode } of cases) {
    it(JSON.stringify({ ...conv, mergeMode }), () => {
      const inputShape = conv.dataFormat === 'channelsFirst' ? [3, 2, 4, 5] : [3, 4, 5, 2];
      const make = (L: Lib) => L.layers.bidirectional({ layer: L.layers.convLstm2d({ filters: 2, kernelSize: 2, padding: 'same', ...conv }), mergeMode, inputShape });
      const ours = make(tn);
      const peer = make(tf as unknown as Lib) as unknown as tf.layers.Layer;
      const x = seeded([2, ...inputShape], 91);
      peer.apply(x.p);
      shareWeights(ours, peer, 920);
      expectSame(ours.apply(x.t) as tn.Tensor | tn.Tensor[], peer.apply(x.p) as tf.Tensor | tf.Tensor[]);
      expect(ours.computeOutputShape([null, ...inputShape])).toEqual(peer.computeOutputShape([null, ...inputShape]));
    });
  }

  it('in a model, saved by TF.js (and by tessera), loads and predicts as TF.js\'s', async () => {
    const build = (L: Lib) => L.sequential({ layers: [L.layers.bidirectional({ layer: L.layers.convLstm2d({ filters: 2, kernelSize: 2 }), inputShape: [3, 4, 4, 1] })] });
    const { ours, theirs } = twin(build);
    const x = seeded([2, 3, 4, 4, 1], 95);
    const ref = theirs.predict(x.p) as tf.Tensor;
    expectSame(ours.predict(x.t), ref);
    for (const artifacts of [await tfArtifacts(theirs), await tnArtifacts(ours)]) {
      expectSame((await tn.loadLayersModel(tn.io.fromMemory(artifacts as tn.ModelArtifacts))).predict(x.t), ref);
    }
  });
});
