/** A JSON value: null, a string, a finite-or-not number, a boolean, an array of them or a plain object of them. */
function isPlainJson(x: unknown): boolean {
  if (x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return true;
  if (Array.isArray(x)) return x.every(isPlainJson);
  if (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) return Object.values(x as object).every(isPlainJson);
  return false;
}

/**
 * The user's metadata of a model (model.setUserDefinedMetadata, and what loading reads back): a plain JSON object,
 * with TF.js's error otherwise.
 */
export function checkUserDefinedMetadata(metadata: unknown): object {
  if (metadata === null || typeof metadata !== 'object' || Object.getPrototypeOf(metadata) !== Object.prototype || !isPlainJson(metadata)) {
    throw new Error('User-defined metadata is expected to be a JSON object, but is not.');
  }
  return metadata;
}

/** The longest serialized metadata TF.js saves without a warning. */
const MAX_SERIALIZED_LENGTH = 1024 * 1024;

/** Warns, in TF.js's words, when the metadata a model is saved with is larger than TF.js recommends. */
export function warnIfLargeMetadata(metadata: object, modelName: string): void {
  const length = JSON.stringify(metadata).length;
  if (length > MAX_SERIALIZED_LENGTH) {
    console.warn(`User-defined metadata of model "${modelName}" is too large in size (length=${length} when serialized). It is not recommended to store such large objects in user-defined metadata. Please make sure its serialized length is <= ${MAX_SERIALIZED_LENGTH}.`);
  }
}
