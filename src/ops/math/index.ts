// tf.math: TF.js keeps confusionMatrix under this name.
export { confusionMatrix } from './confusion-matrix';
