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

  it('follows a change of load both ways: two slow calls in a row to leave an arm, one fast call to take it', () => {
    const c = new SplitChooser();
    drive(c, 'g', 40, 2, 1);
    // Another process takes the second core: splitting now takes 5 ms. After one such call the split arm is judged
    // by the faster of 1 and 5; after two, 5, past one thread's 2 ms: then split only to explore (call 47).
    const busy = drive(c, 'g', 16, 2, 5);
    expect(busy.map((s, i) => (s ? 40 + i : -1)).filter((n) => n >= 0)).toEqual([40, 41, 47]);
    expect(c.timings('g')).toEqual([2, 5]);
    // The core is free again: the next exploring call (63) times 1 ms, taken at once.
    const free = drive(c, 'g', 32, 2, 1);
    expect(free.map((s, i) => (s ? 56 + i : -1)).filter((n) => n >= 0 && n < 64)).toEqual([63]);
    expect(count(free.slice(8))).toBe(24 - 1);
  });

  it('stays on the faster arm through one slow call (a worker off its core for a moment)', () => {
    const c = new SplitChooser();
    drive(c, 'h', 40, 0.5, 0.3);
    c.decide('h');
    c.record('h', true, 1.9);
    expect(c.timings('h')).toEqual([0.5, 0.3]);
    // Calls 41..54 split, all but the exploring call 47.
    expect(drive(c, 'h', 14, 0.5, 0.3).map((s, i) => (s ? -1 : 41 + i)).filter((n) => n >= 0)).toEqual([47]);
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
