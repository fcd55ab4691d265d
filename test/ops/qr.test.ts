import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';
import { expectHvpOk } from './hvp';

// tf.linalg.qr and gramSchmidt: the factors' defining properties, their first and second derivatives against
// central differences in float64, and bad input.

const RUNS = { ...FC, numRuns: 8 } as const;
const values = (t: tn.Tensor) => Array.from(t.dataSync());
const both = (q: tn.Tensor, r: tn.Tensor) => tn.concat([tn.reshape(q, [-1]), tn.reshape(r, [-1])]);

describe('linalg.qr', () => {
  it('q has orthonormal columns, r is upper-triangular, and q·r is x, for every shape and fullMatrices', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), seedArb, (m, n, full, seed) => {
      const x = randTensor([m, n], seed);
      const [q, r] = tn.linalg.qr(x, full);
      const k = full || m <= n ? m : n;
      expect(q.shape).toEqual([m, k]);
      expect(r.shape).toEqual([k, n]);
      values(tn.sub(tn.matMul(q, q, true), tn.eye(k, k, undefined, 'float64'))).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
      values(tn.sub(tn.matMul(q, r), x)).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
      const rv = values(r);
      for (let i = 0; i < k; i++) for (let j = 0; j < Math.min(i, n); j++) expect(Math.abs(rv[i * n + j])).toBeLessThan(1e-12);
    }), RUNS);
  });

  it('a rank-deficient matrix whose column is already zero below the diagonal (a constant one) gives finite factors', () => {
    // Hand-computed: the first reflection is diag(−1, 1, 1) and leaves the second column zero below the diagonal,
    // so the second is the identity.
    const [q, r] = tn.linalg.qr(tn.tensor([[1, 1], [0, 0], [0, 0]], [3, 2], 'float64'));
    expect(values(q)).toEqual([-1, 0, 0, 1, 0, 0]);
    expect(values(r)).toEqual([-1, -1, 0, 0]);
    // A constant float32 matrix rounds to that case after its first reflection.
    for (const x of [tn.ones([3, 2]), tn.ones([3, 3]), tn.fill([3, 2], 2), tn.zeros([2, 2])]) {
      for (const full of [false, true]) {
        const [fq, fr] = tn.linalg.qr(x, full);
        values(tn.sub(tn.matMul(fq, fr), x)).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-5));
        values(tn.sub(tn.matMul(fq, fq, true), tn.eye(fq.shape[1]))).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-5));
      }
    }
    // Its gradient is finite too.
    expect(values(tn.grad((x: tn.Tensor) => tn.sum(tn.linalg.qr(x)[0]))(tn.tensor([[1, 1], [0, 0], [0, 0]], [3, 2], 'float64'))).every(Number.isFinite)).toBe(true);
  });

  it('batches: each matrix of a [2, 3, 2] x as alone', () => {
    const x = randTensor([2, 3, 2], 7);
    const [q, r] = tn.linalg.qr(x);
    expect(q.shape).toEqual([2, 3, 2]);
    expect(r.shape).toEqual([2, 2, 2]);
    const [q1, r1] = tn.linalg.qr(tn.slice(x, [1, 0, 0], [1, 3, 2]).reshape([3, 2]));
    expect(values(tn.slice(q, [1, 0, 0], [1, 3, 2]))).toEqual(values(q1));
    expect(values(tn.slice(r, [1, 0, 0], [1, 2, 2]))).toEqual(values(r1));
  });

  it('gradients of q and r (first and second order)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), seedArb, (m, n, seed) => {
      const f = (x: tn.Tensor) => both(...tn.linalg.qr(x));
      expectGradOk(f as (...xs: tn.Tensor[]) => tn.Tensor, [randTensor([m, n], seed)]);
      expectHvpOk(f as (...xs: tn.Tensor[]) => tn.Tensor, [randTensor([m, n], seed)], seed);
    }), RUNS);
  });

  it('refuses bad input', () => {
    expect(() => tn.linalg.qr(tn.zeros([3]))).toThrow(/linalg.qr: x must be rank 2 or higher, got shape \[3\] \(rank 1\)/);
    expect(() => tn.linalg.qr(tn.zeros([2, 2], 'int32'))).toThrow(/linalg.qr: x must be a float32 or float64 tensor, got an int32 tensor/);
    expect(() => tn.linalg.qr(tn.zeros([2, 2]), 1 as never)).toThrow(/linalg.qr: fullMatrices must be a boolean/);
    expect(() => tn.linalg.gramSchmidt(tn.ones([0, 3]))).toThrow(/^linalg.gramSchmidt: xs must be at least one vector \(row\), got shape \[0, 3\]$/);
  });
});

describe('linalg.gramSchmidt', () => {
  it('orthonormal rows spanning the same growing subspaces; an array in, an array out', () => {
    const xs = randTensor([3, 4], 3);
    const ys = tn.linalg.gramSchmidt(xs) as tn.Tensor;
    values(tn.sub(tn.matMul(ys, ys, false, true), tn.eye(3, 3, undefined, 'float64'))).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
    // Row i of ys is a combination of rows 0..i of xs: its part outside their span is zero.
    const first = values(tn.slice(ys, [0, 0], [1, 4]));
    const x0 = values(tn.slice(xs, [0, 0], [1, 4]));
    const scale = first[0] / x0[0];
    first.forEach((v, i) => expect(v).toBeCloseTo(x0[i] * scale, 12));
    const list = tn.linalg.gramSchmidt(tn.unstack(xs)) as tn.Tensor[];
    expect(list.map(values)).toEqual(tn.unstack(ys).map(values));
  });

  it('gradients (first and second order)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), seedArb, (n, seed) => {
      const f = (x: tn.Tensor) => tn.linalg.gramSchmidt(x) as tn.Tensor;
      expectGradOk(f as (...xs: tn.Tensor[]) => tn.Tensor, [randTensor([n, 3], seed)]);
      expectHvpOk(f as (...xs: tn.Tensor[]) => tn.Tensor, [randTensor([n, 3], seed)], seed);
    }), RUNS);
  });

  it('refuses more vectors than dimensions and ragged vectors', () => {
    expect(() => tn.linalg.gramSchmidt(tn.zeros([3, 2]))).toThrow(/linalg.gramSchmidt: xs must be no more vectors than their length, got 3 vectors of length 2/);
    expect(() => tn.linalg.gramSchmidt([tn.zeros([2]), tn.zeros([3])])).toThrow(/linalg.gramSchmidt: xs\[1\] must be a 1-D tensor of length 2 like xs\[0\], got shape \[3\]/);
    expect(() => tn.linalg.gramSchmidt(tn.zeros([2]))).toThrow(/linalg.gramSchmidt: xs must be a 2-D tensor/);
  });
});
