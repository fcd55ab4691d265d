import { describe, expect, it } from 'vitest';
import { SplitChooser } from '../../kernels/cpu/wasm/split-chooser';

/** Runs `calls` decisions for one shape whose calls take split ? splitMs : oneMs; returns how many were split. */
function drive(c: SplitChooser, key: string, calls: number, oneMs: number, splitMs: number): number {
  let splits = 0;
  for (let i = 0; i < calls; i++) {
    const split = c.decide(key);
    if (split) splits++;
    c.record(key, split, split ? splitMs : oneMs);
  }
  return splits;
}

describe('SplitChooser', () => {
  it('times both ways first, then keeps to the faster, trying the other one call in 16', () => {
    const c = new SplitChooser();
    expect(c.decide('a')).toBe(true);
    c.record('a', true, 2);
    expect(c.decide('a')).toBe(false);
    c.record('a', false, 1);
    expect(drive(c, 'a', 160, 1, 2)).toBe(10); // only the exploring calls split
    expect(drive(c, 'b', 162, 2, 1)).toBe(162 - 11); // split wins for b: 1 + 150 of 161 after the first one-thread call
  });

  it('follows a change of load: when splitting becomes faster, it switches', () => {
    const c = new SplitChooser();
    drive(c, 'g', 64, 1, 3);
    const [one, split] = c.timings('g');
    expect(one).toBeLessThan(split);
    drive(c, 'g', 200, 1, 0.4);
    expect(drive(c, 'g', 32, 1, 0.4)).toBeGreaterThanOrEqual(30);
  });

  it('keeps shapes apart', () => {
    const c = new SplitChooser();
    drive(c, 'x', 50, 1, 2);
    drive(c, 'y', 50, 2, 1);
    expect(c.timings('x')[0]).toBe(1);
    expect(c.timings('y')[1]).toBe(1);
    expect(c.timings('z')).toEqual([NaN, NaN]);
  });
});
