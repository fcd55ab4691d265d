import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { broadcastShapes } from '../../kernels/shared/broadcast';
import { binary, binaryNaive, unary } from '../../kernels/cpu/elementwise';
import type { BinaryOp, UnaryOp } from '../../kernels/shared/op-names';
import type { MathUnaryOp } from '../../kernels/shared/math-op-names';
import { alloc, dtypeArb, dtypes, expectClose, random, runs } from './helpers';

const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);

describe('broadcastShapes', () => {
  it('aligns trailing axes and stretches 1s', () => {
    expect(broadcastShapes([2, 3], [3])).toEqual([2, 3]);
    expect(broadcastShapes([4, 1, 5], [3, 1])).toEqual([4, 3, 5]);
    expect(broadcastShapes([], [2, 2])).toEqual([2, 2]);
    expect(broadcastShapes([1], [])).toEqual([1]);
    expect(broadcastShapes([0, 1], [1, 3])).toEqual([0, 3]);
    expect(broadcastShapes([8, 1, 6, 1], [7, 1, 5])).toEqual([8, 7, 6, 5]);
  });
  it('returns null for incompatible shapes', () => {
    expect(broadcastShapes([2, 3], [2])).toBeNull();
    expect(broadcastShapes([4, 3], [2, 4, 2])).toBeNull();
    expect(broadcastShapes([0], [2])).toBeNull();
  });
});

const binaryOps: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'pow', 'greater', 'equal'];

/** A random output shape, then a and b as random suffixes of it with random axes squeezed to 1. */
const shapesArb = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 4 })
  .chain((out) => {
    const operand = fc
      .tuple(fc.integer({ min: 0, max: out.length }), fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }))
      .map(([drop, ones]) => out.map((d, i) => (ones[i] ? 1 : d)).slice(drop));
    return fc.tuple(operand, operand);
  });

describe('binary', () => {
  it('matches per-element index arithmetic for every op on random broadcasts', () => {
    fc.assert(
      fc.property(shapesArb, fc.constantFrom(...binaryOps), dtypeArb, fc.nat(), ([aShape, bShape], op, dtype, seed) => {
        const outShape = broadcastShapes(aShape, bShape);
        expect(outShape).not.toBeNull();
        const n = size(outShape ?? []);
        // pow wants a positive base; quantise so 'equal' sees some equal pairs.
        const a = random(dtype, size(aShape), seed).map((v) => (op === 'pow' ? v + 1.5 : Math.round(v * 2)));
        const b = random(dtype, size(bShape), seed + 1).map((v) => Math.round(v * 2) || 0.5);
        const [out, ref] = [alloc(dtype, n), alloc(dtype, n)];
        binary(op, a, aShape, b, bShape, out);
        binaryNaive(op, a, aShape, b, bShape, ref);
        expectClose(out, ref, dtype);
      }),
      runs(400),
    );
  });

  it('covers the fast paths: same shape, scalar either side, trailing broadcast, broadcast on both sides', () => {
    const cases: [number[], number[]][] = [[[3, 4], [3, 4]], [[], [3, 4]], [[3, 4], [1]], [[5, 7], [7]], [[7], [5, 7]], [[5, 1], [1, 7]], [[2, 1, 3], [4, 1]]];
    for (const dtype of dtypes) {
      for (const [aShape, bShape] of cases) {
        const n = size(broadcastShapes(aShape, bShape) ?? []);
        const a = random(dtype, size(aShape), 1), b = random(dtype, size(bShape), 2);
        const [out, ref] = [alloc(dtype, n), alloc(dtype, n)];
        binary('sub', a, aShape, b, bShape, out);
        binaryNaive('sub', a, aShape, b, bShape, ref);
        expect(Array.from(out)).toEqual(Array.from(ref));
      }
    }
  });
});

describe('unary', () => {
  // The math family's unary ops are checked in math.test.ts.
  const reference: Record<Exclude<UnaryOp, MathUnaryOp>, (v: number) => number> = {
    neg: (v) => -v, abs: Math.abs, exp: Math.exp, log: Math.log, sqrt: Math.sqrt, square: (v) => v * v,
    relu: (v) => Math.max(v, 0), step: (v) => (v > 0 ? 1 : 0), sigmoid: (v) => 1 / (1 + Math.exp(-v)),
    tanh: Math.tanh, reciprocal: (v) => 1 / v,
    floor: Math.floor, ceil: Math.ceil, sign: Math.sign,
    // Half to even; x holds no exact halves here, so plain rounding agrees (the halves are checked below).
    round: Math.round,
    isNaN: (v) => (Number.isNaN(v) ? 1 : 0), isInf: () => 0, isFinite: () => 1, logicalNot: (v) => (v === 0 ? 1 : 0),
  };
  for (const op of Object.keys(reference) as (keyof typeof reference)[]) {
    it(`${op} matches its definition`, () => {
      for (const dtype of dtypes) {
        const x = random(dtype, 101, 5).map((v) => v * 4);
        const out = alloc(dtype, 101);
        unary(op, x, out);
        const ref = alloc(dtype, 101).map((_, i) => reference[op](x[i]));
        expectClose(out, ref, dtype);
      }
    });
  }
  it('round halves to even; sign, isNaN, isInf and isFinite on the special values', () => {
    const x = new Float64Array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, NaN, Infinity, -Infinity, 0]);
    const out = new Float64Array(x.length);
    unary('round', x, out);
    expect(Array.from(out.subarray(0, 6))).toEqual([-2, -2, 0, 0, 2, 2]);
    unary('sign', x, out);
    expect(Array.from(out.subarray(6))).toEqual([0, 1, -1, 0]);
    unary('isNaN', x, out);
    expect(Array.from(out.subarray(6))).toEqual([1, 0, 0, 0]);
    unary('isInf', x, out);
    expect(Array.from(out.subarray(6))).toEqual([0, 1, 1, 0]);
    unary('isFinite', x, out);
    expect(Array.from(out.subarray(6))).toEqual([0, 0, 0, 1]);
  });

  it('mod takes the sign of the divisor and floorDiv rounds down, as TF.js', () => {
    const a = new Float64Array([7, -7, 7, -7]), b = new Float64Array([3, 3, -3, -3]);
    const out = new Float64Array(4);
    binary('mod', a, [4], b, [4], out);
    expect(Array.from(out)).toEqual([1, 2, -2, -1]);
    binary('floorDiv', a, [4], b, [4], out);
    expect(Array.from(out)).toEqual([2, -3, -3, 2]);
    const ints = new Int32Array(4);
    binary('floorDiv', Int32Array.from(a), [4], Int32Array.from(b), [4], ints);
    expect(Array.from(ints)).toEqual([2, -3, -3, 2]);
  });

  it('relu and step at the edges', () => {
    const out = new Float64Array(3);
    unary('relu', new Float64Array([-2, 0, 3]), out);
    expect(Array.from(out)).toEqual([0, 0, 3]);
    unary('step', new Float64Array([-2, 0, 3]), out);
    expect(Array.from(out)).toEqual([0, 0, 1]);
  });
});
