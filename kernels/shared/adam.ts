/**
 * Adam's step size at 1-based step t with the bias corrections folded into the learning rate,
 * lr·sqrt(1 − beta2^t)/(1 − beta1^t), so the kernels step p −= stepSize·m/(sqrt(v) + ε̂) on the raw moments.
 * Every kernel set uses this one.
 */
export function adamStepSize(learningRate: number, beta1: number, beta2: number, t: number): number {
  return (learningRate * Math.sqrt(1 - Math.pow(beta2, t))) / (1 - Math.pow(beta1, t));
}

/**
 * The ε̂ the kernels add to sqrt(v) for TF.js's (and PyTorch's) ε added to the bias-corrected sqrt(v / (1 − beta2^t)):
 * dividing through by sqrt(1 − beta2^t) moves it there as ε·sqrt(1 − beta2^t), the same step.
 */
export function adamKernelEpsilon(epsilon: number, beta2: number, t: number): number {
  return epsilon * Math.sqrt(1 - Math.pow(beta2, t));
}
