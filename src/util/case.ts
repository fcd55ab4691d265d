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
