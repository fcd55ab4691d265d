import type { Padding } from '../backend/backend';

type Pair = number | [number, number];
type Rounding = 'floor' | 'round' | 'ceil';

/**
 * The network ops as Tensor methods, as TF.js chains them (T is the Tensor class; ops/nets-methods.ts installs
 * them). Declared here and merged into the class in its own module, so that a bundled declaration file keeps them.
 */
export interface NetsMethods<T> {
  dot(b: T): T;
  avgPool(filterSize: Pair, strides: Pair, pad: Padding, dimRoundingMode?: Rounding): T;
  conv1d(filter: T, stride: number, pad: Padding, dataFormat?: 'NWC' | 'NCW', dilation?: number, dimRoundingMode?: Rounding): T;
  conv2dTranspose(filter: T, outputShape: [number, number, number, number] | [number, number, number], strides: Pair, pad: Padding, dimRoundingMode?: Rounding): T;
  depthwiseConv2d(filter: T, strides: Pair, pad: Padding, dataFormat?: 'NHWC' | 'NCHW', dilations?: Pair, dimRoundingMode?: Rounding): T;
  separableConv2d(depthwiseFilter: T, pointwiseFilter: T, strides: Pair, pad: Padding, dilation?: Pair, dataFormat?: 'NHWC' | 'NCHW'): T;
  batchNorm(mean: T, variance: T, offset?: T, scale?: T, varianceEpsilon?: number): T;
}
