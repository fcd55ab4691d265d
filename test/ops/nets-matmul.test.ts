import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, close, expectGradOk, randTensor, seedArb } from '../helpers';
import { expectHvpOk } from './hvp';
import { expectMatchesTfjs, tf, twin } from './nets-reference';

const RUNS = { ...FC, numRuns: 40 } as const;

/** Batch dims of a and b that broadcast: per axis equal, or 1 on one side; either may have fewer axes. */
const batchPairArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('both', 'a1', 'b1')), { minLength: 0, maxLength: 2 })
  .chain((axes) =>
    fc.tuple(fc.constant(axes.map(([d, w]) => (w === 'a1' ? 1 : d))), fc.constant(axes.map(([d, w]) => (w === 'b1' ? 1 : d))), fc.nat(axes.length), fc.nat(axes.length)),
  )
  .map(([ba, bb, dropA, dropB]) => [ba.slice(dropA), bb.slice(dropB)] as [number[], number[]]);

const caseArb = fc.record({
  batches: batchPairArb,
  m: fc.integer({ min: 1, max: 4 }), k: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 4 }),
  tA: fc.boolean(), tB: fc.boolean(), seed: seedArb,
}).filter((c) => c.batches[0].length + c.batches[1].length > 0);

type MatMulCase = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const shapesOf = (c: MatMulCase) => {
  const [ba, bb] = c.batches;
  return [[...ba, ...(c.tA ? [c.k, c.m] : [c.m, c.k])], [...bb, ...(c.tB ? [c.n, c.k] : [c.k, c.n])]];
};

/** Plain nested loops with numpy broadcasting of the batch dims: the reference the op is checked against. */
function reference(a: tn.Tensor, b: tn.Tensor, tA: boolean, tB: boolean): { shape: number[]; values: number[] } {
  const av = a.dataSync();
  const bv = b.dataSync();
  const [ra, ca] = a.shape.slice(-2);
  const [rb, cb] = b.shape.slice(-2);
  const [m, k] = tA ? [ca, ra] : [ra, ca];
  const n = tB ? rb : cb;
  const ab = a.shape.slice(0, -2);
  const bb = b.shape.slice(0, -2);
  const rank = Math.max(ab.length, bb.length);
  const pad = (s: number[]) => [...Array(rank - s.length).fill(1), ...s];
  const [pa, pb] = [pad(ab), pad(bb)];
  const batch = pa.map((d, i) => Math.max(d, pb[i]));
  const values: number[] = [];
  const count = batch.reduce((x, y) => x * y, 1);
  for (let flat = 0; flat < count; flat++) {
    let rest = flat;
    let ia = 0;
    let ib = 0;
    const idx = batch.map(() => 0);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = rest % batch[d];
      rest = Math.floor(rest / batch[d]);
    }
    for (let d = 0; d < rank; d++) {
      ia = ia * pa[d] + (pa[d] === 1 ? 0 : idx[d]);
      ib = ib * pb[d] + (pb[d] === 1 ? 0 : idx[d]);
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) {
          const x = av[ia * m * k + (tA ? p * m + i : i * k + p)];
          const y = bv[ib * k * n + (tB ? j * k + p : p * n + j)];
          s += x * y;
        }
        values.push(s);
      }
    }
  }
  return { shape: [...batch, m, n], values };
}

describe('matMul at rank >= 3, batch dims broadcast', () => {
  it('matches nested loops for every transpose combination and broadcast pattern', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const [sa, sb] = shapesOf(c);
      const a = randTensor(sa, c.seed);
      const b = randTensor(sb, c.seed + 1);
      const y = tn.matMul(a, b, c.tA, c.tB);
      const want = reference(a, b, c.tA, c.tB);
      expect(y.shape).toEqual(want.shape);
      close(y.dataSync(), want.values, 1e-12);
    }), RUNS);
  });

  it('a hand-computed batch of two products', () => {
    const a = tn.tensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
    const b = tn.tensor([1, 0, 0, 1, 2, 1, 1, 2], [2, 2, 2]);
    const y = tn.matMul(a, b);
    expect(y.shape).toEqual([2, 2, 2]);
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4, 16, 17, 22, 23]);
    expect(tn.matMul(a, b, true, true).arraySync()).toEqual([[[1, 3], [2, 4]], [[17, 19], [20, 22]]]);
  });

  it('matches TF.js: rank 3 by rank 2, equal batches, a batch of 1, rank 4 by rank 3', () => {
    const cases: [number[], number[], boolean, boolean][] = [
      [[2, 3, 4], [4, 5], false, false],
      [[2, 4, 3], [2, 5, 4], true, true],
      [[1, 3, 4], [3, 4, 2], false, false],
      [[2, 3, 3, 4], [3, 4, 2], false, false],
      [[3, 4], [2, 4, 5], false, false],
    ];
    cases.forEach(([sa, sb, tA, tB], i) => {
      const [a, ta] = twin(sa, 10 + i);
      const [b, tb] = twin(sb, 20 + i);
      expectMatchesTfjs(tn.matMul(a, b, tA, tB), tf.matMul(ta, tb, tA, tB));
    });
  });

  it('gradients match central differences (float64)', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const [sa, sb] = shapesOf(c);
      expectGradOk((a, b) => tn.matMul(a, b, c.tA, c.tB), [randTensor(sa, c.seed), randTensor(sb, c.seed + 1)]);
    }), RUNS);
  });

  it('Hessian-vector products match central differences (float64)', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const [sa, sb] = shapesOf(c);
      expectHvpOk((a, b) => tn.matMul(a, b, c.tA, c.tB), [randTensor(sa, c.seed), randTensor(sb, c.seed + 1)], c.seed);
    }), { ...RUNS, numRuns: 15 });
  });

  it('multiplies mixed dtypes in the higher one, as TF.js', () => {
    const y = tn.matMul(tn.tensor([[1, 2]], [1, 2], 'int32'), tn.tensor([[0.5], [0.25]]));
    expect(y.dtype).toBe('float32');
    expect(Array.from(y.dataSync())).toEqual([1]);
    expect(tn.matMul(tn.zeros([2, 3, 4]), tn.zeros([4, 5], 'float64')).dtype).toBe('float64');
  });

  it('rejects mismatched inner dims, batch dims that do not broadcast and rank-1 operands, naming what came', () => {
    expect(() => tn.matMul(tn.zeros([2, 3, 4]), tn.zeros([2, 3, 5]))).toThrow(/matMul: the inner dimensions of a \[2, 3, 4\] and b \[2, 3, 5\] must match, got 4 and 3/);
    expect(() => tn.matMul(tn.zeros([2, 3, 4]), tn.zeros([3, 4, 5]))).toThrow(/matMul: the batch dimensions of a \[2, 3, 4\] and b \[3, 4, 5\].*must broadcast/);
    expect(() => tn.matMul(tn.zeros([4]), tn.zeros([2, 4, 5]))).toThrow(/matMul: a and b must have rank >= 2, got shapes \[4\] and \[2, 4, 5\]/);
    expect(() => tn.matMul(tn.zeros([2, 3, 4]), tn.zeros([4, 5]), 1 as unknown as boolean)).toThrow(/matMul: transposeA must be a boolean, got number 1/);
  });
});

describe('dot and outerProduct', () => {
  it('hand-computed cases for every rank pair, as TF.js documents', () => {
    const v = tn.tensor1d([1, 2]);
    const m = tn.tensor2d([[1, 2], [3, 4]]);
    const vv = tn.dot(v, v);
    expect(vv.shape).toEqual([]);
    expect(vv.dataSync()[0]).toBe(5);
    expect(tn.dot(v, m).arraySync()).toEqual([7, 10]);
    expect(tn.dot(m, v).arraySync()).toEqual([5, 11]);
    expect(tn.dot(m, m).arraySync()).toEqual([[7, 10], [15, 22]]);
    expect(tn.outerProduct(tn.tensor1d([1, 2, 3]), tn.tensor1d([4, 5])).arraySync()).toEqual([[4, 5], [8, 10], [12, 15]]);
  });

  it('match TF.js', () => {
    const [a, ta] = twin([3], 1);
    const [b, tb] = twin([3, 4], 2);
    const [c, tc] = twin([4], 3);
    expectMatchesTfjs(tn.dot(a, b), tf.dot(ta, tb));
    expectMatchesTfjs(tn.dot(b, c), tf.dot(tb, tc));
    expectMatchesTfjs(tn.outerProduct(a, c), tf.outerProduct(ta as tf.Tensor1D, tc as tf.Tensor1D));
  });

  it('gradients and Hessian-vector products (float64)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(1, 2), fc.constantFrom(1, 2), seedArb, (k, n, r1, r2, seed) => {
      const x = randTensor(r1 === 1 ? [k] : [n, k], seed);
      const y = randTensor(r2 === 1 ? [k] : [k, n], seed + 1);
      expectGradOk(tn.dot, [x, y]);
      expectHvpOk(tn.dot, [x, y], seed);
      expectHvpOk(tn.outerProduct, [randTensor([k], seed), randTensor([n], seed + 2)], seed);
    }), { ...FC, numRuns: 20 });
  });

  it('rejects bad ranks and inner dims, naming the argument', () => {
    expect(() => tn.dot(tn.zeros([2, 2, 2]), tn.zeros([2]))).toThrow(/dot: t1 must be rank 1 or 2, got shape \[2, 2, 2\] \(rank 3\)/);
    expect(() => tn.dot(tn.zeros([3]), tn.zeros([2, 2]))).toThrow(/dot: the inner dimensions of t1 \[3\] and t2 \[2, 2\] must match, got 3 and 2/);
    expect(() => tn.outerProduct(tn.zeros([2, 1]), tn.zeros([2]))).toThrow(/outerProduct: v1 must be rank 1, got shape \[2, 1\] \(rank 2\)/);
  });
});
