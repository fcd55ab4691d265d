import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import type { OpSpec, OpTable } from '../op-spec';

/** A reduction over the axes of input 1, keeping them as size 1 when keep_dims is set. */
function reduce(f: (x: Tensor, axis: number[], keepDims: boolean) => Tensor, dtypeAttr?: string): OpSpec {
  return { arity: 2, dtypeAttr, run: (n) => [f(n.tensor(0), n.numbers(1), n.attrs.bool('keep_dims', false))] };
}

/** A running sum or product along the axis of input 1, with TF's exclusive and reverse attrs. */
function cumulative(f: typeof tn.cumsum): OpSpec {
  return { arity: 2, run: (n) => [f(n.tensor(0), n.number(1), n.attrs.bool('exclusive', false), n.attrs.bool('reverse', false))] };
}

/** TF's reductions, as tfjs-converter's reduction executor. */
export const reductionOps: OpTable = {
  Sum: reduce(tn.sum),
  Mean: reduce(tn.mean),
  Max: reduce(tn.max),
  Min: reduce(tn.min),
  Prod: reduce(tn.prod, 'T'),
  All: reduce(tn.all),
  Any: reduce(tn.any),
  ArgMax: { arity: 2, run: (n) => [tn.argMax(n.tensor(0), n.number(1))] },
  ArgMin: { arity: 2, run: (n) => [tn.argMin(n.tensor(0), n.number(1))] },
  Cumsum: cumulative(tn.cumsum),
  Cumprod: cumulative(tn.cumprod),
  Bincount: { arity: 3, run: (n) => [tn.bincount(n.tensor(0), n.tensor(2), n.number(1))] },
  DenseBincount: { arity: 3, run: (n) => [tn.denseBincount(n.tensor(0), n.tensor(2), n.number(1), n.attrs.bool('binary_output', false))] },
};
