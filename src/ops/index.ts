// The public ops. Each is scoped (op-scope.ts): it leaves only its result alive, as TF.js's ops do, so tf.memory()
// counts what TF.js counts; internal callers import the ops from their own files. Ops with Tensor methods come through
// the file that installs the methods, so a bundle keeps the methods with them.
import * as binary from './binary';
import * as unary from './unary';
import * as creation from './creation';
import * as multinomialOp from './multinomial';
import * as sequences from './sequences';
import * as matmul from './matmul';
import * as conv from './conv';
import * as poolOps from './pool';
import * as reduction from './reduction';
import * as softmaxOps from './softmax';
import * as crossEntropy from './cross-entropy';
import * as castOps from './cast';
import * as reshapeOps from './reshape';
import * as rankedShape from './ranked-shape';
import * as shapeMethods from './shape-methods';
import * as tensorMethods from './tensor-methods';
import * as fusedOps from './fused';
import * as mathOps from './math/index';
import * as mathMethods from './math-methods';
import * as composites from './composites';
import * as lstmCells from './lstm-cells';
import * as movingAverageOp from './moving-average';
import * as shapeChecks from './shape-checks';
import * as randomDraws from './random-draws';
import * as conv3dOps from './conv3d';
import * as bitwise from './bitwise';
import * as hostCount from './host-count';
import * as surfaceMethods from './surface-methods';
import * as scatterUpdate from './scatter-update';
import * as complexOps from './complex';
import * as spectralOps from './spectral';
import * as stringOps from './string';
import * as sparseOps from './sparse';
import * as raggedOps from './ragged';
import { scopedAll } from './op-scope';
export { op, OP_SCOPE_SUFFIX } from './op-scope';

export const { add, sub, mul, div, maximum, minimum, pow, greater, equal, mod, logicalAnd, logicalOr, logicalXor } = scopedAll(binary);
export const { neg, abs, exp, log, sqrt, square, relu, sigmoid, tanh, reciprocal, floor, ceil, round, sign, isNaN, isInf, isFinite, logicalNot } = scopedAll(unary);
export const {
  tensor, tensor1d, tensor2d, tensor3d, tensor4d, tensor5d, tensor6d, scalar, fill, zeros, ones, randomUniform, randomNormal, truncatedNormal, randomUniformInt,
  randomStandardNormal,
} = scopedAll(creation, ['tensor', 'tensor1d', 'tensor2d', 'tensor3d', 'tensor4d', 'tensor5d', 'tensor6d', 'scalar', 'fill', 'zeros', 'ones']);
export const { multinomial } = scopedAll(multinomialOp);
export const { linspace, range, eye } = scopedAll(sequences, ['linspace', 'range']);
export type { TensorLike } from './tensor-like';
export const { matMul } = scopedAll(matmul);
export const { conv2d } = scopedAll(conv);
export const { maxPool } = scopedAll(poolOps);
export const { sum, mean, max, min } = scopedAll(reduction);
export const { softmax, logSoftmax } = scopedAll(softmaxOps);
export const { sparseSoftmaxCrossEntropy } = scopedAll(crossEntropy);
export const { cast, clone } = scopedAll(castOps);
export { print } from './print';
export { cosineWindow, enclosingPowerOfTwo } from './signal-util';
export { buffer } from './buffer';
export const { reshape, flatten } = scopedAll(reshapeOps);
export const {
  concat1d, concat2d, concat3d, concat4d, slice1d, slice2d, slice3d, slice4d, reverse1d, reverse2d, reverse3d, reverse4d, pad1d, pad2d, pad3d, pad4d,
} = scopedAll(rankedShape);
export const { concat, stack, split, transpose, expandDims, squeeze, tile, broadcastTo, reverse, pad, mirrorPad, slice, stridedSlice } = scopedAll(shapeMethods);
export const { argMax, argMin, where, gather, unsortedSegmentSum, gatherND, scatterND } = scopedAll(tensorMethods);
export const fused = scopedAll(fusedOps);
/** tf.fused's types, as TF.js's namespace has them. */
export declare namespace fused {
  export type Activation = fusedOps.FusedActivation;
}
export const math = scopedAll(mathOps);
export const {
  sin, cos, tan, asin, acos, atan, sinh, cosh, asinh, acosh, atanh, atan2, rsqrt, log1p, expm1, erf,
  elu, selu, prelu, relu6, softplus, step, logSigmoid,
  less, lessEqual, greaterEqual, notEqual, clipByValue, squaredDifference, addN,
  prod, any, all, logSumExp, cumsum, cumprod, moments,
} = scopedAll(mathMethods);
export type { NormOrd } from './math-methods';
export * from './nets-exports';
export { image, linalg, signal, floorDiv, leakyRelu, norm, euclideanNorm, localResponseNormalization, oneHot, topk, unstack, einsum, basicLSTMCell, conv3dTranspose, maxPoolWithArgmax } from './scoped-exports';
export { whereAsync, booleanMaskAsync, setdiff1dAsync, inTopKAsync } from './host-select';
export const { diag, meshgrid } = scopedAll(composites, ['meshgrid']);
export const { multiRNNCell } = scopedAll(lstmCells);
export type { LSTMCellFunc } from './lstm-cells';
export const { movingAverage } = scopedAll(movingAverageOp);
export const { ensureShape, broadcastArgs } = scopedAll(shapeChecks);
export const { rand, randomGamma } = scopedAll(randomDraws);
export const { conv3d, maxPool3d, avgPool3d } = scopedAll(conv3dOps);
export const { bitwiseAnd } = scopedAll(bitwise);
export const { bincount, denseBincount, searchSorted, lowerBound, upperBound } = scopedAll(hostCount, ['lowerBound', 'upperBound']);
export const { onesLike, zerosLike, unique, divNoNan, pool, spaceToBatchND, batchToSpaceND, depthToSpace } = scopedAll(surfaceMethods);
export const { sparseToDense, tensorScatterUpdate } = scopedAll(scatterUpdate);
export const { complex, real, imag } = scopedAll(complexOps);
export const spectral = scopedAll(spectralOps);
export const { fft, ifft, rfft, irfft } = spectral;
export const sparse = scopedAll(sparseOps);
export const { raggedGather, raggedRange, raggedTensorToTensor } = scopedAll(raggedOps);
/** tf.string: TF.js's string ops. */
export const string = scopedAll(stringOps);
