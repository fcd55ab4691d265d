import { Tensor, type DType } from '../tensor/tensor';
import { argMax, argMin } from './arg-max';
import {
  add, div, equal, floorDiv, greater, logicalAnd, logicalOr, logicalXor, maximum, minimum, mod, mul, pow, sub,
} from './binary';
import { cast, clone } from './cast';
import { conv2d } from './conv';
import { gather, gatherND, scatterND, unsortedSegmentSum } from './gather';
import { matMul } from './matmul';
import { oneHot } from './one-hot';
import { maxPool } from './pool';
import { max, mean, min, sum } from './reduction';
import { logSoftmax, softmax } from './softmax';
import type { TensorLike } from './tensor-like';
import { topk } from './topk';
import {
  abs, ceil, exp, floor, isFinite, isInf, isNaN, log, logicalNot, neg, reciprocal, relu, round, sigmoid, sign, sqrt, square, tanh,
} from './unary';
import { where } from './where';
import { addTensorMethods } from './method-table';
import type { WindowPad } from './window-pad';
import type { DimRoundingMode } from '../tensor/value-types';

export { argMax, argMin, where, gather, unsortedSegmentSum, gatherND, scatterND, topk, oneHot };

type In = Tensor | TensorLike;
type Axis = number | number[];

addTensorMethods({
  add(this: Tensor, b: In) { return add(this, b); },
  sub(this: Tensor, b: In) { return sub(this, b); },
  mul(this: Tensor, b: In) { return mul(this, b); },
  div(this: Tensor, b: In) { return div(this, b); },
  floorDiv(this: Tensor, b: In) { return floorDiv(this, b); },
  mod(this: Tensor, b: In) { return mod(this, b); },
  pow(this: Tensor, e: In) { return pow(this, e); },
  maximum(this: Tensor, b: In) { return maximum(this, b); },
  minimum(this: Tensor, b: In) { return minimum(this, b); },
  greater(this: Tensor, b: In) { return greater(this, b); },
  equal(this: Tensor, b: In) { return equal(this, b); },
  logicalAnd(this: Tensor, b: In) { return logicalAnd(this, b); },
  logicalOr(this: Tensor, b: In) { return logicalOr(this, b); },
  logicalXor(this: Tensor, b: In) { return logicalXor(this, b); },
  logicalNot(this: Tensor) { return logicalNot(this); },
  neg(this: Tensor) { return neg(this); },
  abs(this: Tensor) { return abs(this); },
  exp(this: Tensor) { return exp(this); },
  log(this: Tensor) { return log(this); },
  sqrt(this: Tensor) { return sqrt(this); },
  square(this: Tensor) { return square(this); },
  relu(this: Tensor) { return relu(this); },
  sigmoid(this: Tensor) { return sigmoid(this); },
  tanh(this: Tensor) { return tanh(this); },
  reciprocal(this: Tensor) { return reciprocal(this); },
  floor(this: Tensor) { return floor(this); },
  ceil(this: Tensor) { return ceil(this); },
  round(this: Tensor) { return round(this); },
  sign(this: Tensor) { return sign(this); },
  isNaN(this: Tensor) { return isNaN(this); },
  isInf(this: Tensor) { return isInf(this); },
  isFinite(this: Tensor) { return isFinite(this); },
  sum(this: Tensor, axis?: Axis, keepDims?: boolean) { return sum(this, axis, keepDims); },
  mean(this: Tensor, axis?: Axis, keepDims?: boolean) { return mean(this, axis, keepDims); },
  max(this: Tensor, axis?: Axis, keepDims?: boolean) { return max(this, axis, keepDims); },
  min(this: Tensor, axis?: Axis, keepDims?: boolean) { return min(this, axis, keepDims); },
  argMax(this: Tensor, axis?: number) { return argMax(this, axis); },
  argMin(this: Tensor, axis?: number) { return argMin(this, axis); },
  cast(this: Tensor, dtype: DType) { return cast(this, dtype); },
  asType(this: Tensor, dtype: DType) { return cast(this, dtype); },
  toFloat(this: Tensor) { return cast(this, 'float32'); },
  toInt(this: Tensor) { return cast(this, 'int32'); },
  toBool(this: Tensor) { return cast(this, 'bool'); },
  clone(this: Tensor) { return clone(this); },
  where(this: Tensor, condition: In, b: In) { return where(condition, this, b); },
  gather(this: Tensor, indices: In, axis?: number, batchDims?: number) { return gather(this, indices, axis, batchDims); },
  unsortedSegmentSum(this: Tensor, segmentIds: In, numSegments: number) { return unsortedSegmentSum(this, segmentIds, numSegments); },
  oneHot(this: Tensor, depth: number, onValue?: number, offValue?: number) { return oneHot(this, depth, onValue, offValue); },
  topk(this: Tensor, k?: number, sorted?: boolean) { return topk(this, k, sorted); },
  matMul(this: Tensor, b: Tensor, transposeA?: boolean, transposeB?: boolean) { return matMul(this, b, transposeA, transposeB); },
  conv2d(this: Tensor, filter: Tensor, strides: number | [number, number], pad: WindowPad, dataFormat?: 'NHWC' | 'NCHW', dilations?: number | [number, number], dimRoundingMode?: DimRoundingMode) {
    return conv2d(this, filter, strides, pad, dataFormat, dilations, dimRoundingMode);
  },
  maxPool(this: Tensor, filterSize: number | [number, number], strides: number | [number, number], pad: WindowPad, dimRoundingMode?: DimRoundingMode) {
    return maxPool(this, filterSize, strides, pad, dimRoundingMode);
  },
  softmax(this: Tensor, dim?: number) { return softmax(this, dim); },
  logSoftmax(this: Tensor, axis?: number) { return logSoftmax(this, axis); },
});
