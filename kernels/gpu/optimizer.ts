import type { KernelInput, KernelThis } from './kernel-this';

// Keras Adam and SGD, one output per kernel (gpu.js pipelines one texture per kernel). The
// hyper-parameters arrive as arguments (uniforms), not constants, so one compiled program per
// size serves every step and every learning rate.

/** m' = beta1 * m + (1 - beta1) * g. */
export function adamMomentKernel(this: KernelThis<object>, m: KernelInput, g: KernelInput, beta1: number): number {
  const i = this.thread.x;
  return beta1 * m[i] + (1 - beta1) * g[i];
}

/** v' = beta2 * v + (1 - beta2) * g². */
export function adamVelocityKernel(this: KernelThis<object>, v: KernelInput, g: KernelInput, beta2: number): number {
  const i = this.thread.x;
  const gi = g[i];
  return beta2 * v[i] + (1 - beta2) * gi * gi;
}

/** p' = p - stepSize * m' / (sqrt(v') + epsilon), stepSize = lr·sqrt(1 - beta2^t)/(1 - beta1^t), the bias correction folded. */
export function adamParamKernel(
  this: KernelThis<object>, p: KernelInput, m: KernelInput, v: KernelInput, stepSize: number, epsilon: number,
): number {
  const i = this.thread.x;
  return p[i] - (stepSize * m[i]) / (Math.sqrt(v[i]) + epsilon);
}

/** vel' = momentum * vel - lr * g (Keras SGD with momentum; the param then adds vel'). */
export function sgdVelocityKernel(this: KernelThis<object>, vel: KernelInput, g: KernelInput, lr: number, momentum: number): number {
  const i = this.thread.x;
  return momentum * vel[i] - lr * g[i];
}

/** p' = p + scale * d: plain SGD with scale = -lr and d = g, or the momentum step with scale = 1 and d = vel'. */
export function axpyKernel(this: KernelThis<object>, p: KernelInput, d: KernelInput, scale: number): number {
  const i = this.thread.x;
  return p[i] + scale * d[i];
}
