import * as tn from '../../src/index';
import { Random } from '../../src/util/random';

/** Relative agreement asked of every Hessian-vector product (float64). */
export const HVP_TOL = 1e-6;

export interface HvpReport {
  maxError: number;
  where: string;
  /** Largest |Hv| entry: a check of an all-zero product proves little, so tests can see it. */
  scale: number;
}

const values = (t: tn.Tensor) => Array.from(t.dataSync());

/**
 * Checks the Hessian-vector product of g(xs) = Σ w · f(xs)² (fixed random weights w; squaring makes even
 * linear ops have a Hessian that runs through their backward rule) against central differences of the
 * gradient: H v ≈ (∇g(x + h v) − ∇g(x − h v)) / 2h, with one random direction v per input. The analytic side is
 * the gradient of ⟨∇g, v⟩, so it differentiates every backward rule once more. Variables among the inputs are
 * moved in place (and restored), so f may read them directly (a model's weights).
 */
export function hvpReport(f: (...xs: tn.Tensor[]) => tn.Tensor, inputs: tn.Tensor[], seed: number, h = 1e-5): HvpReport {
  const rng = new Random(seed);
  let weights: tn.Tensor | null = null;
  const g = (...xs: tn.Tensor[]): tn.Tensor => {
    const y = f(...xs);
    if (y.dtype !== 'float64') throw new Error(`hvp: f must compute in float64, got ${y.dtype}`);
    weights ??= tn.keep(tn.tensor(Float64Array.from({ length: y.size }, () => rng.uniform(0.5, 1.5)), y.shape, 'float64'));
    return tn.sum(tn.mul(weights, tn.square(y)));
  };
  const directions = inputs.map((x) => tn.keep(tn.tensor(Float64Array.from({ length: x.size }, () => rng.uniform(-1, 1)), x.shape, 'float64')));

  const analytic = tn.grads((...xs: tn.Tensor[]) => {
    const grad = tn.grads(g)(xs);
    return grad.reduce((acc, gi, i) => tn.add(acc, tn.sum(tn.mul(gi, directions[i]))), tn.scalar(0, 'float64'));
  })(inputs).map(values);

  const gradientAt = (step: number): number[][] => {
    const moved = inputs.map((x, i) => tn.add(x, tn.mul(directions[i], step)));
    const vars = inputs.filter((x): x is tn.Variable => x instanceof tn.Variable);
    const saved = vars.map((v) => tn.tensor(v.dataSync(), v.shape, 'float64'));
    inputs.forEach((x, i) => x instanceof tn.Variable && x.assign(moved[i]));
    try {
      const args = inputs.map((x, i) => (x instanceof tn.Variable ? x : moved[i]));
      return tn.tidy(() => tn.grads(g)(args).map(values));
    } finally {
      vars.forEach((v, i) => v.assign(saved[i]));
    }
  };
  const plus = gradientAt(h);
  const minus = gradientAt(-h);

  const report: HvpReport = { maxError: 0, where: 'nothing compared', scale: 0 };
  analytic.forEach((a, i) =>
    a.forEach((ai, j) => {
      const numeric = (plus[i][j] - minus[i][j]) / (2 * h);
      const error = Math.abs(ai - numeric) / Math.max(1, Math.abs(ai), Math.abs(numeric));
      report.scale = Math.max(report.scale, Math.abs(ai));
      if (error >= report.maxError) Object.assign(report, { maxError: error, where: `input ${i}, element ${j}: analytic ${ai}, numeric ${numeric}` });
    }),
  );
  return report;
}

export function expectHvpOk(f: (...xs: tn.Tensor[]) => tn.Tensor, inputs: tn.Tensor[], seed: number): void {
  const r = hvpReport(f, inputs, seed);
  if (!(r.maxError < HVP_TOL)) throw new Error(`Hessian-vector product mismatch ${r.maxError} at ${r.where}`);
}
