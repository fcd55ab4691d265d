import type { DType } from '../tensor/tensor';
import { describe, isRecord, own } from '../io/json-checks';

/** What anyValue reads an attr as. */
export type CustomAttrValue = string | string[] | number | number[] | Array<number[] | undefined> | boolean | boolean[] | Array<DType | undefined> | undefined;

/**
 * A node's attributes as TensorFlow writes an AttrValue in JSON (protobuf's JSON mapping): {i: "3"} (int64 as a
 * string), {f: 0.5}, {b: true}, {s: base64}, {type: 'DT_FLOAT'}, {shape: {dim: [{size: '-1'}]}}, {list: {...}}.
 * Readers take defaults as TF.js's op mappers give them, and lower-case strings as TF.js does (so 'SAME' is 'same').
 */
export class NodeAttrs {
  constructor(
    private readonly where: string,
    private readonly raw: Record<string, unknown>,
  ) {}

  has(name: string): boolean {
    return own(this.raw, name) !== undefined;
  }

  string(name: string, fallback: string): string {
    const v = this.value(name);
    return v === undefined ? fallback : this.text(name, own(v, 's')).toLowerCase();
  }

  /**
   * A string attr that must be one of `options` (lower-case, as string() reads it), or an error listing them as TF
   * writes them: in capitals ('SAME'), unless `capitals` is false ('bilinear').
   */
  oneOf<T extends string>(name: string, fallback: string, options: readonly T[], capitals = true): T {
    const v = this.string(name, fallback);
    if ((options as readonly string[]).includes(v)) return v as T;
    const shown = (s: string): string => `'${capitals ? s.toUpperCase() : s}'`;
    throw new Error(`${this.where}: attr '${name}' must be ${options.slice(0, -1).map(shown).join(', ')} or ${shown(options[options.length - 1])}, got ${shown(v)}`);
  }

  /** A string attr as written, where case matters (an einsum equation: TF.js lower-cases it too, losing A from a). */
  exactString(name: string, fallback: string): string {
    const v = this.value(name);
    return v === undefined ? fallback : this.text(name, own(v, 's'));
  }

  strings(name: string, fallback: string[]): string[] {
    const list = this.list(name);
    const s = list === undefined ? undefined : own(list, 's');
    if (s === undefined) return fallback;
    if (!Array.isArray(s)) throw this.bad(name, s, 'a list of base64 strings {list: {s: [...]}}');
    return s.map((x) => this.text(name, x).toLowerCase());
  }

  number(name: string, fallback: number): number {
    const v = this.value(name);
    if (v === undefined) return fallback;
    // As TF.js's getNumberParam: i (int64, a string in JSON) before f; an attr with neither takes the default.
    const i = own(v, 'i');
    if (i !== undefined) return this.num(name, i);
    const f = own(v, 'f');
    return f === undefined ? fallback : this.float(name, f);
  }

  numbers(name: string, fallback: number[]): number[] {
    const list = this.list(name);
    if (list === undefined) return fallback;
    const f = own(list, 'f');
    if (Array.isArray(f) && f.length > 0) return f.map((x) => this.float(name, x));
    const values = own(list, 'i') ?? [];
    if (!Array.isArray(values)) throw this.bad(name, values, 'a list of numbers {list: {i: [...]}}');
    return values.map((x) => this.num(name, x));
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.value(name);
    if (v === undefined) return fallback;
    const b = own(v, 'b');
    // protobuf's JSON omits false values, so {} (or {b: undefined}) reads as false.
    if (b === undefined) return false;
    if (typeof b !== 'boolean') throw this.bad(name, b, 'a boolean {b: true}');
    return b;
  }

  /** The name of the function a func attr calls ({func: {name: 'while_body_12'}}), or undefined when absent. */
  func(name: string): string | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    const f = own(v, 'func');
    const called = isRecord(f) ? own(f, 'name') : undefined;
    if (typeof called !== 'string' || called === '') throw this.bad(name, v, "a function {func: {name: '...'}}");
    return called;
  }

  /**
   * The dtype an attr names, or undefined when absent or a handle's (DT_RESOURCE, DT_VARIANT: a table's, a list's,
   * which tessera passes as int32 scalars); dtypes tessera has no tensors for are refused here.
   */
  dtype(name: string): DType | undefined {
    const v = this.value(name);
    return v === undefined ? undefined : this.dtypeOf(name, own(v, 'type'));
  }

  private dtypeOf(name: string, t: unknown): DType | undefined {
    if (t === 'DT_RESOURCE' || t === 'DT_VARIANT' || t === 20 || t === 21) return undefined;
    const dtype = typeof t === 'string' || typeof t === 'number' ? DTYPES[t] : undefined;
    if (dtype === undefined) throw this.bad(name, t, `one of ${Object.keys(DTYPES).filter((k) => k.startsWith('DT_')).join(', ')} (the dtypes TF.js maps to float32, int32, bool and string)`);
    return dtype;
  }

  private dims(name: string, shape: unknown): number[] | undefined {
    if (!isRecord(shape)) throw this.bad(name, shape, 'a shape {shape: {dim: [{size: "2"}, ...]}}');
    if (own(shape, 'unknownRank') === true) return undefined;
    const dims = own(shape, 'dim') ?? [];
    if (!Array.isArray(dims)) throw this.bad(name, dims, 'a list of dims [{size: "2"}, ...]');
    return dims.map((d) => (isRecord(d) ? this.num(name, own(d, 'size') ?? 0) : this.num(name, d)));
  }

  /** A shape attr: dims with -1 for unknown ones, or undefined when absent or of unknown rank. */
  shape(name: string): number[] | undefined {
    const v = this.value(name);
    return v === undefined ? undefined : this.dims(name, own(v, 'shape'));
  }

  /** The attrs' names, in the file's order. */
  names(): string[] {
    return Object.keys(this.raw);
  }

  /**
   * An attr as TF.js hands it to an op registered with registerOp, read by the kind of value it holds: a number, a
   * (lower-cased) string, a boolean, a shape, a dtype, or a list of one of these; undefined for a tensor, a function
   * or an empty attr, as TF.js gives them.
   */
  anyValue(name: string): CustomAttrValue {
    const v = this.value(name);
    if (v === undefined) return undefined;
    const has = (r: Record<string, unknown>, key: string) => own(r, key) !== undefined;
    if (has(v, 'i') || has(v, 'f')) return this.number(name, NaN);
    if (has(v, 's')) return this.string(name, '');
    if (has(v, 'b')) return this.bool(name, false);
    if (has(v, 'shape')) return this.shape(name);
    if (has(v, 'type')) return this.dtype(name);
    const list = own(v, 'list');
    if (!isRecord(list)) return undefined;
    if (has(list, 'i') || has(list, 'f')) return this.numbers(name, []);
    if (has(list, 's')) return this.strings(name, []);
    const items = (key: string, what: string): unknown[] => {
      const x = own(list, key);
      if (!Array.isArray(x)) throw this.bad(name, x, what);
      return x;
    };
    if (has(list, 'shape')) return items('shape', 'a list of shapes {list: {shape: [...]}}').map((s) => this.dims(name, s));
    if (has(list, 'b')) {
      return items('b', 'a list of booleans {list: {b: [...]}}').map((b) => {
        if (typeof b !== 'boolean') throw this.bad(name, b, 'a list of booleans {list: {b: [...]}}');
        return b;
      });
    }
    if (has(list, 'type')) return items('type', 'a list of dtypes {list: {type: [...]}}').map((t) => this.dtypeOf(name, t));
    return undefined;
  }

  private value(name: string): Record<string, unknown> | undefined {
    const v = own(this.raw, name);
    if (v === undefined || v === null) return undefined;
    if (!isRecord(v)) throw this.bad(name, v, 'an AttrValue object ({i}, {f}, {b}, {s}, {type}, {shape} or {list})');
    return v;
  }

  private list(name: string): Record<string, unknown> | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    const list = own(v, 'list');
    if (!isRecord(list)) throw this.bad(name, list, 'a list AttrValue {list: {...}}');
    return list;
  }

  private num(name: string, x: unknown): number {
    const n = typeof x === 'number' ? x : typeof x === 'string' && /^-?\d+$/.test(x) ? Number.parseInt(x, 10) : NaN;
    if (Number.isNaN(n)) throw this.bad(name, x, 'a number (or an int64 as a decimal string)');
    return n;
  }

  /** A float attr: a number, or a string as proto3's JSON writes one ("NaN", "Infinity", "-Infinity", "0.5"). */
  private float(name: string, x: unknown): number {
    if (typeof x === 'number') return x;
    if (typeof x === 'string' && /^(NaN|-?Infinity|[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)$/.test(x)) return Number(x);
    throw this.bad(name, x, 'a number (or a float as proto3 JSON writes it: "NaN", "Infinity", "-Infinity" or a decimal string)');
  }

  private text(name: string, s: unknown): string {
    if (typeof s !== 'string') throw this.bad(name, s, 'a base64 string {s: "..."}');
    try {
      return atob(s);
    } catch {
      throw this.bad(name, s, 'base64 text');
    }
  }

  private bad(name: string, got: unknown, expected: string): Error {
    return new Error(`${this.where}: attr '${name}' must be ${expected}, got ${describe(got)}`);
  }
}

/** TensorFlow's DataType names and enum numbers, mapped as TF.js maps them (int64 and uint8 to int32, double to float32). */
const DTYPES: Record<string | number, DType> = {
  DT_FLOAT: 'float32', 1: 'float32',
  DT_DOUBLE: 'float32', 2: 'float32',
  DT_INT32: 'int32', 3: 'int32',
  DT_UINT8: 'int32', 4: 'int32',
  DT_INT8: 'int32', 6: 'int32',
  DT_INT64: 'int32', 9: 'int32',
  DT_BOOL: 'bool', 10: 'bool',
  DT_HALF: 'float32', 19: 'float32',
  DT_STRING: 'string', 7: 'string',
};
