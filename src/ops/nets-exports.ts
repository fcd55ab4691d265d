// The network ops and tn.losses (issue 10's linear algebra and nets part); the ops come through the module that
// installs their Tensor methods, so that any use of them keeps the methods.
export {
  dot, outerProduct, avgPool, conv1d, conv2dTranspose, depthwiseConv2d, separableConv2d, batchNorm, batchNorm2d, batchNorm3d, batchNorm4d, dropout,
} from './nets-methods';
export * as losses from './losses';
export { Reduction } from './loss-reduction';
