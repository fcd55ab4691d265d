import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { expectAllClose } from '../allclose';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';
import type { WindowPad } from '../../src/tensor/value-types';
import { expectHvpOk } from './hvp';
import { expectMatchesTfjs, tf, twin } from './nets-reference';

const dim = (max: number) => fc.integer({ min: 1, max });
const padArb = fc.constantFrom<'valid' | 'same'>('valid', 'same');
const HVP_RUNS = { ...FC, numRuns: 8 } as const;

const conv1dArb = fc.record({ batch: dim(2), width: dim(8), inC: dim(3), outC: dim(3), fw: dim(3), stride: dim(3), pad: padArb, rank2: fc.boolean(), seed: seedArb })
  .filter((c) => c.pad === 'same' || c.fw <= c.width);

describe('conv1d', () => {
  it('matches TF.js for every stride, padding and rank', () => {
    fc.assert(fc.property(conv1dArb, (c) => {
      const [x, tx] = twin(c.rank2 ? [c.width, c.inC] : [c.batch, c.width, c.inC], c.seed);
      const [w, tw] = twin([c.fw, c.inC, c.outC], c.seed + 1);
      expectMatchesTfjs(tn.conv1d(x, w, c.stride, c.pad), tf.conv1d(tx as tf.Tensor3D, tw as tf.Tensor3D, c.stride, c.pad));
    }), { ...FC, numRuns: 40 });
  });

  it('hand-computed: a width-2 filter summing neighbours', () => {
    const y = tn.conv1d(tn.tensor([1, 2, 3, 4], [1, 4, 1]), tn.tensor([1, 1], [2, 1, 1]), 1, 'valid');
    expect(y.shape).toEqual([1, 3, 1]);
    expect(Array.from(y.dataSync())).toEqual([3, 5, 7]);
  });

  it('gradients and Hessian-vector products (float64)', () => {
    fc.assert(fc.property(conv1dArb, (c) => {
      const x = randTensor([c.batch, c.width, c.inC], c.seed);
      const w = randTensor([c.fw, c.inC, c.outC], c.seed + 1);
      const f = (a: tn.Tensor, b: tn.Tensor) => tn.conv1d(a, b, c.stride, c.pad);
      expectGradOk(f, [x, w]);
      expectHvpOk(f, [x, w], c.seed);
    }), HVP_RUNS);
  });

  it('pad 0 and explicit width pads (the 2-D pad of the [batch, 1, width] view, as TF.js): TF.js values and float64 gradients', () => {
    const cases: [number, Exclude<WindowPad, string>, number][] = [[1, 0, 1], [2, 0, 1], [1, [[0, 0], [0, 0], [1, 2], [0, 0]], 1], [2, [[0, 0], [0, 0], [0, 3], [0, 0]], 1], [1, [[0, 0], [0, 0], [2, 2], [0, 0]], 2]];
    cases.forEach(([stride, pad, dilation], k) => {
      const [x, tx] = twin([2, 7, 2], 110 + k);
      const [w, tw] = twin([3, 2, 3], 120 + k);
      expectMatchesTfjs(tn.conv1d(x, w, stride, pad, 'NWC', dilation), tf.conv1d(tx as tf.Tensor3D, tw as tf.Tensor3D, stride, pad, 'NWC', dilation));
      expectGradOk((a: tn.Tensor, b: tn.Tensor) => tn.conv1d(a, b, stride, pad, 'NWC', dilation), [randTensor([2, 7, 2], 130 + k), randTensor([3, 2, 3], 140 + k)]);
    });
    const x = tn.zeros([1, 5, 2]);
    for (const pad of [1, [[0, 0], [1, 0], [1, 1], [0, 0]]] as const) {
      expect(() => tn.conv1d(x, tn.zeros([2, 2, 1]), 1, pad as never)).toThrow(/conv1d: pad must be 'valid', 'same', 0 or explicit \[\[0, 0\], \[0, 0\], \[left, right\], \[0, 0\]\] \(a numeric pad also pads the height/);
    }
  });

  it('rejects bad input, naming op and argument', () => {
    const x = tn.zeros([1, 5, 2]);
    expect(() => tn.conv1d(tn.zeros([5]), tn.zeros([2, 2, 1]), 1, 'valid')).toThrow(/conv1d: x must be rank 3 \[batch, width, channels\], or rank 2 for one sequence, got shape \[5\] \(rank 1\)/);
    expect(() => tn.conv1d(x, tn.zeros([2, 3, 1]), 1, 'valid')).toThrow(/conv1d: filter's input channels \(dim 1 of \[2, 3, 1\]\) must equal x's channels \(2/);
    expect(() => tn.conv1d(x, tn.zeros([7, 2, 1]), 1, 'valid')).toThrow(/conv1d: with 'valid' padding the filter width 7 must come within a stride of fitting inside x's width \(x \[1, 5, 2\], stride 1\)/);
    expect(() => tn.conv1d(x, tn.zeros([2, 2, 1]), 0, 'valid')).toThrow(/conv1d: stride must be a positive integer, got number 0/);
    expect(() => tn.conv1d(x, tn.zeros([2, 2, 1]), 1, 'valid', 'NCW')).toThrow(/conv1d: dataFormat must be 'NWC'/);
    expect(() => tn.conv1d(x, tn.zeros([2, 2, 1]), 2, 'valid', 'NWC', 2)).toThrow(/conv1d: dilation must be 1 where stride is not 1 \(stride 2\)/);
    expect(() => tn.conv1d(x, tn.zeros([3, 2, 1]), 1, 'valid', 'NWC', 3)).toThrow(/conv1d: with 'valid' padding the filter width 3 \(dilation 3\) must come within a stride of fitting/);
  });
});

const transposeArb = fc.record({ batch: dim(2), outH: dim(7), outW: dim(7), inDepth: dim(3), outDepth: dim(3), kh: dim(3), kw: dim(3), sH: dim(2), sW: dim(2), pad: padArb, seed: seedArb })
  .filter((c) => c.pad === 'same' || (c.kh <= c.outH && c.kw <= c.outW));

/** x's spatial size for a transpose whose output is [outH, outW]: what conv2d maps the output to. */
const xShapeOf = (c: { batch: number; outH: number; outW: number; inDepth: number; kh: number; kw: number; sH: number; sW: number; pad: 'valid' | 'same' }) => {
  const len = (n: number, k: number, s: number) => (c.pad === 'valid' ? Math.ceil((n - k + 1) / s) : Math.ceil(n / s));
  return [c.batch, len(c.outH, c.kh, c.sH), len(c.outW, c.kw, c.sW), c.inDepth];
};

describe('conv2dTranspose', () => {
  it('matches TF.js', () => {
    fc.assert(fc.property(transposeArb, (c) => {
      const [x, tx] = twin(xShapeOf(c), c.seed);
      const [w, tw] = twin([c.kh, c.kw, c.outDepth, c.inDepth], c.seed + 1);
      const out: [number, number, number, number] = [c.batch, c.outH, c.outW, c.outDepth];
      expectMatchesTfjs(tn.conv2dTranspose(x, w, out, [c.sH, c.sW], c.pad), tf.conv2dTranspose(tx as tf.Tensor4D, tw as tf.Tensor4D, out, [c.sH, c.sW], c.pad));
    }), { ...FC, numRuns: 40 });
  });

  it('hand-computed: a 2×2 stride-2 transpose of ones tiles the filter; one image (rank 3) works', () => {
    const w = tn.tensor([1, 2, 3, 4], [2, 2, 1, 1]);
    const y = tn.conv2dTranspose(tn.ones([1, 1, 1]), w, [2, 2, 1], 2, 'valid');
    expect(y.shape).toEqual([2, 2, 1]);
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4]);
  });

  it('gradients and Hessian-vector products (float64)', () => {
    fc.assert(fc.property(transposeArb, (c) => {
      const x = randTensor(xShapeOf(c), c.seed);
      const w = randTensor([c.kh, c.kw, c.outDepth, c.inDepth], c.seed + 1);
      const f = (a: tn.Tensor, b: tn.Tensor) => tn.conv2dTranspose(a, b, [c.batch, c.outH, c.outW, c.outDepth], [c.sH, c.sW], c.pad);
      expectGradOk(f, [x, w]);
      expectHvpOk(f, [x, w], c.seed);
    }), HVP_RUNS);
  });

  it('numeric and explicit pads (as the input gradient of conv2d with that pad): TF.js values, float64 gradients and Hessian-vector products', () => {
    const cases: [number[], number[], [number, number, number, number], [number, number], Exclude<WindowPad, string>, ('floor' | 'ceil')?][] = [
      [[1, 3, 4, 2], [3, 3, 1, 2], [1, 3, 4, 1], [1, 1], 1],
      [[2, 3, 4, 2], [3, 3, 2, 2], [2, 7, 9, 2], [2, 2], 0],
      [[1, 3, 4, 2], [3, 2, 1, 2], [1, 6, 7, 1], [2, 2], 1],
      [[1, 3, 4, 1], [3, 3, 2, 1], [1, 4, 4, 2], [1, 1], [[0, 0], [1, 0], [1, 1], [0, 0]]],
      [[1, 3, 4, 2], [2, 3, 1, 2], [1, 6, 8, 1], [2, 2], [[0, 0], [1, 0], [2, 0], [0, 0]]],
      [[1, 3, 4, 2], [3, 3, 1, 2], [1, 5, 7, 1], [2, 2], 1, 'ceil'],
    ];
    cases.forEach(([xShape, wShape, out, strides, pad, rounding], k) => {
      const [x, tx] = twin(xShape, 70 + k);
      const [w, tw] = twin(wShape, 80 + k);
      expectMatchesTfjs(tn.conv2dTranspose(x, w, out, strides, pad, rounding), tf.conv2dTranspose(tx as tf.Tensor4D, tw as tf.Tensor4D, out, strides, pad, rounding));
      const f = (a: tn.Tensor, b: tn.Tensor) => tn.conv2dTranspose(a, b, out, strides, pad, rounding);
      expectGradOk(f, [randTensor(xShape, 90 + k), randTensor(wShape, 100 + k)]);
      expectHvpOk(f, [randTensor(xShape, 90 + k), randTensor(wShape, 100 + k)], k);
    });
    expect(() => tn.conv2dTranspose(tn.zeros([1, 3, 4, 2]), tn.zeros([3, 3, 1, 2]), [1, 4, 4, 1], 1, 1)).toThrow(/conv2dTranspose: outputShape must be a shape that conv2d with filter \[3, 3, 1, 2\], strides \[1, 1\] and pad 1 maps to x's height and width \[3, 4\], got \[1,4,4,1\]/);
    expect(() => tn.conv2dTranspose(tn.zeros([1, 3, 4, 2]), tn.zeros([3, 3, 1, 2]), [1, 3, 4, 1], 1, -1)).toThrow(/conv2dTranspose: pad must be 'valid', 'same', a non-negative integer/);
  });

  it('rejects an outputShape that conv2d would not map to x, and mismatched depths', () => {
    const x = tn.zeros([1, 3, 3, 2]);
    const w = tn.zeros([3, 3, 4, 2]);
    expect(() => tn.conv2dTranspose(x, w, [1, 9, 9, 4], 2, 'same')).toThrow(/conv2dTranspose: outputShape must be a shape that conv2d with filter \[3, 3, 4, 2\], strides \[2, 2\] and 'same' padding maps to x's height and width \[3, 3\], got \[1,9,9,4\]/);
    expect(() => tn.conv2dTranspose(x, w, [1, 6, 6, 3], 2, 'same')).toThrow(/conv2dTranspose: outputShape's channels \(3\) must equal the filter's output depth \(dim 2 of \[3, 3, 4, 2\], 4\)/);
    expect(() => tn.conv2dTranspose(tn.zeros([1, 3, 3, 5]), w, [1, 6, 6, 4], 2, 'same')).toThrow(/conv2dTranspose: x's channels \(5, x \[1, 3, 3, 5\]\) must equal the filter's input depth/);
    expect(() => tn.conv2dTranspose(x, w, [6, 6, 4] as unknown as [number, number, number, number], 2, 'same')).toThrow(/conv2dTranspose: outputShape must be a shape of x's rank 4, got \[6,6,4\]/);
  });
});

const depthwiseArb = fc.record({ batch: dim(2), inH: dim(6), inW: dim(6), inC: dim(3), mult: dim(3), outC: dim(3), kh: dim(3), kw: dim(3), sH: dim(2), sW: dim(2), pad: padArb, seed: seedArb })
  .filter((c) => c.pad === 'same' || (c.kh <= c.inH && c.kw <= c.inW));

describe('depthwiseConv2d and separableConv2d', () => {
  it('match TF.js for every stride, padding and channel multiplier', () => {
    fc.assert(fc.property(depthwiseArb, (c) => {
      const [x, tx] = twin([c.batch, c.inH, c.inW, c.inC], c.seed);
      const [w, tw] = twin([c.kh, c.kw, c.inC, c.mult], c.seed + 1);
      const [pw, tpw] = twin([1, 1, c.inC * c.mult, c.outC], c.seed + 2);
      const s: [number, number] = [c.sH, c.sW];
      expectMatchesTfjs(tn.depthwiseConv2d(x, w, s, c.pad), tf.depthwiseConv2d(tx as tf.Tensor4D, tw as tf.Tensor4D, s, c.pad));
      expectMatchesTfjs(tn.separableConv2d(x, w, pw, s, c.pad), tf.separableConv2d(tx as tf.Tensor4D, tw as tf.Tensor4D, tpw as tf.Tensor4D, s, c.pad));
    }), { ...FC, numRuns: 40 });
  });

  it('hand-computed: each channel convolved alone, multiplier 2; one image (rank 3) works', () => {
    const x = tn.tensor([1, 10, 2, 20], [1, 2, 2]); // width 2, channels [1, 2] and [10, 20]
    const w = tn.tensor([1, -1, 1, 2, 1, 1, 1, 0], [1, 2, 2, 2]); // taps 0 and 1, each [inC 2, mult 2]
    const y = tn.depthwiseConv2d(x, w, 1, 'valid');
    expect(y.shape).toEqual([1, 1, 4]);
    // out[c·2+q] = x[0,c]·w[0,c,q] + x[1,c]·w[1,c,q]
    expect(Array.from(y.dataSync())).toEqual([1 * 1 + 2 * 1, 1 * -1 + 2 * 1, 10 * 1 + 20 * 1, 10 * 2 + 20 * 0]);
  });

  it('gradients and Hessian-vector products (float64)', () => {
    fc.assert(fc.property(depthwiseArb, (c) => {
      const x = randTensor([c.batch, c.inH, c.inW, c.inC], c.seed);
      const w = randTensor([c.kh, c.kw, c.inC, c.mult], c.seed + 1);
      const pw = randTensor([1, 1, c.inC * c.mult, c.outC], c.seed + 2);
      const f = (a: tn.Tensor, b: tn.Tensor) => tn.depthwiseConv2d(a, b, [c.sH, c.sW], c.pad);
      expectGradOk(f, [x, w]);
      expectHvpOk(f, [x, w], c.seed);
      const g = (a: tn.Tensor, b: tn.Tensor, p: tn.Tensor) => tn.separableConv2d(a, b, p, [c.sH, c.sW], c.pad);
      expectGradOk(g, [x, w, pw]);
      expectHvpOk(g, [x, w, pw], c.seed);
    }), HVP_RUNS);
  });

  it('rejects bad input, naming op and argument', () => {
    const x = tn.zeros([1, 4, 4, 2]);
    expect(() => tn.depthwiseConv2d(x, tn.zeros([2, 2, 3, 1]), 1, 'valid')).toThrow(/depthwiseConv2d: filter's input channels \(dim 2 of \[2, 2, 3, 1\]\) must equal x's channels \(dim 3 of \[1, 4, 4, 2\]\), got 3 and 2/);
    expect(() => tn.depthwiseConv2d(x, tn.zeros([6, 2, 2, 1]), 1, 'valid')).toThrow(/depthwiseConv2d: with 'valid' padding the filter \[6, 2, 2, 1\] must come within a stride of fitting/);
    expect(() => tn.depthwiseConv2d(x, tn.zeros([2, 2, 2]), 1, 'valid')).toThrow(/depthwiseConv2d: filter must be rank 4, got shape \[2, 2, 2\] \(rank 3\)/);
    expect(() => tn.depthwiseConv2d(x, tn.zeros([2, 2, 2, 1]), 2, 'valid', 'NHWC', 2)).toThrow(/depthwiseConv2d: dilations must be 1 where strides are not 1/);
    expect(() => tn.separableConv2d(x, tn.zeros([2, 2, 2, 2]), tn.zeros([1, 1, 2, 3]), 1, 'valid')).toThrow(/separableConv2d: pointwiseFilter must be shape \[1, 1, 4, outChannels\].*got shape \[1, 1, 2, 3\]/);
  });
});

const dilatedArb = fc.record({ h: dim(7), w: dim(7), inC: dim(2), outC: dim(2), k: dim(3), dh: dim(3), dw: dim(3), pad: padArb, seed: seedArb })
  .filter((c) => c.pad === 'same' || ((c.k - 1) * c.dh < c.h && (c.k - 1) * c.dw < c.w));

describe('dilated convolutions (conv2d, depthwiseConv2d, separableConv2d, conv1d)', () => {
  it('match TF.js for every dilation and padding', () => {
    fc.assert(fc.property(dilatedArb, (c) => {
      const [x, tx] = twin([2, c.h, c.w, c.inC], c.seed);
      const [f, tfl] = twin([c.k, c.k, c.inC, c.outC], c.seed + 1);
      const [p, tp] = twin([1, 1, c.inC * c.outC, 2], c.seed + 2);
      const d: [number, number] = [c.dh, c.dw];
      expectMatchesTfjs(tn.conv2d(x, f, 1, c.pad, 'NHWC', d), tf.conv2d(tx as tf.Tensor4D, tfl as tf.Tensor4D, 1, c.pad, 'NHWC', d));
      expectMatchesTfjs(tn.depthwiseConv2d(x, f, 1, c.pad, 'NHWC', d), tf.depthwiseConv2d(tx as tf.Tensor4D, tfl as tf.Tensor4D, 1, c.pad, 'NHWC', d));
      expectMatchesTfjs(tn.separableConv2d(x, f, p, 1, c.pad, d), tf.separableConv2d(tx as tf.Tensor4D, tfl as tf.Tensor4D, tp as tf.Tensor4D, 1, c.pad, d));
    }), { ...FC, numRuns: 30 });
  });

  it('gradients and Hessian-vector products (float64)', () => {
    fc.assert(fc.property(dilatedArb, (c) => {
      const x = randTensor([1, c.h, c.w, c.inC], c.seed);
      const f = randTensor([c.k, c.k, c.inC, c.outC], c.seed + 1);
      const d: [number, number] = [c.dh, c.dw];
      expectGradOk((a, b) => tn.conv2d(a, b, 1, c.pad, 'NHWC', d), [x, f]);
      expectGradOk((a, b) => tn.depthwiseConv2d(a, b, 1, c.pad, 'NHWC', d), [x, f]);
      expectHvpOk((a, b) => tn.conv2d(a, b, 1, c.pad, 'NHWC', d).square().sum(), [x, f], c.seed);
    }), HVP_RUNS);
  });

  it('hand-computed: dilation 2 reads every other input', () => {
    const y = tn.conv1d(tn.tensor([1, 2, 3, 4, 5], [1, 5, 1]), tn.tensor([1, 10], [2, 1, 1]), 1, 'valid', 'NWC', 2);
    expect(Array.from(y.dataSync())).toEqual([31, 42, 53]);
  });
});

const nchwArb = fc.record({
  h: dim(6), w: dim(6), inC: dim(3), mult: dim(2), k: dim(3), s: dim(2),
  pad: fc.constantFrom<WindowPad>('valid', 'same', 1, [[0, 0], [0, 0], [1, 0], [0, 2]]), seed: seedArb,
}).filter((c) => c.k <= Math.min(c.h, c.w));

describe("dataFormat 'NCHW' (conv2d, depthwiseConv2d and their fused forms)", () => {
  const toNchw = (t: tn.Tensor) => tn.transpose(t, [0, 3, 1, 2]);
  // The explicit pad's pairs in NHWC order, for the NHWC twin of an NCHW call.
  const nhwcPad = (p: WindowPad): WindowPad => (Array.isArray(p) ? [p[0], p[2], p[3], p[1]] : p);

  it('is the NHWC op on transposed data, for every pad kind and stride', () => {
    fc.assert(fc.property(nchwArb, (c) => {
      const x = randTensor([2, c.h, c.w, c.inC], c.seed);
      const f = randTensor([c.k, c.k, c.inC, c.mult], c.seed + 1);
      const bias = randTensor([c.mult], c.seed + 2);
      const same = (got: tn.Tensor, want: tn.Tensor) => {
        expect(got.shape).toEqual(want.shape);
        expectAllClose(got.dataSync(), want.dataSync(), { atol: 1e-12, rtol: 1e-12 }, 'NCHW against NHWC');
      };
      same(tn.conv2d(toNchw(x), f, c.s, c.pad, 'NCHW'), toNchw(tn.conv2d(x, f, c.s, nhwcPad(c.pad))));
      same(tn.depthwiseConv2d(toNchw(x), f, c.s, c.pad, 'NCHW'), toNchw(tn.depthwiseConv2d(x, f, c.s, nhwcPad(c.pad))));
      same(
        tn.fused.conv2d({ x: toNchw(x), filter: f, strides: c.s, pad: c.pad, dataFormat: 'NCHW', bias, activation: 'relu' }),
        toNchw(tn.fused.conv2d({ x, filter: f, strides: c.s, pad: nhwcPad(c.pad), bias, activation: 'relu' })),
      );
    }), { ...FC, numRuns: 25 });
  });

  it('hand-computed: depthwise channel c times multiplier m gives output channel c·2 + m along axis 1', () => {
    const x = tn.tensor4d([1, 2, 3, 4], [1, 2, 1, 2]);
    const f = tn.tensor4d([1, 10, 100, 1000], [1, 1, 2, 2]);
    const y = tn.depthwiseConv2d(x, f, 1, 'valid', 'NCHW');
    expect(y.shape).toEqual([1, 4, 1, 2]);
    expect(Array.from(y.dataSync())).toEqual([1, 2, 10, 20, 300, 400, 3000, 4000]);
    const fused = tn.fused.depthwiseConv2d({ x, filter: f, strides: 1, pad: 'valid', dataFormat: 'NCHW', bias: tn.tensor1d([0, 1, 2, 3]) });
    expect(Array.from(fused.dataSync())).toEqual([1, 2, 11, 21, 302, 402, 3003, 4003]);
  });

  it('gradients (float64), with the fused epilogue along the channels', () => {
    fc.assert(fc.property(nchwArb, (c) => {
      const x = randTensor([1, c.inC, c.h, c.w], c.seed);
      const f = randTensor([c.k, c.k, c.inC, c.mult], c.seed + 1);
      const bias = randTensor([c.mult], c.seed + 2);
      const alpha = randTensor([c.mult], c.seed + 3);
      expectGradOk((a, b) => tn.conv2d(a, b, c.s, c.pad, 'NCHW'), [x, f]);
      expectGradOk((a, b) => tn.depthwiseConv2d(a, b, 1, c.pad, 'NCHW', c.pad === 'same' ? 2 : 1), [x, f]);
      expectGradOk((a, b, d, e) => tn.fused.conv2d({ x: a, filter: b, strides: c.s, pad: c.pad, dataFormat: 'NCHW', bias: d, activation: 'prelu', preluActivationWeights: e }), [x, f, bias, alpha]);
    }), { ...FC, numRuns: 6 });
  });

  it('refuses a bias that does not run along the channels, a channel mismatch and another layout, naming them', () => {
    const x = tn.zeros([1, 3, 4, 4]);
    const f = tn.zeros([2, 2, 3, 2]);
    expect(() => tn.fused.conv2d({ x, filter: f, strides: 1, pad: 'same', dataFormat: 'NCHW', bias: tn.zeros([2, 1, 1]) })).toThrow("fused.conv2d: bias must be a scalar or a 1-D tensor of 1 or 2 (the output channels) values with dataFormat 'NCHW', got shape [2, 1, 1]");
    expect(() => tn.conv2d(x, tn.zeros([2, 2, 4, 2]), 1, 'same', 'NCHW')).toThrow("conv2d: filter's input channels (dim 2 of [2, 2, 4, 2]) must equal x's channels (dim 1 of [1, 3, 4, 4], dataFormat 'NCHW'), got 4 and 3");
    expect(() => tn.depthwiseConv2d(x, f, 1, [[0, 0], [1, 1], [0, 0], [0, 0]], 'NCHW')).toThrow(/depthwiseConv2d: pad must be .*\[\[0, 0\], \[0, 0\], \[top, bottom\], \[left, right\]\] with dataFormat 'NCHW'/);
    expect(() => tn.conv2d(x, f, 1, 'same', 'NWHC' as 'NCHW')).toThrow(`conv2d: dataFormat must be 'NHWC' or 'NCHW', got string "NWHC"`);
  });
});
