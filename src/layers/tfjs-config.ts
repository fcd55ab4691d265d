import { toCamelCase } from '../util/case';

// layer.getConfig() as TF.js returns it: the saved (Keras, snake_case) config read back the way TF.js reads a
// model.json (convertPythonicToTs: keys and string values camelCased, names kept), with an initializer described
// as TF.js describes its own: glorotUniform and heNormal as VarianceScaling, an unset seed null there and
// undefined elsewhere.

type Json = unknown;
type Config = Record<string, unknown>;

/** Names that stay as written: a layer's name, and the layer names leading inbound-node and input/output entries. */
const NAME_LISTS = new Set(['inboundNodes', 'inputLayers', 'outputLayers']);

/** tessera's initializers saved under Keras's names that TF.js describes as VarianceScaling. */
const AS_VARIANCE_SCALING: Record<string, { scale: number; mode: string; distribution: string }> = {
  GlorotUniform: { scale: 1, mode: 'fanAvg', distribution: 'uniform' },
  HeNormal: { scale: 2, mode: 'fanIn', distribution: 'normal' },
};

function initializerView(className: string, config: Record<string, Json>): Record<string, Json> {
  const scaling = AS_VARIANCE_SCALING[className];
  if (scaling) return { className: 'VarianceScaling', config: { ...scaling, seed: config.seed ?? null } };
  const view = { ...config };
  if (className !== 'VarianceScaling' && view.seed === null) view.seed = undefined;
  return { className, config: view };
}

function camel(value: Json, key: string): Json {
  if (typeof value === 'string') return toCamelCase(value);
  if (Array.isArray(value)) return value.map((v, i) => (i === 0 && typeof v === 'string' && NAME_LISTS.has(key) ? v : camel(v, key)));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, Json>);
  const out: Record<string, Json> = {};
  for (const [k, v] of entries) out[k === 'name' ? k : toCamelCase(k)] = k === 'name' && typeof v === 'string' ? v : camel(v, toCamelCase(k));
  const className = (value as Record<string, Json>).class_name;
  if (typeof className === 'string' && key.endsWith('Initializer')) return initializerView(className, (out.config ?? {}) as Record<string, Json>);
  return out;
}

/** A saved layer config as TF.js's getConfig gives it; dtype only where an input shape was declared, as TF.js. */
export function tfjsLayerConfig(saved: Config, declaresInput: boolean): Config {
  const view = camel(saved, '') as Config;
  if (!declaresInput) delete view.dtype;
  return view;
}
