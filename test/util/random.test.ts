import { describe, expect, it } from 'vitest';
import { Random } from '../../src/util/random';
import { mulberry32 } from '../mulberry32';

describe('Random', () => {
  // Random keeps its state as a signed 32-bit integer; the reference keeps it unsigned.
  it("draws Mulberry32's sequence, whatever the seed's sign and size", () => {
    for (const seed of [0, 1, 12345, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 5, 2 ** 32 - 1, 2 ** 32 + 3, -7, 1e10 + 0.5]) {
      const [ours, reference] = [new Random(seed), mulberry32(seed)];
      const draws = Array.from({ length: 2000 }, () => ours.next());
      expect(draws, `seed ${seed}`).toEqual(Array.from({ length: 2000 }, reference));
      expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    }
  });
});
