import fc, { type Arbitrary } from 'fast-check';

/**
 * Shared fast-check generators for shapes, broadcast pairs and axis arguments. They lean towards
 * the cases that find bugs: multi-element operands of different ranks, size-1 axes on both sides of
 * a broadcast, odd sizes, negative and single-number axes. Scalars and equal shapes still occur,
 * rarely. test/arbitraries.test.ts prints and asserts the distribution.
 */

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** One dimension: 2..maxDim (odd sizes included) four times in five, else 1. */
export const dimArb = (maxDim = 5): Arbitrary<number> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(1) }, { weight: 4, arbitrary: fc.integer({ min: 2, max: maxDim }) });

/** A shape of rank minRank..maxRank; a scalar (when minRank is 0) about one time in ten. */
export function shapeArb(minRank = 0, maxRank = 3, maxDim = 5): Arbitrary<number[]> {
  const ranked = fc.array(dimArb(maxDim), { minLength: Math.max(1, minRank), maxLength: maxRank });
  if (minRank > 0) return fc.noBias(ranked);
  return fc.noBias(fc.oneof({ weight: 1, arbitrary: fc.constant<number[]>([]) }, { weight: 9, arbitrary: ranked }));
}

/** How many leading axes a side drops: usually none, sometimes some, rarely all (a scalar). */
function dropArb(r: number): Arbitrary<number> {
  const partial = r > 1 ? [{ weight: 5, arbitrary: fc.integer({ min: 1, max: r - 1 }) }] : [];
  return fc.oneof({ weight: 16, arbitrary: fc.constant(0) }, ...partial, { weight: 1, arbitrary: fc.constant(r) });
}

/** Per axis, which sides hold 1 there: neither (most), a, b, or both. */
const onesAt = fc.oneof(
  { weight: 3, arbitrary: fc.constant([false, false]) },
  { weight: 2, arbitrary: fc.constant([true, false]) },
  { weight: 2, arbitrary: fc.constant([false, true]) },
  { weight: 1, arbitrary: fc.constant([true, true]) },
);

/**
 * Two shapes that broadcast together (TF.js/numpy rules): the output is mostly rank 3 or more
 * (rank 2 three times in ten, rank 1 one in ten) with dims 2..maxDim; per axis a side may hold 1 instead, and each side may drop
 * leading axes.
 */
export function broadcastPairs(maxRank = 3, maxDim = 5): Arbitrary<[number[], number[]]> {
  const rank = fc.oneof(
    { weight: 1, arbitrary: fc.constant(1) },
    ...(maxRank >= 2 ? [{ weight: 3, arbitrary: fc.constant(2) }] : []),
    ...(maxRank >= 3 ? [{ weight: 6, arbitrary: fc.integer({ min: 3, max: maxRank }) }] : []),
  );
  const pair = rank.chain((r) =>
    fc.tuple(
      fc.array(fc.integer({ min: 2, max: maxDim }), { minLength: r, maxLength: r }),
      fc.array(onesAt, { minLength: r, maxLength: r }),
      dropArb(r),
      dropArb(r),
    ).map(([out, ones, da, db]): [number[], number[]] => [
      out.map((n, i) => (ones[i][0] ? 1 : n)).slice(da),
      out.map((n, i) => (ones[i][1] ? 1 : n)).slice(db),
    ]),
  );
  // Four in five pairs are the ones that exercise broadcasting in both directions; the rest keep
  // the edge cases (scalars, single-element sides, equal shapes) in the mix.
  const spread = pair.filter(([a, b]) => sizeOf(a) > 1 && sizeOf(b) > 1 && a.join() !== b.join());
  // fast-check's bias towards small values would make most sides [1] or scalars; keep the mix above.
  return fc.noBias(fc.oneof({ weight: 4, arbitrary: spread }, { weight: 1, arbitrary: pair }));
}

/** The default pair generator (outputs of at most 125 elements: cheap for float64 gradient checks). */
export const broadcastPairArb = broadcastPairs();

/** An axis written either way: i or i - rank. */
const signedAxis = (axis: number, rank: number): Arbitrary<number> => fc.constantFrom(axis, axis - rank);

/**
 * A TF.js `axis` argument for a tensor of the given rank: undefined (all axes), a single number, or
 * an array of distinct axes; numbers are negative about half the time.
 */
export function axisArgArb(rank: number): Arbitrary<number | number[] | undefined> {
  if (rank === 0) return fc.constant(undefined);
  const all = Array.from({ length: rank }, (_, i) => i);
  const single = fc.integer({ min: 0, max: rank - 1 }).chain((a) => signedAxis(a, rank));
  const several = fc
    .shuffledSubarray(all, { minLength: 1 })
    .chain((axes) => fc.tuple(...axes.map((a) => signedAxis(a, rank))));
  return fc.noBias(fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: single }, { weight: 3, arbitrary: several }));
}

/** A shape (rank minRank..maxRank) together with an axis argument for it. */
export function shapeWithAxisArb(minRank = 1, maxRank = 3, maxDim = 5): Arbitrary<[number[], number | number[] | undefined]> {
  return shapeArb(minRank, maxRank, maxDim).chain((shape) => fc.tuple(fc.constant(shape), axisArgArb(shape.length)));
}

/** The axes an axis argument names, as non-negative sorted numbers (undefined: every axis). */
export function normalizedAxes(axis: number | number[] | undefined, rank: number): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  return (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)).sort((p, q) => p - q);
}
