import { InputLayer } from '../layers/input-layer';
import { Layer } from '../layers/layer';
import { layerFromDict } from '../layers/serialization';
import type { SymbolicTensor } from '../layers/symbolic';
import { argError, fmtValue } from '../util/validate';

/** A functional model's graph made again from its getConfig(): its inputs, outputs and name. */
export interface FunctionalGraph {
  inputs: SymbolicTensor[];
  outputs: SymbolicTensor[];
  name?: string;
}

type Ref = [string, number, number, Record<string, unknown>?];

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
  const outputsOf = new Map<string, SymbolicTensor[][]>();
  const pending: { layer: Layer; refs: Ref[]; at: string }[] = [];
  entries.forEach((entry, i) => {
    const at = `config.layers[${i}]`;
    const layer = layerFromDict(op, at, entry);
    if (!(layer instanceof Layer)) throw argError(op, at, fmtValue(entry), 'a {name, className, config, inboundNodes} layer entry');
    const start = layer instanceof InputLayer ? [layer.output] : startNode(layer);
    outputsOf.set(layer.name, start ? [start] : []);
    const nodes = (entry as { inboundNodes?: unknown }).inboundNodes ?? [];
    if (!Array.isArray(nodes)) throw argError(op, `${at}.inboundNodes`, fmtValue(nodes), 'an array of nodes');
    nodes.forEach((refs, k) => pending.push({ layer, refs: refs as Ref[], at: `${at}.inboundNodes[${k}]` }));
  });
  const tensorOf = (ref: Ref) => outputsOf.get(ref[0])?.[ref[1]]?.[ref[2]];
  while (pending.length > 0) {
    const k = pending.findIndex((p) => Array.isArray(p.refs) && p.refs.every((ref) => Array.isArray(ref) && tensorOf(ref)));
    if (k < 0) throw argError(op, pending[0].at, fmtValue(pending[0].refs), 'references to layers and nodes that exist (the graph cannot be completed)');
    const { layer, refs } = pending.splice(k, 1)[0];
    const ins = refs.map((ref) => tensorOf(ref) as SymbolicTensor);
    const out = ins.length === 1 ? layer.apply(ins[0], refs[0][3] ?? {}) : layer.apply(ins, refs[0][3] ?? {});
    (outputsOf.get(layer.name) as SymbolicTensor[][]).push(Array.isArray(out) ? out : [out]);
  }
  const ends = (key: 'inputLayers' | 'outputLayers') => {
    return (config[key] as Ref[]).map((ref: Ref, i) => {
      const t = Array.isArray(ref) ? tensorOf(ref) : undefined;
      if (!t) throw argError(op, `config.${key}[${i}]`, fmtValue(ref), 'a reference to an existing layer output');
      return t;
    });
  };
  return { inputs: ends('inputLayers'), outputs: ends('outputLayers'), name: typeof config.name === 'string' ? config.name : undefined };
}
