import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import type { NodeArgs, OpSpec, OpTable } from '../op-spec';

/**
 * TF's fake quantization of x to num_bits between min and max, as its kernels compute it: the range nudged so that
 * zero is a whole step (or an end, for a range without 0), x clamped to it and rounded to the nearest step. (TF.js
 * runs it as an identity.)
 */
function fakeQuant(n: NodeArgs, x: Tensor, min: number, max: number): Tensor {
  const bits = n.attrs.number('num_bits', 8);
  if (!Number.isInteger(bits) || bits < 2 || bits > 16) throw new Error(`${n.node.where}: attr 'num_bits' must be an integer in [2, 16], got ${bits}`);
  if (!(min < max)) throw new Error(`${n.node.where}: min must be below max, got [${min}, ${max}]`);
  const [qMin, qMax] = [n.attrs.bool('narrow_range', false) ? 1 : 0, 2 ** bits - 1];
  const scale = (max - min) / (qMax - qMin);
  const zeroFromMin = qMin - min / scale;
  // std::round: halves away from zero (the zero point is never negative here).
  const zero = zeroFromMin < qMin ? qMin : zeroFromMin > qMax ? qMax : Math.floor(zeroFromMin + 0.5);
  const [lo, hi] = [(qMin - zero) * scale, (qMax - zero) * scale];
  return tn.add(tn.mul(tn.floor(tn.add(tn.div(tn.sub(tn.clipByValue(x, lo, hi), lo), scale), 0.5)), scale), lo);
}

const fakeQuantWithVars: OpSpec = { arity: 3, run: (n) => [fakeQuant(n, n.tensor(0), n.number(1), n.number(2))] };

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
  FakeQuantWithMinMaxVars: fakeQuantWithVars,
  FakeQuantWithMinMaxArgs: { arity: 1, run: (n) => [fakeQuant(n, n.tensor(0), n.attrs.number('min', -6), n.attrs.number('max', 6))] },
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
