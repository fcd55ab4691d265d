import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// The value-dependent selections (unique, whereAsync, booleanMaskAsync, setdiff1dAsync, inTopKAsync): values by
// hand, and bad input naming the op and argument.

describe('value-dependent selections', () => {
  it('select by hand-checked values', async () => {
    const { values, indices } = tn.unique(tn.tensor1d([4, 1, 4, 2, 1]));
    expect(Array.from(values.dataSync())).toEqual([4, 1, 2]);
    expect(Array.from(indices.dataSync())).toEqual([0, 1, 0, 2, 1]);
    expect((await tn.whereAsync(tn.tensor2d([[false, true], [true, false]]))).arraySync()).toEqual([[0, 1], [1, 0]]);
    expect((await tn.booleanMaskAsync(tn.tensor2d([[1, 2], [3, 4]]), tn.tensor1d([false, true]), 1)).arraySync()).toEqual([[2], [4]]);
    // A negative axis counts from the end: the last axis of [2, 2, 2] masked by a 1-D mask, and its last two by a 2-D one.
    const cube = tn.range(0, 8).reshape([2, 2, 2]);
    expect((await tn.booleanMaskAsync(cube, tn.tensor1d([false, true]), -1)).arraySync()).toEqual([[[1], [3]], [[5], [7]]]);
    expect((await tn.booleanMaskAsync(cube, tn.tensor2d([[true, false], [false, true]]), -2)).arraySync()).toEqual([[0, 3], [4, 7]]);
    const [kept, at] = await tn.setdiff1dAsync(tn.tensor1d([5, 6, 7]), tn.tensor1d([6]));
    expect([Array.from(kept.dataSync()), Array.from(at.dataSync())]).toEqual([[5, 7], [0, 2]]);
    expect(Array.from((await tn.inTopKAsync(tn.tensor2d([[1, 3, 3]]), tn.tensor1d([2], 'int32'), 1)).dataSync())).toEqual([0]);
  });

  it('refuse bad input, naming the op and the argument', async () => {
    const x = tn.tensor2d([[1, 2], [3, 4]]);
    await expect(tn.whereAsync(tn.tensor1d([1, 0]))).rejects.toThrow(/whereAsync: condition must be a bool tensor, got a float32 tensor/);
    await expect(tn.booleanMaskAsync(x, tn.scalar(true))).rejects.toThrow(/booleanMaskAsync: mask must be a tensor of rank >= 1, got a scalar/);
    await expect(tn.booleanMaskAsync(x, tn.tensor1d([true]))).rejects.toThrow(/booleanMaskAsync: mask must be the shape \[2\] of tensor's axes 0 … 0, got shape \[1\]/);
    await expect(tn.booleanMaskAsync(x, tn.tensor2d([[true, false], [false, true]]), -1)).rejects.toThrow("booleanMaskAsync: mask must be at most 1: the tensor's axes from axis 1 on, got rank 2");
    await expect(tn.booleanMaskAsync(x, tn.tensor1d([true, false]), 2)).rejects.toThrow('booleanMaskAsync: axis must be an integer in [-2, 2) for a rank-2 tensor, got number 2');
    await expect(tn.setdiff1dAsync(tn.tensor1d([1]), tn.tensor1d([1], 'int32'))).rejects.toThrow(/setdiff1dAsync: y must be the dtype float32 of x, got dtype int32/);
    await expect(tn.inTopKAsync(x, tn.tensor1d([0, 1], 'int32'), 3)).rejects.toThrow(/inTopKAsync: k must be an integer in \[1, 2\], got 3/);
    expect(() => tn.unique(tn.scalar(1))).toThrow(/unique: x must be a tensor of rank >= 1, got a scalar/);
    expect(() => tn.unique(x, 2)).toThrow(/unique: axis must be integers in \[-2, 2\)/);
  });
});

describe('multinomial', () => {
  it('draws each class about as often as its probability, replayably from a seed', () => {
    const draws = tn.multinomial(tn.tensor1d([0.2, 0.3, 0.5]), 4000, 11, true);
    const counts = [0, 1, 2].map((k) => Array.from(draws.dataSync()).filter((v) => v === k).length / 4000);
    counts.forEach((c, k) => expect(Math.abs(c - [0.2, 0.3, 0.5][k])).toBeLessThan(0.03));
    expect(Array.from(tn.multinomial(tn.tensor2d([[1, 2], [3, 0]]), 5, 4).dataSync())).toEqual(Array.from(tn.multinomial(tn.tensor2d([[1, 2], [3, 0]]), 5, 4).dataSync()));
  });

  it('refuses bad input, naming the argument', () => {
    expect(() => tn.multinomial(tn.tensor1d([1]), 2)).toThrow(/multinomial: logits must be at least 2 outcomes, got 1 outcomes/);
    expect(() => tn.multinomial(tn.zeros([1, 2, 2]), 2)).toThrow(/multinomial: logits must be rank 1 or 2/);
    expect(() => tn.multinomial(tn.zeros([2]), -1)).toThrow(/multinomial: numSamples must be a non-negative integer/);
    expect(() => tn.multinomial(tn.zeros([2]), 1.5)).toThrow(/multinomial: numSamples must be a non-negative integer/);
  });
});

describe('bincount, denseBincount and searchSorted', () => {
  it('count and search by hand-checked values', () => {
    expect(Array.from(tn.bincount(tn.tensor1d([0, 2, 2, 5], 'int32'), [], 4).dataSync())).toEqual([1, 0, 2, 0]);
    expect(tn.denseBincount(tn.tensor2d([[0, 0], [1, 3]], [2, 2], 'int32'), [], 3, true).arraySync()).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(tn.searchSorted(tn.tensor1d([1, 3, 3, 5]), tn.tensor1d([3, 6]), 'right').arraySync()).toEqual([[3, 4]]);
  });

  it('hold each bin in the weights dtype as they sum, as TF.js: float32 bins rounded at every step', () => {
    const n = 1 << 17;
    let want = 0;
    for (let i = 0; i < n; i++) want = Math.fround(want + Math.fround(0.1));
    expect(want).toBe(13093.619140625);
    expect(tn.bincount(tn.zeros([n], 'int32'), tn.fill([n], 0.1), 2).dataSync()[0]).toBe(want);
    expect(tn.denseBincount(tn.zeros([2, n], 'int32'), tn.fill([2, n], 0.1), 2).dataSync()[2]).toBe(want);
    // int32 weights give int32 bins; float64 ones are not rounded to float32.
    expect(tn.bincount(tn.tensor1d([0, 1, 1], 'int32'), tn.tensor1d([3, 4, 5], 'int32'), 2).dtype).toBe('int32');
    expect(tn.bincount(tn.zeros([1000], 'int32'), tn.fill([1000], 0.1, 'float64'), 1).dataSync()[0]).toBeCloseTo(100, 10);
  });

  it('refuse bad input, naming the op and the argument', () => {
    expect(() => tn.bincount(tn.tensor1d([1]), [], 2)).toThrow(/bincount: x must be an int32 tensor, got a float32 tensor/);
    expect(() => tn.bincount(tn.tensor1d([1, 2], 'int32'), tn.tensor1d([1]), 2)).toThrow(/bincount: weights must be x's size \(2\) or no elements, got shape \[1\]/);
    expect(() => tn.bincount(tn.tensor1d([-1], 'int32'), [], 2)).toThrow(/bincount: x must be non-negative values, got the negative value -1/);
    expect(() => tn.denseBincount(tn.zeros([1, 1, 1], 'int32'), [], 2)).toThrow(/denseBincount: x must be rank 1 or 2, got rank 3/);
    expect(() => tn.searchSorted(tn.tensor2d([[1, 2], [3, 4]]), tn.tensor1d([1]))).toThrow(/searchSorted: values must be as many rows as sortedSequence's \[2, 2\] \(2\), got shape \[1\]/);
  });
});
