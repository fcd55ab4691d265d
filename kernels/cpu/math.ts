import { SELU_SCALE, SELU_SCALE_ALPHA, type MathBinaryOp, type MathUnaryOp } from '../shared/math-op-names';
import type { FloatArray } from '../shared/types';
import { eluF32 } from './sigmoid-tanh';

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * erf to float64 accuracy, for float64 results (float32 ones follow TF.js's approximation, erfAsTfjs; exact values
 * keep float64 gradient checks meaningful). |x| < 3: the series 2/√π·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3···(2n+1)), whose
 * terms are all positive (no cancellation); beyond, 1 − erfc(x) with erfc's continued fraction, which converges fast there.
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (!(a < 6)) return Number.isNaN(x) ? NaN : Math.sign(x); // erfc(6) < 3e-17
  if (a < 3) {
    const x2 = a * a;
    let term = a, total = a;
    for (let n = 1; term > total * 1e-17; n++) {
      term *= (2 * x2) / (2 * n + 1);
      total += term;
    }
    return Math.sign(x) * TWO_OVER_SQRT_PI * Math.exp(-x2) * total;
  }
  // erfc(a) = e^(−a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + ...)))), evaluated from the tail.
  let f = a;
  for (let n = 60; n >= 1; n--) f = a + n / 2 / f;
  return Math.sign(x) * (1 - Math.exp(-a * a) / (Math.sqrt(Math.PI) * f));
}

/**
 * erf as TF.js's cpu kernel computes it (Abramowitz and Stegun 7.1.26, error under 1.5e-7): float32 results use it,
 * so they print TF.js's digits; float64 keeps the exact erf above for gradient checks.
 */
export function erfAsTfjs(x: number): number {
  const v = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * v);
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return Math.sign(x) * (1 - poly * Math.exp(-v * v));
}

/** log(1 + e^x) without overflow: max(x, 0) + log1p(e^−|x|). */
export function softplus(v: number): number {
  return (v > 0 ? v : 0) + Math.log1p(Math.exp(-Math.abs(v)));
}

/** out[i] = op(x[i]) for the math family's unary ops; one loop per op so the op is chosen once. */
export function mathUnary(op: MathUnaryOp, x: FloatArray, out: FloatArray): void {
  const n = x.length;
  switch (op) {
    case 'sin': for (let i = 0; i < n; i++) out[i] = Math.sin(x[i]); return;
    case 'cos': for (let i = 0; i < n; i++) out[i] = Math.cos(x[i]); return;
    case 'tan': for (let i = 0; i < n; i++) out[i] = Math.tan(x[i]); return;
    case 'asin': for (let i = 0; i < n; i++) out[i] = Math.asin(x[i]); return;
    case 'acos': for (let i = 0; i < n; i++) out[i] = Math.acos(x[i]); return;
    case 'atan': for (let i = 0; i < n; i++) out[i] = Math.atan(x[i]); return;
    case 'sinh': for (let i = 0; i < n; i++) out[i] = Math.sinh(x[i]); return;
    case 'cosh': for (let i = 0; i < n; i++) out[i] = Math.cosh(x[i]); return;
    case 'rsqrt': for (let i = 0; i < n; i++) out[i] = 1 / Math.sqrt(x[i]); return;
    case 'log1p': for (let i = 0; i < n; i++) out[i] = Math.log1p(x[i]); return;
    case 'expm1': for (let i = 0; i < n; i++) out[i] = Math.expm1(x[i]); return;
    case 'erf': {
      const f = out instanceof Float32Array ? erfAsTfjs : erf;
      for (let i = 0; i < n; i++) out[i] = f(x[i]);
      return;
    }
    // `v >= 0 ? ... : ...` as TF.js's kernels, so NaN takes the negative branch and stays NaN.
    case 'elu':
      // Float32 outputs take the SIMD kernel's twin (sigmoid-tanh.ts); float64 ones the engine's expm1.
      if (out instanceof Float32Array) for (let i = 0; i < n; i++) out[i] = eluF32(x[i]);
      else for (let i = 0; i < n; i++) { const v = x[i]; out[i] = v >= 0 ? v : Math.expm1(v); }
      return;
    case 'selu': for (let i = 0; i < n; i++) { const v = x[i]; out[i] = v >= 0 ? SELU_SCALE * v : SELU_SCALE_ALPHA * Math.expm1(v); } return;
    // Math.max first, so that −0 gives +0 as TF.js's; NaN stays NaN.
    case 'relu6': for (let i = 0; i < n; i++) out[i] = Math.min(Math.max(x[i], 0), 6); return;
    case 'softplus': for (let i = 0; i < n; i++) out[i] = softplus(x[i]); return;
    case 'logSigmoid': for (let i = 0; i < n; i++) out[i] = -softplus(-x[i]); return;
    case 'asinh': for (let i = 0; i < n; i++) out[i] = Math.asinh(x[i]); return;
    case 'acosh': for (let i = 0; i < n; i++) out[i] = Math.acosh(x[i]); return;
    case 'atanh': for (let i = 0; i < n; i++) out[i] = Math.atanh(x[i]); return;
  }
}

/** One element of the math family's binary ops; comparisons give 1/0 (false for NaN, except notEqual). */
export function mathBinaryElement(op: MathBinaryOp): (a: number, b: number) => number {
  switch (op) {
    case 'atan2': return Math.atan2;
    case 'prelu': return (v, alpha) => (v < 0 ? alpha * v : v);
    case 'less': return (a, b) => (a < b ? 1 : 0);
    case 'lessEqual': return (a, b) => (a <= b ? 1 : 0);
    case 'greaterEqual': return (a, b) => (a >= b ? 1 : 0);
    case 'notEqual': return (a, b) => (a !== b ? 1 : 0);
  }
}

/** out[o + i] = f(a[ai + i*as], b[bi + i*bs]) for i < len: the broadcast run of elementwise.ts for the math ops. */
export function mathBinaryRun(
  op: MathBinaryOp, a: FloatArray, ai: number, as: number, b: FloatArray, bi: number, bs: number,
  out: FloatArray, o: number, len: number,
): void {
  const f = mathBinaryElement(op);
  for (const end = o + len; o < end; o++, ai += as, bi += bs) out[o] = f(a[ai], b[bi]);
}
