import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.math.confusionMatrix', () => {
  it('counts label/prediction pairs as int32 [numClasses, numClasses]', () => {
    const cm = tn.math.confusionMatrix(tn.tensor1d([0, 1, 2, 1, 0, 2], 'int32'), tn.tensor1d([0, 2, 2, 1, 1, 2], 'int32'), 3);
    expect(cm.dtype).toBe('int32');
    expect(cm.arraySync()).toEqual([[1, 1, 0], [0, 1, 1], [0, 0, 2]]);
  });

  it('names the op, the argument, what it got and what it expects', () => {
    const l = tn.tensor1d([0, 1], 'int32');
    expect(() => tn.math.confusionMatrix(l, l, 1)).toThrow(/confusionMatrix: numClasses must be an integer >= 2, got number 1/);
    expect(() => tn.math.confusionMatrix(l, tn.tensor1d([0], 'int32'), 2)).toThrow(/confusionMatrix: predictions must be as many as labels \(2\), got 1 examples/);
    expect(() => tn.math.confusionMatrix(tn.tensor2d([[0]]), l, 2)).toThrow(/confusionMatrix: labels must be rank 1/);
    expect(() => tn.math.confusionMatrix(tn.tensor1d([0, 2.5]), l, 2)).toThrow(/confusionMatrix: labels\[1\] must be a class id in \[0, 1\], got 2.5/);
  });
});
