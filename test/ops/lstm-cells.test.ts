import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';
import { expectHvpOk } from './hvp';

// tfjs-core's basicLSTMCell, multiRNNCell and movingAverage: hand-computed values, first and second derivatives
// against central differences in float64, and bad input.

const RUNS = { ...FC, numRuns: 8 } as const;
const f64 = (v: number[], shape: number[]) => tn.tensor(v, shape, 'float64');
const sig = (v: number) => 1 / (1 + Math.exp(-v));

describe('basicLSTMCell and multiRNNCell', () => {
  it('one unit, one input: the gate order i, j, f, o by hand', () => {
    // [data, h] = [0.5, -1]; kernel columns give i, j, f, o.
    const kernel = f64([1, 2, 3, 4, 0.5, -0.5, 0.25, -0.25], [2, 4]);
    const bias = f64([0.1, 0.2, 0.3, 0.4], [4]);
    const [c, h] = tn.basicLSTMCell(tn.scalar(1, 'float64'), kernel, bias, f64([0.5], [1, 1]), f64([2], [1, 1]), f64([-1], [1, 1]));
    const [i, j, f, o] = [0.5 * 1 - 0.5 + 0.1, 0.5 * 2 + 0.5 + 0.2, 0.5 * 3 - 0.25 + 0.3, 0.5 * 4 + 0.25 + 0.4];
    const wantC = sig(i) * Math.tanh(j) + 2 * sig(1 + f);
    expect(c.dataSync()[0]).toBeCloseTo(wantC, 12);
    expect(h.dataSync()[0]).toBeCloseTo(Math.tanh(wantC) * sig(o), 12);
  });

  it('gradients of both outputs for kernel, bias, data, c and h (first and second order)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), seedArb, (batch, inputDim, units, seed) => {
      const inputs = [randTensor([inputDim + units, 4 * units], seed), randTensor([4 * units], seed + 1), randTensor([batch, inputDim], seed + 2),
        randTensor([batch, units], seed + 3), randTensor([batch, units], seed + 4)];
      const f = (k: tn.Tensor, b: tn.Tensor, x: tn.Tensor, c: tn.Tensor, h: tn.Tensor) => {
        const [nc, nh] = tn.basicLSTMCell(tn.scalar(1, 'float64'), k, b, x, c, h);
        return tn.concat([nc, nh], 1);
      };
      expectGradOk(f as (...xs: tn.Tensor[]) => tn.Tensor, inputs);
      expectHvpOk(f as (...xs: tn.Tensor[]) => tn.Tensor, inputs, seed);
    }), RUNS);
  });

  it('multiRNNCell feeds each cell the previous new h and keeps states per cell', () => {
    const k1 = randTensor([3, 8], 1);
    const k2 = randTensor([4, 8], 2);
    const b = randTensor([8], 3);
    const fb = tn.scalar(1, 'float64');
    const cell = (k: tn.Tensor) => (x: tn.Tensor2D, c: tn.Tensor2D, h: tn.Tensor2D) => tn.basicLSTMCell(fb, k, b, x, c, h);
    const x = randTensor([1, 1], 4) as tn.Tensor2D;
    const s = [randTensor([1, 2], 5), randTensor([1, 2], 6), randTensor([1, 2], 7), randTensor([1, 2], 8)] as tn.Tensor2D[];
    const [cs, hs] = tn.multiRNNCell([cell(k1), cell(k2)], x, [s[0], s[1]], [s[2], s[3]]);
    const [c1, h1] = tn.basicLSTMCell(fb, k1, b, x, s[0], s[2]);
    const [c2, h2] = tn.basicLSTMCell(fb, k2, b, h1, s[1], s[3]);
    expect(cs.map((t) => Array.from(t.dataSync()))).toEqual([c1, c2].map((t) => Array.from(t.dataSync())));
    expect(hs.map((t) => Array.from(t.dataSync()))).toEqual([h1, h2].map((t) => Array.from(t.dataSync())));
  });

  it('refuses mismatched shapes and arguments, naming them', () => {
    const z = (s: number[]) => tn.zeros(s);
    expect(() => tn.basicLSTMCell(1, z([3, 8]), z([8]), z([2, 1]), z([2, 2]), z([2, 2]))).not.toThrow();
    expect(() => tn.basicLSTMCell(1, z([3, 4]), z([8]), z([2, 1]), z([2, 2]), z([2, 2]))).toThrow(/basicLSTMCell: lstmKernel must be shape \[3, 8\] \(\[inputDim \+ units, 4 \* units\]\), got shape \[3, 4\]/);
    expect(() => tn.basicLSTMCell(1, z([3, 8]), z([4]), z([2, 1]), z([2, 2]), z([2, 2]))).toThrow(/basicLSTMCell: lstmBias must be shape \[8\]/);
    expect(() => tn.basicLSTMCell(1, z([3, 8]), z([8]), z([2, 1]), z([1, 2]), z([2, 2]))).toThrow(/basicLSTMCell: c must be shape \[2, 2\] as h, got shape \[1, 2\]/);
    expect(() => tn.basicLSTMCell(1, z([3, 8]), z([8]), z([2]), z([2, 2]), z([2, 2]))).toThrow(/basicLSTMCell: data must be rank 2/);
    expect(() => tn.basicLSTMCell([1, 2], z([3, 8]), z([8]), z([2, 1]), z([2, 2]), z([2, 2]))).toThrow(/basicLSTMCell: forgetBias must be a scalar/);
    expect(() => tn.multiRNNCell([], z([1, 1]) as tn.Tensor2D, [], [])).toThrow(/multiRNNCell: lstmCells must be a non-empty array/);
    const cell = (_x: tn.Tensor2D, c: tn.Tensor2D, h: tn.Tensor2D): [tn.Tensor2D, tn.Tensor2D] => [c, h];
    expect(() => tn.multiRNNCell([cell, cell], z([1, 1]) as tn.Tensor2D, [z([1, 1]) as tn.Tensor2D], [z([1, 1]) as tn.Tensor2D, z([1, 1]) as tn.Tensor2D])).toThrow(/multiRNNCell: c must be an array of 2 states/);
  });
});

describe('movingAverage', () => {
  it('debiased and plain, by hand', () => {
    const v = f64([1, 2], [2]);
    const x = f64([3, 6], [2]);
    expect(Array.from(tn.movingAverage(v, x, 0.75, 2).dataSync())).toEqual([1 + (2 * 0.25) / (1 - 0.5625), 2 + (4 * 0.25) / (1 - 0.5625)]);
    expect(Array.from(tn.movingAverage(v, x, 0.75, undefined, false).dataSync())).toEqual([1.5, 3]);
  });

  it('gradients for v and x (first and second order)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), seedArb, (n, seed) => {
      const f = (v: tn.Tensor, x: tn.Tensor) => tn.movingAverage(v, x, 0.9, 3);
      const inputs = [randTensor([n], seed), randTensor([n], seed + 1)];
      expectGradOk(f as (...xs: tn.Tensor[]) => tn.Tensor, inputs);
      expectHvpOk(f as (...xs: tn.Tensor[]) => tn.Tensor, inputs, seed);
    }), RUNS);
  });

  it('refuses a missing step, mismatched shapes and dtypes', () => {
    expect(() => tn.movingAverage(tn.zeros([2]), tn.zeros([2]), 0.9)).toThrow(/movingAverage: step must be a step count \(required when zeroDebias is true\), got undefined/);
    expect(() => tn.movingAverage(tn.zeros([2]), tn.zeros([3]), 0.9, 1)).toThrow(/movingAverage: x must be v's shape \[2\], got shape \[3\]/);
    expect(() => tn.movingAverage(tn.zeros([2]), tn.zeros([2], 'int32'), 0.9, 1)).toThrow(/movingAverage: v and x must have the same dtype/);
  });
});
