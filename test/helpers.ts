import fc from 'fast-check';
import * as tn from '../src/index';
import { Random } from '../src/util/random';

/**
 * Every property runs from this seed, so a failure replays exactly; 100 runs each (test/ops's
 * float64 gradient checks take about 5 s in all at this count).
 */
export const FC = { seed: 20261129, numRuns: 100 } as const;

/** Central-difference agreement the design asks of every backward rule (float64). */
export const GRAD_TOL = 1e-6;

export interface ValueOpts {
  /** Keep |v| at least this far from 0 (kinks of relu/abs, poles of div/log). */
  awayFromZero?: number;
  positive?: boolean;
}

/** A float64 tensor of the given shape with values drawn from seed. */
export function randTensor(shape: number[], seed: number, opts: ValueOpts = {}): tn.Tensor {
  const r = new Random(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const v = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let x = r.uniform(-2, 2);
    if (opts.awayFromZero) x = Math.sign(x || 1) * (opts.awayFromZero + Math.abs(x));
    if (opts.positive) x = Math.abs(x) + 0.2;
    v[i] = x;
  }
  return tn.tensor(v, shape, 'float64');
}

/** Distinct values (a shuffled, spaced ramp) so max/min and pooling have no ties. */
export function distinctTensor(shape: number[], seed: number): tn.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const idx = Int32Array.from({ length: size }, (_, i) => i);
  new Random(seed).shuffle(idx);
  return tn.tensor(Float64Array.from(idx, (i) => (i - size / 2) * 0.1), shape, 'float64');
}

export const seedArb = fc.integer({ min: 1, max: 2 ** 30 });
export function expectGradOk(f: (...xs: tn.Tensor[]) => tn.Tensor, inputs: tn.Tensor[]): void {
  const r = tn.gradCheck(f, inputs);
  if (!(r.maxError < GRAD_TOL)) {
    throw new Error(`gradient mismatch ${r.maxError} at input ${r.input} index ${r.index}: analytic ${r.analytic}, numeric ${r.numeric}`);
  }
}

export function close(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-6): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!(d <= tol * Math.max(1, Math.abs(expected[i])))) {
      throw new Error(`at ${i}: got ${actual[i]}, expected ${expected[i]}`);
    }
  }
}
