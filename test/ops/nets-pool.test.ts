import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, distinctTensor, expectGradOk, randTensor, seedArb } from '../helpers';
import { expectHvpOk } from './hvp';
import { expectMatchesTfjs, tf, twin } from './nets-reference';

const dim = (max: number) => fc.integer({ min: 1, max });

/** A pooling geometry; 'valid' windows fit the image. */
const poolArb = fc.record({
  batch: dim(2), inH: dim(7), inW: dim(7), channels: dim(3),
  fh: dim(3), fw: dim(3), sH: dim(3), sW: dim(3), pad: fc.constantFrom<'valid' | 'same'>('valid', 'same'), seed: seedArb,
}).filter((c) => c.pad === 'same' || (c.fh <= c.inH && c.fw <= c.inW));

describe('avgPool and maxPool', () => {
  it("avgPool and maxPool match TF.js on 'valid' and 'same' windows of every size and stride", () => {
    fc.assert(fc.property(poolArb, (c) => {
      const [x, tx] = twin([c.batch, c.inH, c.inW, c.channels], c.seed);
      const f: [number, number] = [c.fh, c.fw];
      const s: [number, number] = [c.sH, c.sW];
      expectMatchesTfjs(tn.avgPool(x, f, s, c.pad), tf.avgPool(tx as tf.Tensor4D, f, s, c.pad));
      expectMatchesTfjs(tn.maxPool(x, f, s, c.pad), tf.maxPool(tx as tf.Tensor4D, f, s, c.pad));
    }), { ...FC, numRuns: 60 });
  });

  it("hand-computed 'same' average: border windows average only the cells inside the image", () => {
    const x = tn.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3, 1]);
    const y = tn.avgPool(x, 2, 2, 'same');
    // Windows start at rows/cols 0 and 2 (padTotal 1, all after): [1 2 4 5], [3 6], [7 8], [9].
    expect(y.shape).toEqual([2, 2, 1]);
    expect(Array.from(y.dataSync())).toEqual([3, 4.5, 7.5, 9]);
    expect(Array.from(tn.avgPool(x, 3, 1, 'valid').dataSync())).toEqual([5]);
  });

  it('avgPool gradients and Hessian-vector products (float64)', () => {
    fc.assert(fc.property(poolArb, (c) => {
      const x = randTensor([c.batch, c.inH, c.inW, c.channels], c.seed);
      const f = (t: tn.Tensor) => tn.avgPool(t, [c.fh, c.fw], [c.sH, c.sW], c.pad);
      expectGradOk(f, [x]);
      expectHvpOk(f, [x], c.seed);
    }), { ...FC, numRuns: 30 });
  });

  it("maxPool with 'same' padding: gradients and Hessian-vector products (float64, no ties)", () => {
    fc.assert(fc.property(poolArb.filter((c) => c.pad === 'same'), (c) => {
      const x = distinctTensor([c.batch, c.inH, c.inW, c.channels], c.seed);
      const f = (t: tn.Tensor) => tn.maxPool(t, [c.fh, c.fw], [c.sH, c.sW], 'same');
      expectGradOk(f, [x]);
      expectHvpOk(f, [x], c.seed);
    }), { ...FC, numRuns: 20 });
  });

  it('rejects bad input, naming op and argument', () => {
    const x = tn.zeros([1, 4, 4, 1]);
    expect(() => tn.avgPool(tn.zeros([4, 4]), 2, 2, 'valid')).toThrow(/avgPool: x must be rank 4 \[batch, height, width, channels\], or rank 3 for one image, got shape \[4, 4\] \(rank 2\)/);
    expect(() => tn.avgPool(x, 0, 2, 'valid')).toThrow(/avgPool: filterSize must be a positive integer or a pair \[h, w\] of them, got number 0/);
    expect(() => tn.avgPool(x, 2, [1, 2, 3] as unknown as number, 'valid')).toThrow(/avgPool: strides must be/);
    expect(() => tn.avgPool(x, 2, 2, 'full' as 'same')).toThrow(/avgPool: pad must be 'valid', 'same', a non-negative integer, or .* of them, got string "full"/);
    expect(() => tn.avgPool(x, 6, 1, 'valid')).toThrow(/avgPool: with 'valid' padding filterSize \[6, 6\] must come within a stride of fitting inside x's height and width \(x \[1, 4, 4, 1\], strides \[1, 1\]\)/);
    expect(() => tn.avgPool(x, 2, 2, 'same', 'up' as 'ceil')).toThrow(/avgPool: dimRoundingMode must be 'floor', 'round' or 'ceil', got string "up"/);
  });
});
