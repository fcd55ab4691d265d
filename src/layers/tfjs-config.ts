import { tsConfig, type ConfigValue } from '../util/case';

// layer.getConfig() as TF.js returns it: the saved (Keras, snake_case) config read back the way TF.js reads a
// model.json (convertPythonicToTs: keys and string values camelCased, names kept), with an initializer described
// as TF.js describes its own: an unset seed null for VarianceScaling and undefined elsewhere.

type Json = ConfigValue;
type Config = Record<string, unknown>;

function initializerView(className: string, config: { [k: string]: Json }): Json {
  const view = { ...config };
  if (className !== 'VarianceScaling' && view.seed === null) view.seed = undefined;
  return { className, config: view };
}

/** A camelCased config with each initializer (under a key ending in Initializer) in TF.js's description. */
function withInitializerViews(value: Json, key: string): Json {
  if (Array.isArray(value)) return value.map((v) => withInitializerViews(v, key));
  if (value === null || typeof value !== 'object') return value;
  if (key.endsWith('Initializer') && typeof value.className === 'string') return initializerView(value.className, (value.config ?? {}) as { [k: string]: Json });
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withInitializerViews(v, k)]));
}

/** A saved layer config as TF.js's getConfig gives it; dtype only where an input shape was declared, as TF.js. */
export function tfjsLayerConfig(saved: Config, declaresInput: boolean): Config {
  const view = withInitializerViews(tsConfig(saved as ConfigValue), '') as Config;
  if (!declaresInput) delete view.dtype;
  // TF.js's getConfig names an activation by its class name, which for gelu_new keeps the underscore camelCasing drops.
  for (const key of ['activation', 'recurrentActivation']) if (view[key] === 'geluNew') view[key] = 'gelu_new';
  return view;
}
