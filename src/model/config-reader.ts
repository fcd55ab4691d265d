import { activationNames, checkSavedActivation, type ActivationName } from '../layers/activations';
import { isPositiveInt } from '../util/validate';
import { badValue, own } from '../io/json-checks';

/**
 * Keys Keras 2.13+ writes beside class_name and config on serialized objects (the Python module, the name it was
 * registered under, a layer's built input shape, a tag for an object shared between layers): bookkeeping that says
 * nothing about what the object computes, and that TF.js ignores too.
 */
const KERAS_BOOKKEEPING = ['module', 'registered_name', 'build_config', 'shared_object_id'];

/** Refuses a key of a serialized entry (a layer, an initializer, ...) other than `keys` and Keras's bookkeeping. */
export function checkEntryKeys(op: string, where: string, entry: Record<string, unknown>, keys: readonly string[], what: string): void {
  for (const key of Object.keys(entry)) {
    if (!keys.includes(key) && !KERAS_BOOKKEEPING.includes(key)) {
      throw badValue(op, `${where}.${key}`, entry[key], `absent (${what} has ${keys.join(', ')}, and from Keras also ${KERAS_BOOKKEEPING.join(', ')})`);
    }
  }
}

/**
 * Reads one layer's config from a file: every read names its key, and finish() rejects the keys
 * nothing read, so a setting tessera does not implement is an error rather than silently dropped.
 */
export class ConfigReader {
  private readonly read = new Set<string>();

  constructor(
    readonly op: string,
    readonly where: string,
    private readonly config: Record<string, unknown>,
  ) {}

  get(key: string): unknown {
    this.read.add(key);
    return own(this.config, key);
  }

  fail(key: string, v: unknown, expected: string): Error {
    return badValue(this.op, `${this.where}.${key}`, v, expected);
  }

  positiveInt(key: string): number {
    const v = this.get(key);
    if (!isPositiveInt(v)) throw this.fail(key, v, 'a positive integer');
    return v;
  }

  /** n or [h, w], as Keras writes kernel sizes, strides and pool sizes. */
  pair(key: string, fallback?: [number, number]): [number, number] {
    const v = this.get(key);
    if ((v === undefined || v === null) && fallback) return fallback;
    if (isPositiveInt(v)) return [v, v];
    if (Array.isArray(v) && v.length === 2 && isPositiveInt(v[0]) && isPositiveInt(v[1])) return [v[0], v[1]];
    throw this.fail(key, v, 'a positive integer or a pair [h, w] of positive integers');
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.get(key);
    // TF.js writes an option the user left unset as null.
    if (v === undefined || v === null) return fallback;
    // TF.js saves a flag given as a number (useBias: 10) as given, and reads it for its truthiness.
    if (typeof v === 'number') return Boolean(v);
    if (typeof v !== 'boolean') throw this.fail(key, v, 'a boolean');
    return v;
  }

  oneOf<T extends string>(key: string, values: readonly T[], fallback: T): T {
    const v = this.get(key);
    if (v === undefined || v === null) return fallback;
    if (!values.includes(v as T)) throw this.fail(key, v, `one of ${values.map((s) => `'${s}'`).join(', ')}`);
    return v as T;
  }

  /** A setting tessera has no implementation for: accepted only when it asks for nothing. */
  unsupported(key: string, neutral: readonly unknown[] = [null]): void {
    const v = this.get(key);
    if (v === undefined) return;
    const matches = (n: unknown) => (Array.isArray(n) ? Array.isArray(v) && v.length === n.length && n.every((x, i) => v[i] === x) : v === n);
    if (!neutral.some(matches)) {
      throw this.fail(key, v, `${neutral.map((n) => (Array.isArray(n) ? `[${n.join(', ')}]` : String(n))).join(' or ')} (tessera does not implement other values)`);
    }
  }

  /** An activation in TF.js's camelCase or the snake_case it writes (a built-in one, or a registered class's). */
  activation(key: string): ActivationName {
    const v = this.get(key);
    try {
      return checkSavedActivation(this.op, v);
    } catch {
      throw this.fail(key, v, `one of ${activationNames.map((n) => `'${n}'`).join(', ')}, or the name of an activation class registered with tf.serialization.registerClass`);
    }
  }

  /**
   * A layer or cell entry {class_name, config} under key (a wrapper's layer, an RNN's cell; or given, as an
   * element of a list): its class name, a reader of its config (name, trainable and dtype read) and its name.
   */
  nested(key: string, value: unknown = this.get(key)): { className: string; reader: ConfigReader; name: string | undefined } {
    const entry = value as { class_name?: unknown; config?: unknown } | null | undefined;
    const config = entry?.config;
    if (!entry || typeof entry !== 'object' || typeof entry.class_name !== 'string' || !config || typeof config !== 'object' || Array.isArray(config)) {
      throw badValue(this.op, `${this.where}.${key}`, value, 'a layer entry {class_name, config}');
    }
    const reader = new ConfigReader(this.op, `${this.where}.${key}.config`, config as Record<string, unknown>);
    const name = reader.get('name');
    reader.get('trainable');
    reader.get('dtype');
    return { className: entry.class_name, reader, name: typeof name === 'string' && name !== '' ? name : undefined };
  }

  /** The config's keys, read or not. */
  keys(): string[] {
    return Object.keys(this.config);
  }

  /** Rejects any key no read asked for. */
  finish(): void {
    for (const key of Object.keys(this.config)) {
      if (!this.read.has(key)) throw badValue(this.op, `${this.where}.${key}`, this.config[key], 'absent (tessera does not know this setting)');
    }
  }
}
