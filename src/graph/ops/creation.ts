import * as tn from '../../ops/index';
import type { OpTable } from '../op-spec';

/** TF's tensor-making ops, as tfjs-converter's creation executor. */
export const creationOps: OpTable = {
  Fill: { arity: 2, dtypeAttr: 'T', run: (n) => [tn.fill(n.numbers(0), n.number(1), n.attrs.dtype('T'))] },
  ZerosLike: { arity: 1, dtypeAttr: 'T', run: (n) => [tn.zerosLike(n.tensor(0))] },
  OnesLike: { arity: 1, dtypeAttr: 'dtype', run: (n) => [tn.onesLike(n.tensor(0))] },
  Zeros: { arity: 1, dtypeAttr: 'T', run: (n) => [tn.zeros(n.numbers(0), n.attrs.dtype('T'))] },
  Ones: { arity: 1, dtypeAttr: 'T', run: (n) => [tn.ones(n.numbers(0), n.attrs.dtype('T'))] },
  LinSpace: { arity: 3, dtypeAttr: 'T', run: (n) => [tn.linspace(n.number(0), n.number(1), n.number(2))] },
  // One-hot rows along the last axis; TF.js reads no axis attr and so computes any other axis wrongly: refused here.
  OneHot: {
    arity: 4, dtypeAttr: 'T',
    check: (node) => {
      const axis = node.attrs.number('axis', -1);
      if (axis !== -1) throw new Error(`${node.where}: attr 'axis' ${axis} is not supported (one-hot along the last axis only, -1)`);
    },
    run: (n) => [tn.oneHot(n.tensor(0), n.number(1), n.number(2), n.number(3), n.attrs.dtype('T'))],
  },
  Range: { arity: 3, dtypeAttr: 'Tidx', run: (n) => [tn.range(n.number(0), n.number(1), n.number(2), n.attrs.dtype('Tidx'))] },
};
