import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { Random } from '../../src/util/random';
import { shapeArb } from '../arbitraries';
import { FC, distinctTensor, expectGradOk, randTensor, seedArb } from '../helpers';
import { expectHvpOk } from './hvp';

// First derivatives (gradCheck) and Hessian-vector products of where, the indexing ops, topk's values, mod,
// floorDiv, the rounding ops and clone, against central differences in float64 on random shapes.

const RUNS = { ...FC, numRuns: 12 } as const;

function ints(n: number, below: number, seed: number): number[] {
  const r = new Random(seed);
  return Array.from({ length: n }, () => r.int(below));
}

function both(f: (...xs: tn.Tensor[]) => tn.Tensor, inputs: tn.Tensor[], seed: number): void {
  expectGradOk(f, inputs);
  expectHvpOk(f, inputs, seed);
}

describe('backward rules of where and the indexing ops (float64, first and second order)', () => {
  it('where with a broadcast condition', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const cond = tn.tensor(ints(shape[shape.length - 1], 2, seed).map((v) => v === 1));
      both((a, b) => tn.where(cond, a, b), [randTensor(shape, seed), randTensor(shape.slice(1), seed + 1)], seed);
    }), RUNS);
  });

  it('gather along any axis, with repeated indices and indices of rank 2', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, fc.nat(), (shape, seed, pick) => {
      const axis = pick % shape.length;
      const idx = tn.tensor(ints(4, shape[axis], seed), [2, 2], 'int32');
      both((x) => tn.gather(x, idx, axis), [randTensor(shape, seed)], seed);
    }), RUNS);
  });

  it('unsortedSegmentSum', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const ids = tn.tensor(ints(shape[0], 3, seed), [shape[0]], 'int32');
      both((x) => tn.unsortedSegmentSum(x, ids, 3), [randTensor(shape, seed)], seed);
      // A negative id drops its row.
      const dropping = tn.tensor(ints(shape[0], 4, seed + 1).map((id) => id - 1), [shape[0]], 'int32');
      both((x) => tn.unsortedSegmentSum(x, dropping, 3), [randTensor(shape, seed)], seed);
    }), RUNS);
  });

  it('sparseSegmentSum and sparseSegmentMean in their data (rows picked twice, empty segments), and raggedGather in its values', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const n = 5;
      const indices = tn.tensor(ints(n, shape[0], seed), [n], 'int32');
      const ids = tn.tensor(ints(n, 4, seed + 1).sort((a, b) => a - b), [n], 'int32');
      both((x) => tn.sparse.sparseSegmentSum(x, indices, ids), [randTensor(shape, seed)], seed);
      both((x) => tn.sparse.sparseSegmentMean(x, indices, ids), [randTensor(shape, seed + 2)], seed);
      // Rows of x split in two ragged rows ([0, 1) and [1, rows)), gathered as [1, 0, 1].
      const splits = tn.tensor1d([0, 1, shape[0]], 'int32');
      both((x) => tn.raggedGather([splits], x, tn.tensor1d([1, 0, 1], 'int32'), 1).outputDenseValues, [randTensor(shape, seed + 3)], seed);
    }), RUNS);
    // By hand: data rows 0 and 2 summed into segment 0 and row 0 into segment 1; a mean halves segment 0's share.
    const x = tn.tensor([[1, 2], [3, 4], [5, 6]], [3, 2], 'float64');
    const w = tn.tensor([[1, 10], [100, 1000]], [2, 2], 'float64');
    const [picked, ids] = [tn.tensor1d([0, 2, 0], 'int32'), tn.tensor1d([0, 0, 1], 'int32')];
    expect(tn.grad((a) => tn.sum(tn.mul(tn.sparse.sparseSegmentSum(a, picked, ids), w)))(x).arraySync()).toEqual([[101, 1010], [0, 0], [1, 10]]);
    expect(tn.grad((a) => tn.sum(tn.mul(tn.sparse.sparseSegmentMean(a, picked, ids), w)))(x).arraySync()).toEqual([[100.5, 1005], [0, 0], [0.5, 5]]);
  });

  it('gatherND and scatterND (duplicate indices add up)', () => {
    fc.assert(fc.property(shapeArb(2, 3), seedArb, (shape, seed) => {
      const depth = 1 + (seed % shape.length);
      const tuples = [0, 1, 2].map((k) => shape.slice(0, depth).map((d, j) => ints(1, d, seed + 7 * k + j)[0]));
      const idx = tn.tensor(tuples.flat(), [3, depth], 'int32');
      both((x) => tn.gatherND(x, idx), [randTensor(shape, seed)], seed);
      both((u) => tn.scatterND(idx, u, shape), [randTensor([3, ...shape.slice(depth)], seed + 1)], seed);
      // Rank-1 indices: gatherND reads them as one index of that depth (scatterND as that many indices of depth 1).
      const one = tn.tensor(tuples[0], [depth], 'int32');
      both((x) => tn.gatherND(x, one), [randTensor(shape, seed)], seed);
    }), RUNS);
  });

  it('scatterND and tensorScatterUpdate with rank-1 indices (one index per row of updates)', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const idx = tn.tensor(ints(3, shape[0], seed), [3], 'int32');
      both((u) => tn.scatterND(idx, u, shape), [randTensor([3, ...shape.slice(1)], seed + 1)], seed);
      both((t, u) => tn.tensorScatterUpdate(t, idx, u), [randTensor(shape, seed), randTensor([3, ...shape.slice(1)], seed + 1)], seed);
    }), RUNS);
  });

  it("topk's values", () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const k = 1 + (seed % shape[shape.length - 1]);
      both((x) => tn.topk(x, k).values, [distinctTensor(shape, seed)], seed);
    }), RUNS);
  });

  it('mod and floorDiv, operands away from the jumps (floorDiv is flat there)', () => {
    fc.assert(fc.property(shapeArb(0, 3), seedArb, (shape, seed) => {
      const size = shape.reduce((p, d) => p * d, 1);
      // a = q·b + r with r in [0.2, 0.8]·b: well inside a continuous piece of mod.
      const r = new Random(seed);
      const b = Float64Array.from({ length: size }, () => r.uniform(0.5, 2));
      const a = Float64Array.from(b, (bi) => (r.int(7) - 3) * bi + r.uniform(0.2, 0.8) * bi);
      const ta = tn.tensor(a, shape, 'float64'), tb = tn.tensor(b, shape, 'float64');
      both(tn.mod, [ta, tb], seed);
      expectGradOk(tn.floorDiv, [ta, tb]);
    }), RUNS);
  });

  it('floor, ceil, round and sign have zero gradients; clone and cast between floats pass the gradient through', () => {
    const x = randTensor([2, 3], 5);
    for (const f of [tn.floor, tn.ceil, tn.round, tn.sign]) {
      expect(Array.from(tn.grad((t: tn.Tensor) => tn.sum(f(t)))(x).dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
    }
    both((t) => tn.mul(tn.clone(t), t), [x], 5);
    expect(Array.from(tn.grad((t: tn.Tensor) => tn.sum(tn.cast(tn.cast(t, 'float32'), 'float64')))(x).dataSync())).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('dy passes through casts to int32 and bool as through TF.js\'s; argMax, argMin and comparisons give zeros', () => {
    const x = randTensor([4], 3);
    const g = tn.grad((t: tn.Tensor) => tn.sum(tn.mul(tn.cast(tn.cast(t, 'int32'), 'float64'), 3)))(x);
    expect(Array.from(g.dataSync())).toEqual([3, 3, 3, 3]);
    for (const f of [tn.argMax, tn.argMin]) expect(Array.from(tn.grad((t: tn.Tensor) => tn.cast(f(t), 'float64'))(x).dataSync())).toEqual([0, 0, 0, 0]);
    const o = tn.grad((t: tn.Tensor) => tn.sum(tn.cast(tn.oneHot(tn.cast(t, 'int32'), 3), 'float64')))(x);
    expect(Array.from(o.dataSync())).toEqual([0, 0, 0, 0]);
    const h = tn.grad((t: tn.Tensor) => tn.sum(tn.mul(t, tn.greater(t, 0))))(x);
    expect(Array.from(h.dataSync())).toEqual(Array.from(x.dataSync(), (v) => (v > 0 ? 1 : 0)));
  });

  it('dy passes through arithmetic on two bools, whose result is bool, as through TF.js\'s (hand-computed)', () => {
    // d/dx Σ (bool(x) + bool(x))·x = 2 + 2x: the product rule's second term comes back through both casts.
    const x = tn.tensor([1, -2, 3]);
    const g = tn.grad((t: tn.Tensor) => tn.sum(tn.mul(tn.add(tn.cast(t, 'bool'), tn.cast(t, 'bool')), t)))(x);
    expect(Array.from(g.dataSync())).toEqual([4, -2, 8]);
    const d = tn.grad((t: tn.Tensor) => tn.sum(tn.mul(tn.sub(tn.cast(t, 'bool'), tn.cast(tn.neg(t), 'bool')), t)))(x);
    // true − true is false, so this one is 0 + 2x (TF.js 4.22 gives the same).
    expect(Array.from(d.dataSync())).toEqual([2, -4, 6]);
  });
});
