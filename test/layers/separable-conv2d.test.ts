import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { maxAbsDiff } from '../io/helpers';

describe('layers.separableConv2d', () => {
  it('channelsFirst computes what channelsLast computes on the transposed input (TF.js 4.22 cannot run it)', () => {
    const args = { filters: 3, kernelSize: 2, depthMultiplier: 2, strides: [2, 1] as [number, number], padding: 'same' as const, activation: 'relu' as const, biasInitializer: 'randomNormal' as const };
    const last = tn.layers.separableConv2d({ ...args, inputShape: [5, 4, 2] });
    const first = tn.layers.separableConv2d({ ...args, dataFormat: 'channelsFirst', inputShape: [2, 5, 4] });
    first.setWeights(last.getWeights());
    const x = tn.randomUniform([2, 5, 4, 2], -1, 1, 'float32', 3);
    const y = last.apply(x);
    const yFirst = first.apply(tn.transpose(x, [0, 3, 1, 2]));
    expect(yFirst.shape).toEqual([2, 3, 3, 4]);
    expect(first.outputShape).toEqual([null, 3, 3, 4]);
    expect(maxAbsDiff(tn.transpose(yFirst, [0, 2, 3, 1]).dataSync(), y.dataSync())).toBeLessThan(1e-6);
  });

  it('names its weights depthwise_kernel [kh, kw, inC, mult], pointwise_kernel [1, 1, inC·mult, filters], bias [filters]', () => {
    const l = tn.layers.separableConv2d({ filters: 4, kernelSize: [3, 2], depthMultiplier: 3, inputShape: [6, 6, 2], name: 'sep' });
    expect(l.weights.map((w) => `${w.name} ${w.shape.join('x')}`)).toEqual(['sep/depthwise_kernel 3x2x2x3', 'sep/pointwise_kernel 1x1x6x4', 'sep/bias 4']);
    expect(l.countParams()).toBe(3 * 2 * 2 * 3 + 6 * 4 + 4);
  });

  it('refuses what TF.js refuses and what tessera does not compute, naming the option', () => {
    expect(() => tn.layers.separableConv2d({ filters: 2, kernelSize: 2, kernelInitializer: 'ones' } as never)).toThrow(/separableConv2d.*kernelInitializer/);
    expect(() => tn.layers.separableConv2d({ filters: 2, kernelSize: 2, dilationRate: [2, 0] })).toThrow(/separableConv2d: dilationRate must be a positive integer or a pair/);
    // A dilated span of 4 over 3 rows leaves none, as in TF.js; over 2, one short by more than a stride, TF.js's error.
    expect(tn.layers.separableConv2d({ filters: 2, kernelSize: 2, dilationRate: 3 }).apply(tn.zeros([1, 3, 4, 1])).shape).toEqual([1, 0, 1, 2]);
    expect(() => tn.layers.separableConv2d({ filters: 2, kernelSize: 2, dilationRate: 3, name: 's' }).apply(tn.zeros([1, 2, 4, 1]))).toThrow('Negative dimension size caused by adding layer s with input shape [,2,4,1]');
    expect(() => tn.layers.separableConv2d({ filters: 2, kernelSize: 2, depthwiseRegularizer: 'l3' as never })).toThrow(/separableConv2d: depthwiseRegularizer/);
    expect(() => tn.layers.separableConv2d({ filters: 0, kernelSize: 2 })).toThrow(/separableConv2d: filters/);
    const l = tn.layers.separableConv2d({ filters: 2, kernelSize: 3 });
    expect(() => l.apply(tn.zeros([1, 1, 1, 1]))).toThrow(/^Negative dimension size caused by adding layer separable_conv2d_SeparableConv2D\d+ with input shape \[,1,1,1\]$/);
    expect(() => l.apply(tn.zeros([1, 4, 4]))).toThrow(/rank 4/);
  });
});
