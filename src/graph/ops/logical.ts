import * as tn from '../../ops/index';
import { binary, type OpTable } from '../op-spec';

/** TF's comparisons, logic and selection, as tfjs-converter's logical and dynamic executors. */
export const logicalOps: OpTable = {
  Equal: binary(tn.equal),
  NotEqual: binary(tn.notEqual),
  Greater: binary(tn.greater),
  GreaterEqual: binary(tn.greaterEqual),
  Less: binary(tn.less),
  LessEqual: binary(tn.lessEqual),
  LogicalAnd: binary(tn.logicalAnd),
  // TF.js 4.22 maps x and y but reads a and b, so its node finds no inputs.
  BitwiseAnd: binary(tn.bitwiseAnd),
  LogicalOr: binary(tn.logicalOr),
  LogicalNot: { arity: 1, dtypeAttr: 'T', run: (n) => [tn.logicalNot(n.tensor(0))] },
  Select: { arity: 3, dtypeAttr: 'T', run: (n) => [tn.where(n.tensor(0), n.tensor(1), n.tensor(2))] },
  SelectV2: { arity: 3, dtypeAttr: 'T', run: (n) => [tn.where(n.tensor(0), n.tensor(1), n.tensor(2))] },
  // The coordinates of true values: how many there are is known only from the values, so (as TF.js) executeAsync only.
  Where: {
    arity: 1, dtypeAttr: 'T', async: true,
    run: async (n) => {
      const condition = tn.cast(n.tensor(0), 'bool');
      try {
        return [await tn.whereAsync(condition)];
      } finally {
        condition.dispose();
      }
    },
  },
};
