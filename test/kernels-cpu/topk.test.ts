import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { topkIndices } from '../../kernels/cpu/indexing';
import { runs } from './helpers';

/** The order topk promises, by sorting each whole row: largest first, lower index first on ties, NaN last. */
function topkBySorting(x: Float32Array, rows: number, n: number, k: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    const v = (i: number): number => x[r * n + i];
    const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => {
      if (Number.isNaN(v(p))) return Number.isNaN(v(q)) ? p - q : 1;
      if (Number.isNaN(v(q))) return -1;
      return v(q) - v(p) || p - q;
    });
    out.push(...order.slice(0, k));
  }
  return out;
}

describe('topkIndices (a heap of the k first per row)', () => {
  it('gives the indices a sort of the whole row gives, with ties, signed zeros, infinities and NaN', () => {
    // Few distinct values, so that ties are common.
    const value = fc.constantFrom(0, -0, 1, -1, 2.5, Infinity, -Infinity, NaN, 3);
    const problem = fc.record({ rows: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 40 }) }).chain(({ rows, n }) =>
      fc.record({ rows: fc.constant(rows), n: fc.constant(n), k: fc.integer({ min: 0, max: n }), values: fc.array(value, { minLength: rows * n, maxLength: rows * n }) }));
    fc.assert(fc.property(problem, ({ rows, n, k, values }) => {
      const x = Float32Array.from(values);
      const out = new Int32Array(rows * k);
      topkIndices(x, rows, n, k, out);
      expect(Array.from(out)).toEqual(topkBySorting(x, rows, n, k));
    }), runs(300));
  });
});
