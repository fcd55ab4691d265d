import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatUint8Arrays } from 'typed-array-utils';
import { parseIdx } from '../../src/data/index';
import { TYPES, encodeIdx, type TypeName } from './idx-bytes';

const NAME = 'fuzz-idx';
const RUNS = { seed: 11, numRuns: 300 } as const;
const SIZE_BY_CODE = new Map<number, number>(Object.values(TYPES).map((t) => [t.code, t.size]));

const valueArb: Record<TypeName, fc.Arbitrary<number>> = {
  ubyte: fc.integer({ min: 0, max: 255 }),
  byte: fc.integer({ min: -128, max: 127 }),
  short: fc.integer({ min: -32768, max: 32767 }),
  int: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  float: fc.float(),
  double: fc.double(),
};

/** A valid file with its type, dims and values. */
const validArb = fc
  .record({
    type: fc.constantFrom(...(Object.keys(TYPES) as TypeName[])),
    dims: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
  })
  .chain(({ type, dims }) => {
    const n = dims.reduce((a, b) => a * b, 1);
    return fc.array(valueArb[type], { minLength: n, maxLength: n }).map((values) => ({ type, dims, values, bytes: encodeIdx(type, dims, values) }));
  });

/** Bytes after a plausible magic, mostly small values, so the parser gets past the first checks. */
const headedBytesArb = fc
  .tuple(
    fc.constantFrom(0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e),
    fc.integer({ min: 0, max: 4 }),
    fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 255 })), { maxLength: 96 }),
  )
  .map(([code, rank, rest]) => Uint8Array.of(0, 0, code, rank, ...rest));

type Mutation = (b: Uint8Array) => Uint8Array;
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((k): Mutation => (b) => b.subarray(0, k % (b.length + 1))),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([i, v]): Mutation => (b) => {
    const out = b.slice();
    out[i % out.length] = v;
    return out;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 ** 32 - 1 })).map(([j, d]): Mutation => (b) => {
    // Only dims the bytes still hold: earlier mutations may have cut the header or changed the rank.
    const held = Math.min(b[3], Math.floor((b.length - 4) / 4));
    if (held === 0) return b;
    const out = b.slice();
    new DataView(out.buffer).setUint32(4 + 4 * (j % held), d, false);
    return out;
  }),
  fc.integer({ min: 0, max: 255 }).map((rank): Mutation => (b) => {
    const out = b.slice();
    out[3] = rank;
    return out;
  }),
  fc.uint8Array({ minLength: 1, maxLength: 16 }).map((extra): Mutation => (b) => concatUint8Arrays(b, extra)),
);

/** Parses, and holds the result to what the header says, or the error to the clean format. */
function parsesConsistentlyOrFailsCleanly(bytes: Uint8Array): void {
  let result: ReturnType<typeof parseIdx>;
  try {
    result = parseIdx(bytes, NAME);
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).constructor).toBe(Error);
    expect((e as Error).message).toMatch(/^fuzz-idx: [a-z ^0-9-]+ at byte \d+: /);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rank = bytes[3];
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = dims.reduce((a, b) => a * b, 1);
  expect(result.dims).toEqual(dims);
  expect(result.data.length).toBe(count);
  expect(bytes.length).toBe(4 + 4 * rank + count * (SIZE_BY_CODE.get(bytes[2]) ?? NaN));
}

describe('parseIdx under fuzzing', () => {
  it('round-trips valid files of every element type', () => {
    fc.assert(
      fc.property(validArb, ({ type, dims, values, bytes }) => {
        const parsed = parseIdx(bytes, NAME);
        expect(parsed.type).toBe(type);
        expect(parsed.dims).toEqual(dims);
        expect([...parsed.data]).toEqual(values);
      }),
      RUNS,
    );
  });

  it('parses arbitrary bytes consistently or throws a clean Error', () => {
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 96 }), headedBytesArb), parsesConsistentlyOrFailsCleanly), RUNS);
  });

  it('parses mutated files consistently or throws a clean Error', () => {
    fc.assert(
      fc.property(validArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), ({ bytes }, mutations) => {
        parsesConsistentlyOrFailsCleanly(mutations.reduce((b, m) => (b.length > 4 ? m(b) : b), bytes));
      }),
      RUNS,
    );
  });
});
