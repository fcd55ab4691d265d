import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

// TF.js's cell API, as its convLstm2dCell example uses it: build with the batch dim, then call([x, ...states]).

const values = (t: tn.Tensor | tf.Tensor): number[] => Array.from((t as tf.Tensor).dataSync());

describe('layer.build takes the batch dim, and a cell\'s call([x, ...states]) gives [output, ...states], as TF.js', () => {
  it('conv2d and dense built from a full shape have TF.js\'s weight shapes', () => {
    for (const lib of [tn, tf] as unknown as (typeof tf)[]) {
      const conv = lib.layers.conv2d({ filters: 2, kernelSize: 3 });
      conv.build([null, 8, 8, 1]);
      expect(conv.getWeights().map((w) => w.shape)).toEqual([[3, 3, 1, 2], [2]]);
      const dense = lib.layers.dense({ units: 3 });
      dense.build([4, 5]);
      expect(dense.getWeights().map((w) => w.shape)).toEqual([[5, 3], [3]]);
    }
  });

  it('lstmCell, gruCell, simpleRNNCell and convLstm2dCell steps equal TF.js\'s', () => {
    const cases: [string, Record<string, unknown>, number[], number[][]][] = [
      ['lstmCell', { units: 2 }, [3, 4], [[3, 2], [3, 2]]],
      ['gruCell', { units: 2 }, [3, 4], [[3, 2]]],
      ['simpleRNNCell', { units: 2 }, [3, 4], [[3, 2]]],
      ['convLstm2dCell', { filters: 2, kernelSize: 2, padding: 'same' }, [1, 4, 4, 3], [[1, 4, 4, 2], [1, 4, 4, 2]]],
    ];
    for (const [factory, args, xShape, stateShapes] of cases) {
      const results = ([tn, tf] as unknown as (typeof tf)[]).map((lib) => {
        const init = { kernelInitializer: lib.initializers.glorotUniform({ seed: 3 }), recurrentInitializer: lib.initializers.glorotUniform({ seed: 4 }), biasInitializer: 'ones' };
        const cell = (lib.layers as unknown as Record<string, (a: object) => tf.layers.Layer>)[factory]({ ...args, ...init });
        cell.build([null, ...xShape.slice(1)]);
        const x = lib.randomUniform(xShape, -1, 1, 'float32', 5);
        const states = stateShapes.map((s, i) => lib.randomUniform(s, -1, 1, 'float32', 6 + i));
        return (cell.call([x, ...states], {}) as tf.Tensor[]).map(values);
      });
      expect(results[0].length, factory).toBe(stateShapes.length + 1);
      results[0].forEach((r, i) => r.forEach((v, j) => expect(v, `${factory} result ${i}[${j}]`).toBeCloseTo(results[1][i][j], 5)));
    }
  });

  it('a cell given the wrong states names them', () => {
    const cell = tn.layers.lstmCell({ units: 2, name: 'c' });
    const x = tn.ones([3, 4]);
    expect(() => cell.call([x, tn.zeros([3, 2])], {})).toThrow(/^c\.call: inputs must be 3 \(the input, then \[3, 2\], \[3, 2\]\), got 2 tensors$/);
    expect(() => cell.call([x, tn.zeros([3, 2]), tn.zeros([2, 2])], {})).toThrow(/^c\.call: inputs\[2\] must be shape \[3, 2\] and dtype float32, got shape \[2, 2\] and dtype float32$/);
    expect(cell.built).toBe(false);
  });

  it('stateSize is TF.js\'s: a number for simpleRNNCell and gruCell, an array for lstmCell, convLstm2dCell and stacked cells', () => {
    const sizes = ([tn, tf] as unknown as (typeof tf)[]).map((lib) => [
      lib.layers.simpleRNNCell({ units: 3 }), lib.layers.gruCell({ units: 4 }), lib.layers.lstmCell({ units: 2 }),
      lib.layers.convLstm2dCell({ filters: 5, kernelSize: 2 }),
      lib.layers.stackedRNNCells({ cells: [lib.layers.lstmCell({ units: 2 }), lib.layers.gruCell({ units: 3 })] }),
    ].map((c) => (c as unknown as { stateSize: number | number[] }).stateSize));
    expect(sizes[0]).toEqual([3, 4, [2, 2], [5, 5], [3, 2, 2]]);
    expect(sizes[0]).toEqual(sizes[1]);
    // The idiom it serves: zeros of [batch, cell.stateSize] as the state for a hand-stepped cell.
    const cell = tn.layers.gruCell({ units: 4 });
    const h = tn.zeros([2, cell.stateSize as number]);
    expect((cell.call([tn.ones([2, 3]), h], {}) as tn.Tensor[]).map((t) => t.shape)).toEqual([[2, 4], [2, 4]]);
  });

  it('a cell\'s call and apply([x, ...states]) add only their results to the live tensors, as TF.js\'s', () => {
    for (const factory of ['simpleRNNCell', 'gruCell', 'lstmCell']) {
      const added = ([tn, tf] as unknown as (typeof tf)[]).map((lib) => {
        const cell = (lib.layers as unknown as Record<string, (a: object) => tf.layers.Layer>)[factory]({ units: 2 });
        cell.build([1, 2]);
        const x = lib.ones([1, 2]);
        const states = (factory === 'lstmCell' ? [0, 1] : [0]).map(() => lib.zeros([1, 2]));
        return (['call', 'apply'] as const).map((how) => {
          const before = lib.memory().numTensors;
          const r = how === 'call' ? cell.call([x, ...states], {}) : cell.apply([x, ...states]);
          const n = lib.memory().numTensors - before;
          const out = (r as tf.Tensor[]).map(values);
          (r as tf.Tensor[]).forEach((t) => t.dispose());
          return { n, out };
        });
      });
      expect(added[0].map((a) => a.n), factory).toEqual(added[1].map((a) => a.n));
      expect(added[0][1].out, factory).toEqual(added[0][0].out);
    }
  });
});
