import fc from 'fast-check';
import * as tn from '../../src/index';
import { distinctTensor, randTensor, seedArb, type ValueOpts } from '../helpers';

// The op cases that the first-derivative properties (grad-*.test.ts) and the Hessian-vector-product properties
// (hvp.test.ts) both check: one list, so every op checked once is checked twice. The HVP runs pass smaller sizes.

/** Unary ops, with their inputs kept off kinks and poles. */
export const unaryCases: [string, (x: tn.Tensor) => tn.Tensor, ValueOpts][] = [
  ['neg', tn.neg, {}],
  ['abs', tn.abs, { awayFromZero: 0.1 }],
  ['exp', tn.exp, {}],
  ['log', tn.log, { positive: true }],
  ['sqrt', tn.sqrt, { positive: true }],
  ['square', tn.square, {}],
  ['relu', tn.relu, { awayFromZero: 0.1 }],
  ['sigmoid', tn.sigmoid, {}],
  ['tanh', tn.tanh, {}],
  ['reciprocal', tn.reciprocal, { awayFromZero: 0.3 }],
];

/** Binary ops, with each operand's values. */
export const binaryCases: [string, (a: tn.Tensor, b: tn.Tensor) => tn.Tensor, ValueOpts, ValueOpts][] = [
  ['add', tn.add, {}, {}],
  ['sub', tn.sub, {}, {}],
  ['mul', tn.mul, {}, {}],
  ['div', tn.div, {}, { awayFromZero: 0.3 }],
  ['pow', tn.pow, { positive: true }, {}],
];

/** Operands for maximum/minimum that never tie: distinct values on a 0.05 grid, the second offset by half a step. */
export function untiedPair(sa: number[], sb: number[], seed: number): [tn.Tensor, tn.Tensor] {
  return [distinctTensor(sa, seed), tn.add(distinctTensor(sb, seed + 1), 0.025)];
}

/** matMul in every transpose case, dims 1..maxDim: the op and its operands. */
export function matMulCaseArb(maxDim: number) {
  const dim = fc.integer({ min: 1, max: maxDim });
  return fc.record({ m: dim, n: dim, k: dim, tA: fc.boolean(), tB: fc.boolean(), seed: seedArb }).map((c) => ({
    seed: c.seed,
    f: (x: tn.Tensor, y: tn.Tensor) => tn.matMul(x, y, c.tA, c.tB),
    inputs: () => [randTensor(c.tA ? [c.k, c.m] : [c.m, c.k], c.seed), randTensor(c.tB ? [c.n, c.k] : [c.k, c.n], c.seed + 1)],
  }));
}

/** conv2d over valid and same padding; a batch of 0 stands for one HWC image (rank 3). */
export function conv2dCaseArb(o: { minBatch: number; maxSide: number; maxStride: number }) {
  const int = (min: number, max: number) => fc.integer({ min, max });
  return fc.record({
    n: int(o.minBatch, 2), h: int(3, o.maxSide), w: int(3, o.maxSide), inC: int(1, 3), outC: int(1, 3), kh: int(1, 3), kw: int(1, 3),
    sh: int(1, o.maxStride), sw: int(1, o.maxStride), pad: fc.constantFrom('valid' as const, 'same' as const), seed: seedArb,
  }).map((c) => ({
    seed: c.seed,
    f: (a: tn.Tensor, b: tn.Tensor) => tn.conv2d(a, b, [c.sh, c.sw], c.pad),
    inputs: () => [randTensor(c.n === 0 ? [c.h, c.w, c.inC] : [c.n, c.h, c.w, c.inC], c.seed), randTensor([c.kh, c.kw, c.inC, c.outC], c.seed + 1)],
  }));
}

/** maxPool over valid and same padding, on distinct values (no ties). */
export function maxPoolCaseArb(maxSide: number) {
  const int = (min: number, max: number) => fc.integer({ min, max });
  return fc.record({
    n: int(1, 2), h: int(2, maxSide), w: int(2, maxSide), c: int(1, 3), f: int(1, 3), s: int(1, 3),
    pad: fc.constantFrom('valid' as const, 'same' as const), seed: seedArb,
  }).map((c) => ({
    seed: c.seed,
    f: (a: tn.Tensor) => tn.maxPool(a, Math.min(c.f, c.h, c.w), c.s, c.pad),
    inputs: () => [distinctTensor([c.n, c.h, c.w, c.c], c.seed)],
  }));
}
