import type { Padding } from '../backend/backend';
import type { Tensor } from '../tensor/tensor';
import { addTensorMethods } from './method-table';
import type { WindowPad } from './window-pad';
import { avgPool } from './avg-pool';
import { batchNorm, batchNorm2d, batchNorm3d, batchNorm4d } from './batch-norm';
import { conv1d, conv2dTranspose } from './conv-variants';
import { depthwiseConv2d, separableConv2d } from './depthwise-conv';
import { dilation2d } from './dilation2d';
import { dot, outerProduct } from './dot';
import { dropout } from './dropout';
import type { DimRoundingMode } from '../tensor/value-types';

// The network ops, and the same ops as Tensor methods, as TF.js chains them (x.dot(y), x.avgPool(2, 2, 'same'), ...);
// the methods' types are declared with the class (tensor/tensor.ts). The public surface takes the ops from
// here: the package is marked free of side effects, so a bundler drops a bare `import './nets-methods'`.

export { dot, outerProduct, avgPool, conv1d, conv2dTranspose, depthwiseConv2d, separableConv2d, dilation2d, batchNorm, batchNorm2d, batchNorm3d, batchNorm4d, dropout };

type Pair = number | [number, number];

addTensorMethods({
  dot(this: Tensor, b: Tensor) {
    return dot(this, b);
  },
  avgPool(this: Tensor, filterSize: Pair, strides: Pair, pad: WindowPad, dimRoundingMode?: DimRoundingMode) {
    return avgPool(this, filterSize, strides, pad, dimRoundingMode);
  },
  conv1d(this: Tensor, filter: Tensor, stride: number, pad: Padding, dataFormat?: 'NWC' | 'NCW', dilation?: number, dimRoundingMode?: DimRoundingMode) {
    return conv1d(this, filter, stride, pad, dataFormat, dilation, dimRoundingMode);
  },
  conv2dTranspose(this: Tensor, filter: Tensor, outputShape: [number, number, number, number] | [number, number, number], strides: Pair, pad: Padding, dimRoundingMode?: DimRoundingMode) {
    return conv2dTranspose(this, filter, outputShape, strides, pad, dimRoundingMode);
  },
  depthwiseConv2d(this: Tensor, filter: Tensor, strides: Pair, pad: WindowPad, dataFormat?: 'NHWC' | 'NCHW', dilations?: Pair, dimRoundingMode?: DimRoundingMode) {
    return depthwiseConv2d(this, filter, strides, pad, dataFormat, dilations, dimRoundingMode);
  },
  separableConv2d(this: Tensor, depthwiseFilter: Tensor, pointwiseFilter: Tensor, strides: Pair, pad: Padding, dilation?: Pair, dataFormat?: 'NHWC' | 'NCHW') {
    return separableConv2d(this, depthwiseFilter, pointwiseFilter, strides, pad, dilation, dataFormat);
  },
  dilation2d(this: Tensor, filter: Tensor, strides: Pair, pad: Padding, dilations?: Pair, dataFormat?: 'NHWC') {
    return dilation2d(this, filter, strides, pad, dilations, dataFormat);
  },
  batchNorm(this: Tensor, mean: Tensor, variance: Tensor, offset?: Tensor, scale?: Tensor, varianceEpsilon?: number) {
    return batchNorm(this, mean, variance, offset, scale, varianceEpsilon);
  },
});
