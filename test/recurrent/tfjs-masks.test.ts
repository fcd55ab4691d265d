import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { feed, maxDiff, outs, tnArtifacts, twin, type Lib } from './peer';

/** Ids with padding (0) at the start, middle and end of rows, and one row of padding only. */
const IDS = [[1, 4, 0, 0, 2], [3, 0, 5, 6, 0], [0, 0, 0, 2, 1], [0, 0, 0, 0, 0]];
/** Steps whose features all equal 0 (masked by masking()) or -1 (masked by masking({maskValue: -1})). */
const STEPS = [[[1, 2], [0, 0], [0.5, -1], [0, 0]], [[0, 0], [-1, -1], [2, 1], [-1, 0.5]], [[0.3, 0], [1, 1], [0, 0], [-1, -1]]];

const emb = (L: Lib, outputDim = 3) => L.layers.embedding({ inputDim: 7, outputDim, maskZero: true, inputLength: 5 });
const seq = (L: Lib, layers: tn.Layer[]) => L.sequential({ layers });
const sym = (y: tn.SymbolicTensor | tn.SymbolicTensor[]) => y as tn.SymbolicTensor;

interface Case {
  name: string;
  ids?: boolean;
  build: (L: Lib) => tn.LayersModel;
}

/**
 * Masked architectures, each run by TF.js 4.22 and tessera with the same weights. TF.js's executor hands the
 * last input mask it met to every later layer (a mask outlives a layer that drops it), and a layer's output
 * mask comes from its own input's mask when it supports masking.
 */
const CASES: Case[] = [
  { name: 'embedding(maskZero), simpleRNN, repeatVector, lstm: the mask outlives the RNN that drops it', ids: true, build: (L) => seq(L, [
    emb(L), L.layers.simpleRNN({ units: 4 }), L.layers.repeatVector({ n: 5 }), L.layers.lstm({ units: 3, returnSequences: true }),
  ]) },
  { name: 'a shorter repeatVector: the later lstm takes the first steps of the mask', ids: true, build: (L) => seq(L, [
    emb(L), L.layers.gru({ units: 2 }), L.layers.repeatVector({ n: 3 }), L.layers.lstm({ units: 3, returnSequences: true, goBackwards: true }),
  ]) },
  { name: 'embedding(maskZero), lstm sequences, dense, gru: dense passes the mask', ids: true, build: (L) => seq(L, [
    emb(L), L.layers.lstm({ units: 4, returnSequences: true }), L.layers.dense({ units: 3, activation: 'tanh' }), L.layers.gru({ units: 2 }),
  ]) },
  { name: 'embedding(maskZero), lstm sequences, timeDistributed(dense), simpleRNN sequences', ids: true, build: (L) => seq(L, [
    emb(L), L.layers.lstm({ units: 3, returnSequences: true }), L.layers.timeDistributed({ layer: L.layers.dense({ units: 2 }) }), L.layers.simpleRNN({ units: 2, returnSequences: true }),
  ]) },
  { name: 'masking, bidirectional lstm sequences, gru', build: (L) => seq(L, [
    L.layers.masking({ inputShape: [4, 2] }), L.layers.bidirectional({ layer: L.layers.lstm({ units: 2, returnSequences: true }) }), L.layers.gru({ units: 3 }),
  ]) },
  { name: 'masking(-1), gru backwards sequences, lstm', build: (L) => seq(L, [
    L.layers.masking({ maskValue: -1, inputShape: [4, 2] }), L.layers.gru({ units: 3, returnSequences: true, goBackwards: true }), L.layers.lstm({ units: 2 }),
  ]) },
  { name: 'the addition model with padding: bidirectional gru, repeatVector, lstm, timeDistributed(dense softmax)', ids: true, build: (L) => seq(L, [
    emb(L, 4), L.layers.bidirectional({ layer: L.layers.gru({ units: 3 }) }), L.layers.repeatVector({ n: 5 }),
    L.layers.lstm({ units: 3, returnSequences: true }), L.layers.timeDistributed({ layer: L.layers.dense({ units: 4, activation: 'softmax' }) }),
  ]) },
  { name: 'embedding(maskZero), dropout, activation, lstm', ids: true, build: (L) => seq(L, [
    emb(L), L.layers.dropout({ rate: 0.5 }), L.layers.activation({ activation: 'relu' }), L.layers.lstm({ units: 3 }),
  ]) },
  { name: 'embedding(maskZero), lstm, dense, repeatVector, gru sequences, simpleRNN', ids: true, build: (L) => seq(L, [
    emb(L), L.layers.lstm({ units: 3 }), L.layers.dense({ units: 2 }), L.layers.repeatVector({ n: 5 }),
    L.layers.gru({ units: 2, returnSequences: true }), L.layers.simpleRNN({ units: 2 }),
  ]) },
  { name: 'rnn({cell: [lstmCell, gruCell]}) after masking, stacked cells keep masked steps', build: (L) => seq(L, [
    L.layers.masking({ inputShape: [4, 2] }), L.layers.rnn({ cell: [L.layers.lstmCell({ units: 2 }), L.layers.gruCell({ units: 3 })], returnSequences: true }),
  ]) },
  { name: 'functional: two branches from one masked embedding, one dropping the mask first', ids: true, build: (L) => {
    const x = L.input({ shape: [5] });
    const e = sym(emb(L).apply(x));
    const a = sym(L.layers.lstm({ units: 2 }).apply(e));
    const r = sym(L.layers.repeatVector({ n: 5 }).apply(a));
    const b = sym(L.layers.gru({ units: 3, returnSequences: true }).apply(r));
    const c = sym(L.layers.simpleRNN({ units: 2, returnSequences: true }).apply(e));
    return L.model({ inputs: x, outputs: [b, c] });
  } },
  { name: 'functional: a masked and an unmasked input; the unmasked branch runs after the masked one', ids: true, build: (L) => {
    const x = L.input({ shape: [5] });
    const e = sym(emb(L).apply(x));
    const a = sym(L.layers.lstm({ units: 2 }).apply(e));
    const u = sym(L.layers.embedding({ inputDim: 7, outputDim: 2, inputLength: 5 }).apply(x));
    const g = sym(L.layers.gru({ units: 2 }).apply(u));
    return L.model({ inputs: x, outputs: [a, g] });
  } },
];

describe('masks as TensorFlow.js 4.22 propagates them (predict, same weights)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { ours, theirs } = twin(c.build);
      const { t, p } = feed(c.ids ? IDS : STEPS);
      const a = outs(ours.predict(t));
      const b = outs(theirs.predict(p) as tf.Tensor | tf.Tensor[]);
      expect(a.map((y) => y.shape)).toEqual(b.map((y) => y.shape));
      a.forEach((y, i) => expect(maxDiff(y.dataSync(), b[i].dataSync())).toBeLessThan(1e-5));
    });
  }

  for (const kind of ['lstm', 'gru', 'simpleRNN'] as const) {
    it(`${kind} with an initial state: a leading masked step outputs that state, as TF.js (Keras gives zeros)`, () => {
      const { ours, theirs } = twin((L) => {
        const ids = L.input({ shape: [4] });
        const h0 = L.input({ shape: [3] });
        const e = sym(L.layers.embedding({ inputDim: 7, outputDim: 2, maskZero: true }).apply(ids));
        const r = sym(L.layers[kind]({ units: 3, returnSequences: true }).apply(e, { initialState: kind === 'lstm' ? [h0, h0] : [h0] }));
        return L.model({ inputs: [ids, h0], outputs: r });
      });
      const rows = [[0, 1, 0, 2], [0, 0, 3, 0]];
      const h = [[0.5, -0.5, 0.25], [-1, 0.75, 0.1]];
      const a = ours.predict([tn.tensor2d(rows), tn.tensor2d(h)]) as tn.Tensor;
      const b = theirs.predict([tf.tensor2d(rows), tf.tensor2d(h)]) as tf.Tensor;
      expect(maxDiff(a.dataSync(), b.dataSync())).toBeLessThan(1e-6);
      expect(Array.from(a.slice([0, 0, 0], [1, 1, 3]).dataSync())).toEqual(h[0].map(Math.fround));
    });
  }

  it('training follows the same masks: the seq2seq model with padding fits as in TF.js (sgd, 3 epochs, no shuffle)', async () => {
    const { ours, theirs } = twin(CASES[6].build);
    const { t, p } = feed(IDS);
    const labels = [0, 1, 2, 3, 1, 2, 0, 0, 3, 3, 1, 2, 1, 0, 2, 3, 0, 1, 2, 2];
    const yt = tn.oneHot(tn.tensor1d(labels, 'int32'), 4).reshape([4, 5, 4]);
    const yp = tf.oneHot(tf.tensor1d(labels, 'int32'), 4).reshape([4, 5, 4]);
    ours.compile({ optimizer: tn.train.sgd(0.5), loss: 'categoricalCrossentropy' });
    theirs.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
    const a = await ours.fit(t, yt, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
    const b = await theirs.fit(p, yp, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
    expect(maxDiff(a.history.loss as number[], b.history.loss as number[])).toBeLessThan(1e-4);
    expect(maxDiff((ours.predict(t) as tn.Tensor).dataSync(), (theirs.predict(p) as tf.Tensor).dataSync())).toBeLessThan(1e-4);
  });
});

describe('an embedding without inputLength as the first Sequential layer, as TF.js ([batch, null] ids)', () => {
  it('the variable-length sentiment model (embedding -> lstm -> dense) builds, predicts at any length and saves as TF.js\'s', async () => {
    const build = (L: Lib) => seq(L, [L.layers.embedding({ inputDim: 7, outputDim: 3, maskZero: true }), L.layers.lstm({ units: 4 }), L.layers.dense({ units: 1, activation: 'sigmoid' })]);
    const { ours, theirs } = twin(build);
    expect(ours.inputs[0].shape).toEqual([null, null]);
    expect(ours.outputShape).toEqual(theirs.outputShape);
    for (const ids of [IDS, IDS.map((r) => r.slice(0, 3)), IDS.map((r) => [...r, 3, 1])]) {
      const { t, p } = feed(ids);
      expect(maxDiff((ours.predict(t) as tn.Tensor).dataSync(), (theirs.predict(p) as tf.Tensor).dataSync())).toBeLessThan(1e-5);
    }
    const { t, p } = feed(IDS);
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(await tnArtifacts(ours)));
    expect(maxDiff((loaded.predict(t) as tn.Tensor).dataSync(), (theirs.predict(p) as tf.Tensor).dataSync())).toBeLessThan(1e-5);
    const inPeer = await tf.loadLayersModel(tf.io.fromMemory(await tnArtifacts(ours) as tf.io.ModelArtifacts));
    expect(maxDiff((inPeer.predict(p) as tf.Tensor).dataSync(), (theirs.predict(p) as tf.Tensor).dataSync())).toBeLessThan(1e-5);
  });
});
