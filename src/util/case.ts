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

/** Keys whose string value names something (a layer, a class, a dtype policy), kept as written. */
const NAMING_KEYS = new Set(['name', 'class_name']);
/** NAME_LISTS in snake_case. */
const SNAKE_NAME_LISTS = new Set(['inbound_nodes', 'input_layers', 'output_layers']);
/** The keys of a user class's config that the loader itself reads (the input it declares), in Keras's spelling. */
const DECLARED_INPUT_KEYS: Record<string, string> = { batchInputShape: 'batch_input_shape', inputShape: 'input_shape', batchSize: 'batch_size' };

/** A key or value in snake_case; one with no capital is kept as written (toSnakeCase would rename '__proto__'). */
const snakeOf = (s: string): string => (/[A-Z]/.test(s) ? toSnakeCase(s) : s);

function snakeSpelled(config: ConfigValue, key: string, keepsConfig: (className: string) => boolean): ConfigValue {
  if (config === null || config === undefined) return config;
  if (typeof config === 'string') return NAMING_KEYS.has(key) ? config : snakeOf(config);
  if (typeof config !== 'object') return config;
  if (Array.isArray(config)) return config.map((v, i) => (i === 0 && typeof v === 'string' && SNAKE_NAME_LISTS.has(key) ? v : snakeSpelled(v, key, keepsConfig)));
  const className = config.class_name ?? config.className;
  const kept = typeof className === 'string' && keepsConfig(className);
  return Object.fromEntries(Object.entries(config).map(([k, v]) => {
    const snake = snakeOf(k);
    if (snake === 'config' && kept && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return [snake, Object.fromEntries(Object.entries(v).map(([ck, cv]) => [Object.hasOwn(DECLARED_INPUT_KEYS, ck) ? DECLARED_INPUT_KEYS[ck] : ck, cv]))];
    }
    return [snake, snakeSpelled(v, snake, keepsConfig)];
  }));
}

/**
 * A model topology in Keras's spelling. TF.js camelCases every key and string value it reads, so a topology written
 * in camelCase (getConfig()'s spelling, or a hand-written one, wholly or in part) loads there; here it is respelled in
 * snake_case, with names kept (a `name`, a class name, and the layer names leading the lists of node references and of
 * a model's inputs and outputs) and the config of a class `keepsConfig` names (a user's registered class, which reads
 * its own config) kept as written but for the input it declares. A topology already in Keras's spelling is returned
 * as it is.
 */
export function kerasSpelling(topology: ConfigValue, keepsConfig: (className: string) => boolean): ConfigValue {
  const respelled = snakeSpelled(topology, '', keepsConfig);
  return JSON.stringify(respelled) === JSON.stringify(topology) ? topology : respelled;
}
