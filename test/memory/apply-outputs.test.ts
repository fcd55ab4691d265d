import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

type TL = typeof tf;
const libs: [string, TL][] = [['tfjs', tf], ['tessera', tn as unknown as TL]];

/** What each library gives for `run`, to be compared. */
function both<T>(run: (lib: TL) => T): { ours: T; theirs: T } {
  return { theirs: run(tf), ours: run(libs[1][1]) };
}

/** A layer whose call returns its input, as a user writes one. */
function identityLayer(lib: TL): tf.layers.Layer {
  class PassThrough extends lib.layers.Layer {
    constructor() {
      super({});
    }
    override call(x: tf.Tensor | tf.Tensor[]): tf.Tensor {
      return Array.isArray(x) ? x[0] : x;
    }
    static get className(): string {
      return 'PassThroughApplyOutputs';
    }
  }
  return new PassThrough();
}

describe('a layer or model whose output is its input gives a new tensor, as TF.js', () => {
  const cases: [string, (lib: TL) => { apply(x: tf.Tensor, kwargs?: object): tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[] }][] = [
    ['dropout', (lib) => lib.layers.dropout({ rate: 0.5 })],
    ['spatialDropout1d', (lib) => lib.layers.spatialDropout1d({ rate: 0.5 })],
    ['gaussianNoise', (lib) => lib.layers.gaussianNoise({ stddev: 0.5 })],
    ['gaussianDropout', (lib) => lib.layers.gaussianDropout({ rate: 0.5 })],
    ['alphaDropout', (lib) => lib.layers.alphaDropout({ rate: 0.5 })],
    ['linear activation', (lib) => lib.layers.activation({ activation: 'linear' })],
    ['a user layer returning its input', identityLayer],
    ['a dropout-only Sequential (model.apply)', (lib) => lib.sequential({ layers: [lib.layers.dropout({ rate: 0.5, inputShape: [3, 4] })] })],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      expect(both((lib) => {
        const x = lib.ones([2, 3, 4]);
        const before = lib.memory().numTensors;
        const y = make(lib).apply(x) as tf.Tensor;
        const made = lib.memory().numTensors - before;
        const same = y === x;
        y.dispose();
        const sum = x.sum().arraySync();
        x.dispose();
        return { same, made, sum };
      })).toEqual({ ours: { same: false, made: 1, sum: 24 }, theirs: { same: false, made: 1, sum: 24 } });
    });
  }
});

describe('eager apply outside a tidy leaves only the outputs, as TF.js', () => {
  const dense2 = (lib: TL) => [lib.layers.dense({ units: 4, activation: 'relu', kernelInitializer: 'ones' }), lib.layers.dense({ units: 1, kernelInitializer: 'ones' })];
  const cases: [string, (lib: TL) => tf.layers.Layer, number[]][] = [
    ['a Sequential model.apply', (lib) => lib.sequential({ layers: dense2(lib).map((l, i) => (i === 0 ? lib.layers.dense({ units: 4, activation: 'relu', inputShape: [3] }) : l)) }), [8, 3]],
    ['a functional model.apply', (lib) => {
      const i = lib.input({ shape: [3] });
      const [a, b] = dense2(lib);
      return lib.model({ inputs: i, outputs: b.apply(a.apply(i)) as tf.SymbolicTensor });
    }, [8, 3]],
    ['bidirectional lstm, concat', (lib) => lib.layers.bidirectional({ layer: lib.layers.lstm({ units: 2 }) as tf.RNN }), [2, 3, 2]],
    ['bidirectional gru, returnSequences, ave', (lib) => lib.layers.bidirectional({ layer: lib.layers.gru({ units: 2, returnSequences: true }) as tf.RNN, mergeMode: 'ave' }), [2, 3, 2]],
    ['bidirectional simpleRNN, returnSequences, mul', (lib) => lib.layers.bidirectional({ layer: lib.layers.simpleRNN({ units: 2, returnSequences: true }) as tf.RNN, mergeMode: 'mul' }), [2, 3, 2]],
    ['bidirectional lstm, mergeMode null, returnState', (lib) => lib.layers.bidirectional({ layer: lib.layers.lstm({ units: 2, returnState: true }) as tf.RNN, mergeMode: null as unknown as 'concat' }), [2, 3, 2]],
  ];
  for (const [name, make, shape] of cases) {
    it(name, () => {
      expect(both((lib) => {
        const layer = make(lib);
        const x = lib.ones(shape);
        lib.dispose(layer.apply(x) as tf.Tensor); // builds the weights
        const before = lib.memory().numTensors;
        const outputs: number[] = [];
        for (const training of [false, true]) {
          const y = layer.apply(x, { training }) as tf.Tensor | tf.Tensor[];
          outputs.push(Array.isArray(y) ? y.length : 1);
          lib.dispose(y);
        }
        const left = lib.memory().numTensors - before;
        x.dispose();
        return { left, outputs };
      })).toMatchObject({ ours: { left: 0 }, theirs: { left: 0 } });
    });
  }
});
