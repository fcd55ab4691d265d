import { badValue, isRecord, own, requireRecord, requireString } from '../io/json-checks';
import { NodeAttrs } from './attrs';

/** One output of a node: `name` or `name:0` is output 0, `name:1` output 1. */
export interface OutputRef {
  node: string;
  index: number;
}

/** A NodeDef of the GraphDef, checked: data inputs in order, control inputs (`^name`) apart. */
export interface GraphNode {
  name: string;
  op: string;
  inputs: OutputRef[];
  control: string[];
  attrs: NodeAttrs;
  /** How load errors name the node: `loadGraphModel: node 'conv1' (Conv2D)`. */
  where: string;
  /** The node's name in errors without the loading call's: `node 'conv1' (Conv2D)` (a run puts its own before it). */
  label: string;
}

export interface GraphDef {
  /** Every node by name, in the file's order. */
  nodes: Map<string, GraphNode>;
  /** TF.js's modelVersion: `${versions.producer}.${versions.minConsumer}`. */
  version: string;
}

/**
 * A tensor name as TF.js parses it: `node`, `node:1`, or `node:outputName:1` (the last part is the index). TF node
 * names never hold ':', so everything before the first one is the node.
 */
export function parseOutputName(name: string): OutputRef {
  const parts = name.split(':');
  if (parts.length === 1) return { node: name, index: 0 };
  const index = Number(parts[parts.length - 1]);
  return { node: parts[0], index: Number.isInteger(index) && index >= 0 ? index : NaN };
}

/**
 * A GraphDef (a graph model's modelTopology, or `at` another: its modelInitializer), every node and input reference
 * checked; errors name a node as `node 'x'`, or with `kind` before it ('initializer node').
 */
export function readGraphDef(op: string, topology: Record<string, unknown>, at = 'modelTopology', kind = 'node'): GraphDef {
  const list = own(topology, 'node');
  if (!Array.isArray(list)) throw badValue(op, `${at}.node`, list, 'an array of NodeDefs {name, op, input?, attr?}');
  const nodes = readNodes(op, list, `${at}.node`, (name) => `${kind} '${name}'`, parseOutputName);
  checkInputs(nodes);
  return { nodes, version: versionOf(topology) };
}

/**
 * NodeDefs read into `nodes` (which may already hold a function's arguments), each named in errors by `label(name)`
 * and its op, its data inputs parsed by `parseInput` (a GraphDef's 'node:1', a function's 'node:output:0').
 */
export function readNodes(
  op: string, list: unknown[], path: string, label: (name: string) => string,
  parseInput: (name: string) => OutputRef, nodes = new Map<string, GraphNode>(),
): Map<string, GraphNode> {
  list.forEach((value: unknown, i) => {
    const at = `${path}[${i}]`;
    const n = requireRecord(op, at, value);
    const name = requireString(op, `${at}.name`, own(n, 'name'));
    if (name.includes(':') || name.startsWith('^')) throw badValue(op, `${at}.name`, name, "a node name without ':' and not starting with '^'");
    if (nodes.has(name)) throw badValue(op, `${at}.name`, name, 'a name no other node has');
    const kind = requireString(op, `${at}.op`, own(n, 'op'));
    const rawInputs = own(n, 'input') ?? [];
    if (!Array.isArray(rawInputs)) throw badValue(op, `${at}.input`, rawInputs, "an array of input names ('node', 'node:1', '^node')");
    const attr = own(n, 'attr') ?? {};
    if (!isRecord(attr)) throw badValue(op, `${at}.attr`, attr, 'an object of AttrValues by name');
    const inputs: OutputRef[] = [];
    const control: string[] = [];
    rawInputs.forEach((input: unknown, j) => {
      const s = requireString(op, `${at}.input[${j}]`, input);
      if (s.startsWith('^')) control.push(s.slice(1));
      else if (control.length > 0) throw badValue(op, `${at}.input[${j}]`, s, "a control input ('^node'): data inputs come before control inputs");
      else {
        const ref = parseInput(s);
        if (Number.isNaN(ref.index)) throw badValue(op, `${at}.input[${j}]`, s, "'node' or 'node:index' with a non-negative integer index");
        inputs.push(ref);
      }
    });
    const named = `${label(name)} (${kind})`;
    const where = `${op}: ${named}`;
    nodes.set(name, { name, op: kind, inputs, control, attrs: new NodeAttrs(where, attr), where, label: named });
  });
  return nodes;
}

/** Every data and control input names a node of `nodes`. */
export function checkInputs(nodes: ReadonlyMap<string, GraphNode>): void {
  for (const node of nodes.values()) {
    for (const input of [...node.inputs.map((r) => r.node), ...node.control]) {
      if (!nodes.has(input)) throw new Error(`${node.where}: input '${input}' names no node of the graph`);
    }
  }
}

/** TF.js's modelVersion, or TF.js's initial 'n/a' for a GraphDef without versions. */
function versionOf(topology: Record<string, unknown>): string {
  const versions = own(topology, 'versions');
  if (!isRecord(versions)) return 'n/a';
  return `${String(own(versions, 'producer'))}.${String(own(versions, 'minConsumer'))}`;
}
