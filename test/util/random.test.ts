import { describe, expect, it } from 'vitest';
import { Random } from '../../src/util/random';

/** Mulberry32 as usually written, its state an unsigned 32-bit integer: what Random's signed state must reproduce. */
function mulberry32(seed: number): () => number {
  let state = Math.floor(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Random', () => {
  it("draws Mulberry32's sequence, whatever the seed's sign and size", () => {
    for (const seed of [0, 1, 12345, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 5, 2 ** 32 - 1, 2 ** 32 + 3, -7, 1e10 + 0.5]) {
      const [ours, reference] = [new Random(seed), mulberry32(seed)];
      const draws = Array.from({ length: 2000 }, () => ours.next());
      expect(draws, `seed ${seed}`).toEqual(Array.from({ length: 2000 }, reference));
      expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    }
  });
});
