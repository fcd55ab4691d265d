import type { Tensor } from '../tensor/tensor';
import { badValue, describe, isRecord, own, requireRecord, requireString } from '../io/json-checks';
import { checkByteLength, decodeWeights, readWeightSpecs, weightBytes } from '../io/weights';
import { decodeAnyWeights, isExtraSpec } from '../io/weights-public';
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
  /** For an input that takes a resource (a hash table) the initializer gives: its id; the model feeds it itself. */
  resourceId?: number;
}

/** A library function and the op of each of its nodes but the arguments and Consts. */
export interface FunctionParts {
  fn: GraphFunction;
  specs: Map<string, OpSpec>;
}

/** A GraphDef, checked: its nodes, the op of each but the Placeholders and Consts, and its library's functions. */
export interface GraphParts {
  graph: GraphDef;
  specs: Map<string, OpSpec>;
  /** The functions of its library (TF2's If and While bodies), by name. */
  library: Map<string, FunctionParts>;
}

/** A graph model's artifacts, checked, with its weights decoded. */
export interface GraphModelParts extends GraphParts {
  /** modelInitializer: the graph that fills the model's hash tables, run before the model's first run. */
  initializer?: GraphParts;
  /** The initializer's outputs, each a resource (a table) that the signature's inputs of the same resourceId take. */
  initializerOutputs?: ResourceOutput[];
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
  const main = readGraph(op, requireRecord(op, 'modelTopology', topology), 'modelTopology', 'node');
  const init = own(a, 'modelInitializer');
  // As TF.js: an initializer without nodes is none.
  const initializer = isRecord(init) && own(init, 'node') != null ? readGraph(op, init, 'modelInitializer', 'initializer node') : undefined;
  const initializerOutputs = initializer && resourceOutputs(op, own(a, 'initializerSignature'), initializer.graph);
  const rawSpecs = own(a, 'weightSpecs') ?? [];
  // String weights (a hash table's keys) have no fixed size: such a manifest is checked as it is decoded, at the end.
  const mixed = Array.isArray(rawSpecs) && rawSpecs.some(isExtraSpec);
  const checked = mixed ? undefined : readWeightSpecs(op, 'weightSpecs', rawSpecs);
  const weightSpecs = checked ?? declared(op, rawSpecs as unknown[]);
  const data = checked && weightBytes(op, 'weightData', own(a, 'weightData'));
  if (checked && data) checkByteLength(op, 'weightData', checked, data.byteLength);
  const byName = new Map(weightSpecs.map((s) => [s.name, s]));
  if (byName.size !== weightSpecs.length) {
    const twice = weightSpecs.find((s, i) => weightSpecs.findIndex((t) => t.name === s.name) !== i);
    throw badValue(op, 'weightSpecs', twice?.name, 'weights with distinct names (a graph model names each by its Const node)');
  }
  const graphs = [main, ...(initializer ? [initializer] : [])].flatMap((g) => [g.graph, ...[...g.library.values()].map((f) => f.fn.graph)]);
  for (const node of graphs.flatMap((g) => [...g.nodes.values()])) {
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
  const graph = main.graph;
  const inputs = signatureNodes(op, graph, signature, 'inputs') ?? [...graph.nodes.values()].filter((n) => n.op.startsWith('Placeholder')).map(plain);
  const outputs = signatureNodes(op, graph, signature, 'outputs') ?? leaves(graph).map(plain);
  const weights = checked && data
    ? new Map(decodeWeights(checked, data).map((t, i) => [checked[i].name, t]))
    : new Map(Object.entries(decodeAnyWeights(op, own(a, 'weightData'), rawSpecs, false)));
  return { ...main, ...(initializer ? { initializer, initializerOutputs } : {}), weights, inputs, outputs, ...(signature ? { signature } : {}), ...(structured ? { structuredOutputKeys: structured as string[] } : {}) };
}

/** A GraphDef read and checked: nodes, library and every node's op. */
function readGraph(op: string, def: Record<string, unknown>, at: string, kind: string): GraphParts {
  const graph = readGraphDef(op, def, at, kind);
  const functions = readLibrary(op, def, at);
  return { graph, specs: specsOf(graph, functions), library: new Map([...functions].map(([name, fn]) => [name, { fn, specs: specsOf(fn.graph, functions) }])) };
}

/** A signature entry's resourceId: an integer, or undefined where it has none. */
function resourceIdOf(op: string, at: string, entry: Record<string, unknown>): number | undefined {
  const id = own(entry, 'resourceId');
  if (id == null) return undefined;
  if (typeof id !== 'number' || !Number.isInteger(id)) throw badValue(op, `${at}.resourceId`, id, 'an integer resource id');
  return id;
}

/** A resource the initializer gives: the tensor name it is read from, and the resourceId that matches it to an input. */
export interface ResourceOutput {
  tensor: string;
  resourceId: number;
}

/**
 * The initializer's outputs by initializerSignature ({outputs: {key: {name, resourceId}}}), each checked to name a node
 * of the initializer; without a signature, none (the initializer's leaves are run for their effects).
 */
function resourceOutputs(op: string, signature: unknown, graph: GraphDef): ResourceOutput[] {
  if (signature == null) return [];
  const entries = own(requireRecord(op, 'initializerSignature', signature), 'outputs') ?? {};
  return Object.entries(requireRecord(op, 'initializerSignature.outputs', entries)).map(([key, info]) => {
    const at = `initializerSignature.outputs.${key}`;
    const entry = requireRecord(op, at, info);
    const tensor = requireString(op, `${at}.name`, own(entry, 'name'));
    if (!graph.nodes.has(parseOutputName(tensor).node)) throw badValue(op, `${at}.name`, tensor, 'a tensor of the initializer graph');
    const id = resourceIdOf(op, at, entry);
    if (id === undefined) throw badValue(op, `${at}.resourceId`, id, 'an integer resource id');
    return { tensor, resourceId: id };
  });
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

/** The names and dtypes a manifest declares, read before its weights are decoded (which checks the rest). */
function declared(op: string, specs: unknown[]): Array<{ name: string; dtype: unknown }> {
  return specs.map((s, i) => {
    const spec = requireRecord(op, `weightSpecs[${i}]`, s);
    return { name: requireString(op, `weightSpecs[${i}].name`, own(spec, 'name')), dtype: own(spec, 'dtype') };
  });
}

const plain = (node: GraphNode): IONode => ({ key: node.name, tensor: node.name, node });

/** The names of a graph's leaves. */
export const leafNames = (graph: GraphDef): string[] => leaves(graph).map((n) => n.name);

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
    const entry = requireRecord(op, `${where}.${key}`, info);
    const tensor = requireString(op, `${where}.${key}.name`, own(entry, 'name'));
    const node = graph.nodes.get(parseOutputName(tensor).node);
    const resourceId = resourceIdOf(op, `${where}.${key}`, entry);
    return node ? [{ key, tensor, node, ...(resourceId !== undefined ? { resourceId } : {}) }] : [];
  });
  return found.length > 0 ? found : undefined;
}
