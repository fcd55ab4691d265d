import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Bad input to the recurrent layers: an Error naming the layer, what it got and what was expected, before
// anything changes (no weights built, no states kept).

describe('recurrent layers refuse bad input before anything changes', () => {
  it('input that is not rank 3, concrete or symbolic, for every kind of RNN', () => {
    const cases: [tn.RNN, string][] = [
      [tn.layers.lstm({ units: 2, name: 'enc' }), 'enc'],
      [tn.layers.gru({ units: 2, name: 'g' }), 'g'],
      [tn.layers.simpleRNN({ units: 2, name: 's' }), 's'],
      [tn.layers.rnn({ cell: [tn.layers.lstmCell({ units: 2 }), tn.layers.gruCell({ units: 2 })], name: 'r' }), 'r'],
    ];
    for (const [layer, name] of cases) {
      expect(() => layer.apply(tn.zeros([2, 3]))).toThrow(new RegExp(`^${name}: input must be rank 3 \\[batch, timeSteps, features\\], got shape \\[2, 3\\] \\(rank 2\\)`));
      expect(() => layer.apply(tn.zeros([2, 3, 4, 1]))).toThrow(/must be rank 3 \[batch, timeSteps, features\], got shape \[2, 3, 4, 1\] \(rank 4\)/);
      expect(() => layer.apply(tn.input({ shape: [3] }))).toThrow(/must be rank 3 \[batch, timeSteps, features\], got shape \[null, 3\] \(rank 2\)/);
      expect(layer.built).toBe(false);
      expect(layer.weights).toEqual([]);
    }
    expect(() => tn.sequential({ layers: [tn.layers.lstm({ units: 2, inputShape: [3] })] })).toThrow(/must be rank 3/);
    expect(() => tn.layers.bidirectional({ layer: tn.layers.gru({ units: 2 }) }).apply(tn.zeros([2, 3]))).toThrow(/must be rank 3/);
  });

  it('a bad recurrentActivation is named as such, a bad activation as activation', () => {
    expect(() => tn.layers.gru({ units: 2, recurrentActivation: 'nope' as never })).toThrow(/^layers\.gru: recurrentActivation must be one of .*, got "nope"$/);
    expect(() => tn.layers.lstm({ units: 2, recurrentActivation: 'nope' as never })).toThrow(/^layers\.lstm: recurrentActivation must be one of/);
    expect(() => tn.layers.lstmCell({ units: 2, recurrentActivation: 3 as never })).toThrow(/^layers\.lstmCell: recurrentActivation must be one of .*, got 3$/);
    expect(() => tn.layers.gruCell({ units: 2, activation: 'nope' as never })).toThrow(/^layers\.gruCell: activation must be one of/);
  });

  it('a layer of the wrong kind is named by its class and name, not dumped field by field', () => {
    const generic = tn.layers.rnn({ cell: tn.layers.lstmCell({ units: 2 }), name: 'mine' });
    expect(() => tn.layers.bidirectional({ layer: generic })).toThrow(/^layers\.bidirectional: layer must be an lstm, gru, simpleRNN or convLstm2d layer, got a RNN named 'mine'$/);
    // An unknown dim reads as null, not as nothing.
    expect(() => tn.layers.lstm({ units: 2 }).apply(tn.input({ shape: [null, 3, 4] }))).toThrow(/got shape \[null, null, 3, 4\] \(rank 4\)$/);
  });

  it('stateful without a fixed batch size: an error when it is applied to an input of unknown batch size (as TF.js), or reset before', () => {
    for (const make of [tn.layers.lstm, tn.layers.gru, tn.layers.simpleRNN] as ((a: { units: number; stateful: boolean; inputShape: number[]; name: string }) => tn.RNN)[]) {
      const layer = make({ units: 2, stateful: true, inputShape: [3, 2], name: 'st' });
      expect(() => layer.resetStates()).toThrow(/^st\.resetStates: the layer does not know its batch size yet/);
      expect(() => tn.sequential({ layers: [layer] })).toThrow(/^st: input must be a fixed batch size for the stateful layer .*, got a batch size of null/);
      expect(() => tn.model({ inputs: tn.input({ shape: [3, 2] }), outputs: make({ units: 2, stateful: true, inputShape: [3, 2], name: 'st' }).apply(tn.input({ shape: [3, 2] })) as tn.SymbolicTensor })).toThrow(/got a batch size of null/);
    }
  });

  it('resetStates on a layer that is not stateful', () => {
    const s = tn.layers.simpleRNN({ units: 2, name: 'plain', inputShape: [3, 2] });
    expect(() => s.resetStates()).toThrow(/^plain\.resetStates: the layer is not stateful/);
  });

  it('a stateful layer given another batch size or states of the wrong count or shape keeps its states', () => {
    const st = tn.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 3, 2], name: 'st' });
    st.apply(tn.ones([2, 3, 2]));
    const before = (st.states as tn.Tensor[]).map((s) => Array.from(s.dataSync()));
    expect(() => st.apply(tn.zeros([3, 3, 2]))).toThrow(/^st: input must be the stateful layer's fixed batch size 2, got batch size 3/);
    expect(() => st.resetStates([tn.zeros([2, 2])])).toThrow(/^st: states must be 2 \(\[2, 2\], \[2, 2\]\), got 1 tensors/);
    expect(() => st.resetStates([tn.zeros([2, 2]), tn.zeros([3, 2])])).toThrow(/^st: states\[1\] must be shape \[2, 2\] and dtype float32, got shape \[3, 2\]/);
    expect((st.states as tn.Tensor[]).map((s) => Array.from(s.dataSync()))).toEqual(before);
     // TF.js's getStates gives the same states.
    expect(st.getStates().map((s) => Array.from(s.dataSync()))).toEqual(before);
  });

  it('initial states of the wrong count, shape or dtype (concrete tensors)', () => {
    const g = tn.layers.gru({ units: 3, name: 'g0' });
    const x = tn.zeros([2, 4, 2]);
    expect(() => g.apply([x, tn.zeros([2, 3]), tn.zeros([2, 3])])).toThrow(/^g0: initialState must be 1 \(\[2, 3\]\), got 2 tensors/);
    expect(() => g.apply(x, { initialState: [tn.zeros([2, 4])] } as never)).toThrow(/^g0: initialState\[0\] must be shape \[2, 3\] and dtype float32, got shape \[2, 4\]/);
    expect(() => g.apply(x, { initialState: [tn.zeros([2, 3], 'float64')] } as never)).toThrow(/got shape \[2, 3\] and dtype float64/);
    expect(g.built).toBe(false);
  });
});
