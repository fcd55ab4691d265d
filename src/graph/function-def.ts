import { badValue, isRecord, own, requireRecord, requireString } from '../io/json-checks';
import { NodeAttrs } from './attrs';
import { checkInputs, readNodes, type GraphDef, type GraphNode, type OutputRef } from './graph-def';

/**
 * A function of the GraphDef's library (what TF2's If, While and calls run): its nodes, with a Placeholder for each
 * argument, named as the argument; the tensors it returns, in the order of its output args.
 */
export interface GraphFunction {
  name: string;
  graph: GraphDef;
  /** The argument nodes, in the signature's order. */
  inputs: string[];
  /** What each output arg returns, as 'node:index'. */
  outputs: string[];
}

/**
 * The output args of the ops with several, each one tensor: a function's nodes name an output as
 * 'node:arg:index', and the index counts within that arg. Ops not listed have one output arg (a list, for Split).
 */
const OUTPUT_ARGS: Record<string, readonly string[]> = {
  Unique: ['y', 'idx'], UniqueV2: ['y', 'idx'], ListDiff: ['out', 'idx'], TopKV2: ['values', 'indices'],
  FusedBatchNorm: ['y', 'batch_mean', 'batch_variance', 'reserve_space_1', 'reserve_space_2'],
  FusedBatchNormV2: ['y', 'batch_mean', 'batch_variance', 'reserve_space_1', 'reserve_space_2'],
  FusedBatchNormV3: ['y', 'batch_mean', 'batch_variance', 'reserve_space_1', 'reserve_space_2', 'reserve_space_3'],
  NonMaxSuppressionV4: ['selected_indices', 'valid_outputs'],
  NonMaxSuppressionV5: ['selected_indices', 'selected_scores', 'valid_outputs'],
  MaxPoolWithArgmax: ['output', 'argmax'],
  SparseFillEmptyRows: ['output_indices', 'output_values', 'empty_row_indicator', 'reverse_index_map'],
  SparseReshape: ['output_indices', 'output_shape'],
  TensorListPopBack: ['output_handle', 'tensor'],
  TensorListConcat: ['tensor', 'lengths'], TensorListConcatV2: ['tensor', 'lengths'],
};

/** The functions of a GraphDef's library (`at` names the GraphDef), by name, each checked as a GraphDef is. */
export function readLibrary(op: string, topology: Record<string, unknown>, at = 'modelTopology'): Map<string, GraphFunction> {
  const functions = new Map<string, GraphFunction>();
  const library = own(topology, 'library');
  if (library == null) return functions;
  const list = own(requireRecord(op, `${at}.library`, library), 'function') ?? [];
  if (!Array.isArray(list)) throw badValue(op, `${at}.library.function`, list, 'an array of FunctionDefs {signature, nodeDef, ret}');
  list.forEach((value: unknown, i) => {
    const fn = readFunction(op, `${at}.library.function[${i}]`, value);
    if (functions.has(fn.name)) throw badValue(op, `${at}.library.function[${i}].signature.name`, fn.name, 'a name no other function has');
    functions.set(fn.name, fn);
  });
  return functions;
}

function readFunction(op: string, at: string, value: unknown): GraphFunction {
  const def = requireRecord(op, at, value);
  const signature = requireRecord(op, `${at}.signature`, own(def, 'signature'));
  const name = requireString(op, `${at}.signature.name`, own(signature, 'name'));
  const label = (node: string) => `function '${name}' node '${node}'`;
  const nodes = new Map<string, GraphNode>();
  const inputs = args(op, `${at}.signature.inputArg`, own(signature, 'inputArg')).map((arg) => {
    if (nodes.has(arg.name)) throw badValue(op, `${at}.signature.inputArg`, arg.name, 'arguments with distinct names');
    const argLabel = `function '${name}' argument '${arg.name}'`;
    const whereArg = `${op}: ${argLabel}`;
    // An argument is fed like a Placeholder of its type.
    nodes.set(arg.name, { name: arg.name, op: 'Placeholder', inputs: [], control: [], attrs: new NodeAttrs(whereArg, { dtype: { type: arg.type } }), where: whereArg, label: argLabel });
    return arg.name;
  });
  const list = own(def, 'nodeDef') ?? [];
  if (!Array.isArray(list)) throw badValue(op, `${at}.nodeDef`, list, 'an array of NodeDefs {name, op, input?, attr?}');
  // Inputs are resolved once every node is read (a node may name one defined after it).
  const pending: Array<{ ref: OutputRef; arg: string; index: number }> = [];
  const parseInput = (s: string): OutputRef => {
    const parts = s.split(':');
    if (parts.length !== 3) return parseOutputNameOf(parts);
    const index = wholeIndex(parts[2]);
    // The flat index is known once the node it names is read.
    const ref = { node: parts[0], index };
    if (!Number.isNaN(index)) pending.push({ ref, arg: parts[1], index });
    return ref;
  };
  readNodes(op, list, `${at}.nodeDef`, label, parseInput, nodes);
  for (const p of pending) p.ref.index = outputIndex(nodes, `${at}.nodeDef`, p.ref.node, p.arg, p.index);
  checkInputs(nodes);
  const ret = own(def, 'ret') ?? {};
  if (!isRecord(ret)) throw badValue(op, `${at}.ret`, ret, 'an object naming the tensor each output arg returns');
  const outputs = args(op, `${at}.signature.outputArg`, own(signature, 'outputArg')).map((arg) => {
    const tensor = requireString(op, `${at}.ret.${arg.name}`, own(ret, arg.name));
    const parts = tensor.split(':');
    const ref = parts.length === 3 ? { node: parts[0], index: outputIndex(nodes, `${at}.ret`, parts[0], parts[1], wholeIndex(parts[2])) } : parseOutputNameOf(parts);
    if (!nodes.has(ref.node) || Number.isNaN(ref.index)) throw badValue(op, `${at}.ret.${arg.name}`, tensor, "an argument or a node output ('node:arg:index') of the function");
    return `${ref.node}:${ref.index}`;
  });
  return { name, graph: { nodes, version: 'n/a' }, inputs, outputs };
}

function args(op: string, at: string, list: unknown): Array<{ name: string; type: unknown }> {
  if (list == null) return [];
  if (!Array.isArray(list)) throw badValue(op, at, list, 'an array of args {name, type}');
  return list.map((a: unknown, i) => {
    const arg = requireRecord(op, `${at}[${i}]`, a);
    return { name: requireString(op, `${at}[${i}].name`, own(arg, 'name')), type: own(arg, 'type') };
  });
}

/** 'node' or 'node:1' (as a GraphDef names them). */
function parseOutputNameOf(parts: string[]): OutputRef {
  return { node: parts[0], index: parts.length === 1 ? 0 : parts.length === 2 ? wholeIndex(parts[1]) : NaN };
}

const wholeIndex = (s: string): number => (/^\d+$/.test(s) ? Number(s) : NaN);

/** The flat output index of `node:arg:index`: the arg's place among the op's output args, plus the index. */
function outputIndex(nodes: ReadonlyMap<string, GraphNode>, at: string, name: string, arg: string, index: number): number {
  const node = nodes.get(name);
  // RaggedGather's splits are a list as long as its attr says, then its values.
  if (node?.op === 'RaggedGather' && arg === 'output_dense_values') return node.attrs.number('OUTPUT_RAGGED_RANK', 1) + index;
  const outputArgs = node === undefined ? undefined : OUTPUT_ARGS[node.op];
  if (outputArgs === undefined) return index;
  const k = outputArgs.indexOf(arg);
  if (k < 0 || index !== 0) throw new Error(`${node!.where}: output '${name}:${arg}:${index}' (read in ${at}) is not one of its outputs (${outputArgs.map((a) => `${a}:0`).join(', ')})`);
  return k;
}
