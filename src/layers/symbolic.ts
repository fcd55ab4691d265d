import type { DType } from '../tensor/tensor';

/** What a node needs of the layer that made it (the Layer class imports this file, so it is described here). */
export interface NodeLayer {
  readonly name: string;
  getClassName(): string;
  readonly inboundNodes: LayerNode[];
  readonly outboundNodes: LayerNode[];
}

let nextNodeId = 0;

/**
 * One application of a layer to symbolic inputs, as Keras's Node: the graph edges of a functional model. It reads as
 * TF.js's Node too (outboundLayer, inboundLayers, nodeIndices, tensorIndices, inputTensors, ...).
 */
export class LayerNode {
  /** Counts the nodes made in the process, as TF.js numbers its nodes. */
  readonly id = nextNodeId++;

  constructor(
    readonly layer: NodeLayer,
    readonly inputs: readonly SymbolicTensor[],
    readonly outputs: readonly SymbolicTensor[],
    /** Extra call arguments given to apply (saved as the fourth element of an inbound node). */
    readonly kwargs: Readonly<Record<string, unknown>>,
  ) {}

  /** The layer applied, as TF.js's node.outboundLayer. */
  get outboundLayer(): NodeLayer {
    return this.layer;
  }

  /** The layers whose outputs this application took, one for each input (a model input's node has none). */
  get inboundLayers(): NodeLayer[] {
    return this.inputs.map((t) => t.sourceLayer);
  }

  /** Which node of each inbound layer made each input. */
  get nodeIndices(): number[] {
    return this.inputs.map((t) => t.nodeIndex);
  }

  /** Which output of that node each input is. */
  get tensorIndices(): number[] {
    return this.inputs.map((t) => t.tensorIndex);
  }

  /** The inputs; an InputLayer's node takes its own output, as TF.js's. */
  get inputTensors(): SymbolicTensor[] {
    return (this.inputs.length === 0 ? this.outputs : this.inputs).slice();
  }

  get outputTensors(): SymbolicTensor[] {
    return this.outputs.slice();
  }

  get inputShapes(): Shape[] {
    return this.inputTensors.map((t) => t.shape.slice());
  }

  get outputShapes(): Shape[] {
    return this.outputs.map((t) => t.shape.slice());
  }

  /** TF.js's nodes record no masks: a list of one null. */
  get inputMasks(): null[] {
    return [null];
  }

  get outputMasks(): null[] {
    return [null];
  }

  /** The call arguments apply was given (none for a model input's node), as TF.js's node.callArgs. */
  get callArgs(): Record<string, unknown> | undefined {
    return this.inputs.length === 0 ? undefined : { ...this.kwargs };
  }

  /** The names of the layers involved and the indices, as TF.js's node.getConfig. */
  getConfig(): { outboundLayer: string; inboundLayers: string[]; nodeIndices: number[]; tensorIndices: number[] } {
    return { outboundLayer: this.layer.name, inboundLayers: this.inboundLayers.map((l) => l.name), nodeIndices: this.nodeIndices, tensorIndices: this.tensorIndices };
  }
}

/** Records an application of a layer: a node inbound to it and outbound from each layer that made an input, as TF.js's. */
export function addNode(layer: NodeLayer, inputs: readonly SymbolicTensor[], outputs: readonly SymbolicTensor[], kwargs: Readonly<Record<string, unknown>>): LayerNode {
  const node = new LayerNode(layer, inputs, outputs, kwargs);
  for (const t of inputs) t.sourceLayer.outboundNodes.push(node);
  layer.inboundNodes.push(node);
  return node;
}

let nextSymbolicId = 0;

/** A shape whose dims may be unknown (null), as TF.js's Shape: a symbolic tensor's, a layer's input or output. */
export type Shape = Array<null | number>;

const namesTaken = new Map<string, number>();

/** name the first time, then name_1, name_2, ... as TF.js numbers its tensor names (a name so made is taken too). */
function uniqueName(name: string): string {
  const seen = namesTaken.get(name) ?? 0;
  namesTaken.set(name, seen + 1);
  if (seen === 0) return name;
  namesTaken.set(`${name}_${seen}`, 1);
  return `${name}_${seen}`;
}

/**
 * A placeholder for a tensor in a functional model, as tf.SymbolicTensor: a shape (the batch dim
 * may be null) and a dtype, made by tn.input() or by applying a layer to other symbolic tensors.
 */
export class SymbolicTensor {
  readonly id = nextSymbolicId++;
  /** Frozen. */
  readonly shape: Shape;
  readonly name: string;
  /** The name before its count was added (TF.js's originalName): `x`, `layer/layer`. */
  readonly originalName: string;

  /** @internal Made by tn.input() and layer.apply(). */
  constructor(
    readonly dtype: DType,
    shape: readonly (number | null)[],
    readonly sourceLayer: NodeLayer,
    readonly nodeIndex: number,
    readonly tensorIndex: number,
  ) {
    // TF.js's public constructor makes a tensor of no layer; tessera's are made where a graph records them.
    if (sourceLayer == null) throw new Error(`SymbolicTensor: sourceLayer must be the layer that makes the tensor (the constructor is internal: make a model input with tn.input({shape}), a layer's output with layer.apply), got ${String(sourceLayer)}`);
    this.shape = Object.freeze(shape.slice()) as Shape;
    // TF.js's names: an input is its layer's name, a layer's output layer/layer; each later one of that name in the
    // process (another input layer of that name, another output, another call) takes a count: x_1, layer/layer_1, ...
    const layer = sourceLayer.name;
    this.originalName = sourceLayer.getClassName() === 'InputLayer' ? layer : `${layer}/${layer}`;
    this.name = uniqueName(this.originalName);
  }

  get rank(): number {
    return this.shape.length;
  }

  /** Which of its layer's outputs this is, as TF.js's outputTensorIndex (tessera's tensorIndex). */
  get outputTensorIndex(): number {
    return this.tensorIndex;
  }

  /** The node that produced this tensor. */
  get node(): LayerNode {
    return this.sourceLayer.inboundNodes[this.nodeIndex];
  }

  /** The tensors its layer was applied to, as TF.js's SymbolicTensor.inputs (none for a model input). */
  get inputs(): SymbolicTensor[] {
    return this.node.inputs.slice();
  }

  /** The call arguments that application was given, as TF.js's SymbolicTensor.callArgs. */
  get callArgs(): Record<string, unknown> {
    return { ...this.node.kwargs };
  }

  toString(): string {
    return `SymbolicTensor(${this.name}, shape=[${this.shape.map((d) => d ?? 'null').join(', ')}], dtype=${this.dtype})`;
  }
}
