import * as tn from '../ops/index';
import { Tensor, type DType } from '../tensor/tensor';
import { fmtShape } from '../util/validate';
import { handleIndex } from './handles';

type Key = number | string;

/** Table handles count from here, far from a graph's own small integers (and from the runs' list handles). */
const TABLES_FROM = 3 * 2 ** 28;

/** A string element's bytes as a map key that compares them exactly (one char per byte). */
const byteKey = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
};

/** A tensor's elements as keys: numbers, or strings by their bytes. */
const keysOf = (t: Tensor): Key[] => t.encodedStrings()?.map(byteKey) ?? Array.from(t.dataSync() as ArrayLike<number>);

/** A tensor's elements as values: numbers, or each string's bytes. */
const valuesOf = (t: Tensor): Array<number | Uint8Array> => [...(t.encodedStrings() ?? Array.from(t.dataSync() as ArrayLike<number>))];

/** A TF HashTable (static, scalar values): filled once by an import, read by finds. */
export class HashTable {
  private readonly index = new Map<Key, number | Uint8Array>();
  private filled = false;

  constructor(
    readonly name: string,
    readonly keyDtype: DType,
    readonly valueDtype: DType,
  ) {}

  get size(): number {
    return this.index.size;
  }

  /**
   * Fills the table with keys[i] → values[i], as TF fills a static table: once (the same data again changes nothing,
   * other data is refused), and a key given twice with two values is refused.
   */
  import(where: string, keys: Tensor, values: Tensor): void {
    this.check(where, keys, 'keys', values, 'values');
    if (keys.shape.length !== values.shape.length || keys.shape.some((d, i) => d !== values.shape[i])) {
      throw new Error(`${where}: keys ${fmtShape(keys.shape)} and values ${fmtShape(values.shape)} must have one shape (a HashTable's values are scalars)`);
    }
    const [k, v] = [keysOf(keys), valuesOf(values)];
    const next = new Map<Key, number | Uint8Array>();
    k.forEach((key, i) => {
      const had = next.get(key);
      if (had !== undefined && !sameValue(had, v[i])) throw new Error(`${where}: table '${this.name}' is given key ${show(key)} twice, with two values`);
      next.set(key, v[i]);
    });
    if (this.filled) {
      const same = next.size === this.index.size && [...next].every(([key, value]) => this.index.has(key) && sameValue(this.index.get(key)!, value));
      if (!same) throw new Error(`${where}: table '${this.name}' was already filled with other data (a static table is filled once)`);
      return;
    }
    for (const [key, value] of next) this.index.set(key, value);
    this.filled = true;
  }

  /** The value of each key (fallback, a scalar, where the table has none), in keys' shape. */
  find(where: string, keys: Tensor, fallback: Tensor): Tensor {
    this.check(where, keys, 'keys', fallback, 'default_value');
    if (!this.filled) throw new Error(`${where}: table '${this.name}' has not been filled (no import or initializer ran for it)`);
    if (fallback.rank !== 0) throw new Error(`${where}: default_value must be a scalar, got shape ${fmtShape(fallback.shape)}`);
    const missing = valuesOf(fallback)[0];
    const found = keysOf(keys).map((key) => this.index.get(key) ?? missing);
    return this.valueDtype === 'string'
      ? Tensor.ofStrings(keys.shape, found as Uint8Array[], false)
      : tn.tensor(found as number[], keys.shape, this.valueDtype);
  }

  private check(where: string, keys: Tensor, keysArg: string, values: Tensor, valuesArg: string): void {
    if (keys.dtype !== this.keyDtype) throw new Error(`${where}: ${keysArg} must be ${this.keyDtype} (table '${this.name}''s key dtype), got ${keys.dtype}`);
    if (values.dtype !== this.valueDtype) throw new Error(`${where}: ${valuesArg} must be ${this.valueDtype} (table '${this.name}''s value dtype), got ${values.dtype}`);
  }
}

const sameValue = (a: number | Uint8Array, b: number | Uint8Array): boolean =>
  typeof a === 'number' || typeof b === 'number' ? Object.is(a, b) : a.length === b.length && a.every((x, i) => x === b[i]);

const show = (key: Key): string => (typeof key === 'number' ? String(key) : JSON.stringify(key));

/**
 * A model's hash tables, kept from run to run (an initializer graph fills them once). A table is made by its
 * HashTable node, once per shared_name (else per node name, as TF.js shares them), so the initializer's node and the
 * model's node share it; nodes pass it on as a handle, a scalar int32 tensor holding its number.
 */
export class HashTables {
  private readonly tables: HashTable[] = [];
  private readonly byName = new Map<string, number>();

  /** The handle of the node's table, made on first use; its dtypes are checked against an earlier node's of that name. */
  open(where: string, name: string, keyDtype: DType, valueDtype: DType): Tensor {
    let id = this.byName.get(name);
    if (id === undefined) {
      id = this.tables.push(new HashTable(name, keyDtype, valueDtype)) - 1;
      this.byName.set(name, id);
    }
    const table = this.tables[id];
    if (table.keyDtype !== keyDtype || table.valueDtype !== valueDtype) {
      throw new Error(`${where}: table '${name}' maps ${table.keyDtype} to ${table.valueDtype}, but this node says ${keyDtype} to ${valueDtype}`);
    }
    return tn.scalar(TABLES_FROM + id, 'int32');
  }

  get(handle: Tensor, where: string): HashTable {
    const id = handleIndex(handle, TABLES_FROM);
    const table = id >= 0 ? this.tables[id] : undefined;
    if (table === undefined) throw new Error(`${where}: input must be a hash table's handle (from a HashTable node), got a tensor of dtype ${handle.dtype} and shape ${fmtShape(handle.shape)}`);
    return table;
  }
}
