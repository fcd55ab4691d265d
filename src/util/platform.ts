import { isTypedArray } from './tf-util';
import { argError, describeValue } from './validate';

/**
 * What tf.env().platform gives, as TF.js's Platform: the fetch, clock and text coding of where tessera runs. TF.js
 * lets a program swap it (setPlatform, for React Native); tessera takes these from the runtime it finds.
 */
export interface Platform {
  fetch(path: string, requestInits?: RequestInit): Promise<Response>;
  /** Milliseconds from an arbitrary start, at sub-millisecond resolution. */
  now(): number;
  /** text as UTF-8 bytes ('utf-8' or 'utf8' are the only encodings TextEncoder has). */
  encode(text: string, encoding: string): Uint8Array;
  decode(bytes: Uint8Array, encoding: string): string;
  isTypedArray(a: unknown): a is Float32Array | Int32Array | Uint8Array | Uint8ClampedArray;
}

export const PLATFORM: Platform = {
  fetch(path, requestInits) {
    if (typeof globalThis.fetch !== 'function') throw new Error(`env().platform.fetch: this runtime has no global fetch to fetch ${describeValue(path)} with`);
    return globalThis.fetch(path, requestInits);
  },
  now: () => performance.now(),
  encode(text, encoding) {
    if (encoding !== 'utf-8' && encoding !== 'utf8') throw argError('env().platform.encode', 'encoding', describeValue(encoding), "'utf-8' or 'utf8' (the only encoding TextEncoder writes)");
    if (typeof text !== 'string') throw argError('env().platform.encode', 'text', describeValue(text), 'a string');
    return new TextEncoder().encode(text);
  },
  decode(bytes, encoding) {
    const op = 'env().platform.decode';
    if (!(bytes instanceof Uint8Array)) throw argError(op, 'bytes', describeValue(bytes), 'a Uint8Array');
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(encoding);
    } catch {
      throw argError(op, 'encoding', describeValue(encoding), "an encoding TextDecoder knows ('utf-8', 'utf-16le', 'latin1', ...)");
    }
    return decoder.decode(bytes);
  },
  isTypedArray,
};
