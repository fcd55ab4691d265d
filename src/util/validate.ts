// Error formatting and checks of plain values (numbers, pairs, options): the bottom of the library, importing nothing.

/** Formats a shape the way every error message shows it. */
export function fmtShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => d ?? 'null').join(', ')}]`;
}

/** Whether two shapes agree where both know a dim: the same rank, each dim equal or unknown (null) on either side. */
export function shapesFit(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d === null || b[i] === null || d === b[i]);
}

/** word after its indefinite article, as it is read: an int32, an Int32Array, a float32, a Uint8Array. */
export function withArticle(word: string): string {
  return `${/^[aeio]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** Anything with a shape and a dtype reads as a tensor in errors (this module sits below the Tensor class). */
function isTensorLike(v: unknown): v is { shape: readonly number[]; dtype: string } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { shape?: unknown }).shape) && typeof (v as { dtype?: unknown }).dtype === 'string';
}

function fmtTensor(v: { shape: readonly number[]; dtype: string }): string {
  return `a tensor of shape ${fmtShape(v.shape)} and dtype ${v.dtype}`;
}

/** An instance of a class (a layer, a model, a dataset, a typed array) by its class and name, else null. */
function fmtInstance(v: unknown): string | null {
  const proto: unknown = typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.getPrototypeOf(v) : null;
  if (proto === null || proto === Object.prototype) return null;
  const name = (v as { name?: unknown }).name;
  return `${withArticle((proto as { constructor?: { name?: string } }).constructor?.name || 'object')}${typeof name === 'string' ? ` named '${name}'` : ''}`;
}

/** Inside an array or object, what JSON would misrender: its text, else null (JSON writes it faithfully). */
function fmtNested(x: unknown): string | null {
  if (typeof x === 'number') return Number.isFinite(x) ? null : String(x);
  if (typeof x === 'bigint' || x === undefined) return String(x);
  if (typeof x === 'function') return 'a function';
  // A tensor short, as TF.js prints one's kind.
  if (isTensorLike(x)) return `Tensor ${x.dtype} ${fmtShape(x.shape)}`;
  return fmtInstance(x);
}

/**
 * A value as an error shows what came: JSON where that is faithful, else its text, so NaN, Infinity and
 * undefined read as themselves (JSON would print null or drop them), a function as a function, a tensor by its
 * shape and a class's instance by its class (JSON would dump their fields), at any depth.
 */
export function fmtValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'bigint' || v === undefined) return String(v);
  if (typeof v === 'function') return 'a function';
  if (isTensorLike(v)) return fmtTensor(v);
  const instance = fmtInstance(v);
  if (instance !== null) return instance;
  let text: string;
  try {
    // Marked, then unquoted: JSON has no syntax for them.
    const marked = JSON.stringify(v, (_k, x: unknown) => {
      const nested = fmtNested(x);
      return nested === null ? x : `\u0000${nested}\u0000`;
    });
    text = marked === undefined ? String(v) : marked.replace(/"\\u0000(.*?)\\u0000"/g, '$1');
  } catch {
    return Object.prototype.toString.call(v); // cyclic
  }
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)`;
}

/** Longest value an error shows whole. */
const MAX_SHOWN = 300;

/** How a bad argument is shown in an error: its kind, and its value when short. */
export function describeValue(v: unknown): string {
  if (isTensorLike(v)) return fmtTensor(v);
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  // undefined and functions already read as themselves (a kind before them would say it twice).
  if (v === null || v === undefined || typeof v === 'function') return fmtValue(v);
  if (typeof v === 'object') return `an object (${Object.prototype.toString.call(v)})`;
  return `${typeof v} ${fmtValue(v)}`;
}

/** `v` shown with its value when it is an array (describeValue alone gives only its length). */
export function shown(v: unknown): string {
  return Array.isArray(v) ? `${describeValue(v)} ${fmtValue(v)}` : describeValue(v);
}

/** The one error format for bad input: op, argument, what came, what was expected. */
export function argError(op: string, arg: string, got: string, expected: string): Error {
  return new Error(`${op}: ${arg} must be ${expected}, got ${got}`);
}

export function assertBoolean(op: string, arg: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw argError(op, arg, describeValue(v), 'a boolean');
  return v;
}

/**
 * An optional flag option (useBias, shuffle, ...), the fallback when absent. TF.js reads these for their truthiness,
 * and numbers are a common idiom (its own mnist example passes useBias: 10), so a number counts as its truthiness;
 * any other kind ('yes', an object) is a mistake and refused.
 */
export function optionalBoolean(op: string, arg: string, v: unknown, fallback: boolean): boolean {
  if (v == null) return fallback;
  if (typeof v !== 'boolean' && typeof v !== 'number') throw argError(op, arg, describeValue(v), 'a boolean');
  return Boolean(v);
}

export function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}

export function assertPositiveInt(op: string, arg: string, v: unknown): number {
  if (!isPositiveInt(v)) throw argError(op, arg, describeValue(v), 'a positive integer');
  return v;
}

export function assertNonNegativeInt(op: string, arg: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw argError(op, arg, describeValue(v), 'a non-negative integer');
  return v;
}

export function assertFiniteNumber(op: string, arg: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw argError(op, arg, describeValue(v), 'a finite number');
  return v;
}

/** A shape: an array of non-negative integers. */
export function assertShape(op: string, arg: string, shape: unknown): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0)) {
    throw argError(op, arg, shown(shape), 'an array of non-negative integers');
  }
  assertHoldable(op, arg, shape);
  return shape.slice();
}

/** The most elements one tensor may hold: past it no typed array (or WebAssembly memory) could, and runtimes fail without naming the call. */
export const MAX_TENSOR_ELEMENTS = 2 ** 31 - 1;

/** Refuses a shape of more elements than a tensor can hold, before anything is allocated or looped over. */
export function assertHoldable(op: string, arg: string, shape: readonly number[]): void {
  const size = shape.reduce((a, d) => a * d, 1);
  if (size > MAX_TENSOR_ELEMENTS) {
    throw argError(op, arg, `${fmtShape(shape)} (${size.toExponential(3)} elements)`, `at most ${MAX_TENSOR_ELEMENTS} elements in all, the most a tensor can hold`);
  }
}

/** A positive integer or a triple of them, as TF.js takes 3-D window sizes, strides and dilations. */
export function assertTriple(op: string, arg: string, v: unknown): [number, number, number] {
  if (isPositiveInt(v)) return [v, v, v];
  if (Array.isArray(v) && v.length === 3 && v.every(isPositiveInt)) return [v[0], v[1], v[2]];
  throw argError(op, arg, fmtValue(v), 'a positive integer or a triple [depth, height, width] of them');
}

/** A number or a pair of positive integers, as TF.js takes kernel sizes and strides. */
export function assertPair(op: string, arg: string, v: unknown): [number, number] {
  if (isPositiveInt(v)) return [v, v];
  if (Array.isArray(v) && v.length === 2 && isPositiveInt(v[0]) && isPositiveInt(v[1])) return [v[0], v[1]];
  throw argError(op, arg, shown(v), 'a positive integer or a pair [h, w] of them');
}

export function assertPadding(op: string, arg: string, v: unknown): 'valid' | 'same' {
  if (v !== 'valid' && v !== 'same') throw argError(op, arg, describeValue(v), "'valid' or 'same'");
  return v;
}

/**
 * Normalizes axes (negative counts from the end) to sorted unique indices; all axes when undefined. Unless
 * `repeatable`, an axis named twice (also as 0 and -rank) is refused, as TensorFlow refuses it in a reduction:
 * TF.js 4.22 sums [[1, 2, 3], [4, 5, 6]] over [0, 0] to 21.
 */
export function normalizeAxes(op: string, axis: unknown, rank: number, repeatable = false): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: rank }, (_, i) => i);
  const list = Array.isArray(axis) ? axis : [axis];
  const out = new Set<number>();
  for (const a of list) {
    if (typeof a !== 'number' || !Number.isInteger(a) || a < -rank || a >= rank) {
      throw argError(op, 'axis', shown(axis), `integers in [${-rank}, ${rank}) for a rank-${rank} tensor`);
    }
    const at = a < 0 ? a + rank : a;
    if (out.has(at) && !repeatable) throw argError(op, 'axis', shown(axis), `distinct axes of a rank-${rank} tensor (axis ${at} is named twice)`);
    out.add(at);
  }
  return [...out].sort((x, y) => x - y);
}

/** Rejects an options object's unknown keys (a typo is never silently ignored); `name` is how errors call the object. */
export function checkKnownKeys(op: string, name: string, options: unknown, known: readonly string[]): void {
  if (options === null || typeof options !== 'object') throw argError(op, name, typeof options, 'an object');
  const key = unknownKey(options, known);
  if (key !== undefined) throw argError(op, `${name}.${key}`, 'an unknown option', `one of ${known.join(', ')}`);
}

/** The first key of an options object that is not known; a key set to undefined counts as not given. */
export function unknownKey(options: object, known: readonly string[]): string | undefined {
  return Object.keys(options).find((key) => !known.includes(key) && (options as Record<string, unknown>)[key] !== undefined);
}

/**
 * An options object's fields as TF.js reads them: it tests each with `x != null` or defaults it with `x || d`, so a
 * field given as null is one left out. A copy without the null fields, so the code reading it meets only undefined
 * for "not given".
 */
export function withoutNulls<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== null)) as T;
}

/** An optional options object, its keys checked (checkKnownKeys) and its null fields left out; null is no options, as in TF.js. */
export function optionsArg<T extends object>(op: string, name: string, options: T | null | undefined, known: readonly string[]): T {
  if (options == null) return {} as T;
  checkKnownKeys(op, name, options, known);
  return withoutNulls(options);
}

/** The message of a caught value, for errors that pass on why something below them failed. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
