import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reduce, reduceNaive, sumToShape } from '../../kernels/cpu/reduce';
import type { ReduceOp } from '../../kernels/shared/op-names';
import { alloc, dtypeArb, expectClose, random, runs } from './helpers';

const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);

describe('reduce', () => {
  it('sums, maxes and mins a hand-checked [2, 3]', () => {
    const x = new Float64Array([1, 5, -2, 4, 0, 3]);
    const cases: [ReduceOp, number[], number[]][] = [
      ['sum', [0], [5, 5, 1]], ['sum', [1], [4, 7]], ['sum', [0, 1], [11]],
      ['max', [0], [4, 5, 3]], ['max', [1], [5, 4]], ['min', [0, 1], [-2]], ['sum', [], [1, 5, -2, 4, 0, 3]],
    ];
    for (const [op, axes, expected] of cases) {
      const out = new Float64Array(expected.length);
      reduce(op, x, [2, 3], axes, out);
      expect(Array.from(out)).toEqual(expected);
    }
  });

  it('gives the identity over an empty axis', () => {
    const out = new Float32Array(2);
    reduce('max', new Float32Array(0), [2, 0], [1], out);
    expect(Array.from(out)).toEqual([-Infinity, -Infinity]);
  });

  it('matches the naive index walk on random shapes and axes', () => {
    const arb = fc
      .array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 5 })
      .chain((shape) => fc.tuple(fc.constant(shape), fc.subarray(shape.map((_, i) => i))));
    fc.assert(
      fc.property(arb, fc.constantFrom<ReduceOp>('sum', 'max', 'min'), dtypeArb, fc.nat(), ([shape, axes], op, dtype, seed) => {
        const x = random(dtype, size(shape), seed);
        const n = size(shape.filter((_, i) => !axes.includes(i)));
        const [out, ref] = [alloc(dtype, n), alloc(dtype, n)];
        reduce(op, x, shape, axes, out);
        reduceNaive(op, x, shape, axes, ref);
        expectClose(out, ref, dtype);
      }),
      runs(400),
    );
  });
});

describe('sumToShape', () => {
  it('undoes [2,3] + [3] and [2,3] + [2,1] broadcasts', () => {
    const x = new Float64Array([1, 2, 3, 4, 5, 6]);
    const cols = new Float64Array(3), rows = new Float64Array(2), all = new Float64Array(1);
    sumToShape(x, [2, 3], [3], cols);
    sumToShape(x, [2, 3], [2, 1], rows);
    sumToShape(x, [2, 3], [], all);
    expect(Array.from(cols)).toEqual([5, 7, 9]);
    expect(Array.from(rows)).toEqual([6, 15]);
    expect(Array.from(all)).toEqual([21]);
  });

  it('matches summing every element into its broadcast source', () => {
    const arb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 }).chain((shape) =>
      fc
        .tuple(fc.integer({ min: 0, max: shape.length }), fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }))
        .map(([drop, ones]) => [shape, shape.map((d, i) => (ones[i] ? 1 : d)).slice(drop)] as const),
    );
    fc.assert(
      fc.property(arb, dtypeArb, fc.nat(), ([shape, target], dtype, seed) => {
        const x = random(dtype, size(shape), seed);
        const out = alloc(dtype, size(target));
        sumToShape(x, shape, target, out);
        const ref = new Float64Array(size(target));
        const lead = shape.length - target.length;
        for (let i = 0; i < x.length; i++) {
          let rest = i, t = 0, step = 1;
          for (let d = shape.length - 1; d >= lead; d--) {
            const coord = rest % shape[d];
            rest = (rest - coord) / shape[d];
            if (target[d - lead] !== 1) t += coord * step;
            step *= target[d - lead];
          }
          ref[t] += x[i];
        }
        expectClose(out, ref, dtype);
      }),
      runs(300),
    );
  });
});
