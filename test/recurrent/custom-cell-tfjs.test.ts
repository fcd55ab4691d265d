import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { expectSame, seeded, shareWeights, type Lib } from './peer';

type AnyLayer = tn.layers.Layer & { stateSize: number | number[] };

/**
 * The user-defined cell of the Keras / TF.js RNN docs, written once for both libraries: a minimal RNN cell with a
 * kernel and a recurrent kernel (seeded), whose call([x, h]) gives [h', h'] (two states with `twoStates`: [h, c]).
 */
function minimalCell(L: Lib, base: 'Layer' | 'RNNCell', units: number, twoStates = false): AnyLayer {
  const Base = L.layers[base] as unknown as new (args: object) => tn.layers.Layer;
  class MinimalCell extends Base {
    units: number;
    stateSize: number | number[];
    kernel: tn.LayerVariable | null = null;
    recurrentKernel: tn.LayerVariable | null = null;
    constructor(n: number) {
      super({});
      this.units = n;
      this.stateSize = twoStates ? [n, n] : n;
    }

    override build(inputShape: (number | null)[]): void {
      this.kernel = this.addWeight('kernel', [inputShape[inputShape.length - 1] as number, this.units], 'float32', L.initializers.glorotUniform({ seed: 3 }));
      this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32', L.initializers.glorotUniform({ seed: 4 }));
      this.built = true;
    }

    override call(inputs: tn.Tensor | tn.Tensor[]): tn.Tensor[] {
      return L.tidy(() => {
        const [x, h, c] = inputs as tn.Tensor[];
        const out = L.tanh(L.add(L.matMul(x, (this.kernel as tn.LayerVariable).read()), L.matMul(h, (this.recurrentKernel as tn.LayerVariable).read())));
        return twoStates ? [out, out, L.add(c, out)] : [out, out];
      });
    }

    static get className(): string {
      return 'MinimalCell';
    }
  }
  return new MinimalCell(units) as unknown as AnyLayer;
}

describe('tf.layers.rnn with a cell of the user\'s own, as TF.js 4.22 runs it', () => {
  for (const base of ['Layer', 'RNNCell'] as const) {
    it(`a cell extending tf.layers.${base}: outputs, states and a training step equal TF.js's`, () => {
      const make = (L: Lib) => L.layers.rnn({ cell: minimalCell(L, base, 3) as never, returnSequences: true, returnState: true });
      const ours = make(tn);
      const peer = make(tf as unknown as Lib) as unknown as tf.layers.Layer;
      const x = seeded([2, 4, 2], 71);
      expectSame(ours.apply(x.t) as tn.Tensor[], peer.apply(x.p) as tf.Tensor[]);
      expect(ours.weights.map((w) => w.shape)).toEqual(peer.weights.map((w) => w.shape));
      // The gradients reach the cell's weights through the steps.
      const h0 = seeded([2, 3], 72);
      const loss = (L: Lib, layer: unknown, xs: unknown, h: unknown) => () => L.sum(L.square(((layer as tn.RNN).apply(xs as tn.Tensor, { initialState: [h as tn.Tensor] }) as unknown as tn.Tensor[])[0])) as tn.Scalar;
      const g = tn.variableGrads(loss(tn, ours, x.t, h0.t));
      const gp = tf.variableGrads(loss(tf as unknown as Lib, peer, x.p, h0.p) as unknown as () => tf.Scalar);
      expect(Object.keys(g.grads).length).toBe(2);
      Object.values(g.grads).forEach((v, i) => expectSame(v, Object.values(gp.grads)[i]));
    });
  }

  it('a cell with two states (stateSize [n, n]): the output is the first state\'s size, in a functional model that predicts as TF.js\'s', () => {
    const build = (L: Lib) => {
      const x = L.input({ shape: [5, 2] });
      const [, h, c] = L.layers.rnn({ cell: minimalCell(L, 'RNNCell', 4, true) as never, returnState: true }).apply(x) as tn.SymbolicTensor[];
      return L.model({ inputs: x, outputs: [h, c] });
    };
    const ours = build(tn);
    const peer = build(tf as unknown as Lib) as unknown as tf.LayersModel;
    expect(ours.outputShape).toEqual([[null, 4], [null, 4]]);
    const x = seeded([3, 5, 2], 73);
    expectSame(ours.predict(x.t), peer.predict(x.p) as tf.Tensor[]);
  });

  it('cells of the user\'s own in an array of cells and in stackedRNNCells, beside built-in ones: TF.js\'s weights, outputs and states', () => {
    const builds: ((L: Lib) => tn.RNN)[] = [
      (L) => L.layers.rnn({ cell: [minimalCell(L, 'Layer', 3), L.layers.lstmCell({ units: 2 })] as never, returnSequences: true, returnState: true }),
      (L) => L.layers.rnn({ cell: L.layers.stackedRNNCells({ cells: [L.layers.gruCell({ units: 4 }), minimalCell(L, 'RNNCell', 3, true)] as never }), returnState: true, goBackwards: true }),
    ];
    for (const [n, make] of builds.entries()) {
      const ours = make(tn);
      const peer = make(tf as unknown as Lib) as unknown as tf.layers.Layer;
      const x = seeded([2, 4, 2], 74 + n);
      peer.apply(x.p);
      ours.apply(x.t);
      shareWeights(ours, peer, 760);
      const h = (ours.cell.stateSize as number[]).map((size, i) => seeded([2, size], 78 + i));
      expectSame(ours.apply(x.t, { initialState: h.map((s) => s.t) }) as tn.Tensor[], peer.apply(x.p, { initialState: h.map((s) => s.p) }) as tf.Tensor[]);
      // The gradients reach every cell's weights, the user's too.
      const loss = (L: Lib, layer: unknown, xs: unknown) => () => L.sum(L.square(((layer as tn.RNN).apply(xs as tn.Tensor) as unknown as tn.Tensor[])[0])) as tn.Scalar;
      const g = Object.values(tn.variableGrads(loss(tn, ours, x.t)).grads);
      const gp = Object.values(tf.variableGrads(loss(tf as unknown as Lib, peer, x.p) as unknown as () => tf.Scalar).grads);
      expect(g.length).toBe(ours.weights.length);
      g.forEach((v, i) => expectSame(v, gp[i]));
    }
  });

  it('refuses a layer without a stateSize, and a cell whose call does not give [output, ...states]', () => {
    expect(() => tn.layers.rnn({ cell: [tn.layers.lstmCell({ units: 2 }), tn.layers.dense({ units: 2 })] as never })).toThrow(/^layers\.stackedRNNCells: cells\[1\] must be an RNN cell .*a layer with a stateSize/);
    expect(() => tn.layers.rnn({ cell: tn.layers.dense({ units: 2 }) as never })).toThrow(/^layers\.rnn: cell must be an RNN cell .*a layer with a stateSize/);
    class Bad extends tn.layers.RNNCell {
      stateSize: number;

      constructor() {
        super({});
        this.stateSize = 2;
      }

      override call(inputs: tn.Tensor | tn.Tensor[]): tn.Tensor {
        return (inputs as tn.Tensor[])[1];
      }
    }
    expect(() => tn.layers.rnn({ cell: new Bad() }).apply(tn.ones([1, 3, 2]))).toThrow(/call: result must be 2 tensors: the output, then the new states/);
    // The field a TypeScript cell declares (as TF.js's abstract stateSize requires) but never set.
    class Unset extends tn.layers.RNNCell {
      declare stateSize: number;

      override call(inputs: tn.Tensor | tn.Tensor[]): tn.Tensor[] {
        return inputs as tn.Tensor[];
      }
    }
    // A field without initializer is an own undefined property (ES2022 class fields).
    class UnsetField extends tn.layers.RNNCell {
      stateSize!: number;

      override call(inputs: tn.Tensor | tn.Tensor[]): tn.Tensor[] {
        return inputs as tn.Tensor[];
      }
    }
    for (const cell of [new Unset({}), new UnsetField({})]) {
      expect(() => tn.layers.rnn({ cell }).apply(tn.ones([1, 3, 2]))).toThrow(/stateSize must be a positive integer or an array of them \(set this\.stateSize in the cell's constructor\), got undefined/);
    }
  });
});
