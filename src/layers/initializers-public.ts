// tn.initializers: the factories a user passes as kernelInitializer / biasInitializer, as tf.initializers.
export { glorotUniform, glorotNormal, heNormal, heUniform, leCunNormal, leCunUniform, truncatedNormal, varianceScaling, constant, identity, randomNormal, randomUniform, orthogonal, zeros, ones } from './initializers';
export type { Initializer, VarianceScalingConfig } from './initializers';
