// Composite public ops and op namespaces, scoped (op-scope.ts) so that each leaves only its result alive, as TF.js's
// ops do; internal callers import the ops themselves. An op with Tensor methods comes through the file that installs
// them, so a bundle keeps the methods with it.
import * as imageOps from './image/index';
import * as linalgOps from './linalg';
import * as signalOps from './signal';
import { floorDiv as floorDivOp } from './binary';
import { conv3dTranspose as conv3dTransposeOp } from './conv3d-transpose';
import { maxPoolWithArgmax as maxPoolWithArgmaxOp } from './max-pool-argmax';
import { einsum as einsumOp } from './einsum';
import { basicLSTMCell as basicLSTMCellOp } from './lstm-cells';
import { leakyRelu as leakyReluOp, norm as normOp } from './math-methods';
import { scopedAll } from './op-scope';
import { unstack as unstackOp } from './shape-methods';
import { euclideanNorm as euclideanNormOp, localResponseNormalization as lrnOp } from './surface-methods';
import { oneHot as oneHotOp, topk as topkOp } from './tensor-methods';

export const image = scopedAll(imageOps);
export const linalg = scopedAll(linalgOps);
export const signal = scopedAll(signalOps);
export const {
  floorDiv, leakyRelu, norm, euclideanNorm, localResponseNormalization, oneHot, topk, unstack, einsum, basicLSTMCell, conv3dTranspose, maxPoolWithArgmax,
} = scopedAll({
  floorDiv: floorDivOp, leakyRelu: leakyReluOp, norm: normOp, euclideanNorm: euclideanNormOp, localResponseNormalization: lrnOp, oneHot: oneHotOp,
  topk: topkOp, unstack: unstackOp, einsum: einsumOp, basicLSTMCell: basicLSTMCellOp, conv3dTranspose: conv3dTransposeOp,
  maxPoolWithArgmax: maxPoolWithArgmaxOp,
});
