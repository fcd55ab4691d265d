import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// An activity penalty belongs to the call that recorded it, as Keras's: a new call on its own (a layer's or a model's
// apply) starts over, while the layers a model runs in one call (a shared layer twice) add up.

const l1 = () => tn.regularizers.l1({ l1: 1 });
const x = tn.tensor([[1, 2]], [1, 2], 'float64');
const values = (ts: tn.Tensor[]) => ts.map((t) => t.dataSync()[0]);

describe('activity penalties belong to the latest call', () => {
  it('a layer applied three times gives the last call\'s penalty, once', () => {
    const d = tn.layers.dense({ units: 1, kernelInitializer: 'ones', useBias: false, activityRegularizer: l1(), dtype: 'float64' });
    for (let i = 0; i < 3; i++) d.apply(x, { training: true });
    expect(values(d.calculateLosses())).toEqual([3]);
    // And taken once: a loss built after another call counts that call's penalty only.
    d.apply(x, { training: true });
    const { value, grads } = tn.variableGrads(() => tn.addN([tn.sum(d.apply(x, { training: true }) as tn.Tensor), ...d.calculateLosses()]) as tn.Scalar, [d.trainableWeights[0].read() as tn.Variable]);
    expect(value.dataSync()[0]).toBe(6);
    expect(Array.from(Object.values(grads)[0].dataSync())).toEqual([2, 4]);
  });

  it('a model applied to tensors keeps both calls of a shared layer, and starts over at its next apply', () => {
    const input = tn.input({ shape: [2], dtype: 'float64' });
    const shared = tn.layers.dense({ units: 2, kernelInitializer: 'ones', useBias: false, activityRegularizer: l1(), dtype: 'float64' });
    const model = tn.model({ inputs: input, outputs: shared.apply(shared.apply(input)) as tn.SymbolicTensor });
    model.apply(x, { training: true });
    // |[3, 3]| = 6 after the first call, |[6, 6]| = 12 after the second.
    expect(values(model.calculateLosses())).toEqual([6, 12]);
    model.apply(x, { training: true });
    model.apply(x, { training: true });
    expect(values(model.calculateLosses())).toEqual([6, 12]);
  });
});
