/**
 * Keras Adam's step size at 1-based step t: the bias corrections folded into the learning rate,
 * lr·sqrt(1 − beta2^t)/(1 − beta1^t) (epsilon is therefore not bias-corrected). Every kernel set uses this one.
 */
export function adamStepSize(learningRate: number, beta1: number, beta2: number, t: number): number {
  return (learningRate * Math.sqrt(1 - Math.pow(beta2, t))) / (1 - Math.pow(beta1, t));
}
