import * as tn from '../../ops/index';
import type { NodeArgs, OpTable } from '../op-spec';

/**
 * A random op's seed as TF reads its seed and seed2 attrs: both 0 draws afresh each run; otherwise the draws are
 * fixed, seeded by seed (seed2 where seed is 0). TF.js passes seed alone, so its seed 0 always draws the same.
 */
function seedOf(n: NodeArgs): number | undefined {
  const [seed, seed2] = [n.attrs.number('seed', 0), n.attrs.number('seed2', 0)];
  return seed !== 0 ? seed : seed2 !== 0 ? seed2 : undefined;
}

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
  // TF's random ops read only a shape input (RandomUniformInt its bounds too, inputs 1 and 2, where TF.js reads attrs).
  RandomUniform: { arity: 1, dtypeAttr: 'dtype', run: (n) => [tn.randomUniform(n.numbers(0), 0, 1, n.attrs.dtype('dtype'), seedOf(n))] },
  RandomStandardNormal: { arity: 1, dtypeAttr: 'dtype', run: (n) => [tn.randomStandardNormal(n.numbers(0), n.attrs.dtype('dtype'), seedOf(n))] },
  TruncatedNormal: { arity: 1, dtypeAttr: 'dtype', run: (n) => [tn.truncatedNormal(n.numbers(0), 0, 1, n.attrs.dtype('dtype'), seedOf(n))] },
  RandomUniformInt: { arity: 3, run: (n) => [tn.randomUniformInt(n.numbers(0), n.number(1), n.number(2), seedOf(n))] },
  Multinomial: { arity: 2, run: (n) => [tn.multinomial(n.tensor(0), n.number(1), seedOf(n))] },
  Range: { arity: 3, dtypeAttr: 'Tidx', run: (n) => [tn.range(n.number(0), n.number(1), n.number(2), n.attrs.dtype('Tidx'))] },
};
