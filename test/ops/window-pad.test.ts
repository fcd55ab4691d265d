import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, distinctTensor, expectGradOk, randTensor } from '../helpers';
import { expectHvpOk } from './hvp';

// Numeric and explicit pads of the window ops: x padded, then the 'valid' op; the gradients flow through the pad.

type Pads = [[number, number], [number, number], [number, number], [number, number]];
const padArb = fc.oneof(
  fc.integer({ min: 0, max: 2 }),
  fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2)).map(([t, b, l, r]): Pads => [[0, 0], [t, b], [l, r], [0, 0]]),
);
const caseArb = fc.record({
  side: fc.integer({ min: 3, max: 5 }), k: fc.integer({ min: 1, max: 3 }), stride: fc.integer({ min: 1, max: 2 }), pad: padArb,
  rounding: fc.constantFrom(undefined, 'floor' as const, 'ceil' as const, 'round' as const), seed: fc.nat(1000),
});

describe('numeric and explicit pads of conv2d, depthwiseConv2d, maxPool and avgPool', () => {
  it('conv2d: a numeric pad is zeros around x, then a valid conv2d', () => {
    const x = tn.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    const w = tn.ones([2, 2, 1, 1]);
    expect(tn.conv2d(x, w, 1, 1).arraySync()).toEqual([[[[1], [3], [2]], [[4], [10], [6]], [[3], [7], [4]]]]);
    expect(tn.avgPool(x, 2, 1, 1).arraySync()).toEqual([[[[1], [1.5], [2]], [[2], [2.5], [3]], [[3], [3.5], [4]]]]);
    expect(tn.maxPool(tn.neg(x), 2, 1, 1).arraySync()).toEqual([[[[-1], [-1], [-2]], [[-1], [-1], [-2]], [[-3], [-3], [-4]]]]);
  });

  it('float64 gradients and Hessian-vector products match finite differences', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const x = randTensor([1, c.side, c.side + 1, 2], c.seed);
      const w = randTensor([c.k, c.k, 2, 2], c.seed + 1);
      const conv = (a: tn.Tensor, b: tn.Tensor) => tn.conv2d(a, b, c.stride, c.pad, 'NHWC', 1, c.rounding);
      expectGradOk(conv, [x, w]);
      expectHvpOk((a, b) => tn.sum(tn.square(conv(a, b))), [x, w], c.seed);
      const depthwise = (a: tn.Tensor, b: tn.Tensor) => tn.depthwiseConv2d(a, b, c.stride, c.pad, 'NHWC', 1, c.rounding);
      expectGradOk(depthwise, [x, w]);
      expectHvpOk((a, b) => tn.sum(tn.square(depthwise(a, b))), [x, w], c.seed);
      const avg = (a: tn.Tensor) => tn.avgPool(a, c.k, c.stride, c.pad, c.rounding);
      // A window wholly in the padding averages no cell (NaN, as TF.js) and has no maximum (-Infinity): kept out here.
      if (!avg(x).dataSync().every(Number.isFinite)) return;
      expectGradOk(avg, [x]);
      expectHvpOk((a) => tn.sum(tn.square(avg(a))), [x], c.seed);
      // Distinct values: no ties for the maximum.
      expectGradOk((a) => tn.maxPool(a, c.k, c.stride, c.pad, c.rounding), [distinctTensor([1, c.side, c.side + 1, 2], c.seed)]);
    }), { ...FC, numRuns: 25 });
  });

  it('a numeric or explicit pad that leaves no window gives an empty axis, as TF.js 4.22 does, with zero gradients', () => {
    const x = tn.ones([1, 2, 5, 1]);
    const w = tn.ones([3, 3, 1, 1]);
    expect(tn.conv2d(x, w, 1, 0).shape).toEqual([1, 0, 3, 1]);
    expect(tn.conv2d(x, w, 2, [[0, 0], [0, 0], [1, 1], [0, 0]]).shape).toEqual([1, 0, 3, 1]);
    expect(tn.depthwiseConv2d(x, w, 1, 0).shape).toEqual([1, 0, 3, 1]);
    expect(tn.maxPool(x, 3, 1, 0).shape).toEqual([1, 0, 3, 1]);
    expect(tn.avgPool(x, 3, 1, 0, 'ceil').shape).toEqual([1, 0, 3, 1]);
    expect(tn.maxPool3d(tn.ones([1, 2, 2, 5, 1]), 3, 1, 0).shape).toEqual([1, 0, 0, 3, 1]);
    const [gx, gw] = tn.grads((a: tn.Tensor, b: tn.Tensor) => tn.sum(tn.conv2d(a as tn.Tensor4D, b as tn.Tensor4D, 1, 0)))([x, w]);
    expect(Array.from(gx.dataSync())).toEqual(new Array(10).fill(0));
    expect(Array.from(gw.dataSync())).toEqual(new Array(9).fill(0));
    expect(() => tn.conv2d(tn.ones([1, 1, 1, 1]), tn.ones([5, 5, 1, 1]), 1, 0)).toThrow(/conv2d: pad must be paddings that leave a count of windows of 0 or more \(x \[1, 1, 1, 1\], window \[5, 5\], output -3x-3\), got 0/);
  });

  it('bad pads name the op, the argument, what it got and what it expects', () => {
    const x = tn.zeros([1, 4, 4, 1]);
    const w = tn.zeros([2, 2, 1, 1]);
    expect(() => tn.conv2d(x, w, 1, -1)).toThrow(/conv2d: pad must be 'valid', 'same', a non-negative integer, or \[\[0, 0\], \[top, bottom\], \[left, right\], \[0, 0\]\] of them, got number -1/);
    expect(() => tn.maxPool(x, 2, 1, [[1, 0], [1, 1], [1, 1], [0, 0]])).toThrow(/maxPool: pad must be 'valid', 'same', a non-negative integer/);
    expect(() => tn.avgPool(x, 2, 1, 'same', 'floor')).toThrow(/avgPool: pad must be an integer or explicit paddings when dimRoundingMode \('floor'\) is given, got "same"/);
    expect(() => tn.depthwiseConv2d(x, w, 1, 1.5)).toThrow(/depthwiseConv2d: pad must be/);
  });
});
