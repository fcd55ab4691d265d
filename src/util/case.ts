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

/**
 * A saved (Keras, snake_case) config in TF.js's own spelling, by tfjs-layers's convertPythonicToTs: keys and string
 * values in camelCase ('channels_last' → 'channelsLast'), except names, and except the layer names that start the
 * node references of a model's topology.
 */
export function pythonicToTs(value: unknown, key?: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return toCamelCase(value);
  if (Array.isArray(value)) {
    const namesFirst = key === 'inboundNodes' || key === 'inputLayers' || key === 'outputLayers';
    return value.map((v, i) => (namesFirst && i === 0 && typeof v === 'string' ? v : pythonicToTs(v, key)));
  }
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'name' && typeof v === 'string') out[k] = v;
    else out[toCamelCase(k)] = pythonicToTs(v, toCamelCase(k));
  }
  return out;
}
