import type { KernelInput, KernelThis } from './kernel-this';

// Row-wise over a [rows, cols] view. Each thread finds its row's max and exp-sum itself: cols is
// small where these run (class scores), and it needs no second pass or shared memory. The max is
// subtracted before exp, so exp never overflows.

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
  for (let j = 0; j < this.constants.cols; j++) sum += Math.exp(x[start + j] - max);
  if (this.constants.log === 1) return x[i] - max - Math.log(sum);
  return Math.exp(x[i] - max) / sum;
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
  for (let j = 0; j < this.constants.cols; j++) sum += Math.exp(logits[start + j] - max);
  return max + Math.log(sum) - logits[start + labels[r]];
}
