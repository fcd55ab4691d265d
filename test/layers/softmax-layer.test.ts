import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.layers.softmax', () => {
  it('normalizes over a list of axes, each exp(x - logSumExp(x, axes)) summing to 1 over them', () => {
    const x = tn.tensor3d([[[1, 2], [3, 4]]]);
    const y = tn.layers.softmax({ axis: [1, 2] }).apply(x) as tn.Tensor;
    const e = [1, 2, 3, 4].map(Math.exp);
    const total = e.reduce((a, b) => a + b, 0);
    Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(e[i] / total, 6));
  });

  it('refuses an axis that is not an integer or a non-empty list of them, and axes outside the input, naming the argument', () => {
    for (const axis of [[], [1.5], 'a', [1, null]]) {
      expect(() => tn.layers.softmax({ axis: axis as never })).toThrow(/layers\.softmax: axis must be an integer or a non-empty array of integers, got/);
    }
    const layer = tn.layers.softmax({ axis: [1, 3], name: 'sm' });
    expect(() => layer.apply(tn.input({ shape: [2, 2] }))).toThrow('sm: axis must be axes of the rank-3 input, got [1,3]');
    expect(() => tn.layers.softmax({ axis: -4, name: 'sm4' }).apply(tn.input({ shape: [2, 2] }))).toThrow('sm4: axis must be axes of the rank-3 input, got -4');
  });
});
