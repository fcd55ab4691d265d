import * as tn from '../../ops/index';
import type { OpTable } from '../op-spec';

/** TF's top-k and unique values, as tfjs-converter's evaluation executor: each gives values, then indices. */
export const evaluationOps: OpTable = {
  TopKV2: {
    arity: 2,
    run: (n) => {
      const { values, indices } = tn.topk(n.tensor(0), n.number(1), n.attrs.bool('sorted', true));
      return [values, indices];
    },
  },
  Unique: {
    arity: 1,
    run: (n) => {
      const { values, indices } = tn.unique(n.tensor(0));
      return [values, indices];
    },
  },
  UniqueV2: {
    arity: 2,
    run: (n) => {
      const { values, indices } = tn.unique(n.tensor(0), n.number(1));
      return [values, indices];
    },
  },
};
