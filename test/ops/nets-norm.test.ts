import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';
import { expectHvpOk } from './hvp';
import { expectMatchesTfjs, tf, twin } from './nets-reference';

describe('batchNorm', () => {
  it('matches TF.js with and without offset and scale, per-channel and full-shape parameters', () => {
    const [x, tx] = twin([2, 3, 3, 4], 1);
    for (const pshape of [[4], [1, 1, 1, 4], [2, 3, 3, 4]]) {
      const [m, tm] = twin(pshape, 2);
      const [v, tv] = twin(pshape, 3, 0.1, 2);
      const [o, to] = twin(pshape, 4);
      const [s, ts] = twin(pshape, 5);
      expectMatchesTfjs(tn.batchNorm(x, m, v), tf.batchNorm(tx, tm, tv));
      expectMatchesTfjs(tn.batchNorm(x, m, v, o, s, 0.01), tf.batchNorm(tx, tm, tv, to, ts, 0.01));
      expectMatchesTfjs(tn.batchNorm(x, m, v, undefined, s), tf.batchNorm(tx, tm, tv, undefined, ts));
      if (pshape.length === 1 || pshape.length === 4) expectMatchesTfjs(tn.batchNorm4d(x, m, v, o), tf.batchNorm4d(tx as tf.Tensor4D, tm as tf.Tensor4D, tv as tf.Tensor4D, to as tf.Tensor4D));
    }
  });

  it('hand-computed, with TF.js\'s default varianceEpsilon 0.001', () => {
    const y = tn.batchNorm(tn.tensor([1, 2, 3, 4], [2, 2]), tn.tensor1d([1, 2]), tn.tensor1d([1, 1]));
    const k = 1 / Math.sqrt(1.001);
    Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([0, 0, 2 * k, 2 * k][i], 6));
  });

  it('per-channel parameters with an offset give the bits of sub, mul and add, in float32 and float64 (one pass over x)', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = randTensor([3, 5, 7], 11).cast(dtype);
      const [m, o, s] = [12, 13, 14].map((seed) => randTensor([7], seed).cast(dtype));
      const v = randTensor([1, 1, 7], 15, { positive: true }).cast(dtype);
      const got = tn.batchNorm(x, m.reshape([1, 1, 7]), v, o.reshape([1, 1, 7]), s.reshape([1, 1, 7]), 0.01);
      const factor = tn.mul(tn.rsqrt(tn.add(v, 0.01)), s);
      const want = tn.add(tn.mul(tn.sub(x, m), factor), o);
      expect(got.dtype).toBe(dtype);
      expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
    }
  });

  it('gradients and Hessian-vector products in every argument (float64)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), seedArb, (rows, channels, seed) => {
      const x = randTensor([rows, 2, channels], seed);
      const m = randTensor([channels], seed + 1);
      const v = randTensor([channels], seed + 2, { positive: true });
      const o = randTensor([channels], seed + 3);
      const s = randTensor([channels], seed + 4);
      const f = (...a: tn.Tensor[]) => tn.batchNorm(a[0], a[1], a[2], a[3], a[4], 0.01);
      expectGradOk(f, [x, m, v, o, s]);
      expectHvpOk(f, [x, m, v, o, s], seed);
    }), { ...FC, numRuns: 15 });
  });

  it('rejects bad input, naming op and argument', () => {
    const x = tn.zeros([2, 3]);
    expect(() => tn.batchNorm(x, tn.zeros([2]), tn.ones([3]))).toThrow(/batchNorm: mean must be a shape that broadcasts to x's \[2, 3\], got shape \[2\]/);
    expect(() => tn.batchNorm(x, tn.zeros([3]), tn.ones([1, 3]))).toThrow(/batchNorm: variance must be mean's rank 1, got rank 2/);
    expect(() => tn.batchNorm(x, tn.zeros([3]), tn.ones([3]), undefined, undefined, -1)).toThrow(/batchNorm: varianceEpsilon must be a number >= 0, got number -1/);
    expect(() => tn.batchNorm(x, tn.zeros([3]), 'three' as unknown as tn.Tensor)).toThrow(/batchNorm: variance must be a Tensor or TensorLike values .*, got string/);
    expect(() => tn.batchNorm(x, tn.zeros([3]), null as unknown as tn.Tensor)).toThrow(/batchNorm: variance must be a Tensor or TensorLike values, got null/);
    expect(() => tn.batchNorm4d(x, tn.zeros([3]), tn.ones([3]))).toThrow(/batchNorm4d: x must be rank 4, got shape \[2, 3\] \(rank 2\)/);
  });
});

describe('dropout', () => {
  it('keeps each element with probability 1 - rate, scaled by 1 / (1 - rate); the same seed gives the same mask', () => {
    const x = tn.ones([100, 100]);
    const y = tn.dropout(x, 0.3, undefined, 42);
    const values = Array.from(y.dataSync());
    const kept = values.filter((v) => v !== 0);
    kept.forEach((v) => expect(v).toBeCloseTo(1 / 0.7, 5));
    expect(Math.abs(kept.length / values.length - 0.7)).toBeLessThan(0.02);
    expect(Array.from(tn.dropout(x, 0.3, undefined, 42).dataSync())).toEqual(values);
    expect(Array.from(tn.dropout(x, 0.3, undefined, 43).dataSync())).not.toEqual(values);
    // String seeds, as TF.js takes them, replay too.
    expect(Array.from(tn.dropout(x, 0.3, undefined, 'abc').dataSync())).toEqual(Array.from(tn.dropout(x, 0.3, undefined, 'abc').dataSync()));
  });

  it('noiseShape drops whole slices (null takes x\'s dim, as TF.js); rate 0 returns x\'s values', () => {
    const y = tn.dropout(tn.ones([4, 50]), 0.5, [4, 1], 7).arraySync() as number[][];
    for (const row of y) expect(new Set(row).size).toBe(1);
    const z = tn.dropout(tn.ones([3, 40]), 0.5, [null, 1], 7);
    expect(z.shape).toEqual([3, 40]);
    expect(Array.from(tn.dropout(tn.tensor([1, 2, 3]), 0).dataSync())).toEqual([1, 2, 3]);
  });

  it('the gradient is the mask (float64), and the mean is preserved in expectation', () => {
    const x = randTensor([20, 20], 3);
    expectGradOk((t) => tn.dropout(t, 0.4, undefined, 9), [x]);
    expectHvpOk((t) => tn.dropout(t, 0.4, undefined, 9), [x], 9);
    const m = tn.mean(tn.dropout(tn.ones([200, 200]), 0.25, undefined, 11)).dataSync()[0];
    expect(Math.abs(m - 1)).toBeLessThan(0.02);
  });

  it('matches TF.js where it is deterministic: shape, scale, rate 0', () => {
    const [x, tx] = twin([3, 4], 1);
    expectMatchesTfjs(tn.dropout(x, 0), tf.dropout(tx, 0));
  });

  it('rejects bad input', () => {
    const x = tn.ones([2, 3]);
    expect(() => tn.dropout(x, 1)).toThrow(/dropout: rate must be a number in \[0, 1\), got number 1/);
    expect(() => tn.dropout(x, -0.1)).toThrow(/dropout: rate must be a number in \[0, 1\)/);
    expect(() => tn.dropout(x, 0.5, [3, 1])).toThrow(/dropout: noiseShape must be a shape that broadcasts to x's \[2, 3\], got \[3,1\]/);
  });
});
