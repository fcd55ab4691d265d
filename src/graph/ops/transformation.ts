import * as tn from '../../ops/index';
import type { GraphNode } from '../graph-def';
import { requireNHWC, type OpTable } from '../op-spec';

/** Cast's target dtype, required at load: a Cast to a dtype tessera has no tensors for is refused there. */
function castTo(node: GraphNode) {
  const dtype = node.attrs.dtype('DstT');
  if (dtype === undefined) throw new Error(`${node.where}: attr 'DstT' (the dtype to cast to) is missing`);
  return dtype;
}

const mirrorMode = (node: GraphNode): 'reflect' | 'symmetric' => node.attrs.oneOf('mode', '', ['reflect', 'symmetric']);

/** TF's reshaping, padding and casting, as tfjs-converter's transformation executor. */
export const transformationOps: OpTable = {
  Cast: { arity: 1, dtypeAttr: 'DstT', check: castTo, run: (n) => [tn.cast(n.tensor(0), castTo(n.node))] },
  Reshape: { arity: 2, run: (n) => [tn.reshape(n.tensor(0), n.numbers(1))] },
  ExpandDims: { arity: 2, run: (n) => [tn.expandDims(n.tensor(0), n.number(1))] },
  // An empty axis list squeezes every dimension of size 1, as TF does.
  Squeeze: {
    arity: 1,
    run: (n) => {
      const axis = n.attrs.numbers('squeeze_dims', n.attrs.numbers('axis', []));
      return [tn.squeeze(n.tensor(0), axis.length > 0 ? axis : undefined)];
    },
  },
  Pad: { arity: 2, run: (n) => [tn.pad(n.tensor(0), n.pairs(1), n.attrs.number('constant_value', 0))] },
  PadV2: { arity: 3, run: (n) => [tn.pad(n.tensor(0), n.pairs(1), n.number(2))] },
  MirrorPad: {
    arity: 2,
    check: (node) => mirrorMode(node),
    run: (n) => [tn.mirrorPad(n.tensor(0), n.pairs(1), mirrorMode(n.node))],
  },
  // TF's shape is an attr, −1 for an unknown dim (TF.js 4.22 reads a second input, which TF's node has not).
  EnsureShape: {
    arity: 1,
    run: (n) => {
      const shape = n.node.inputs.length > 1 ? n.numbers(1) : n.attrs.shape('shape');
      return [shape === undefined ? tn.clone(n.tensor(0)) : tn.ensureShape(n.tensor(0), shape.map((d) => (d < 0 ? null : d)))];
    },
  },
  BroadcastArgs: { arity: 2, run: (n) => [tn.broadcastArgs(n.tensor(0), n.tensor(1))] },
  BroadcastTo: { arity: 2, run: (n) => [tn.broadcastTo(n.tensor(0), n.numbers(1))] },
  SpaceToBatchND: { arity: 3, run: (n) => [tn.spaceToBatchND(n.tensor(0), n.numbers(1), n.pairs(2))] },
  BatchToSpaceND: { arity: 3, run: (n) => [tn.batchToSpaceND(n.tensor(0), n.numbers(1), n.pairs(2))] },
  DepthToSpace: { arity: 1, check: (node) => requireNHWC(node), run: (n) => [tn.depthToSpace(n.tensor(0), n.attrs.number('block_size', 0))] },
};
