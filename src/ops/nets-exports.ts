// The network ops and tn.losses (issue 10's linear algebra and nets part), with their Tensor methods.
export { dot, outerProduct } from './dot';
export * as losses from './losses';
export { Reduction } from './loss-reduction';
export { avgPool } from './avg-pool';
export { conv1d, conv2dTranspose } from './conv-variants';
export { batchNorm, batchNorm2d, batchNorm3d, batchNorm4d } from './batch-norm';
export { dropout } from './dropout';
export { depthwiseConv2d, separableConv2d } from './depthwise-conv';
import './nets-methods';
