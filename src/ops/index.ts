export { add, sub, mul, div, maximum, minimum, pow, greater, equal, mod, logicalAnd, logicalOr, logicalXor } from './binary';
export { neg, abs, exp, log, sqrt, square, relu, sigmoid, tanh, reciprocal, floor, ceil, round, sign, isNaN, isInf, isFinite, logicalNot } from './unary';
export { tensor, tensor1d, tensor2d, tensor3d, tensor4d, tensor5d, tensor6d, scalar, fill, zeros, ones, randomUniform, randomNormal, truncatedNormal, randomUniformInt, randomStandardNormal } from './creation';
export { multinomial } from './multinomial';
export { linspace, range, eye } from './sequences';
export type { TensorLike } from './tensor-like';
export { matMul } from './matmul';
export { conv2d } from './conv';
export { maxPool } from './pool';
export { sum, mean, max, min } from './reduction';
export { softmax, logSoftmax } from './softmax';
export { sparseSoftmaxCrossEntropy } from './cross-entropy';
export { cast, clone } from './cast';
export { print } from './print';
export { buffer } from './buffer';
export { reshape, flatten } from './reshape';
export { concat1d, concat2d, concat3d, concat4d, slice1d, slice2d, slice3d, slice4d, reverse1d, reverse2d, reverse3d, reverse4d, pad1d, pad2d, pad3d, pad4d } from './ranked-shape';
export { concat, stack, split, transpose, expandDims, squeeze, tile, broadcastTo, reverse, pad, mirrorPad, slice, stridedSlice } from './shape-methods';
// These ops come through the file that installs their Tensor methods, so a bundle keeps the methods with them.
export { argMax, argMin, where, gather, unsortedSegmentSum, gatherND, scatterND } from './tensor-methods';
export * as fused from './fused';
export * as math from './math/index';
export {
  sin, cos, tan, asin, acos, atan, sinh, cosh, asinh, acosh, atanh, atan2, rsqrt, log1p, expm1, erf,
  elu, selu, prelu, relu6, softplus, step, logSigmoid,
  less, lessEqual, greaterEqual, notEqual, clipByValue, squaredDifference, addN,
  prod, any, all, logSumExp, cumsum, cumprod, moments,
} from './math-methods';
export type { NormOrd } from './math-methods';
export * from './nets-exports';
export { image, linalg, signal, floorDiv, leakyRelu, norm, euclideanNorm, localResponseNormalization, oneHot, topk, unstack, einsum, basicLSTMCell, conv3dTranspose, maxPoolWithArgmax, dilation2d } from './scoped-exports';
export { whereAsync, booleanMaskAsync, setdiff1dAsync, inTopKAsync } from './host-select';
export { diag, meshgrid } from './composites';
export { multiRNNCell, type LSTMCellFunc } from './lstm-cells';
export { movingAverage } from './moving-average';
export { ensureShape, broadcastArgs } from './shape-checks';
export { rand, randomGamma } from './random-draws';
export { conv3d, maxPool3d, avgPool3d } from './conv3d';
export { bitwiseAnd } from './bitwise';
export { bincount, denseBincount, searchSorted, lowerBound, upperBound } from './host-count';
export {
  onesLike, zerosLike, unique, divNoNan, pool, spaceToBatchND, batchToSpaceND, depthToSpace,
} from './surface-methods';
export { sparseToDense, tensorScatterUpdate } from './scatter-update';
