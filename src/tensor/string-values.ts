// A string tensor's values, held on the host as TF.js holds them on every backend: each element's UTF-8 bytes.
// The tensor's storage is an empty array that keys them here, so a tensor sharing that storage (a reshape, a clone)
// shares its strings as TF.js shares the dataId, and no backend ever receives strings to compute on.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
const held = new WeakMap<object, readonly Uint8Array[]>();

/** A string's UTF-8 bytes, as TF.js's util.encodeString. */
export function encodeString(s: string): Uint8Array {
  return encoder.encode(s);
}

/** UTF-8 bytes as text (invalid sequences as U+FFFD), as TF.js's util.decodeString. */
export function decodeString(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** @internal New storage for a string tensor holding `values` (taken, not copied: never mutate them). */
export function stringStorage(values: readonly Uint8Array[]): Uint8Array {
  const storage = new Uint8Array(0);
  held.set(storage, values);
  return storage;
}

/** @internal The encoded strings a string tensor's storage holds. */
export function stringsIn(storage: object): readonly Uint8Array[] {
  const values = held.get(storage);
  if (!values) throw new Error('tessera: a string tensor lost its values (its storage was replaced)');
  return values;
}

/** The bytes TF.js's memory() counts for strings: the sum of their UTF-8 lengths. */
export function stringBytes(values: readonly Uint8Array[]): number {
  let n = 0;
  for (const v of values) n += v.length;
  return n;
}
