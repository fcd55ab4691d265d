import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';
import { expectHvpOk } from './hvp';

// conv3d, conv3dTranspose, maxPool3d and avgPool3d: a naive reference for values, first and second derivatives against central
// differences in float64, and bad input.

const RUNS = { ...FC, numRuns: 6 } as const;

/** Direct 3-D convolution, channels last, 'same' padding split TF's way (extra after), with depth dilation. */
function naiveConv3d(x: tn.Tensor, f: tn.Tensor, s: number[], pad: 'same' | 'valid', dil: number[]): number[] {
  const [b, D, H, W, C] = x.shape;
  const [kd, kh, kw, , O] = f.shape;
  const xv = x.dataSync();
  const fv = f.dataSync();
  const dims = [D, H, W];
  const spans = [kd, kh, kw].map((k, i) => (k - 1) * dil[i] + 1);
  const outs = dims.map((d, i) => (pad === 'valid' ? Math.ceil((d - spans[i] + 1) / s[i]) : Math.ceil(d / s[i])));
  const fronts = dims.map((d, i) => (pad === 'valid' ? 0 : Math.floor(Math.max((outs[i] - 1) * s[i] + spans[i] - d, 0) / 2)));
  const out: number[] = [];
  for (let n = 0; n < b; n++) for (let od = 0; od < outs[0]; od++) for (let oh = 0; oh < outs[1]; oh++) for (let ow = 0; ow < outs[2]; ow++) for (let o = 0; o < O; o++) {
    let acc = 0;
    for (let a = 0; a < kd; a++) for (let p = 0; p < kh; p++) for (let q = 0; q < kw; q++) {
      const [d, h, w] = [od * s[0] - fronts[0] + a * dil[0], oh * s[1] - fronts[1] + p * dil[1], ow * s[2] - fronts[2] + q * dil[2]];
      if (d < 0 || d >= D || h < 0 || h >= H || w < 0 || w >= W) continue;
      for (let c = 0; c < C; c++) acc += xv[((((n * D + d) * H + h) * W + w) * C) + c] * fv[((((a * kh + p) * kw + q) * C + c) * O) + o];
    }
    out.push(acc);
  }
  return out;
}

describe('conv3d, maxPool3d, avgPool3d', () => {
  it('conv3d matches a direct 3-D convolution for strides, dilations and both paddings', () => {
    const x = randTensor([2, 5, 4, 4, 2], 1);
    const f = randTensor([3, 2, 2, 2, 3], 2);
    for (const [s, pad, dil] of [[[1, 1, 1], 'same', [1, 1, 1]], [[2, 1, 2], 'valid', [1, 1, 1]], [[1, 1, 1], 'same', [2, 1, 2]], [[2, 2, 2], 'same', [1, 1, 1]]] as const) {
      const y = tn.conv3d(x, f, [...s] as [number, number, number], pad, 'NDHWC', [...dil] as [number, number, number]);
      const want = naiveConv3d(x, f, [...s], pad, [...dil]);
      Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
    }
  });

  it('pools by hand: max and the mean over cells inside x', () => {
    const x = tn.tensor(Array.from({ length: 3 * 2 * 2 }, (_, i) => i), [1, 3, 2, 2, 1], 'float64');
    expect(Array.from(tn.maxPool3d(x, 2, 2, 'same').dataSync())).toEqual([7, 11]);
    // Second window along depth holds one slice (depth 2), mean of 8..11.
    expect(Array.from(tn.avgPool3d(x, 2, 2, 'same').dataSync())).toEqual([3.5, 9.5]);
    expect(Array.from(tn.avgPool3d(x, [2, 1, 1], 1, 'valid').dataSync())).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("maxPool3d's gradient at a tied maximum goes to the window's first cell in depth, row, column order (as maxPool and PyTorch)", () => {
    // An all-zero 2×2×2 window (relu's output over a dark region) and one whose maximum 3 is at depth 0 and depth 1.
    const x = tn.tensor([0, 0, 1, 2, 0, 0, 3, 0, 0, 0, 3, 1, 0, 0, 2, 0], [1, 2, 2, 4, 1]);
    const g = tn.grad((t: tn.Tensor) => tn.maxPool3d(t, 2, 2, 'valid').sum())(x);
    expect(Array.from(g.dataSync())).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
  it('gradients of all three (first and second order)', () => {
    fc.assert(fc.property(seedArb, fc.constantFrom<'same' | 'valid'>('same', 'valid'), fc.integer({ min: 1, max: 2 }), (seed, pad, stride) => {
      const x = randTensor([1, 3, 3, 3, 2], seed);
      const f = randTensor([2, 2, 2, 2, 2], seed + 1);
      const conv = (a: tn.Tensor, b: tn.Tensor) => tn.conv3d(a, b, stride, pad);
      expectGradOk(conv as (...xs: tn.Tensor[]) => tn.Tensor, [x, f]);
      expectHvpOk(conv as (...xs: tn.Tensor[]) => tn.Tensor, [x, f], seed);
      for (const pool of [tn.maxPool3d, tn.avgPool3d]) {
        const g = (a: tn.Tensor) => pool(a, 2, stride, pad);
        expectGradOk(g as (...xs: tn.Tensor[]) => tn.Tensor, [x]);
        expectHvpOk(g as (...xs: tn.Tensor[]) => tn.Tensor, [x], seed);
      }
    }), RUNS);
  });

  it('numeric pads: TF.js sizes (each axis with its own window and stride, rounded by dimRoundingMode), an empty window averages to 0, and gradients', () => {
    const x = tn.tensor(Array.from({ length: 2 * 2 * 2 }, (_, i) => i + 1), [1, 2, 2, 2, 1], 'float64');
    // Pad 1, window 2, stride 2: round((2 - 2 + 2) / 2 + 1) = 2 windows per axis, each holding one cell of x.
    expect(Array.from(tn.avgPool3d(x, 2, 2, 1, 'round').dataSync())).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(tn.maxPool3d(x, [2, 1, 2], [1, 2, 1], 1).shape).toEqual([1, 3, 2, 3, 1]);
    // ceil adds a window wholly in the padding at the end of each axis: max -Infinity, mean 0 (as TF.js's kernel).
    const y = tn.avgPool3d(x, 1, 2, 1, 'ceil');
    expect(y.shape).toEqual([1, 3, 3, 3, 1]);
    expect(Array.from(y.dataSync()).filter((v) => v !== 0)).toEqual([8]);
    expect(Array.from(tn.maxPool3d(x, 1, 2, 1, 'ceil').dataSync()).filter((v) => v !== -Infinity)).toEqual([8]);
    fc.assert(fc.property(seedArb, fc.constantFrom<'floor' | 'ceil' | undefined>('floor', 'ceil', undefined), (seed, rounding) => {
      const v = randTensor([1, 3, 4, 3, 2], seed);
      // A window wholly in the padding is -Infinity for max: held at -100 there, so the differences stay finite.
      for (const g of [(a: tn.Tensor) => tn.maximum(tn.maxPool3d(a, [2, 3, 2], [2, 1, 2], 1, rounding), -100), (a: tn.Tensor) => tn.avgPool3d(a, [2, 3, 2], [2, 1, 2], 1, rounding)]) {
        expectGradOk(g, [v]);
        expectHvpOk(g, [v], seed);
      }
    }), RUNS);
  });

  it('conv3dTranspose is the adjoint of conv3d: <conv3d(z, f), x> = <z, conv3dTranspose(x, f)>, with its gradients', () => {
    const f = randTensor([3, 2, 2, 2, 3], 7);
    for (const [zShape, s, pad] of [[[2, 5, 4, 5, 2], [2, 1, 2], 'same'], [[1, 6, 5, 4, 2], [2, 2, 1], 'valid'], [[1, 3, 3, 3, 2], [1, 1, 1], 'same']] as const) {
      const z = randTensor([...zShape], 8);
      const y = tn.conv3d(z, f, [...s] as [number, number, number], pad);
      const x = randTensor(y.shape, 9);
      const t = tn.conv3dTranspose(x, f, [...zShape] as [number, number, number, number, number], [...s] as [number, number, number], pad);
      expect(t.shape).toEqual(zShape);
      expect(tn.sum(tn.mul(t, z)).dataSync()[0]).toBeCloseTo(tn.sum(tn.mul(y, x)).dataSync()[0], 10);
    }
    const x = randTensor([1, 2, 2, 2, 3], 10);
    const tr = (a: tn.Tensor, b: tn.Tensor) => tn.conv3dTranspose(a, b, [1, 3, 4, 3, 2], 2, 'same');
    expectGradOk(tr as (...xs: tn.Tensor[]) => tn.Tensor, [x, f]);
    expectHvpOk(tr as (...xs: tn.Tensor[]) => tn.Tensor, [x, f], 11);
    expect(() => tn.conv3dTranspose(x, f, [1, 5, 4, 3, 2], 2, 'same')).toThrow("conv3dTranspose: outputShape must be a shape that conv3d with filter [3, 2, 2, 2, 3], strides [2, 2, 2] and 'same' padding maps to x's [2, 2, 2], got [1,5,4,3,2]");
    expect(() => tn.conv3dTranspose(x, f, [1, 3, 4, 3, 3], 2, 'same')).toThrow("conv3dTranspose: outputShape must be channels equal to the filter's output depth (dim 3 of [3, 2, 2, 2, 3]) 2");
  });

  it('refuses bad input, naming it', () => {
    const x = tn.zeros([1, 2, 3, 3, 1]);
    const f = tn.zeros([2, 2, 2, 1, 1]);
    expect(() => tn.conv3d(tn.zeros([2, 3, 3]), f, 1, 'same')).toThrow('conv3d: x must be rank 5 [batch, depth, height, width, channels], or rank 4 for one volume, got shape [2, 3, 3] (rank 3)');
    expect(() => tn.conv3d(x, tn.zeros([2, 2, 2, 3, 1]), 1, 'same')).toThrow("conv3d: filter must be input channels (dim 3) equal to x's channels 1, got shape [2, 2, 2, 3, 1]");
    expect(() => tn.conv3d(x, tn.zeros([4, 2, 2, 1, 1]), 1, 'valid')).toThrow("conv3d: x must be at least the window's depth 4 less the stride 1 (3) with 'valid' padding, got depth 2");
    expect(() => tn.conv3d(x, f, [1, 2] as never, 'same')).toThrow('conv3d: strides must be a positive integer or a triple [depth, height, width] of them, got [1,2]');
    expect(() => tn.conv3d(x, f, 2, 'same', 'NDHWC', 2)).toThrow('conv3d: dilations must be 1 when strides are above 1');
    expect(() => tn.conv3d(x, f, 1, 'same', 'NCDHW' as never)).toThrow("conv3d: dataFormat must be 'NDHWC'");
    expect(() => tn.maxPool3d(x, 2, 1, 'full' as never)).toThrow("maxPool3d: pad must be 'valid', 'same' or a non-negative integer");
    expect(() => tn.avgPool3d(x, 2, 1, 'same', 'ceil')).toThrow("avgPool3d: pad must be an integer or explicit paddings when dimRoundingMode ('ceil') is given");
    expect(() => tn.avgPool3d(x, 4, 1, 'valid')).toThrow("avgPool3d: x must be at least the window's depth 4 less the stride 1 (3) with 'valid' padding");
    // Height and width are named by the 3-D op too, not by the 2-D op it runs on each depth slice.
    expect(() => tn.avgPool3d(tn.zeros([1, 1, 1, 1, 1]), [1, 1, 3], 1, 'valid')).toThrow("avgPool3d: x must be at least the window's width 3 less the stride 1 (2) with 'valid' padding, got width 1 (shape [1, 1, 1, 1, 1])");
    expect(() => tn.maxPool3d(x, [1, 5, 1], 1, 'valid')).toThrow("maxPool3d: x must be at least the window's height 5 less the stride 1 (4) with 'valid' padding, got height 3");
    expect(() => tn.conv3d(x, tn.zeros([1, 2, 3, 1, 1]), 1, 'valid', 'NDHWC', [1, 1, 2])).toThrow("conv3d: x must be at least the window's width 5 less the stride 1 (4) with 'valid' padding, got width 3");
    expect(tn.maxPool3d(x, [1, 4, 1], 1, 'valid').shape).toEqual([1, 2, 0, 3, 1]);
  });
});

describe('conv3d layers', () => {
  it('conv3d, maxPooling3d and averagePooling3d layers: output shapes, channels first, and values as the ops', () => {
    const x = randTensor([2, 4, 4, 4, 3], 5);
    const layer = tn.layers.conv3d({ filters: 2, kernelSize: 2, padding: 'same', activation: 'relu', dtype: 'float64' });
    const y = layer.apply(x) as tn.Tensor;
    expect(y.shape).toEqual([2, 4, 4, 4, 2]);
    const [k, b] = layer.getWeights();
    expect(Array.from(y.dataSync())).toEqual(Array.from(tn.relu(tn.add(tn.conv3d(x, k, 1, 'same'), b)).dataSync()));
    const first = tn.layers.maxPooling3d({ poolSize: 2, dataFormat: 'channelsFirst', dtype: 'float64' });
    const xf = tn.transpose(x, [0, 4, 1, 2, 3]);
    expect(Array.from((first.apply(xf) as tn.Tensor).dataSync())).toEqual(Array.from(tn.transpose(tn.maxPool3d(x, 2, 2, 'valid'), [0, 4, 1, 2, 3]).dataSync()));
    expect((tn.layers.averagePooling3d({ poolSize: [1, 2, 2], padding: 'same' }).apply(tn.zeros([1, 3, 5, 5, 1])) as tn.Tensor).shape).toEqual([1, 3, 3, 3, 1]);
    expect(() => tn.layers.conv3d({ filters: 2, kernelSize: [2, 2] as never })).toThrow('layers.conv3d: kernelSize must be a positive integer or a triple');
  });
});
