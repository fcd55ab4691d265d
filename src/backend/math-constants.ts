// The math family's constants that the ops' gradient rules share with the kernels (ops never import kernels/).
export { SELU_SCALE, SELU_SCALE_ALPHA } from '../../kernels/shared/math-op-names';
