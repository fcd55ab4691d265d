import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { close, expectGradOk, randTensor } from '../helpers';
import { expectHvpOk } from './hvp';
import { expectMatchesTfjs, tf, twin } from './nets-reference';

describe('the network ops as Tensor methods, as TF.js chains them', () => {
  const same = (a: tn.Tensor, b: tn.Tensor) => {
    expect(a.shape).toEqual(b.shape);
    close(a.dataSync(), b.dataSync(), 0);
  };

  it('each method gives what its op gives', () => {
    const x = tn.randomUniform([1, 6, 6, 2], -1, 1, 'float32', 1);
    const v = tn.tensor1d([1, 2]);
    same(v.dot(v), tn.dot(v, v));
    same(x.avgPool(2, 2, 'same'), tn.avgPool(x, 2, 2, 'same'));
    const w1 = tn.randomUniform([3, 2, 4], -1, 1, 'float32', 2);
    const seq = tn.reshape(x, [1, 36, 2]);
    same(seq.conv1d(w1, 2, 'same'), tn.conv1d(seq, w1, 2, 'same'));
    const wt = tn.randomUniform([3, 3, 5, 2], -1, 1, 'float32', 3);
    same(x.conv2dTranspose(wt, [1, 12, 12, 5], 2, 'same'), tn.conv2dTranspose(x, wt, [1, 12, 12, 5], 2, 'same'));
    const wd = tn.randomUniform([2, 2, 2, 3], -1, 1, 'float32', 4);
    const wp = tn.randomUniform([1, 1, 6, 4], -1, 1, 'float32', 5);
    same(x.depthwiseConv2d(wd, 1, 'valid'), tn.depthwiseConv2d(x, wd, 1, 'valid'));
    same(x.separableConv2d(wd, wp, 1, 'valid'), tn.separableConv2d(x, wd, wp, 1, 'valid'));
    const m = tn.tensor1d([0.5, -0.5]);
    const s = tn.tensor1d([2, 3]);
    same(x.batchNorm(m, s), tn.batchNorm(x, m, s));
  });

  it('x.dilation2d gives what tf.dilation2d and TF.js\'s x.dilation2d give', () => {
    const [x, tx] = twin([1, 6, 5, 2], 6);
    const [f, tfl] = twin([2, 3, 2], 7);
    same(x.dilation2d(f, [1, 2], 'same', [2, 1]), tn.dilation2d(x, f, [1, 2], 'same', [2, 1]));
    expectMatchesTfjs(x.dilation2d(f, [1, 2], 'same', [2, 1]), tx.dilation2d(tfl as tf.Tensor3D, [1, 2], 'same', [2, 1]));
    expect(() => x.dilation2d(tn.zeros([2, 2, 3]), 1, 'same')).toThrow(/dilation2d: filter must be depth \(dim 2\) equal to x's depth 2/);
  });

  it('every op TF.js chains on a tensor is a method here too, but dataToGPU', () => {
    const names = (t: object): Set<string> => {
      const all = new Set<string>();
      for (let p = Object.getPrototypeOf(t); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) for (const k of Object.getOwnPropertyNames(p)) all.add(k);
      return all;
    };
    const ours = names(tn.zeros([1]));
    const missing = [...names(tf.zeros([1]))].filter((k) => !ours.has(k));
    expect(missing.sort()).toEqual(['dataToGPU']);
  });
});

describe('softmax and logSoftmax on the axes TF.js allows', () => {
  it('match TF.js over the last axis at ranks 1 to 4, with dim -1 or rank - 1', () => {
    for (const shape of [[5], [3, 4], [2, 3, 4], [2, 2, 3, 4]]) {
      const [x, tx] = twin(shape, shape.length, -5, 5);
      expectMatchesTfjs(tn.softmax(x), tf.softmax(tx));
      expectMatchesTfjs(tn.softmax(x, shape.length - 1), tf.softmax(tx, shape.length - 1));
      expectMatchesTfjs(tn.logSoftmax(x, -1), tf.logSoftmax(tx, -1));
    }
  });

  it('gradients and Hessian-vector products at rank 3 (float64)', () => {
    const x = randTensor([2, 3, 4], 5);
    for (const f of [(t: tn.Tensor) => tn.softmax(t), (t: tn.Tensor) => tn.logSoftmax(t, 2)]) {
      expectGradOk(f, [x]);
      expectHvpOk(f, [x], 5);
    }
  });

  it('reject other axes, as TF.js (which supports only the last)', () => {
    const x = tn.zeros([3, 4]);
    expect(() => tf.softmax(tf.zeros([3, 4]), 0)).toThrow(/non-last dimension/);
    expect(() => tn.softmax(x, 0)).toThrow(/softmax: dim must be -1 or 1 \(only the last axis is supported\), got 0/);
    expect(() => tn.logSoftmax(x, 0)).toThrow(/logSoftmax: dim must be -1 or 1/);
  });
});
