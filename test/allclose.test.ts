import { describe, expect, it } from 'vitest';
import { compareClose, expectAllClose } from './allclose';

describe('allclose (numpy semantics, per element)', () => {
  const tol = { atol: 1e-5, rtol: 1e-4 };

  it('bounds each element by atol + rtol·|want|, so a small element cannot hide behind a large one', () => {
    // The old whole-tensor check (max error / max |want|) passed this: 3e-3 / 100 = 3e-5.
    expect(() => expectAllClose([100, 0.01 + 3e-3], [100, 0.01], tol, 'x')).toThrow(/x: 1 of 2 elements.*worst at 1/);
    expect(() => expectAllClose([100.009, 0.010001], [100, 0.01], tol, 'x')).not.toThrow();
  });

  it('treats NaN as a mismatch unless both sides are NaN, and a length mismatch as failure', () => {
    expect(compareClose([NaN, 1], [1, 1], tol).bad).toBe(1);
    expect(compareClose([NaN, Infinity], [NaN, Infinity], tol).bad).toBe(0);
    expect(compareClose([Infinity], [-Infinity], tol).bad).toBe(1);
    expect(() => expectAllClose([1], [1, 2], tol, 'y')).toThrow(/y: 1 values, expected 2/);
  });
});
