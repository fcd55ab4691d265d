import * as tn from '../../ops/index';
import type { Tensor4D } from '../../tensor/tfjs-types';
import type { GraphNode } from '../graph-def';
import { requireNHWC, type OpSpec, type OpTable } from '../op-spec';

/** Inference batch norm: x, scale, offset, mean, variance; its other outputs (batch statistics) are training's only. */
const fusedBatchNorm: OpSpec = {
  arity: 5,
  check: (node: GraphNode) => {
    requireNHWC(node);
    // A training-mode node normalizes by the batch's own statistics, which TF.js ignores; refused rather than misread.
    if (node.attrs.bool('is_training', false)) throw new Error(`${node.where}: is_training true is not supported (a graph model runs inference: export it with training off)`);
  },
  run: (n) => [tn.batchNorm(n.tensor(0), n.tensor(3), n.tensor(4), n.tensor(2), n.tensor(1), n.attrs.number('epsilon', 0.001))],
};

/** TF's normalizations, as tfjs-converter's normalization executor. */
export const normalizationOps: OpTable = {
  FusedBatchNorm: fusedBatchNorm,
  FusedBatchNormV2: fusedBatchNorm,
  FusedBatchNormV3: fusedBatchNorm,
  Softmax: { arity: 1, run: (n) => [tn.softmax(n.tensor(0))] },
  LogSoftmax: { arity: 1, run: (n) => [tn.logSoftmax(n.tensor(0))] },
  LRN: {
    arity: 1,
    run: (n) => [tn.localResponseNormalization(n.tensor(0) as Tensor4D, n.attrs.number('depth_radius', 5), n.attrs.number('bias', 1), n.attrs.number('alpha', 1), n.attrs.number('beta', 0.5))],
  },
  EuclideanNorm: { arity: 2, run: (n) => [tn.euclideanNorm(n.tensor(0), n.numbers(1), n.attrs.bool('keep_dims', false))] },
};
