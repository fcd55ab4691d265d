import type { FloatArray } from '../shared/types';
import { expClamped } from './sigmoid-tanh';

// All three work row by row over a [rows, cols] view and subtract the row max before exp, so exp never overflows.

function rowMax(x: FloatArray, start: number, cols: number): number {
  let max = -Infinity;
  for (let j = 0; j < cols; j++) if (x[start + j] > max) max = x[start + j];
  return max;
}

/** exp(v − max) by the engine's exp. */
const engineExp = (v: number, max: number): number => Math.exp(v - max);
/** exp(v − max) as the float32 softmaxes take it: the subtraction and the result rounded, exp the SIMD kernels'. */
const float32Exp = (v: number, max: number): number => Math.fround(expClamped(Math.fround(v - max)));

/** Writes exp(x - max) into out's row (by `exp`, the engine's unless given) and returns the row's sum. */
function expShifted(x: FloatArray, start: number, cols: number, max: number, out: FloatArray, exp = engineExp): number {
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const e = exp(x[start + j], max);
    out[start + j] = e;
    sum += e;
  }
  return sum;
}

const same = (v: number): number => v;

/**
 * exp(x - max) / sum(exp(x - max)) per row, in that order. In float32 each step is rounded to float32 as TF.js's
 * chain of kernels (max, sub, exp, sum, div) rounds it, the sum is a division, and exp is the SIMD kernel's
 * (expClamped: float64, as accurate as the engine's), so the results are TF.js's but where the two float64 exps
 * round to neighbouring floats (rarely, by one unit in the last place). Float64 takes the engine's exp.
 */
export function softmax(x: FloatArray, rows: number, cols: number, out: FloatArray): void {
  const f32 = out instanceof Float32Array;
  for (let r = 0, s = 0; r < rows; r++, s += cols) {
    const sum = expShifted(x, s, cols, rowMax(x, s, cols), out, f32 ? float32Exp : engineExp);
    const total = f32 ? Math.fround(sum) : sum;
    for (let j = 0; j < cols; j++) out[s + j] /= total;
  }
}

/**
 * (x - max) - log(sum(exp(x - max))) per row, in that order. In float32 each step is rounded to float32 as TF.js's
 * chain of ops rounds it, and exp is softmax's (expClamped), so the results agree with TF.js's to the last printed
 * digit.
 */
export function logSoftmax(x: FloatArray, rows: number, cols: number, out: FloatArray): void {
  const [round, exp] = out instanceof Float32Array ? [Math.fround, float32Exp] : [same, engineExp];
  for (let r = 0, s = 0; r < rows; r++, s += cols) {
    const max = rowMax(x, s, cols);
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += exp(x[s + j], max);
    const logSum = round(Math.log(round(sum)));
    for (let j = 0; j < cols; j++) out[s + j] = round(x[s + j] - max) - logSum;
  }
}

/** losses[r] = -log softmax(logits[r])[labels[r]]; probs gets softmax(logits) (for the backward rule: dlogits = (probs - onehot)/rows * dloss). Labels are integer class ids (caller validated). */
export function sparseSoftmaxCrossEntropy(
  logits: FloatArray, labels: Int32Array, rows: number, cols: number, losses: FloatArray, probs: FloatArray,
): void {
  for (let r = 0, s = 0; r < rows; r++, s += cols) {
    const max = rowMax(logits, s, cols);
    const sum = expShifted(logits, s, cols, max, probs);
    const inv = 1 / sum;
    for (let j = 0; j < cols; j++) probs[s + j] *= inv;
    // From the logits, not log(probs): stays finite even when the true class's probability underflows to 0.
    losses[r] = max + Math.log(sum) - logits[s + labels[r]];
  }
}
