import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Values given as arrays beside a float64 tensor are read as float64, in every op that takes several float operands
// (not rounded to float32 first and cast up): each case must equal the same op given a float64 tensor of the values.

const f64 = (v: number[][] | number[], shape: number[]) => tn.tensor(v.flat(), shape, 'float64');
const x = f64([[1, 2], [3, 4]], [2, 2]);
const v = f64([1, 2], [2]);
const ones4 = tn.ones([1, 2, 2, 1], 'float64') as tn.Tensor4D;
const third = [[1 / 3, 0.1], [0.7, 1 / 7]];
const lstmKernel = tn.tensor(Array.from({ length: 24 }, (_, i) => Math.sin(i + 1) / 3), [3, 8], 'float64');
const lstmBias = tn.tensor(Array.from({ length: 8 }, (_, i) => Math.cos(i) / 5), [8], 'float64');
const lstmIn = f64([[0.3]], [1, 1]);
const lstmState = f64([[0.1, 0.2]], [1, 2]);
const lstmCell = (d: tn.Tensor2D, c: tn.Tensor2D, h: tn.Tensor2D) => tn.basicLSTMCell(0.3, lstmKernel as tn.Tensor2D, lstmBias as tn.Tensor1D, d, c, h);
const image = tn.tensor(Array.from({ length: 16 }, (_, i) => Math.sqrt(i + 1)), [1, 4, 4, 1], 'float64') as tn.Tensor4D;

type Case = [name: string, withArray: () => tn.Tensor, withTensor: () => tn.Tensor];
const cases: Case[] = [
  ['matMul', () => tn.matMul(x, third), () => tn.matMul(x, f64(third, [2, 2]))],
  ['matMul, the array first', () => tn.matMul(third, x), () => tn.matMul(f64(third, [2, 2]), x)],
  ['dot', () => tn.dot(v, [0.1, 1 / 3]), () => tn.dot(v, f64([0.1, 1 / 3], [2]))],
  ['outerProduct', () => tn.outerProduct(v, [0.1, 1 / 3]), () => tn.outerProduct(v, f64([0.1, 1 / 3], [2]))],
  ['prelu', () => tn.prelu(tn.neg(x), [0.1, 1 / 3]), () => tn.prelu(tn.neg(x), f64([0.1, 1 / 3], [2]))],
  ['concat', () => tn.concat([x, [[0.1, 1 / 3]]]), () => tn.concat([x, f64([[0.1, 1 / 3]], [1, 2])])],
  ['stack', () => tn.stack([v, [0.1, 1 / 3]]), () => tn.stack([v, f64([0.1, 1 / 3], [2])])],
  ['addN', () => tn.addN([x, third]), () => tn.addN([x, f64(third, [2, 2])])],
  ['batchNorm', () => tn.batchNorm(x, [0.1, 0.2], [0.3, 1 / 3], [0.1, 0.7], [1 / 7, 0.7]),
    () => tn.batchNorm(x, f64([0.1, 0.2], [2]), f64([0.3, 1 / 3], [2]), f64([0.1, 0.7], [2]), f64([1 / 7, 0.7], [2]))],
  ['conv2d', () => tn.conv2d(ones4, [[[[0.1]]]] as unknown as tn.Tensor4D, 1, 'valid'), () => tn.conv2d(ones4, f64([0.1], [1, 1, 1, 1]) as tn.Tensor4D, 1, 'valid')],
  ['fused.matMul with a bias', () => tn.fused.matMul({ a: x, b: third, bias: [0.1, 1 / 3] }),
    () => tn.fused.matMul({ a: x, b: f64(third, [2, 2]), bias: f64([0.1, 1 / 3], [2]) })],
  ['fused.conv2d with a bias', () => tn.fused.conv2d({ x: ones4, filter: [[[[0.1]]]] as unknown as tn.Tensor4D, strides: 1, pad: 'valid', bias: [1 / 3] }),
    () => tn.fused.conv2d({ x: ones4, filter: f64([0.1], [1, 1, 1, 1]) as tn.Tensor4D, strides: 1, pad: 'valid', bias: f64([1 / 3], [1]) })],
  ['einsum', () => tn.einsum('i,i->', v, [0.1, 1 / 3]), () => tn.einsum('i,i->', v, f64([0.1, 1 / 3], [2]))],
  ['basicLSTMCell, forgetBias a number', () => tn.basicLSTMCell(0.3, lstmKernel, lstmBias, lstmIn, lstmState, lstmState)[0],
    () => tn.basicLSTMCell(tn.scalar(0.3, 'float64'), lstmKernel, lstmBias, lstmIn, lstmState, lstmState)[0]],
  ['multiRNNCell, states as arrays', () => tn.multiRNNCell([lstmCell], lstmIn, [[[0.1, 1 / 3]]], [[[0.7, 1 / 7]]])[0][0],
    () => tn.multiRNNCell([lstmCell], lstmIn, [f64([[0.1, 1 / 3]], [1, 2]) as tn.Tensor2D], [f64([[0.7, 1 / 7]], [1, 2]) as tn.Tensor2D])[0][0]],
  ['image.cropAndResize, boxes an array', () => tn.image.cropAndResize(image, [[0.13, 0.21, 0.77, 0.91]], [0], [3, 3]),
    () => tn.image.cropAndResize(image, f64([[0.13, 0.21, 0.77, 0.91]], [1, 4]) as tn.Tensor2D, [0], [3, 3])],
  ['image.transform, transforms an array', () => tn.image.transform(image, [[1.1, 0.2, -0.3, -0.15, 0.9, 0.4, 0.01, -0.02]], 'bilinear'),
    () => tn.image.transform(image, f64([[1.1, 0.2, -0.3, -0.15, 0.9, 0.4, 0.01, -0.02]], [1, 8]) as tn.Tensor2D, 'bilinear')],
  ['losses.meanSquaredError', () => tn.losses.meanSquaredError([0.1, 1 / 3], v), () => tn.losses.meanSquaredError(f64([0.1, 1 / 3], [2]), v)],
];

describe('arrays beside a float64 tensor are read as float64', () => {
  for (const [name, withArray, withTensor] of cases) {
    it(name, () => {
      const got = withArray();
      expect(got.dtype).toBe('float64');
      expect(Array.from(got.dataSync())).toEqual(Array.from(withTensor().dataSync()));
    });
  }

  it('beside float32 tensors arrays stay float32, as TF.js parses them', () => {
    const y = tn.matMul(tn.tensor([[1]]), [[0.1]]);
    expect(y.dtype).toBe('float32');
    expect(y.dataSync()[0]).toBe(Math.fround(0.1));
  });
});
