export { add, sub, mul, div, maximum, minimum, pow, greater, equal } from './binary';
export { neg, abs, exp, log, sqrt, square, relu, sigmoid, tanh, reciprocal } from './unary';
export { tensor, tensor1d, tensor2d, tensor3d, tensor4d, scalar, fill, zeros, ones, zerosLike, onesLike, randomUniform, randomNormal } from './creation';
export type { TensorLike } from './creation';
export { matMul } from './matmul';
export { conv2d } from './conv';
export { maxPool } from './pool';
export { sum, mean, max, min } from './reduction';
export { softmax, logSoftmax } from './softmax';
export { sparseSoftmaxCrossEntropy } from './cross-entropy';
export { cast } from './cast';
export { reshape, slice, flatten } from './reshape';
export { argMax } from './arg-max';
export * as fused from './fused';
export {
  sin, cos, tan, asin, acos, atan, sinh, cosh, atan2, rsqrt, log1p, expm1, erf,
  elu, selu, leakyRelu, prelu, relu6, softplus, step, logSigmoid,
  less, lessEqual, greaterEqual, notEqual, clipByValue, squaredDifference, addN,
  prod, any, all, logSumExp, cumsum, moments, norm,
} from './math-methods';
export type { NormOrd } from './math-methods';
