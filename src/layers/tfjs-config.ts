import { toCamelCase, tsConfig, type ConfigValue } from '../util/case';
import { initializerView } from './initializers';

// layer.getConfig() as TF.js returns it: the saved (Keras, snake_case) config read back the way TF.js reads a
// model.json (convertPythonicToTs: keys and string values camelCased, names kept), with each initializer described
// by its own getConfig, as TF.js describes it (an unset seed undefined, where the saved form writes null).

type Json = ConfigValue;
type Config = Record<string, unknown>;

/** Gives each initializer in the camelCased view its own getConfig, found by walking the saved config beside it. */
function putInitializerViews(saved: Json, view: Json): void {
  if (saved === null || typeof saved !== 'object' || view === null || typeof view !== 'object') return;
  const own = initializerView(saved);
  if (own && !Array.isArray(view)) view.config = own;
  else if (Array.isArray(saved)) saved.forEach((v, i) => putInitializerViews(v, (view as Json[])[i]));
  else if (!Array.isArray(view)) for (const [k, v] of Object.entries(saved)) putInitializerViews(v, view[toCamelCase(k)]);
}

/** A saved layer config as TF.js's getConfig gives it; dtype only where an input shape was declared, as TF.js. */
export function tfjsLayerConfig(saved: Config, declaresInput: boolean): Config {
  const view = tsConfig(saved as ConfigValue) as Config;
  putInitializerViews(saved as ConfigValue, view as ConfigValue);
  if (!declaresInput) delete view.dtype;
  // TF.js's getConfig names an activation by its class name, which for gelu_new keeps the underscore camelCasing drops.
  for (const key of ['activation', 'recurrentActivation']) if (view[key] === 'geluNew') view[key] = 'gelu_new';
  return view;
}
