import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// One rule for float32 beside float64: TF.js's upcastType with float64 ranked above float32, applied by every op that
// combines float tensors (as makeTypesMatch applies it in add, mul, matMul, where, ...), also those whose TF.js
// version matches no types (concat, stack, addN, batchNorm, the convolutions, the losses). A float64 computation fed
// float32 constants (labels, masks, filters, weights) stays float64; the float32 operand's gradient comes back float32.

const f32 = (values: number[], shape: number[]) => tn.tensor(values, shape, 'float32');
const f64 = (values: number[], shape: number[]) => tn.tensor(values, shape, 'float64');
/** Values exact in float32, so the mixed and the all-float64 runs see the same numbers. */
const vals = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => ((i * 5 + offset) % 9) * 0.25 - 1);

/** A case: its operands' shapes, the op, and optionally a map of the operands' values into the op's domain. */
type Case = [name: string, shapes: number[][], op: (...xs: tn.Tensor[]) => tn.Tensor, domain?: (v: number) => number];
const prob = (v: number) => (v + 2) / 4;
const CASES: Case[] = [
  ['concat', [[2, 3], [2, 2]], (a, b) => tn.concat([a, b], 1)],
  ['stack', [[2, 3], [2, 3]], (a, b) => tn.stack([a, b], 1)],
  ['addN', [[2, 3], [2, 3]], (a, b) => tn.addN([a, b, a])],
  ['batchNorm (mean, variance)', [[2, 3], [3]], (x, m) => tn.batchNorm(x, m, tn.fill([3], 1.5, x.dtype))],
  ['batchNorm (offset, scale)', [[2, 3], [3]], (x, s) => tn.batchNorm(x, tn.zeros([3], x.dtype), tn.ones([3], x.dtype), s, s)],
  ['conv1d', [[1, 4, 2], [2, 2, 3]], (x, f) => tn.conv1d(x, f, 1, 'same')],
  ['conv2d', [[1, 3, 3, 2], [2, 2, 2, 2]], (x, f) => tn.conv2d(x, f, 1, 'valid')],
  ['conv3d', [[1, 2, 3, 2, 1], [2, 2, 1, 1, 2]], (x, f) => tn.conv3d(x, f, 1, 'valid')],
  ['depthwiseConv2d', [[1, 3, 3, 2], [2, 2, 2, 1]], (x, f) => tn.depthwiseConv2d(x, f, 1, 'same')],
  ['separableConv2d', [[1, 3, 3, 2], [2, 2, 2, 1]], (x, f) => tn.separableConv2d(x, f, tn.ones([1, 1, 2, 3], f.dtype), 1, 'same')],
  ['conv2dTranspose', [[1, 2, 2, 2], [2, 2, 1, 2]], (x, f) => tn.conv2dTranspose(x, f, [1, 3, 3, 1], 1, 'valid')],
  ['conv3dTranspose', [[1, 2, 2, 1, 2], [2, 2, 1, 1, 2]], (x, f) => tn.conv3dTranspose(x, f, [1, 3, 3, 1, 1], 1, 'valid')],
  ['dilation2d', [[1, 3, 3, 2], [2, 2, 2]], (x, f) => tn.dilation2d(x, f, 1, 'valid')],
  ['fused.conv2d (bias)', [[1, 3, 3, 2], [2]], (x, b) => tn.fused.conv2d({ x, filter: tn.ones([2, 2, 2, 2], x.dtype), strides: 1, pad: 'valid', bias: b, activation: 'relu' })],
  ['fused.conv2d (filter, prelu)', [[1, 3, 3, 2], [2, 2, 2, 2]], (x, f) => tn.fused.conv2d({ x, filter: f, strides: 1, pad: 'same', activation: 'prelu', preluActivationWeights: tn.fill([2], 0.25, x.dtype) })],
  ['fused.depthwiseConv2d (bias)', [[1, 3, 3, 2], [2]], (x, b) => tn.fused.depthwiseConv2d({ x, filter: tn.ones([2, 2, 2, 1], x.dtype), strides: 1, pad: 'same', bias: b })],
  ['fused.matMul (bias)', [[2, 3], [2]], (a, b) => tn.fused.matMul({ a, b: tn.ones([3, 2], a.dtype), bias: b, activation: 'elu' })],
  ['losses.meanSquaredError', [[2, 3], [2, 3]], (l, p) => tn.losses.meanSquaredError(l, p)],
  ['losses.absoluteDifference', [[2, 3], [2, 3]], (l, p) => tn.losses.absoluteDifference(l, p)],
  ['losses.huberLoss', [[2, 3], [2, 3]], (l, p) => tn.losses.huberLoss(l, p)],
  ['losses.hingeLoss', [[2, 3], [2, 3]], (l, p) => tn.losses.hingeLoss(l, p)],
  ['losses.cosineDistance', [[2, 3], [2, 3]], (l, p) => tn.losses.cosineDistance(l, p, 1)],
  ['losses.logLoss', [[2, 3], [2, 3]], (l, p) => tn.losses.logLoss(l, p), prob],
  ['losses.sigmoidCrossEntropy', [[2, 3], [2, 3]], (l, x) => tn.losses.sigmoidCrossEntropy(l, x), prob],
  ['losses.softmaxCrossEntropy', [[2, 3], [2, 3]], (l, x) => tn.losses.softmaxCrossEntropy(l, x), prob],
  ['losses.meanSquaredError (weights)', [[2, 3], [2, 1]], (p, w) => tn.losses.meanSquaredError(tn.zerosLike(p), p, w)],
  ['movingAverage', [[2, 3], [2, 3]], (v, x) => tn.movingAverage(v, x, 0.5, 2)],
  ['tensorScatterUpdate', [[4, 2], [2, 2]], (t, u) => tn.tensorScatterUpdate(t, tn.tensor([[3], [1]], [2, 1], 'int32'), u)],
];

describe('float32 and float64 operands meet in float64 in every op', () => {
  for (const [name, shapes, op, domain] of CASES) {
    it(name, () => {
      const inputs = shapes.map((s, i) => vals(s.reduce((a, b) => a * b, 1), i + 1).map(domain ?? ((v) => v)));
      const all64 = tn.grads(op)(inputs.map((v, i) => f64(v, shapes[i])));
      const y64 = op(...inputs.map((v, i) => f64(v, shapes[i])));
      for (const which of [0, 1]) {
        const xs = inputs.map((v, i) => (i === which ? f32 : f64)(v, shapes[i]));
        const y = op(...xs);
        expect(y.dtype).toBe('float64');
        expect(Array.from(y.dataSync())).toEqual(Array.from(y64.dataSync()));
        const g = tn.grads(op)(xs);
        g.forEach((gi, i) => {
          expect(gi.dtype).toBe(xs[i].dtype);
          expect(Array.from(gi.dataSync())).toEqual(Array.from(all64[i].dataSync(), i === which ? Math.fround : (v) => v));
        });
      }
    });
  }

  it('int32 beside float32 keeps each op\'s TF.js 4.22 rule', () => {
    const i = tn.tensor([1, 2], [2], 'int32');
    const f = f32([1.5, 2.5], [2]);
    expect(tn.concat([i, f]).dtype).toBe('int32'); // TF.js: the first tensor's dtype, [1, 2, 1, 2]
    expect(Array.from(tn.concat([i, f]).dataSync())).toEqual([1, 2, 1, 2]);
    expect(tn.concat([f, i]).dtype).toBe('float32');
    expect(() => tn.stack([i, f])).toThrow(/stack: tensors\[1\] must be dtype int32/);
    expect(() => tn.addN([i, f])).toThrow(/addN: tensors\[0\] and tensors\[1\] must have the same dtype, got int32 and float32/);
    // Nor is float64 cast down to a first int32 tensor's dtype.
    expect(() => tn.concat([i, f64([0.5], [1])])).toThrow(/concat: tensors\[1\] must be dtype int32, as tensors\[0\] \(cast with tn.cast\), got dtype float64/);
  });
});
