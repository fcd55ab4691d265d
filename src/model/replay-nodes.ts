import type { Layer } from '../layers/layer';
import type { SymbolicTensor } from '../layers/symbolic';

/** A reference to a layer's output in a saved graph: [layerName, nodeIndex, tensorIndex, the call's kwargs]. */
export type NodeRef = [string, number, number, Record<string, unknown>];

/**
 * A layer's inbound node waiting for its inputs: `name` is the layer's in the graph (its own, but for a user's layer
 * saved with no name), `index` the node's number on the layer, `at` where it was read.
 */
export interface PendingNode {
  layer: Layer;
  name: string;
  at: string;
  index: number;
  refs: NodeRef[];
}

/** The outputs of each layer's applications so far, by layer name, then node. */
export type NodeOutputs = Map<string, SymbolicTensor[][]>;

/** The output a reference names, where it exists yet. */
export function outputOf(outputsOf: NodeOutputs, ref: NodeRef): SymbolicTensor | undefined {
  return outputsOf.get(ref[0])?.[ref[1]]?.[ref[2]];
}

/**
 * Applies each pending node's layer to its inputs once they all exist, a layer's nodes in their order (so each
 * application gets the node number the graph gives it), and records the outputs in outputsOf. `stuck` makes the error
 * for a graph that cannot be completed; `failed`, for a layer that refuses its inputs.
 */
export function replayNodes(pending: PendingNode[], outputsOf: NodeOutputs, stuck: (p: PendingNode) => Error, failed: (p: PendingNode, e: Error) => Error): void {
  const applied = (p: PendingNode) => outputsOf.get(p.name) as SymbolicTensor[][];
  while (pending.length > 0) {
    const k = pending.findIndex((p) => applied(p).length === p.index && p.refs.every((ref) => outputOf(outputsOf, ref)));
    if (k < 0) throw stuck(pending[0]);
    const p = pending.splice(k, 1)[0];
    const ins = p.refs.map((ref) => outputOf(outputsOf, ref) as SymbolicTensor);
    let out: SymbolicTensor | SymbolicTensor[];
    try {
      out = p.layer.apply(ins.length === 1 && !p.layer.takesList() ? ins[0] : ins, p.refs[0][3]) as SymbolicTensor | SymbolicTensor[];
    } catch (e) {
      throw failed(p, e as Error);
    }
    applied(p).push(Array.isArray(out) ? out : [out]);
  }
}
