import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { close } from '../helpers';

describe('forward results against hand-computed cases', () => {
  it('tensor infers shapes and keeps dtypes', () => {
    const t = tn.tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.dataSync()).toBeInstanceOf(Float32Array);
    expect(tn.tensor([1, 2], [2], 'float64').dataSync()).toBeInstanceOf(Float64Array);
    expect(tn.scalar(3).shape).toEqual([]);
    expect(tn.scalar(3).arraySync()).toBe(3);
    expect(tn.zeros([2, 2]).arraySync()).toEqual([[0, 0], [0, 0]]);
    expect(tn.ones([3]).arraySync()).toEqual([1, 1, 1]);
    expect(tn.fill([2], 7).arraySync()).toEqual([7, 7]);
  });

  it('seeded random tensors replay exactly and have the asked-for moments', () => {
    const a = Array.from(tn.randomNormal([2000], 1, 2, 'float32', 5).dataSync());
    expect(Array.from(tn.randomNormal([2000], 1, 2, 'float32', 5).dataSync())).toEqual(a);
    const m = a.reduce((s, v) => s + v, 0) / a.length;
    const sd = Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / a.length);
    expect(Math.abs(m - 1)).toBeLessThan(0.15);
    expect(Math.abs(sd - 2)).toBeLessThan(0.15);
    const u = tn.randomUniform([1000], -1, 3, 'float64', 9).dataSync();
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...u)).toBeLessThan(3);
  });

  it('matMul with every transpose flag', () => {
    const a = tn.tensor([[1, 2], [3, 4]]);
    const b = tn.tensor([[5, 6], [7, 8]]);
    expect(tn.matMul(a, b).arraySync()).toEqual([[19, 22], [43, 50]]);
    expect(tn.matMul(a, b, true).arraySync()).toEqual([[26, 30], [38, 44]]);
    expect(tn.matMul(a, b, false, true).arraySync()).toEqual([[17, 23], [39, 53]]);
    expect(tn.matMul(a, b, true, true).arraySync()).toEqual([[23, 31], [34, 46]]);
  });

  it('conv2d valid and same, with stride', () => {
    // x: 3x3 ramp 1..9, filter 2x2 [[1,0],[0,-1]]: out = x[i][j] - x[i+1][j+1] = -4 everywhere.
    const x = tn.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const f = tn.tensor([1, 0, 0, -1], [2, 2, 1, 1]);
    expect(tn.conv2d(x, f, 1, 'valid').arraySync()).toEqual([[[[-4], [-4]], [[-4], [-4]]]]);
    // 'same' with a 2x2 filter pads one row/column at the bottom/right (TF.js rule).
    expect(tn.conv2d(x, f, 1, 'same').dataSync()).toEqual(new Float32Array([-4, -4, 3, -4, -4, 6, 7, 8, 9]));
    expect(tn.conv2d(x, f, 2, 'same').dataSync()).toEqual(new Float32Array([-4, 3, 7, 9]));
    // One HWC image, as TF.js accepts: the result drops the batch dim too.
    expect(tn.conv2d(x.reshape([3, 3, 1]), f, 1, 'valid').shape).toEqual([2, 2, 1]);
    expect(tn.maxPool(x.reshape([3, 3, 1]), 2, 1, 'valid').arraySync()).toEqual([[[5], [6]], [[8], [9]]]);
  });

  it('maxPool 2x2 and its gradient routes to the argmax', () => {
    const x = tn.tensor([1, 5, 2, 0, 3, 4, 9, 1, 0, 2, 6, 7, 8, 1, 3, 2], [1, 4, 4, 1]);
    expect(tn.maxPool(x, 2, 2, 'valid').dataSync()).toEqual(new Float32Array([5, 9, 8, 7]));
    const g = tn.grad((t) => tn.sum(tn.maxPool(t, 2, 2, 'valid')))(x).dataSync();
    expect(Array.from(g)).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0]);
  });

  it('softmax, logSoftmax and cross-entropy of [1, 2, 3]', () => {
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const z = e[0] + e[1] + e[2];
    const logits = tn.tensor([[1, 2, 3]], undefined, 'float64');
    close(tn.softmax(logits).dataSync(), e.map((v) => v / z), 1e-12);
    close(tn.logSoftmax(logits).dataSync(), [1, 2, 3].map((v) => v - Math.log(z)), 1e-12);
    close(tn.sparseSoftmaxCrossEntropy(tn.tensor([2]), logits).dataSync(), [Math.log(z) - 3], 1e-12);
    close(tn.sparseSoftmaxCrossEntropy(logits, tn.tensor([2])).dataSync(), [Math.log(z) - 3], 1e-12);
    // Stable for huge logits.
    const big = tn.sparseSoftmaxCrossEntropy(tn.tensor([0]), tn.tensor([[1000, 0]])).dataSync()[0];
    expect(big).toBe(0);
  });

  it('broadcasting: trailing alignment, 1s stretch, scalars', () => {
    const a = tn.tensor([[1, 2, 3], [4, 5, 6]]);
    expect(tn.add(a, tn.tensor([10, 20, 30])).arraySync()).toEqual([[11, 22, 33], [14, 25, 36]]);
    expect(tn.mul(a, tn.tensor([[2], [3]])).arraySync()).toEqual([[2, 4, 6], [12, 15, 18]]);
    expect(tn.sub(a, 1).arraySync()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(tn.div(6, tn.tensor([1, 2, 3])).arraySync()).toEqual([6, 3, 2]);
    expect(tn.add(tn.tensor([[1], [2]]), tn.tensor([[10, 20]])).arraySync()).toEqual([[11, 21], [12, 22]]);
    // The gradient of a broadcast operand sums over the stretched axes.
    const [, gb] = tn.grads((x, y) => tn.sum(tn.mul(x, y)))([a, tn.tensor([1, 1, 1])]);
    expect(gb.arraySync()).toEqual([5, 7, 9]);
  });

  it('reductions over axes with keepDims', () => {
    const a = tn.tensor([[1, 5, 3], [4, 2, 6]]);
    expect(tn.sum(a).arraySync()).toBe(21);
    expect(tn.sum(a, 0).arraySync()).toEqual([5, 7, 9]);
    expect(tn.sum(a, -1, true).arraySync()).toEqual([[9], [12]]);
    expect(tn.mean(a, 1).arraySync()).toEqual([3, 4]);
    expect(tn.max(a, 1).arraySync()).toEqual([5, 6]);
    expect(tn.min(a, [0, 1]).arraySync()).toBe(1);
  });

  it('reshape infers -1 and shares values; slice copies rows', () => {
    const a = tn.tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(a.reshape([3, -1]).arraySync()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(tn.slice(a, 1).arraySync()).toEqual([[4, 5, 6]]);
    expect(a.slice(0, 1).shape).toEqual([1, 3]);
  });

  it('unary ops', () => {
    const x = tn.tensor([-1, 0, 2], undefined, 'float64');
    expect(tn.relu(x).arraySync()).toEqual([0, 0, 2]);
    expect(tn.abs(x).arraySync()).toEqual([1, 0, 2]);
    expect(tn.neg(x).arraySync()).toEqual([1, -0, -2]);
    close(tn.sigmoid(x).dataSync(), [1 / (1 + Math.E), 0.5, 1 / (1 + Math.exp(-2))], 1e-12);
    close(tn.tanh(x).dataSync(), [Math.tanh(-1), 0, Math.tanh(2)], 1e-12);
    close(tn.exp(x).dataSync(), [Math.exp(-1), 1, Math.exp(2)], 1e-12);
    expect(tn.square(x).arraySync()).toEqual([1, 0, 4]);
  });
});

describe('argMax and ranked constructors', () => {
  it('argMax along each axis, first index on ties', () => {
    const x = tn.tensor2d([[1, 9, 3], [7, 2, 7]]);
    expect(tn.argMax(x, 1).arraySync()).toEqual([1, 0]);
    expect(tn.argMax(x, 0).arraySync()).toEqual([1, 0, 1]);
    expect(tn.argMax(x, -1).arraySync()).toEqual([1, 0]);
    expect(tn.argMax(tn.tensor1d([4, 8, 8])).arraySync()).toBe(1);
  });

  it('tensor1d..4d check the rank', () => {
    expect(tn.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]).shape).toEqual([1, 2, 2, 1]);
    expect(tn.tensor3d([[[1]]]).shape).toEqual([1, 1, 1]);
    expect(() => tn.tensor2d([1, 2])).toThrow(/tensor2d: values must be rank 2, got rank 1/);
    expect(() => tn.tensor1d([[1]])).toThrow(/tensor1d: values must be rank 1, got rank 2/);
  });
});
