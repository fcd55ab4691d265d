import type { KernelInput, KernelThis } from './kernel-this';

export const ACTIVATION_CODES = { linear: 0, relu: 1 } as const;

export interface BiasActivationConstants {
  cols: number;
  activation: number;
}

/** out[r, c] = act(x[r, c] + bias[c]) in one pass: the Dense and Conv2D epilogue. */
export function biasActivationKernel(this: KernelThis<BiasActivationConstants>, x: KernelInput, bias: KernelInput): number {
  const i = this.thread.x;
  const c = i - Math.floor(i / this.constants.cols) * this.constants.cols;
  const v = x[i] + bias[c];
  if (this.constants.activation === 1) {
    // NaN stays NaN, as on cpu (see unaryKernel's relu: a bare `v < 0 ? 0 : v` compiles to max(v, 0)).
    const m = Math.abs(v);
    return (m <= 3.4028234663852886e38 ? 0 : 1) - (m > 3.4028234663852886e38 ? 1 : 0) > 0 ? v : (v < 0 ? 0 : v);
  }
  return v;
}

/** out[r, c] = (x[r, c] − mean[c])·scale[c] + offset[c] in one pass: a batch norm's inference. */
export function channelAffineKernel(this: KernelThis<{ cols: number }>, x: KernelInput, mean: KernelInput, scale: KernelInput, offset: KernelInput): number {
  const i = this.thread.x;
  const c = i - Math.floor(i / this.constants.cols) * this.constants.cols;
  return (x[i] - mean[c]) * scale[c] + offset[c];
}

/** dx = dy · act'(y), from the output y (relu: y > 0), the first half of the fused epilogue's backward pass. */
export function activationGradKernel(this: KernelThis<{ activation: number }>, dy: KernelInput, y: KernelInput): number {
  const i = this.thread.x;
  if (this.constants.activation === 1) return y[i] > 0 ? dy[i] : 0;
  return dy[i];
}
