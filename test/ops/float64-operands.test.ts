import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Values given as arrays beside a float64 tensor are read as float64, in every op that takes several float operands
// (not rounded to float32 first and cast up): each case must equal the same op given a float64 tensor of the values.

const f64 = (v: number[][] | number[], shape: number[]) => tn.tensor(v.flat(), shape, 'float64');
const x = f64([[1, 2], [3, 4]], [2, 2]);
const v = f64([1, 2], [2]);
const ones4 = tn.ones([1, 2, 2, 1], 'float64') as tn.Tensor4D;
const third = [[1 / 3, 0.1], [0.7, 1 / 7]];

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
