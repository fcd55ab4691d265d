import * as tn from '../../ops/index';
import type { OpTable } from '../op-spec';

/** TF's tensor-making ops, as tfjs-converter's creation executor. */
export const creationOps: OpTable = {
  Fill: { arity: 2, dtypeAttr: 'T', run: (n) => [tn.fill(n.numbers(0), n.number(1), n.attrs.dtype('T'))] },
  ZerosLike: { arity: 1, dtypeAttr: 'T', run: (n) => [tn.zerosLike(n.tensor(0))] },
  OnesLike: { arity: 1, dtypeAttr: 'dtype', run: (n) => [tn.onesLike(n.tensor(0))] },
  Range: { arity: 3, dtypeAttr: 'Tidx', run: (n) => [tn.range(n.number(0), n.number(1), n.number(2), n.attrs.dtype('Tidx'))] },
};
