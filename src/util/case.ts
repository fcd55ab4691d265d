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

/** Whether some key of a config, at any depth, is spelled in camelCase (Keras and TF.js files never do). */
function hasCamelKey(config: ConfigValue): boolean {
  if (config === null || typeof config !== 'object') return false;
  if (Array.isArray(config)) return config.some(hasCamelKey);
  return Object.entries(config).some(([k, v]) => /[A-Z]/.test(k) || hasCamelKey(v));
}

/** Keys whose string value names something (a layer, a class, a dtype policy), kept as written. */
const NAMING_KEYS = new Set(['name', 'class_name']);
/** NAME_LISTS in snake_case. */
const SNAKE_NAME_LISTS = new Set(['inbound_nodes', 'input_layers', 'output_layers']);

function snakeSpelled(config: ConfigValue, key: string): ConfigValue {
  if (config === null || config === undefined) return null;
  if (typeof config === 'string') return NAMING_KEYS.has(key) ? config : toSnakeCase(config);
  if (typeof config !== 'object') return config;
  if (Array.isArray(config)) return config.map((v, i) => (i === 0 && typeof v === 'string' && SNAKE_NAME_LISTS.has(key) ? v : snakeSpelled(v, key)));
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [toSnakeCase(k), snakeSpelled(v, toSnakeCase(k))]));
}

/**
 * A model topology in Keras's spelling. TF.js camelCases every key and string value it reads, so a topology written
 * in camelCase (getConfig()'s spelling, or a hand-written one) loads there; such a one is respelled in snake_case,
 * names kept (a `name`, a class name, and the layer names leading the lists of node references and of a model's
 * inputs and outputs). A topology with no camelCase key is returned as it is.
 */
export function kerasSpelling(topology: ConfigValue): ConfigValue {
  return hasCamelKey(topology) ? snakeSpelled(topology, '') : topology;
}
