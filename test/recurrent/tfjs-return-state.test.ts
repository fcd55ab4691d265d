import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { maxDiff, outs, seeded, tfArtifacts, tnArtifacts, twin, type Lib } from './peer';

const sym = (y: tn.SymbolicTensor | tn.SymbolicTensor[]) => y as tn.SymbolicTensor;
const syms = (y: tn.SymbolicTensor | tn.SymbolicTensor[]) => y as tn.SymbolicTensor[];

/** The encoder-decoder of TF.js's seq2seq examples: the encoder's final [h, c] start the decoder. */
function encoderDecoder(L: Lib): tn.LayersModel {
  const encIn = L.input({ shape: [5, 3] });
  const [, h, c] = syms(L.layers.lstm({ units: 4, returnState: true }).apply(encIn));
  const decIn = L.input({ shape: [4, 2] });
  const dec = sym(L.layers.lstm({ units: 4, returnSequences: true }).apply(decIn, { initialState: [h, c] }));
  const out = sym(L.layers.timeDistributed({ layer: L.layers.dense({ units: 3, activation: 'softmax' }) }).apply(dec));
  return L.model({ inputs: [encIn, decIn], outputs: out });
}

/** returnState of a GRU and a simpleRNN used downstream: the states feed a dense layer and a second RNN. */
function statesDownstream(L: Lib): tn.LayersModel {
  const x = L.input({ shape: [4, 3] });
  const [seq, h] = syms(L.layers.gru({ units: 3, returnSequences: true, returnState: true }).apply(x));
  const [last, s] = syms(L.layers.simpleRNN({ units: 3, returnState: true, goBackwards: true }).apply(seq, { initialState: h }));
  const d = sym(L.layers.dense({ units: 2 }).apply(s));
  return L.model({ inputs: x, outputs: [last, d, h] });
}

function inputsFor(model: 'ed' | 'states'): { t: tn.Tensor[]; p: tf.Tensor[] } {
  const parts = model === 'ed' ? [seeded([6, 5, 3], 31), seeded([6, 4, 2], 32)] : [seeded([3, 4, 3], 33)];
  return { t: parts.map((x) => x.t), p: parts.map((x) => x.p) };
}

function expectSame(a: tn.Tensor | tn.Tensor[], b: tf.Tensor | tf.Tensor[], tol = 1e-5): void {
  const x = outs(a);
  const y = outs(b);
  expect(x.map((t) => t.shape)).toEqual(y.map((t) => t.shape));
  x.forEach((t, i) => expect(maxDiff(t.dataSync(), y[i].dataSync())).toBeLessThan(tol));
}

describe('symbolic returnState and initialState, as in TF.js 4.22', () => {
  it('lstm({returnState}).apply(input) gives [output, h, c] symbolic tensors of TF.js\'s shapes', () => {
    const x = tn.input({ shape: [5, 3] });
    const ys = syms(tn.layers.lstm({ units: 4, returnState: true, returnSequences: true }).apply(x));
    expect(ys.map((y) => y.shape)).toEqual([[null, 5, 4], [null, 4], [null, 4]]);
    const g = syms(tn.layers.gru({ units: 2, returnState: true }).apply(x));
    expect(g.map((y) => y.shape)).toEqual([[null, 2], [null, 2]]);
  });

  for (const [name, build, which] of [['encoder-decoder (lstm states into a decoder lstm)', encoderDecoder, 'ed'], ['gru and simpleRNN states used downstream', statesDownstream, 'states']] as const) {
    it(`${name}: predict, save and load both ways`, async () => {
      const { ours, theirs } = twin(build);
      const { t, p } = inputsFor(which);
      const ref = theirs.predict(p) as tf.Tensor | tf.Tensor[];
      expectSame(ours.predict(t), ref);
      expect(ours.layers.map((l) => l.getClassName())).toEqual(theirs.layers.map((l) => l.getClassName()));

      const fromPeer = await tn.loadLayersModel(tn.io.fromMemory(await tfArtifacts(theirs) as tn.ModelArtifacts));
      expectSame(fromPeer.predict(t), ref);
      const toPeer = await tf.loadLayersModel(tf.io.fromMemory(await tnArtifacts(ours) as tf.io.ModelArtifacts));
      expectSame(ours.predict(t), toPeer.predict(p) as tf.Tensor | tf.Tensor[]);
    });
  }

  it('the encoder-decoder trains as in TF.js (sgd, 3 epochs, no shuffle): losses and predictions', async () => {
    const { ours, theirs } = twin(encoderDecoder);
    const { t, p } = inputsFor('ed');
    const labels = [0, 1, 2, 1, 0, 2, 2, 1, 0, 0, 1, 2, 1, 1, 0, 2, 0, 1, 2, 2, 1, 0, 0, 1];
    const yt = tn.oneHot(tn.tensor1d(labels, 'int32'), 3).reshape([6, 4, 3]);
    const yp = tf.oneHot(tf.tensor1d(labels, 'int32'), 3).reshape([6, 4, 3]);
    ours.compile({ optimizer: tn.train.sgd(0.5), loss: 'categoricalCrossentropy' });
    theirs.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
    const h1 = await ours.fit(t, yt, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
    const h2 = await theirs.fit(p, yp, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
    expect(maxDiff(h1.history.loss as number[], h2.history.loss as number[])).toBeLessThan(1e-4);
    expectSame(ours.predict(t), theirs.predict(p) as tf.Tensor, 1e-4);
  });

  it('initial states of the wrong count or shape are refused, naming the layer and what it expected', () => {
    const x = tn.input({ shape: [5, 3] });
    const h = tn.input({ shape: [4] });
    const wrong = tn.input({ shape: [3] });
    const lstm = tn.layers.lstm({ units: 4, name: 'dec' });
    expect(() => lstm.apply(x, { initialState: [h] })).toThrow(/dec\.apply: initialState must be 2 \(\[null, 4\], \[null, 4\]\), got 1 tensors/);
    expect(() => lstm.apply(x, { initialState: [h, wrong] })).toThrow(/dec\.apply: initialState\[1\] must be shape \[null, 4\], got shape \[null, 3\]/);
    expect(() => lstm.apply(x, { initialState: [h, tn.zeros([2, 4])] as never })).toThrow(/initialState\[1\] must be a SymbolicTensor/);
    expect(lstm.built).toBe(false);
    // Concrete tensors: the count and the batch are checked too.
    const xs = tn.zeros([2, 5, 3]);
    expect(() => lstm.apply(xs, { initialState: [tn.zeros([2, 4])] } as never)).toThrow(/dec: initialState must be 2/);
    expect(() => lstm.apply(xs, { initialState: [tn.zeros([2, 4]), tn.zeros([3, 4])] } as never)).toThrow(/dec: initialState\[1\] must be shape \[2, 4\]/);
  });
});
