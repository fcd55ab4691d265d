import * as tn from '../../ops/index';
import type { OpTable } from '../op-spec';

/**
 * TF's graph plumbing without control flow, as tfjs-converter's graph executor. Placeholder and Const are not here:
 * the executor gives them the fed tensors and the weights.
 */
export const graphOps: OpTable = {
  // Unfed, it gives its default (input 0).
  PlaceholderWithDefault: { arity: 1, dtypeAttr: 'dtype', run: (n) => [tn.clone(n.tensor(0))] },
  // Copies, as TF.js's cloneTensor, so that disposing an output never frees a weight or an input.
  Identity: { arity: 1, run: (n) => [tn.clone(n.tensor(0))] },
  StopGradient: { arity: 1, run: (n) => [tn.clone(n.tensor(0))] },
  Snapshot: { arity: 1, run: (n) => [tn.clone(n.tensor(0))] },
  IdentityN: { arity: 1, run: (n) => n.tensors(0).map((t) => tn.clone(t)) },
  // It only orders other nodes (through control inputs); TF.js gives it the value 1.
  NoOp: { arity: 0, run: () => [tn.scalar(1)] },
  Shape: { arity: 1, run: (n) => [tn.tensor1d(n.tensor(0).shape, 'int32')] },
  ShapeN: { arity: 1, run: (n) => n.tensors(0).map((t) => tn.tensor1d(t.shape, 'int32')) },
  Size: { arity: 1, run: (n) => [tn.scalar(n.tensor(0).size, 'int32')] },
  Rank: { arity: 1, run: (n) => [tn.scalar(n.tensor(0).rank, 'int32')] },
  // tf.print in a graph: its message and the first `summarize` values of each data input, then x unchanged.
  Print: {
    arity: 1,
    run: (n) => {
      console.log(n.attrs.exactString('message', ''));
      for (const t of n.tensors(1)) console.log(Array.from(t.dataSync() as ArrayLike<number>).slice(0, n.attrs.number('summarize', 3)));
      return [tn.clone(n.tensor(0))];
    },
  },
};
