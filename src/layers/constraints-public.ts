// tn.constraints: what a user passes as kernelConstraint / biasConstraint, applied after each update, as tf.constraints.
export { maxNorm, unitNorm, nonNeg, minMaxNorm } from './constraints';
export type { Constraint } from './constraints';
