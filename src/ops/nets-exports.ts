// The network ops and tn.losses (issue 10's linear algebra and nets part); the ops come through the module that
// installs their Tensor methods, so that any use of them keeps the methods.
import * as lossOps from './losses';
import * as nets from './nets-methods';
import { scopedAll } from './op-scope';

// Scoped as public ops (op-scope.ts): they leave only their results alive.
export const { avgPool, conv1d, conv2dTranspose, depthwiseConv2d, separableConv2d, dilation2d, dropout, dot, outerProduct, batchNorm, batchNorm2d, batchNorm3d, batchNorm4d } = scopedAll(nets);
export const losses = scopedAll(lossOps);
export { Reduction } from './loss-reduction';
