import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// An elementwise merge keeps a step where every masked input keeps it, as Keras's Merge.compute_mask (TF.js 4.22's
// returns the first input's mask with a leading 1 dim, and its models throw on masked merges, so Keras is the reference).

describe('elementwise merge masks', () => {
  it('computeMask ANDs the masks that are given, and gives none when none is', () => {
    const xs = [tn.ones([1, 3, 2]), tn.ones([1, 3, 2]), tn.ones([1, 3, 2])];
    const m1 = tn.tensor2d([[true, true, false]], [1, 3], 'bool');
    const m2 = tn.tensor2d([[1, 0, 1]], [1, 3]);
    const and = tn.layers.add().computeMask(xs, [m1, null, m2]) as tn.Tensor;
    expect(and.shape).toEqual([1, 3]);
    expect(and.dtype).toBe('bool');
    expect(Array.from(and.dataSync())).toEqual([1, 0, 0]);
    expect(tn.layers.multiply().computeMask(xs, [null, null, null])).toBeNull();
    expect(tn.layers.maximum().computeMask(xs, null)).toBeNull();
    expect(() => tn.layers.add().computeMask(xs, [m1])).toThrow(/mask/);
  });

  it('a model\'s LSTM after add() of two masked embeddings skips the steps either input masks', () => {
    const emb = () => tn.layers.embedding({ inputDim: 10, outputDim: 3, inputLength: 4, maskZero: true, embeddingsInitializer: 'ones' });
    const lstm = tn.layers.lstm({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'ones', biasInitializer: 'zeros' });
    const a = tn.input({ shape: [4] });
    const b = tn.input({ shape: [4] });
    const model = tn.model({ inputs: [a, b], outputs: lstm.apply(tn.layers.add().apply([emb().apply(a), emb().apply(b)]) as tn.SymbolicTensor) as tn.SymbolicTensor });
    const ids = tn.tensor2d([[1, 2, 3, 4], [1, 2, 0, 0], [5, 0, 5, 5], [1, 1, 1, 1]]);
    const other = tn.tensor2d([[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 1, 1], [0, 0, 0, 0]]);
    const got = model.predict([ids, other]) as tn.Tensor;
    // The same LSTM on the summed embeddings (2 everywhere) with the AND of the masks, given by hand.
    const mask = tn.tensor2d([[1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 1, 1], [0, 0, 0, 0]]).cast('bool');
    const want = lstm.apply(tn.fill([4, 4, 3], 2), { mask }) as tn.Tensor;
    expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
    // Sample 3 has every step masked: the LSTM keeps its zero state.
    expect(Array.from(got.dataSync()).slice(6)).toEqual([0, 0]);
    expect(got.dataSync()[2]).not.toBeCloseTo(got.dataSync()[0], 3);
  });
});
