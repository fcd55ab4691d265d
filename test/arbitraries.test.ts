import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { broadcastPairArb, normalizedAxes, shapeArb, shapeWithAxisArb, sizeOf } from './arbitraries';
import { FC, seedArb } from './helpers';

/** The values a property `fc.property(arb, seedArb, ...)` run with FC settings actually sees. */
function seen<T>(arb: fc.Arbitrary<T>): T[] {
  return fc.sample(fc.tuple(arb, seedArb), FC).map(([v]) => v);
}

const share = (n: number, of: number) => Math.round((100 * n) / of);

describe('the shared generators explore (what the properties actually run)', () => {
  it('broadcast pairs are mostly two multi-element operands of different shapes', () => {
    const pairs = seen(broadcastPairArb);
    const spread = pairs.filter(([a, b]) => sizeOf(a) > 1 && sizeOf(b) > 1 && a.join() !== b.join());
    const ranks = pairs.filter(([a, b]) => a.length !== b.length);
    const onesBoth = pairs.filter(([a, b]) => a.includes(1) && b.includes(1) && sizeOf(a) > 1 && sizeOf(b) > 1);
    const scalars = pairs.filter(([a, b]) => a.length === 0 || b.length === 0);
    const odd = pairs.filter(([a, b]) => [...a, ...b].some((d) => d > 1 && d % 2 === 1));
    console.info(
      `[arbitraries] ${pairs.length} broadcast pairs: ${share(spread.length, pairs.length)}% two multi-element operands of different shapes, ` +
        `${share(ranks.length, pairs.length)}% different ranks, ${share(onesBoth.length, pairs.length)}% size-1 axes on both multi-element sides, ` +
        `${share(odd.length, pairs.length)}% an odd size > 1, ${share(scalars.length, pairs.length)}% a scalar side; first ten: ` +
        pairs.slice(0, 10).map(([a, b]) => `[${a}]x[${b}]`).join(' '),
    );
    expect(spread.length / pairs.length).toBeGreaterThanOrEqual(0.6);
    expect(ranks.length / pairs.length).toBeGreaterThanOrEqual(0.25);
    expect(onesBoth.length / pairs.length).toBeGreaterThanOrEqual(0.15);
    expect(odd.length / pairs.length).toBeGreaterThanOrEqual(0.4);
    // Edge cases stay in, but rare.
    expect(scalars.length).toBeLessThanOrEqual(pairs.length * 0.1);
  });

  it('every pair broadcasts (numpy rules)', () => {
    for (const [a, b] of fc.sample(broadcastPairArb, { seed: FC.seed, numRuns: 500 })) {
      const r = Math.max(a.length, b.length);
      for (let i = 1; i <= r; i++) {
        const p = a[a.length - i] ?? 1, q = b[b.length - i] ?? 1;
        expect(p === q || p === 1 || q === 1, `[${a}] x [${b}]`).toBe(true);
      }
    }
  });

  it('unary shapes are rarely scalars, axes come as numbers, arrays and negatives', () => {
    const shapes = seen(shapeArb(0, 3));
    const scalars = shapes.filter((s) => s.length === 0).length;
    const withAxes = seen(shapeWithAxisArb(1, 3));
    const numeric = withAxes.filter(([, axis]) => typeof axis === 'number').length;
    const arrays = withAxes.filter(([, axis]) => Array.isArray(axis)).length;
    const negative = withAxes.filter(([, axis]) => [axis ?? []].flat().some((x) => x < 0)).length;
    console.info(
      `[arbitraries] ${shapes.length} unary shapes: ${scalars} scalars; axis arguments: ${numeric} numbers, ${arrays} arrays, ` +
        `${withAxes.length - numeric - arrays} omitted, ${negative} with a negative axis`,
    );
    expect(scalars / shapes.length).toBeLessThanOrEqual(0.2);
    for (const count of [numeric, arrays, negative]) expect(count / withAxes.length).toBeGreaterThanOrEqual(0.2);
    for (const [shape, axis] of withAxes) {
      const axes = normalizedAxes(axis, shape.length);
      expect(new Set(axes).size, JSON.stringify([shape, axis])).toBe(axes.length);
      expect(axes.every((x) => x >= 0 && x < shape.length)).toBe(true);
    }
  });
});
