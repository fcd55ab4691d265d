import { InputLayer } from '../layers/input-layer';
import { Layer } from '../layers/layer';
import { layerFromDict } from '../layers/serialization';
import type { SymbolicTensor } from '../layers/symbolic';
import { argError, fmtValue } from '../util/validate';
import { freedOnFailure } from './freed-on-failure';
import { outputOf, replayNodes, type NodeOutputs, type NodeRef, type PendingNode } from './replay-nodes';

/** A functional model's graph made again from its getConfig(): its inputs, outputs and name. */
export interface FunctionalGraph {
  inputs: SymbolicTensor[];
  outputs: SymbolicTensor[];
  name?: string;
}

/** A node's references as getConfig() writes them ([layerName, nodeIndex, tensorIndex, kwargs?]), or null. */
function readRefs(refs: unknown): NodeRef[] | null {
  if (!Array.isArray(refs) || refs.length === 0 || !refs.every((ref) => Array.isArray(ref))) return null;
  return refs.map((ref: unknown[]) => [ref[0], ref[1], ref[2], ref[3] ?? {}] as NodeRef);
}

/**
 * As TF.js's Container.fromConfig: each entry of getConfig()'s `layers` made by its class's fromConfig, then applied
 * to its inbound nodes once their inputs exist; `inputLayers` and `outputLayers` pick the model's ends. A layer's
 * first node is `startNode(layer)` where it has one of its own (a nested model's inputs-to-outputs node).
 */
export function functionalGraphFromConfig(op: string, config: Record<string, unknown>, startNode: (layer: Layer) => SymbolicTensor[] | null): FunctionalGraph {
  const entries = config.layers;
  if (!Array.isArray(entries)) throw argError(op, 'config.layers', fmtValue(entries), 'an array of {name, className, config, inboundNodes} entries, as model.getConfig() gives them');
  for (const key of ['inputLayers', 'outputLayers']) {
    if (!Array.isArray(config[key])) throw argError(op, `config.${key}`, fmtValue(config[key]), 'an array of [layerName, nodeIndex, tensorIndex]');
  }
  const made: Layer[] = [];
  return freedOnFailure(made, () => graphOf(op, config, entries, startNode, made));
}

/** functionalGraphFromConfig's work, pushing each layer it makes onto `made`. */
function graphOf(op: string, config: Record<string, unknown>, entries: unknown[], startNode: (layer: Layer) => SymbolicTensor[] | null, made: Layer[]): FunctionalGraph {
  const unresolved = (at: string, refs: unknown) => argError(op, at, fmtValue(refs), 'references to layers and nodes that exist (the graph cannot be completed)');
  const outputsOf: NodeOutputs = new Map();
  const pending: PendingNode[] = [];
  entries.forEach((entry, i) => {
    const at = `config.layers[${i}]`;
    const layer = layerFromDict(op, at, entry);
    if (!(layer instanceof Layer)) throw argError(op, at, fmtValue(entry), 'a {name, className, config, inboundNodes} layer entry');
    made.push(layer);
    const start = layer instanceof InputLayer ? [layer.output] : startNode(layer);
    outputsOf.set(layer.name, start ? [start] : []);
    const nodes = (entry as { inboundNodes?: unknown }).inboundNodes ?? [];
    if (!Array.isArray(nodes)) throw argError(op, `${at}.inboundNodes`, fmtValue(nodes), 'an array of nodes');
    nodes.forEach((given, k) => {
      const refs = readRefs(given);
      if (!refs) throw unresolved(`${at}.inboundNodes[${k}]`, given);
      pending.push({ layer, name: layer.name, at: `${at}.inboundNodes[${k}]`, index: (start ? 1 : 0) + k, refs });
    });
  });
  replayNodes(pending, outputsOf, (p) => unresolved(p.at, p.refs), (_p, e) => e);
  const ends = (key: 'inputLayers' | 'outputLayers') => {
    return (config[key] as unknown[]).map((ref, i) => {
      const t = Array.isArray(ref) ? outputOf(outputsOf, ref as NodeRef) : undefined;
      if (!t) throw argError(op, `config.${key}[${i}]`, fmtValue(ref), 'a reference to an existing layer output');
      return t;
    });
  };
  return { inputs: ends('inputLayers'), outputs: ends('outputLayers'), name: typeof config.name === 'string' ? config.name : undefined };
}
