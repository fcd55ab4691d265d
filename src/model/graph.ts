import { InputLayer } from '../layers/input-layer';
import { Layer } from '../layers/layer';
import { SymbolicTensor, type LayerNode } from '../layers/symbolic';
import { cast } from '../ops/cast';
import type { Tensor } from '../tensor/tensor';
import { argError } from '../util/validate';

/** A functional model's graph: its layers and nodes in TF.js's order (inputs first), and who consumes what. */
export interface Graph {
  readonly inputs: SymbolicTensor[];
  readonly outputs: SymbolicTensor[];
  /** Layers by decreasing depth, as TF.js's model.layers (InputLayers included). */
  readonly layers: Layer[];
  /** Nodes in an order that computes every input before its use. */
  readonly nodes: LayerNode[];
  /** The nodes in the order TF.js's executor runs them (masks depend on it, see runGraph). */
  readonly runOrder: LayerNode[];
  /** For each symbolic tensor id, how many nodes of this graph take it. */
  readonly consumers: Map<number, number>;
  /** For each layer, its nodes that belong to this graph, in the layer's order (their saved indices). */
  readonly nodeIndices: Map<Layer, LayerNode[]>;
}

const layerOf = (node: LayerNode): Layer => node.layer as Layer;

/**
 * Walks from the outputs back to the inputs as TF.js's Container does, ordering layers and nodes by depth;
 * throws, naming the tensor and layer, when an output needs an input the model was not given, on cycles,
 * and on two layers sharing a name.
 */
export function buildGraph(op: string, inputs: SymbolicTensor[], outputs: SymbolicTensor[]): Graph {
  inputs.forEach((t, i) => {
    if (!(t instanceof SymbolicTensor)) throw argError(op, `inputs[${i}]`, typeof t, 'a SymbolicTensor from tn.input()');
    if (!(t.sourceLayer instanceof InputLayer)) throw argError(op, `inputs[${i}]`, `${t.name}, the output of layer '${t.sourceLayer.name}'`, 'a tensor made by tn.input() (an InputLayer output)');
  });
  outputs.forEach((t, i) => {
    if (!(t instanceof SymbolicTensor)) throw argError(op, `outputs[${i}]`, typeof t, 'a SymbolicTensor (a layer applied to symbolic inputs)');
  });
  if (new Set(inputs).size !== inputs.length) throw argError(op, 'inputs', 'the same input twice', 'distinct inputs');
  const inputSet = new Set(inputs.map((t) => t.id));
  const finished = new Set<LayerNode>();
  const inProgress = new Set<LayerNode>();
  const layerIndices = new Map<Layer, number>();
  const order: LayerNode[] = [];

  const visit = (t: SymbolicTensor, from: string) => {
    const node = t.node;
    const layer = layerOf(node);
    if (!(layer instanceof Layer)) throw new Error(`${op}: ${t.name} comes from something that is not a layer`);
    if (inProgress.has(node)) throw new Error(`${op}: the tensor ${t.name} at layer '${layer.name}' is part of a cycle`);
    if (finished.has(node)) return;
    if (layer instanceof InputLayer && !inputSet.has(t.id)) {
      throw new Error(`${op}: graph disconnected: ${from} depends on input '${layer.name}' (shape [${t.shape.map((d) => d ?? 'null').join(', ')}]), which is not among the model's inputs (${inputs.map((i) => `'${i.sourceLayer.name}'`).join(', ') || 'none'})`);
    }
    if (!layerIndices.has(layer)) layerIndices.set(layer, layerIndices.size);
    inProgress.add(node);
    for (const x of node.inputs) visit(x, `layer '${layer.name}'`);
    inProgress.delete(node);
    finished.add(node);
    order.push(node);
  };
  outputs.forEach((t, i) => visit(t, `outputs[${i}] (${t.name})`));

  // Depths: a node is one deeper than its deepest consumer; a layer takes the depth of its deepest node.
  const nodeDepth = new Map<LayerNode, number>();
  const layerDepth = new Map<Layer, number>();
  for (const node of order.slice().reverse()) {
    const layer = layerOf(node);
    const depth = Math.max(nodeDepth.get(node) ?? 0, layerDepth.get(layer) ?? 0);
    layerDepth.set(layer, depth);
    nodeDepth.set(node, depth);
    for (const x of node.inputs) nodeDepth.set(x.node, Math.max(depth + 1, nodeDepth.get(x.node) ?? 0));
  }
  const layers = [...layerDepth.keys()].sort((a, b) => (layerDepth.get(b) as number) - (layerDepth.get(a) as number) || (layerIndices.get(a) as number) - (layerIndices.get(b) as number));
  for (const t of inputs) if (!layerDepth.has(t.sourceLayer as Layer)) layers.unshift(t.sourceLayer as Layer);
  const names = new Map<string, Layer>();
  for (const l of layers) {
    const other = names.get(l.name);
    if (other && other !== l) throw argError(op, 'layers', `two layers named '${l.name}' (${other.getClassName()} and ${l.getClassName()})`, 'unique layer names');
    names.set(l.name, l);
  }
  const nodes = [...nodeDepth.keys()].sort((a, b) => (nodeDepth.get(b) as number) - (nodeDepth.get(a) as number));
  const consumers = new Map<number, number>();
  for (const node of nodes) for (const x of node.inputs) consumers.set(x.id, (consumers.get(x.id) ?? 0) + 1);
  const nodeIndices = new Map<Layer, LayerNode[]>();
  for (const l of layers) nodeIndices.set(l, l.inboundNodes.filter((n) => nodeDepth.has(n) || (l instanceof InputLayer && inputSet.has(n.outputs[0].id))));
  return { inputs, outputs, layers, nodes, runOrder: executorOrder(inputs, outputs), consumers, nodeIndices };
}

/**
 * TF.js's executor order: for each output in turn, a depth-first walk over tensors with an explicit stack,
 * so a node's last input is walked first; the walks are joined without repeats.
 */
function executorOrder(inputs: readonly SymbolicTensor[], outputs: readonly SymbolicTensor[]): LayerNode[] {
  const order: LayerNode[] = [];
  const placed = new Set<LayerNode>();
  const fed = new Set(inputs.map((t) => t.id));
  for (const fetch of outputs) {
    const visited = new Set(fed);
    const stack: SymbolicTensor[] = [fetch];
    const marks: number[] = [];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (visited.has(top.id)) {
        stack.pop();
        continue;
      }
      const marked = marks[marks.length - 1] === stack.length - 1;
      if (top.node.inputs.length === 0 || marked) {
        stack.pop();
        visited.add(top.id);
        if (marked) marks.pop();
        if (!placed.has(top.node)) {
          placed.add(top.node);
          order.push(top.node);
        }
      } else {
        marks.push(stack.length - 1);
        for (const x of top.node.inputs) if (!visited.has(x.id)) stack.push(x);
      }
    }
  }
  return order;
}

/** How runGraph runs: the training flag, and which outputs to leave as softmax logits. */
export interface RunOptions {
  training: boolean;
  logits?: readonly boolean[];
  /** The inputs' masks, in input order (a model run as a layer gets its input's mask), and where to put the outputs'. */
  inputMasks?: readonly (Tensor | null)[];
  outputMasks?: (Tensor | null)[];
}

/**
 * The graph's output shapes (no batch dim) for inputs of these shapes, each layer checking its input as apply checks
 * it: TF.js applies a model to any input its layers take (a dense built for [4] takes [1, 4]). Throws the first
 * layer's refusal.
 */
export function graphOutputShapes(g: Graph, given: readonly number[][]): number[][] {
  const shapes = new Map<number, number[]>(g.inputs.map((t, i) => [t.id, given[i]]));
  for (const node of g.nodes) {
    const layer = layerOf(node);
    if (layer instanceof InputLayer) continue;
    const out = layer.shapeAfter(node.inputs.map((t) => shapes.get(t.id) as number[]));
    const outs = node.outputs.length > 1 ? (out as number[][]) : [out as number[]];
    node.outputs.forEach((t, k) => shapes.set(t.id, outs[k]));
  }
  return g.outputs.map((t) => shapes.get(t.id) as number[]);
}

/**
 * Runs the graph on concrete inputs (in the model's input order) and returns the outputs. A layer whose output
 * feeds only the next layer may run fused with it (conv + relu + max-pool).
 */
export function runGraph(g: Graph, xs: readonly Tensor[], options: RunOptions): Tensor[] {
  const values = new Map<number, Tensor>();
  const masks = new Map<number, Tensor | null>();
  // As TF.js's executor feeds a model: an input of another dtype is cast to the input's (int32 ids to a float32 input).
  g.inputs.forEach((t, i) => values.set(t.id, xs[i].dtype === t.dtype ? xs[i] : cast(xs[i], t.dtype)));
  g.inputs.forEach((t, i) => {
    const mask = options.inputMasks?.[i];
    if (mask) masks.set(t.id, mask);
  });
  const logitsOf = new Set<number>();
  g.outputs.forEach((t, i) => {
    if (options.logits?.[i]) logitsOf.add(t.id);
  });
  const outputIds = new Set(g.outputs.map((t) => t.id));
  const computedOutputs = new Map<number, Tensor>();
  const done = new Set<LayerNode>();
  // As TF.js's executor: once some layer's input has a mask, every later layer is called with the latest such
  // mask, even after a layer that drops it (an RNN without returnSequences, repeatVector). A layer's output
  // mask comes from its own first input's mask (a merge's from all of them), and only where it supports masking.
  let callMask: Tensor | null = null;
  const order = g.runOrder;
  order.forEach((node, k) => {
    if (done.has(node) || node.inputs.length === 0) return;
    const layer = layerOf(node);
    const ins = node.inputs.map((t) => values.get(t.id) as Tensor);
    const inMask = masks.get(node.inputs[0].id) ?? null;
    if (node.inputs.some((t) => masks.get(t.id))) callMask = inMask;
    const next = order[k + 1];
    // Fusion: a single-input, single-output node whose output feeds only the next node.
    if (!callMask && next && ins.length === 1 && ins[0].dtype === layer.dtype && node.outputs.length === 1 && next.inputs.length === 1 && next.outputs.length === 1
      && next.inputs[0] === node.outputs[0] && g.consumers.get(node.outputs[0].id) === 1 && !outputIds.has(node.outputs[0].id)
      && Object.keys(node.kwargs).length === 0 && Object.keys(next.kwargs).length === 0 && !logitsOf.has(next.outputs[0].id)) {
      const fused = layer.applyWithNext(ins[0], layerOf(next), options.training);
      if (fused) {
        values.set(next.outputs[0].id, fused);
        done.add(next);
        return;
      }
    }
    const many = layer.takesList() || layer.getsInputList();
    const logits = node.outputs.length === 1 && logitsOf.has(node.outputs[0].id);
    // Outside training the flag is left out, as TF.js's executor leaves it (a user layer's call sees it undefined).
    const kwargs = { ...node.kwargs, training: options.training || undefined, logits, mask: many && !layer.getsInputList() ? null : callMask };
    const out = layer.apply((many || ins.length > 1 ? ins : ins[0]) as Tensor[], kwargs);
    const outs = (Array.isArray(out) ? out : [out]) as Tensor[];
    // A layer taking a list gets every input's mask (a merge combines them), as TF.js's executor gives them.
    const inMasks = node.inputs.map((t) => masks.get(t.id) ?? null);
    const computed = many ? layer.outputMask(ins, inMasks) : layer.outputMask(ins[0], inMask);
    // Of a mask per output (an RNN's with returnState), every output gets the first, as TF.js's executor gives them.
    const outMask = Array.isArray(computed) ? computed[0] : computed;
    node.outputs.forEach((t, i) => {
      // As TF.js's executor feeds a layer's output on: cast to its symbolic tensor's dtype (float32, so an int32
      // flatten or merge output reaches the next layer as float32), but never float64 down (a weightless layer or
      // a nested model of float32 dtype between float64 layers computes float64); the model's own outputs are given
      // as computed.
      const kept = outs[i].dtype === t.dtype || (outs[i].dtype === 'float64' && t.dtype === 'float32');
      values.set(t.id, kept ? outs[i] : cast(outs[i], t.dtype));
      if (outputIds.has(t.id)) computedOutputs.set(t.id, outs[i]);
      if (outMask) masks.set(t.id, outMask);
    });
  });
  if (options.outputMasks) options.outputMasks.splice(0, Infinity, ...g.outputs.map((t) => masks.get(t.id) ?? null));
  return g.outputs.map((t) => (computedOutputs.get(t.id) ?? values.get(t.id)) as Tensor);
}
