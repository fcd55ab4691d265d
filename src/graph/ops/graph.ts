import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import type { GraphNode } from '../graph-def';
import type { NodeArgs, OpSpec, OpTable } from '../op-spec';

/** A fake-quant node's num_bits, checked at load as TF bounds it. */
function quantBits(node: GraphNode): number {
  const bits = node.attrs.number('num_bits', 8);
  if (!Number.isInteger(bits) || bits < 2 || bits > 16) throw new Error(`${node.where}: attr 'num_bits' must be an integer in [2, 16], got ${bits}`);
  return bits;
}

/** The quantization range; FakeQuantWithMinMaxArgs's comes from its attrs, checked at load, Vars's from its inputs. */
function quantRange(node: GraphNode, min: number, max: number): [number, number] {
  if (!(min < max)) throw new Error(`${node.where}: min must be below max, got [${min}, ${max}]`);
  return [min, max];
}

const argsRange = (node: GraphNode): [number, number] => quantRange(node, node.attrs.number('min', -6), node.attrs.number('max', 6));

/**
 * TF's fake quantization of x to num_bits between min and max, as its kernels compute it: the range nudged so that
 * zero is a whole step (or an end, for a range without 0), x clamped to it and rounded to the nearest step. (TF.js
 * runs it as an identity.)
 */
function fakeQuant(n: NodeArgs, x: Tensor, [min, max]: [number, number]): Tensor {
  const [qMin, qMax] = [n.attrs.bool('narrow_range', false) ? 1 : 0, 2 ** quantBits(n.node) - 1];
  const scale = (max - min) / (qMax - qMin);
  const zeroFromMin = qMin - min / scale;
  // std::round: halves away from zero (the zero point is never negative here).
  const zero = zeroFromMin < qMin ? qMin : zeroFromMin > qMax ? qMax : Math.floor(zeroFromMin + 0.5);
  const [lo, hi] = [(qMin - zero) * scale, (qMax - zero) * scale];
  return tn.add(tn.mul(tn.floor(tn.add(tn.div(tn.sub(tn.clipByValue(x, lo, hi), lo), scale), 0.5)), scale), lo);
}

const fakeQuantWithVars: OpSpec = {
  arity: 3, check: quantBits,
  run: (n) => [fakeQuant(n, n.tensor(0), quantRange(n.node, n.number(1), n.number(2)))],
};

const fakeQuantWithArgs: OpSpec = {
  arity: 1, check: (node) => { quantBits(node); argsRange(node); },
  run: (n) => [fakeQuant(n, n.tensor(0), argsRange(n.node))],
};

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
  FakeQuantWithMinMaxArgs: fakeQuantWithArgs,
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
