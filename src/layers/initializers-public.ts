// tn.initializers: the factories a user passes as kernelInitializer / biasInitializer, as tf.initializers.
export { glorotUniform, heNormal, randomNormal, zeros, ones } from './initializers';
export type { Initializer } from './initializers';
