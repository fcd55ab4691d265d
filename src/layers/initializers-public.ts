// tn.initializers: the factories a user passes as kernelInitializer / biasInitializer, as tf.initializers.
export { glorotUniform, glorotNormal, heNormal, randomNormal, randomUniform, orthogonal, zeros, ones } from './initializers';
export type { Initializer } from './initializers';
