import { grads } from './gradients';
import { Tensor } from '../tensor/tensor';
import { Variable } from '../tensor/variable';
import { Random } from '../util/random';
import { cast } from './cast';
import { mul } from './binary';
import { sum } from './reduction';
import { tidy } from '../tensor/tidy';
import { withArticle } from '../util/validate';

export interface GradCheckOptions {
  /** Finite-difference step, scaled by max(1, |x|). Default 1e-6. */
  epsilon?: number;
  /** Check at most this many elements per input, chosen at random (seeded). Default: all. */
  maxElementsPerInput?: number;
  /** Seed for the output weighting and the element sample. Default 1. */
  seed?: number;
}

export interface GradCheckResult {
  /** The worst |analytic − numeric| / max(|analytic|, |numeric|, 1) over the checked elements. */
  maxError: number;
  /** Where it occurred: input index and flat element index (-1 when nothing was checked). */
  input: number;
  index: number;
  analytic: number;
  numeric: number;
  /** How many elements were compared. */
  checked: number;
}

/**
 * Compares the gradients that backprop gives for f with central finite differences, all in
 * float64. A non-scalar result of f is reduced with fixed random weights, so every output
 * element takes part. Inputs are cast to float64 first; f must work in float64. Inputs that are
 * variables are perturbed in place (and restored), so f may use them without taking them as
 * arguments: tn.gradCheck(() => loss(model), model weights) checks a whole model.
 */
export function gradCheck(f: (...xs: Tensor[]) => Tensor, inputs: Tensor[], options?: GradCheckOptions): GradCheckResult {
  options ??= {};
  if (typeof f !== 'function') throw new Error(`gradCheck: f must be a function, got ${typeof f}`);
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((x) => x instanceof Tensor)) {
    throw new Error('gradCheck: inputs must be a non-empty array of Tensors');
  }
  const eps = options.epsilon ?? 1e-6;
  if (!(eps > 0)) throw new Error(`gradCheck: options.epsilon must be a positive number, got ${eps}`);
  const rng = new Random(options.seed ?? 1);
  inputs.forEach((x, i) => {
    if (x instanceof Variable && x.dtype !== 'float64') throw new Error(`gradCheck: inputs[${i}] is ${withArticle(x.dtype)} variable; variables must be float64 (build the model with dtype 'float64')`);
  });
  const xs = inputs.map((x) => (x.dtype === 'float64' ? x : cast(x, 'float64')));

  // Host values, wrapped afresh per call: a tensor made inside one evaluation's tidy would not outlive it.
  let weights: Float64Array | null = null;
  const objective = (...args: Tensor[]): Tensor => {
    const y = f(...args);
    if (!(y instanceof Tensor)) throw new Error(`gradCheck: f must return a Tensor, got ${typeof y}`);
    if (y.dtype !== 'float64') throw new Error(`gradCheck: f must compute in float64 for float64 inputs, got ${withArticle(y.dtype)} result`);
    if (!weights) {
      weights = new Float64Array(y.size);
      for (let i = 0; i < weights.length; i++) weights[i] = rng.uniform(0.5, 1.5);
    }
    return sum(mul(y, new Tensor(y.shape, 'float64', weights)));
  };
  const evaluate = (args: Tensor[]): number => tidy(() => objective(...args).hostValues()[0]);

  const analytic = grads(objective)(xs).map((g) => g.hostValues());
  const result: GradCheckResult = { maxError: 0, input: -1, index: -1, analytic: 0, numeric: 0, checked: 0 };
  xs.forEach((x, inputIndex) => {
    const base = x.hostValues().slice();
    const limit = options.maxElementsPerInput ?? base.length;
    const indices = Array.from({ length: base.length }, (_, i) => i);
    for (let i = indices.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [indices[i], indices[j]] = [indices[j], indices[i]];
    }
    for (const index of indices.slice(0, limit)) {
      const h = eps * Math.max(1, Math.abs(base[index]));
      const at = (delta: number): number => {
        const v = base.slice();
        v[index] += delta;
        const moved = new Tensor(x.shape, 'float64', v);
        if (!(x instanceof Variable)) return evaluate(xs.map((other, k) => (k === inputIndex ? moved : other)));
        // A variable is moved in place and put back, so f may read it directly (a model's weights).
        const original = new Tensor(x.shape, 'float64', base.slice());
        x.assign(moved);
        try {
          return evaluate(xs);
        } finally {
          x.assign(original);
        }
      };
      const numeric = (at(h) - at(-h)) / (2 * h);
      const a = analytic[inputIndex][index];
      const error = Math.abs(a - numeric) / Math.max(Math.abs(a), Math.abs(numeric), 1);
      result.checked++;
      if (error >= result.maxError || result.input < 0) Object.assign(result, { maxError: error, input: inputIndex, index, analytic: a, numeric });
    }
  });
  return result;
}
