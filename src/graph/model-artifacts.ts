import type { Tensor } from '../tensor/tensor';
import { badValue, describe, isRecord, own, requireRecord, requireString } from '../io/json-checks';
import { checkByteLength, decodeWeights, readWeightSpecs, weightBytes } from '../io/weights';
import { readLibrary, type GraphFunction } from './function-def';
import { parseOutputName, readGraphDef, type GraphDef, type GraphNode } from './graph-def';
import type { OpSpec } from './op-spec';
import { opFor } from './op-table';

/** A model input or output: the key users pass (a signature key, else the node's name) and the tensor it names. */
export interface IONode {
  key: string;
  /** 'node' or 'node:1': what the executor feeds or reads. */
  tensor: string;
  node: GraphNode;
}

/** A library function and the op of each of its nodes but the arguments and Consts. */
export interface FunctionParts {
  fn: GraphFunction;
  specs: Map<string, OpSpec>;
}

/** A graph model's artifacts, checked, with its weights decoded. */
export interface GraphModelParts {
  graph: GraphDef;
  /** The op of every node but the Placeholders and Consts. */
  specs: Map<string, OpSpec>;
  /** The functions of modelTopology.library (TF2's If and While bodies), by name. */
  library: Map<string, FunctionParts>;
  weights: Map<string, Tensor>;
  inputs: IONode[];
  outputs: IONode[];
  signature?: Record<string, unknown>;
  structuredOutputKeys?: string[];
}

/**
 * Checks the artifacts of a tfjs-converter graph model (format 'graph-model', a GraphDef as modelTopology) and
 * decodes its weights, last, so that a refused model leaves nothing allocated. Every node's op is checked here: an op
 * tessera does not run fails the load, naming the node, rather than a later run.
 */
export function readGraphModel(op: string, artifacts: unknown): GraphModelParts {
  const a = requireRecord(op, 'artifacts', artifacts);
  const format = own(a, 'format');
  const topology = own(a, 'modelTopology');
  if (format === 'layers-model' || (isRecord(topology) && (own(topology, 'class_name') !== undefined || own(topology, 'model_config') !== undefined))) {
    throw new Error(`${op}: this is a layers model (format ${describe(format)}, a Keras topology with class_name), not a graph model; load it with tn.loadLayersModel`);
  }
  if (format !== undefined && format !== 'graph-model') throw badValue(op, 'format', format, "'graph-model' (a TF.js converter graph model)");
  const graphDef = requireRecord(op, 'modelTopology', topology);
  const graph = readGraphDef(op, graphDef);
  const functions = readLibrary(op, graphDef);
  const specs = specsOf(graph, functions);
  const library = new Map([...functions].map(([name, fn]) => [name, { fn, specs: specsOf(fn.graph, functions) }]));
  const weightSpecs = readWeightSpecs(op, 'weightSpecs', own(a, 'weightSpecs') ?? []);
  const data = weightBytes(op, 'weightData', own(a, 'weightData'));
  checkByteLength(op, 'weightData', weightSpecs, data.byteLength);
  const byName = new Map(weightSpecs.map((s) => [s.name, s]));
  if (byName.size !== weightSpecs.length) {
    const twice = weightSpecs.find((s, i) => weightSpecs.findIndex((t) => t.name === s.name) !== i);
    throw badValue(op, 'weightSpecs', twice?.name, 'weights with distinct names (a graph model names each by its Const node)');
  }
  for (const node of [graph, ...[...functions.values()].map((f) => f.graph)].flatMap((g) => [...g.nodes.values()])) {
    if (node.op !== 'Const') continue;
    const spec = byName.get(node.name);
    if (spec === undefined) throw new Error(`${node.where}: no weight is named '${node.name}' (a graph model keeps every Const's value in its weights, named by the node)`);
    const dtype = node.attrs.dtype('dtype');
    if (dtype !== undefined && dtype !== spec.dtype) throw new Error(`${node.where}: attr 'dtype' says ${dtype} but its weight is ${spec.dtype}`);
  }
  const metadata = own(a, 'userDefinedMetadata');
  // As TF.js: a signature in userDefinedMetadata wins over the artifacts' own.
  const signatureValue = (isRecord(metadata) ? own(metadata, 'signature') : undefined) ?? own(a, 'signature');
  const signature = signatureValue == null ? undefined : requireRecord(op, 'signature', signatureValue);
  const structured = isRecord(metadata) ? own(metadata, 'structuredOutputKeys') : undefined;
  if (structured !== undefined && !(Array.isArray(structured) && structured.every((k) => typeof k === 'string'))) {
    throw badValue(op, 'userDefinedMetadata.structuredOutputKeys', structured, 'an array of output names');
  }
  const inputs = signatureNodes(op, graph, signature, 'inputs') ?? [...graph.nodes.values()].filter((n) => n.op.startsWith('Placeholder')).map(plain);
  const outputs = signatureNodes(op, graph, signature, 'outputs') ?? leaves(graph).map(plain);
  const tensors = decodeWeights(weightSpecs, data);
  const weights = new Map(weightSpecs.map((s, i) => [s.name, tensors[i]]));
  return { graph, specs, library, weights, inputs, outputs, ...(signature ? { signature } : {}), ...(structured ? { structuredOutputKeys: structured as string[] } : {}) };
}

/**
 * The op of each node of a graph but its Placeholders and Consts, checked; a Placeholder's attrs are read now, so that
 * a bad dtype or shape fails the load rather than the first run.
 */
function specsOf(graph: GraphDef, library: ReadonlyMap<string, GraphFunction>): Map<string, OpSpec> {
  const specs = new Map<string, OpSpec>();
  for (const node of graph.nodes.values()) {
    if (node.op === 'Placeholder') {
      node.attrs.dtype('dtype');
      node.attrs.shape('shape');
    } else if (node.op !== 'Const') specs.set(node.name, opFor(node, library));
  }
  return specs;
}

const plain = (node: GraphNode): IONode => ({ key: node.name, tensor: node.name, node });

/** Nodes no other node reads (by data or control input): the outputs of a graph without a signature, as TF.js finds them. */
function leaves(graph: GraphDef): GraphNode[] {
  const read = new Set<string>();
  for (const node of graph.nodes.values()) for (const name of [...node.inputs.map((r) => r.node), ...node.control]) read.add(name);
  return [...graph.nodes.values()].filter((n) => !read.has(n.name));
}

/** The signature's inputs or outputs ({key: {name: 'node:0'}}) whose nodes exist, or undefined when it lists none. */
function signatureNodes(op: string, graph: GraphDef, signature: Record<string, unknown> | undefined, side: 'inputs' | 'outputs'): IONode[] | undefined {
  const entries = signature === undefined ? undefined : own(signature, side);
  if (entries == null) return undefined;
  const where = `signature.${side}`;
  const found = Object.entries(requireRecord(op, where, entries)).flatMap(([key, info]) => {
    const tensor = requireString(op, `${where}.${key}.name`, own(requireRecord(op, `${where}.${key}`, info), 'name'));
    const node = graph.nodes.get(parseOutputName(tensor).node);
    return node ? [{ key, tensor, node }] : [];
  });
  return found.length > 0 ? found : undefined;
}
