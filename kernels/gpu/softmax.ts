import type { KernelInput, KernelThis } from './kernel-this';
import { MAX_LOOP_SPAN } from './loop-parts';

// Row-wise over a [rows, cols] view. Up to SOFTMAX_MAX_COLS columns, each thread finds its row's max and exp-sum
// itself: class scores are usually that short, and it needs no second pass or shared memory. Longer rows would
// loop past what one gpu thread may (loop-parts.ts's MAX_LOOP_SPAN; the kernel loops twice over the row), so their
// max and exp-sum come from reduction passes and the row-stats kernels below finish the job. The max is
// subtracted before exp, so exp never overflows. A NaN (or infinite) x - max goes past exp as itself (0 for -Infinity)
// and a NaN exp-sum is the result, as on cpu: some GLSL exp and log (SwiftShader's, Chromium's WebGL) turn NaN into
// Infinity or 89. NaN is told apart by |v| failing both comparisons with the largest float32 (see elementwise.ts).

/** Longest row the one-pass kernels handle: they loop over it twice, MAX_LOOP_SPAN iterations in all. */
export const SOFTMAX_MAX_COLS = MAX_LOOP_SPAN / 2;

export interface SoftmaxConstants {
  cols: number;
}

export interface SoftmaxKernelConstants extends SoftmaxConstants {
  /** 1 for log-softmax, 0 for softmax: a constant, so each program keeps only its own return. */
  log: number;
}

/**
 * Softmax, out[r, j] = exp(x[r, j] - max_r) / Σ_k exp(x[r, k] - max_r), or with `log` its log,
 * x[r, j] - max_r - log Σ_k exp(x[r, k] - max_r).
 */
export function softmaxKernel(this: KernelThis<SoftmaxKernelConstants>, x: KernelInput): number {
  const i = this.thread.x;
  const start = Math.floor(i / this.constants.cols) * this.constants.cols;
  let max = x[start];
  for (let j = 0; j < this.constants.cols; j++) max = Math.max(max, x[start + j]);
  let sum = 0;
  for (let j = 0; j < this.constants.cols; j++) {
    const t = x[start + j] - max;
    sum += Math.abs(t) <= 3.4028234663852886e38 ? Math.exp(t) : (t < -3.4028234663852886e38 ? 0 : t);
  }
  const d = x[i] - max;
  const sm = Math.abs(sum);
  if ((sm <= 3.4028234663852886e38 ? 0 : 1) - (sm > 3.4028234663852886e38 ? 1 : 0) > 0) return sum;
  if (this.constants.log === 1) return d - Math.log(sum);
  return (Math.abs(d) <= 3.4028234663852886e38 ? Math.exp(d) : (d < -3.4028234663852886e38 ? 0 : d)) / sum;
}

/**
 * losses[r] = -log softmax(logits[r])[labels[r]], from the logits (not log(probs)), so it stays
 * finite when the true class's probability underflows. One thread per row; labels are class ids.
 */
export function sparseCrossEntropyKernel(this: KernelThis<SoftmaxConstants>, logits: KernelInput, labels: KernelInput): number {
  const r = this.thread.x;
  const start = r * this.constants.cols;
  let max = logits[start];
  for (let j = 0; j < this.constants.cols; j++) max = Math.max(max, logits[start + j]);
  let sum = 0;
  for (let j = 0; j < this.constants.cols; j++) {
    const t = logits[start + j] - max;
    sum += Math.abs(t) <= 3.4028234663852886e38 ? Math.exp(t) : (t < -3.4028234663852886e38 ? 0 : t);
  }
  const sm = Math.abs(sum);
  if ((sm <= 3.4028234663852886e38 ? 0 : 1) - (sm > 3.4028234663852886e38 ? 1 : 0) > 0) return sum;
  return max + Math.log(sum) - logits[start + labels[r]];
}

/** out[r, j] = exp(x[r, j] - max[r]): the terms of a long row's exp-sum. */
export function shiftedExpKernel(this: KernelThis<SoftmaxConstants>, x: KernelInput, max: KernelInput): number {
  const i = this.thread.x;
  const t = x[i] - max[Math.floor(i / this.constants.cols)];
  return Math.abs(t) <= 3.4028234663852886e38 ? Math.exp(t) : (t < -3.4028234663852886e38 ? 0 : t);
}

/** softmaxKernel's result from each row's max and exp-sum, found by reduction passes. */
export function softmaxFromStatsKernel(this: KernelThis<SoftmaxKernelConstants>, x: KernelInput, max: KernelInput, sum: KernelInput): number {
  const i = this.thread.x;
  const r = Math.floor(i / this.constants.cols);
  const d = x[i] - max[r];
  const sm = Math.abs(sum[r]);
  if ((sm <= 3.4028234663852886e38 ? 0 : 1) - (sm > 3.4028234663852886e38 ? 1 : 0) > 0) return sum[r];
  if (this.constants.log === 1) return d - Math.log(sum[r]);
  return (Math.abs(d) <= 3.4028234663852886e38 ? Math.exp(d) : (d < -3.4028234663852886e38 ? 0 : d)) / sum[r];
}

/** sparseCrossEntropyKernel's result from each row's max and exp-sum, found by reduction passes. */
export function sparseCrossEntropyFromStatsKernel(
  this: KernelThis<SoftmaxConstants>, logits: KernelInput, labels: KernelInput, max: KernelInput, sum: KernelInput,
): number {
  const r = this.thread.x;
  const sm = Math.abs(sum[r]);
  if ((sm <= 3.4028234663852886e38 ? 0 : 1) - (sm > 3.4028234663852886e38 ? 1 : 0) > 0) return sum[r];
  return max[r] + Math.log(sum[r]) - logits[r * this.constants.cols + labels[r]];
}
