import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { TF, expectSame, seeded, type Lib } from './peer';

type States = (tn.Tensor | tf.Tensor | null)[];

/** A layer's states as TF.js shows them: null, or a tensor's shape and values. */
const view = (states: States) => states.map((s) => (s === null ? null : { shape: s.shape, values: Array.from((s as tn.Tensor).dataSync()) }));

describe('an RNN layer\'s states, as TF.js 4.22 gives them', () => {
  it('one null per state for a layer that is not stateful, before and after it runs', () => {
    const layers = (L: Lib) => [L.layers.gru({ units: 2 }), L.layers.lstm({ units: 2, returnState: true }), L.layers.rnn({ cell: [L.layers.lstmCell({ units: 2 }), L.layers.gruCell({ units: 3 })] }), L.layers.convLstm2d({ filters: 2, kernelSize: 2 })];
    const ours = layers(tn);
    const theirs = layers(TF) as unknown as tf.layers.RNN[];
    const before = theirs.map((l) => view(l.states));
    expect(before).toEqual([[null], [null, null], [null, null, null], [null, null]]);
    expect(ours.map((l) => view(l.states))).toEqual(before);
    ours.slice(0, 3).forEach((l) => l.apply(tn.ones([1, 2, 2])));
    theirs.slice(0, 3).forEach((l) => l.apply(tf.ones([1, 2, 2])));
    expect(ours.map((l) => view(l.states))).toEqual(theirs.map((l) => view(l.states)));
  });

  it('a stateful layer: nulls until it is built in a model, zeros then, and each call\'s final states after it', () => {
    const make = (L: Lib) => L.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 3, 2], kernelInitializer: L.initializers.glorotUniform({ seed: 5 }), recurrentInitializer: L.initializers.glorotUniform({ seed: 6 }) });
    const ours = make(tn);
    const theirs = make(TF) as unknown as tf.layers.RNN;
    expect(view(ours.states)).toEqual([null, null]);
    expect(view(theirs.states)).toEqual([null, null]);
    const ourModel = tn.sequential({ layers: [ours] });
    const theirModel = tf.sequential({ layers: [theirs] });
    expect(view(theirs.states)).toEqual([{ shape: [2, 2], values: [0, 0, 0, 0] }, { shape: [2, 2], values: [0, 0, 0, 0] }]);
    expect(view(ours.states)).toEqual(view(theirs.states));
    const x = seeded([2, 3, 2], 81);
    ourModel.predict(x.t);
    theirModel.predict(x.p);
    expectSame(ours.states as tn.Tensor[], theirs.states);
    ours.resetStates();
    theirs.resetStates();
    expect(view(ours.states)).toEqual(view(theirs.states));
  });

  it('setStates and the states setter: the next call goes on from the given states, as TF.js\'s; bad states refused as resetStates refuses them', () => {
    const make = (L: Lib) => L.layers.simpleRNN({ units: 2, stateful: true, batchInputShape: [1, 2, 1], kernelInitializer: L.initializers.glorotUniform({ seed: 7 }), recurrentInitializer: L.initializers.glorotUniform({ seed: 8 }) });
    const [ours, theirs] = [make(tn), make(TF) as unknown as tf.layers.RNN];
    const [ourModel, theirModel] = [tn.sequential({ layers: [ours] }), tf.sequential({ layers: [theirs] })];
    const x = seeded([1, 2, 1], 82);
    ourModel.predict(x.t);
    theirModel.predict(x.p);
    ours.setStates([tn.tensor2d([[0.5, -0.25]])]);
    theirs.setStates([tf.tensor2d([[0.5, -0.25]])]);
    expectSame([ourModel.predict(x.t) as tn.Tensor], [theirModel.predict(x.p) as tf.Tensor]);
    ours.states = [tn.tensor2d([[-1, 2]])];
    theirs.states = [tf.tensor2d([[-1, 2]])];
    expectSame([ourModel.predict(x.t) as tn.Tensor], [theirModel.predict(x.p) as tf.Tensor]);
    expectSame(ours.states as tn.Tensor[], theirs.states);
    const before = view(ours.states);
    expect(() => ours.setStates([tn.zeros([2, 2])])).toThrow(/states/);
    expect(() => { ours.states = [tn.zeros([1, 3])]; }).toThrow(/states/);
    expect(view(ours.states)).toEqual(before);
    expect(() => tn.layers.simpleRNN({ units: 2 }).setStates([tn.zeros([1, 2])])).toThrow(/\.setStates: the layer is not stateful/);
  });

  it('a stateful bidirectional\'s directions: zeros once it is in a model (its batch size from the model\'s input)', () => {
    const make = (L: Lib) => {
      const bd = L.layers.bidirectional({ layer: L.layers.gru({ units: 2, stateful: true }) });
      const x = L.input({ batchShape: [3, 4, 2] });
      L.model({ inputs: x, outputs: bd.apply(x) as tn.SymbolicTensor });
      return bd;
    };
    const ours = make(tn);
    const theirs = make(TF) as unknown as { forwardLayer: tf.layers.RNN };
    const zeros = [{ shape: [3, 2], values: [0, 0, 0, 0, 0, 0] }];
    expect(view(theirs.forwardLayer.states)).toEqual(zeros);
    expect(view(ours.forwardLayer.states)).toEqual(zeros);
    expect(view(ours.backwardLayer.states)).toEqual(zeros);
  });
});

describe('rnn.getInitialState(inputs), as TF.js 4.22', () => {
  it('zeros [batch, ...state] per state, in the order of the cell\'s states', () => {
    const cases: [(L: Lib) => tn.RNN, number[]][] = [
      [(L) => L.layers.lstm({ units: 2 }), [3, 2, 4]],
      [(L) => L.layers.gru({ units: 1 }), [3, 2, 4]],
      [(L) => L.layers.rnn({ cell: [L.layers.lstmCell({ units: 2 }), L.layers.gruCell({ units: 3 })] }), [3, 2, 4]],
      [(L) => L.layers.convLstm2d({ filters: 2, kernelSize: 2 }), [1, 3, 4, 5, 1]],
    ];
    for (const [make, shape] of cases) {
      const theirs = (make(TF) as unknown as tf.layers.RNN).getInitialState(tf.ones(shape));
      const ours = make(tn).getInitialState(tn.ones(shape));
      expect(view(ours)).toEqual(view(theirs));
      expect(ours.map((s) => s.dtype)).toEqual(theirs.map((s) => s.dtype));
    }
  });

  it('refuses what is not a sequence of the layer\'s rank, naming getInitialState', () => {
    const lstm = tn.layers.lstm({ units: 2 });
    expect(() => lstm.getInitialState(tn.ones([3, 2]))).toThrow(/^lstm_LSTM\d+\.getInitialState: input must be rank 3 \[batch, timeSteps, features\], got shape \[3, 2\] \(rank 2\)$/);
    expect(() => lstm.getInitialState([tn.ones([3, 2, 2])] as never)).toThrow(/getInitialState: input must be a Tensor \[batch, timeSteps, features\]/);
  });
});

describe('an RNN applied eagerly to an int32 sequence runs it as float32, as TF.js 4.22', () => {
  it('simpleRNN, lstm (returnState), gru, rnn and bidirectional give TF.js\'s float32 outputs', () => {
    const init = (L: Lib) => ({ kernelInitializer: L.initializers.glorotUniform({ seed: 7 }), recurrentInitializer: L.initializers.glorotUniform({ seed: 8 }) });
    const layers = (L: Lib) => [
      L.layers.simpleRNN({ units: 2, ...init(L) }),
      L.layers.lstm({ units: 2, returnState: true, ...init(L) }),
      L.layers.gru({ units: 3, returnSequences: true, ...init(L) }),
      L.layers.rnn({ cell: L.layers.gruCell({ units: 2, ...init(L) }) }),
      L.layers.bidirectional({ layer: L.layers.gru({ units: 2, ...init(L) }) }),
    ];
    const ids = [[[1, 0], [2, 1], [0, 3]], [[1, 1], [0, 2], [3, 0]]];
    const theirs = layers(TF) as unknown as tf.layers.Layer[];
    layers(tn).forEach((l, i) => {
      const ref = theirs[i].apply(tf.tensor(ids, undefined, 'int32')) as tf.Tensor | tf.Tensor[];
      const got = l.apply(tn.tensor(ids, undefined, 'int32')) as tn.Tensor | tn.Tensor[];
      expectSame(got, ref);
      expect([got].flat().map((t) => t.dtype)).toEqual([ref].flat().map((t) => t.dtype));
    });
  });
});
