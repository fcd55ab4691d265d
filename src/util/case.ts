// The spelling changes between TF.js's camelCase arguments and the snake_case keys of Keras files, by TF.js's rules.

/** 'learning_rate' → 'learningRate', 'beta_1' → 'beta1' (tfjs-layers's toCamelCase). */
export function toCamelCase(identifier: string): string {
  return identifier.replace(/_+(\w|$)/g, (_, c: string) => c.toUpperCase());
}

/** 'sparseCategoricalCrossentropy' → 'sparse_categorical_crossentropy' (tfjs-layers's toSnakeCase). */
export function toSnakeCase(name: string): string {
  const snake = name.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return snake.startsWith('_') ? `private${snake}` : snake;
}

/** A JSON-like config value. */
export type ConfigValue = string | number | boolean | null | undefined | ConfigValue[] | { [key: string]: ConfigValue };

/**
 * A camelCase config as model.json holds it (tfjs-layers's convertTsToPythonic): keys and string values in snake_case,
 * except a string `name` or `className`; undefined becomes null.
 */
export function pythonicConfig(config: ConfigValue): ConfigValue {
  if (config === null || config === undefined) return null;
  if (typeof config === 'string') return toSnakeCase(config);
  if (typeof config !== 'object') return config;
  if (Array.isArray(config)) return config.map(pythonicConfig);
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [toSnakeCase(k), (k === 'name' || k === 'className') && typeof v === 'string' ? v : pythonicConfig(v)]));
}

/** Lists whose first entry is a layer's name, kept as written: a node reference, a model's input and output entries. */
const NAME_LISTS = new Set(['inboundNodes', 'inputLayers', 'outputLayers']);

/**
 * The camelCase config of a saved one (tfjs-layers's convertPythonicToTs): keys and string values camelCased,
 * except names (a `name`, and the layer names leading the lists in NAME_LISTS); null for nothing.
 */
export function tsConfig(config: ConfigValue, key = ''): ConfigValue {
  if (config === null || config === undefined) return null;
  if (typeof config === 'string') return toCamelCase(config);
  if (typeof config !== 'object') return config;
  if (Array.isArray(config)) return config.map((v, i) => (i === 0 && typeof v === 'string' && NAME_LISTS.has(key) ? v : tsConfig(v, key)));
  return Object.fromEntries(Object.entries(config).map(([k, v]) => (k === 'name' && typeof v === 'string' ? [k, v] : [toCamelCase(k), tsConfig(v, toCamelCase(k))])));
}
