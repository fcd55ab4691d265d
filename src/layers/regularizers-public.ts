// tn.regularizers: what a user passes as kernelRegularizer / biasRegularizer / activityRegularizer, as tf.regularizers.
export { l1, l2, l1l2 } from './regularizers';
export type { Regularizer } from './regularizers';
