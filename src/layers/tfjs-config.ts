import { toCamelCase, toSnakeCase, tsConfig, type ConfigValue } from '../util/case';
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

/** The saved configs of user layers (their getConfig in snake_case), each with the getConfig it was made from. */
const userConfigs = new WeakMap<object, Config>();

/** @internal Records that `saved` is the snake_case form of a user layer's getConfig `own`. */
export function rememberUserConfig(saved: Config, own: Config): Config {
  userConfigs.set(saved, own);
  return saved;
}

/**
 * Gives each user layer's config in the camelCased view the layer's own getConfig, as TF.js's model.getConfig lists
 * it (camelCasing its snake_case form again would lose capitals: 'MyLabel', size2D), with what the model added to the
 * saved form (a first layer's batchInputShape).
 */
function putUserViews(saved: Json, view: Json): void {
  if (saved === null || typeof saved !== 'object' || view === null || typeof view !== 'object') return;
  if (Array.isArray(saved)) {
    saved.forEach((v, i) => putUserViews(v, (view as Json[])[i]));
    return;
  }
  if (Array.isArray(view)) return;
  for (const [k, v] of Object.entries(saved)) {
    const key = toCamelCase(k);
    const own = v !== null && typeof v === 'object' ? userConfigs.get(v) : undefined;
    if (!own) {
      putUserViews(v, view[key]);
      continue;
    }
    const respelled = new Set(Object.keys(own).map((ownKey) => toCamelCase(toSnakeCase(ownKey))));
    const added = Object.entries(view[key] as Config).filter(([viewKey]) => !respelled.has(viewKey));
    view[key] = { ...own, ...Object.fromEntries(added) } as Json;
  }
}

/** A saved layer config as TF.js's getConfig gives it; dtype only where an input shape was declared, as TF.js. */
export function tfjsLayerConfig(saved: Config, declaresInput: boolean): Config {
  const view = tsConfig(saved as ConfigValue) as Config;
  putInitializerViews(saved as ConfigValue, view as ConfigValue);
  putUserViews(saved as ConfigValue, view as ConfigValue);
  if (!declaresInput) delete view.dtype;
  // TF.js's getConfig names an activation by its class name, which for gelu_new keeps the underscore camelCasing drops.
  for (const key of ['activation', 'recurrentActivation']) if (view[key] === 'geluNew') view[key] = 'gelu_new';
  return view;
}
