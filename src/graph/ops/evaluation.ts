import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import type { OpTable } from '../op-spec';

/** The two outputs of topk and unique, in TF's order. */
const valuesAndIndices = ({ values, indices }: { values: Tensor; indices: Tensor }): Tensor[] => [values, indices];

/** TF's top-k, sorted search and unique values, as tfjs-converter's evaluation executor. */
export const evaluationOps: OpTable = {
  TopKV2: { arity: 2, run: (n) => valuesAndIndices(tn.topk(n.tensor(0), n.number(1), n.attrs.bool('sorted', true))) },
  LowerBound: { arity: 2, run: (n) => [tn.lowerBound(n.tensor(0), n.tensor(1))] },
  UpperBound: { arity: 2, run: (n) => [tn.upperBound(n.tensor(0), n.tensor(1))] },
  // The values of x (input 0) not in y (1) and their indices: executeAsync only, as TF.js.
  ListDiff: { arity: 2, async: true, run: (n) => tn.setdiff1dAsync(n.tensor(0), n.tensor(1)) },
  Unique: { arity: 1, run: (n) => valuesAndIndices(tn.unique(n.tensor(0))) },
  UniqueV2: { arity: 2, run: (n) => valuesAndIndices(tn.unique(n.tensor(0), n.number(1))) },
};
