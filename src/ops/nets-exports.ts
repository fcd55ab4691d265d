// The network ops and tn.losses (issue 10's linear algebra and nets part); the ops come through the module that
// installs their Tensor methods, so that any use of them keeps the methods.
import * as lossOps from './losses';
import * as nets from './nets-methods';
import { scoped, scopedAll } from './op-scope';

export { avgPool, conv1d, conv2dTranspose, depthwiseConv2d } from './nets-methods';
// Composites, scoped as public ops (op-scope.ts): they leave only their results alive.
export const separableConv2d = scoped(nets.separableConv2d);
export const dropout = scoped(nets.dropout);
export const dot = scoped(nets.dot);
export const outerProduct = scoped(nets.outerProduct);
export const batchNorm = scoped(nets.batchNorm);
export const batchNorm2d = scoped(nets.batchNorm2d);
export const batchNorm3d = scoped(nets.batchNorm3d);
export const batchNorm4d = scoped(nets.batchNorm4d);
export const losses = scopedAll(lossOps);
export { Reduction } from './loss-reduction';
