import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { expectSame, feed, seeded, tfArtifacts, tnArtifacts, twin, type Lib } from './peer';

const IDS = [[1, 4, 0, 0, 2], [3, 0, 5, 6, 0], [0, 0, 0, 2, 1]];

interface Case {
  name: string;
  build: (L: Lib) => tn.LayersModel;
  input: () => { t: tn.Tensor; p: tf.Tensor };
}

const seq = (L: Lib, layers: tn.Layer[]) => L.sequential({ layers });

/** Every recurrent-family layer, in Sequential and functional models. */
const CASES: Case[] = [
  { name: 'Sequential embedding, lstm, gru (resetAfter false), simpleRNN, repeatVector, lstm, timeDistributed(dense)', input: () => feed(IDS), build: (L) => seq(L, [
    L.layers.embedding({ inputDim: 7, outputDim: 3, inputLength: 5 }),
    L.layers.lstm({ units: 4, returnSequences: true }),
    L.layers.gru({ units: 3, returnSequences: true, resetAfter: false }),
    L.layers.simpleRNN({ units: 5 }),
    L.layers.repeatVector({ n: 2 }),
    L.layers.lstm({ units: 3, returnSequences: true, recurrentActivation: 'sigmoid' }),
    L.layers.timeDistributed({ layer: L.layers.dense({ units: 4, activation: 'softmax' }) }),
  ]) },
  { name: 'Sequential timeDistributed(dense) first, then gru', input: () => seeded([2, 4, 3], 1), build: (L) => seq(L, [
    L.layers.timeDistributed({ layer: L.layers.dense({ units: 5, activation: 'tanh' }), inputShape: [4, 3] }),
    L.layers.gru({ units: 2 }),
  ]) },
  { name: 'Sequential bidirectional lstm (concat) then bidirectional gru (sum)', input: () => seeded([2, 5, 3], 2), build: (L) => seq(L, [
    L.layers.bidirectional({ layer: L.layers.lstm({ units: 3, returnSequences: true }), inputShape: [5, 3] }),
    L.layers.bidirectional({ layer: L.layers.gru({ units: 2 }), mergeMode: 'sum' }),
  ]) },
  { name: 'Sequential bidirectional simpleRNN (ave, mul)', input: () => seeded([3, 4, 2], 3), build: (L) => seq(L, [
    L.layers.bidirectional({ layer: L.layers.simpleRNN({ units: 3, returnSequences: true, goBackwards: true }), mergeMode: 'ave', inputShape: [4, 2] }),
    L.layers.bidirectional({ layer: L.layers.simpleRNN({ units: 2 }), mergeMode: 'mul' }),
  ]) },
  { name: 'Sequential rnn({cell: lstmCell}) and rnn({cell: [gruCell, simpleRNNCell]})', input: () => seeded([2, 4, 3], 4), build: (L) => seq(L, [
    L.layers.rnn({ cell: L.layers.lstmCell({ units: 3 }), returnSequences: true, inputShape: [4, 3] }),
    L.layers.rnn({ cell: [L.layers.gruCell({ units: 4 }), L.layers.simpleRNNCell({ units: 2 })] }),
  ]) },
  { name: 'Sequential rnn({cell: stackedRNNCells}) going backwards', input: () => seeded([2, 3, 2], 5), build: (L) => seq(L, [
    L.layers.rnn({ cell: L.layers.stackedRNNCells({ cells: [L.layers.lstmCell({ units: 2 }), L.layers.lstmCell({ units: 3 })] }), goBackwards: true, inputShape: [3, 2] }),
  ]) },
  { name: 'Sequential masking, lstm, timeDistributed(dense)', input: () => maskedSteps(), build: (L) => seq(L, [
    L.layers.masking({ maskValue: 0, inputShape: [4, 2] }),
    L.layers.lstm({ units: 3, returnSequences: true }),
    L.layers.timeDistributed({ layer: L.layers.dense({ units: 2 }) }),
  ]) },
  { name: 'Sequential embedding(maskZero), gru, dense', input: () => feed(IDS), build: (L) => seq(L, [
    L.layers.embedding({ inputDim: 7, outputDim: 4, maskZero: true, inputLength: 5 }),
    L.layers.gru({ units: 3 }),
    L.layers.dense({ units: 2 }),
  ]) },
  { name: 'functional embedding(maskZero), bidirectional lstm, dense', input: () => feed(IDS), build: (L) => {
    const x = L.input({ shape: [5] });
    const e = L.layers.embedding({ inputDim: 7, outputDim: 3, maskZero: true }).apply(x) as tn.SymbolicTensor;
    const b = L.layers.bidirectional({ layer: L.layers.lstm({ units: 2 }) }).apply(e) as tn.SymbolicTensor;
    return L.model({ inputs: x, outputs: L.layers.dense({ units: 3 }).apply(b) as tn.SymbolicTensor });
  } },
  { name: 'functional masking, timeDistributed(dense), simpleRNN, repeatVector, gru; two outputs', input: () => maskedSteps(), build: (L) => {
    const x = L.input({ shape: [4, 2] });
    const m = L.layers.masking().apply(x) as tn.SymbolicTensor;
    const td = L.layers.timeDistributed({ layer: L.layers.dense({ units: 3 }) }).apply(m) as tn.SymbolicTensor;
    const s = L.layers.simpleRNN({ units: 2 }).apply(td) as tn.SymbolicTensor;
    const r = L.layers.repeatVector({ n: 3 }).apply(s) as tn.SymbolicTensor;
    const g = L.layers.gru({ units: 2, returnSequences: true }).apply(r) as tn.SymbolicTensor;
    return L.model({ inputs: x, outputs: [g, s] });
  } },
  { name: 'functional rnn({cell: [lstmCell, lstmCell]}) and a bidirectional gru on one input', input: () => seeded([2, 3, 4], 6), build: (L) => {
    const x = L.input({ shape: [3, 4] });
    const a = L.layers.rnn({ cell: [L.layers.lstmCell({ units: 2 }), L.layers.lstmCell({ units: 3 })] }).apply(x) as tn.SymbolicTensor;
    const b = L.layers.bidirectional({ layer: L.layers.gru({ units: 3 }), mergeMode: 'ave' }).apply(x) as tn.SymbolicTensor;
    return L.model({ inputs: x, outputs: L.layers.add().apply([a, b]) as tn.SymbolicTensor });
  } },
];

/** Steps whose features are all zero, for masking(). */
function maskedSteps(): { t: tn.Tensor; p: tf.Tensor } {
  const v = [[[1, 2], [0, 0], [0.5, -1], [0, 0]], [[0, 0], [0, 0], [2, 1], [-1, 0.5]], [[0.3, 0], [1, 1], [0, 0], [0, 0.2]]];
  return feed(v);
}

describe('recurrent-family models through the layers format, both ways with TensorFlow.js 4.22', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { ours, theirs } = twin(c.build);
      const { t, p } = c.input();
      const ref = theirs.predict(p) as tf.Tensor | tf.Tensor[];
      expectSame(ours.predict(t), ref);

      // TF.js writes, tessera loads.
      const fromPeer = await tn.loadLayersModel(tn.io.fromMemory(await tfArtifacts(theirs) as tn.ModelArtifacts));
      expect(fromPeer.layers.map((l) => l.getClassName())).toEqual(theirs.layers.map((l) => l.getClassName()));
      expectSame(fromPeer.predict(t), ref);

      // tessera writes, TF.js loads (by weight name, strictly).
      const toPeer = await tf.loadLayersModel(tf.io.fromMemory(await tnArtifacts(ours) as tf.io.ModelArtifacts));
      expect(toPeer.layers.map((l) => l.name)).toEqual(ours.layers.map((l) => l.name));
      expectSame(ours.predict(t), toPeer.predict(p) as tf.Tensor | tf.Tensor[]);
    });
  }

  it('GRU resetAfter true is refused as TF.js refuses it, when built and when read from a file', async () => {
    expect(() => tf.layers.gru({ units: 2, resetAfter: true } as never)).toThrow(/reset_after/);
    expect(() => tn.layers.gru({ units: 2, resetAfter: true })).toThrow(/resetAfter/);
    const { theirs } = twin((L) => seq(L, [L.layers.gru({ units: 2, inputShape: [3, 2] })]));
    const a = await tfArtifacts(theirs);
    const layer = (a.modelTopology as { config: { layers: { config: Record<string, unknown> }[] } }).config.layers[0];
    layer.config.reset_after = true;
    await expect(tn.loadLayersModel(tn.io.fromMemory(a as tn.ModelArtifacts))).rejects.toThrow(/reset_after/);
  });
});
