import { describe, expect, it } from 'vitest';
import { SplitChooser } from '../../kernels/cpu/wasm/split-chooser';

/** Runs `calls` decisions for one shape whose calls take split ? splitMs : oneMs; returns the decisions. */
function drive(c: SplitChooser, key: string, calls: number, oneMs: number, splitMs: number): boolean[] {
  const decisions: boolean[] = [];
  for (let i = 0; i < calls; i++) {
    const split = c.decide(key);
    decisions.push(split);
    c.record(key, split, split ? splitMs : oneMs);
  }
  return decisions;
}
const count = (xs: boolean[]): number => xs.filter(Boolean).length;

describe('SplitChooser', () => {
  it('alternates for the first six calls, then keeps to the faster, trying the other one call in 16', () => {
    const c = new SplitChooser();
    expect(drive(c, 'a', 6, 1, 2)).toEqual([true, false, true, false, true, false]);
    // Calls 6..165: the exploring ones are those numbered 15, 31, ..., 159 (10 of them).
    expect(count(drive(c, 'a', 160, 1, 2))).toBe(10);
    const b = drive(c, 'b', 166, 2, 1);
    expect(b.slice(0, 6)).toEqual([true, false, true, false, true, false]);
    expect(count(b.slice(6))).toBe(160 - 10);
  });

  it('takes a faster timing at once: a slow first split call does not hold the shape on one thread', () => {
    const c = new SplitChooser();
    c.decide('s');
    c.record('s', true, 40); // cold: the workers' code not yet optimised
    drive(c, 's', 5, 2, 1);
    expect(c.timings('s')).toEqual([2, 1]);
    expect(count(drive(c, 's', 16, 2, 1))).toBe(15);
  });

  it('follows a change of load both ways within a few calls of the arm in use', () => {
    const c = new SplitChooser();
    drive(c, 'g', 40, 2, 1);
    // Another process takes the second core: splitting now takes 5 ms. The running average moves by 0.3 a call:
    // 0.7·1 + 0.3·5 = 2.2 after one call, past one thread's 2 ms; then split only to explore (call 47).
    const busy = drive(c, 'g', 16, 2, 5);
    expect(busy[0]).toBe(true);
    expect(busy.slice(1).map((s, i) => (s ? 41 + i : -1)).filter((n) => n >= 0)).toEqual([47]);
    // The core is free again: the next exploring call times 1 ms, taken at once.
    const free = drive(c, 'g', 32, 2, 1);
    expect(count(free.slice(16))).toBeGreaterThanOrEqual(15);
  });

  it('keeps shapes apart', () => {
    const c = new SplitChooser();
    drive(c, 'x', 50, 1, 2);
    drive(c, 'y', 50, 2, 1);
    expect(c.timings('x')).toEqual([1, 2]);
    expect(c.timings('y')).toEqual([2, 1]);
    expect(c.timings('z')).toEqual([NaN, NaN]);
  });
});
