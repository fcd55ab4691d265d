// tf.util: the plain-value helpers TF.js programs call (shuffling data arrays, shape arithmetic, flattening nested
// arrays, assertions, string bytes), with TF.js's semantics. Shuffles draw from Math.random, as TF.js's do, so a
// program that seeds Math.random gets the same permutation from both libraries.
import { toBoolBytes } from './bool-values';

export { fingerPrint64, hexToLong, type Long } from './fingerprint';

type Indexable = { [i: number]: unknown; length: number };
type NumericArray = ArrayLike<number>;

export function isTypedArray(a: unknown): a is Float32Array | Int32Array | Uint8Array | Uint8ClampedArray {
  return a instanceof Float32Array || a instanceof Int32Array || a instanceof Uint8Array || a instanceof Uint8ClampedArray;
}

export const isNumber = (value: unknown): value is number => typeof value === 'number';
export const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
export const isFunction = (f: unknown): boolean => !!(f && (f as object).constructor && (f as { call?: unknown }).call && (f as { apply?: unknown }).apply);
export const isInt = (a: number): boolean => a % 1 === 0;
export const isScalarShape = (shape: readonly number[]): boolean => shape.length === 0;

/** Throws Error(msg) when expr is falsy; msg may be a function, called only then. */
export function assert(expr: boolean, msg: string | (() => string)): asserts expr {
  if (!expr) throw new Error(typeof msg === 'string' ? msg : msg());
}

export function arraysEqual(n1: ArrayLike<unknown> | null | undefined, n2: ArrayLike<unknown> | null | undefined): boolean {
  if (n1 === n2) return true;
  if (n1 == null || n2 == null || n1.length !== n2.length) return false;
  for (let i = 0; i < n1.length; i++) if (n1[i] !== n2[i]) return false;
  return true;
}

export function assertShapesMatch(shapeA: readonly number[], shapeB: readonly number[], errorMessagePrefix = ''): void {
  assert(arraysEqual(shapeA, shapeB), () => `${errorMessagePrefix} Shapes ${shapeA} and ${shapeB} must match`);
}

/** Like arraysEqual, where a null entry in either matches anything (a batch dim not yet known). */
export function arraysEqualWithNull(n1: ArrayLike<number | null> | null | undefined, n2: ArrayLike<number | null> | null | undefined): boolean {
  if (n1 === n2) return true;
  if (n1 == null || n2 == null || n1.length !== n2.length) return false;
  for (let i = 0; i < n1.length; i++) if (n1[i] !== null && n2[i] !== null && n1[i] !== n2[i]) return false;
  return true;
}

export function assertNonNull(a: unknown): void {
  assert(a != null, () => 'The input to the tensor constructor must be a non-null value.');
}

export function assertNonNegativeIntegerDimensions(shape: readonly number[]): void {
  for (const d of shape) assert(Number.isInteger(d) && d >= 0, () => `Tensor must have a shape comprised of positive integers but got shape [${shape}].`);
}

/** axis (a number, a list, or every axis when null) as non-negative axes of a tensor of shape, checked. */
export function parseAxisParam(axis: number | number[] | null | undefined, shape: readonly number[]): number[] {
  const rank = shape.length;
  const axes = axis == null ? shape.map((_, i) => i) : ([] as number[]).concat(axis);
  assert(axes.every((ax) => ax >= -rank && ax < rank), () => `All values in axis param must be in range [-${rank}, ${rank}) but got axis ${axes}`);
  assert(axes.every((ax) => isInt(ax)), () => `All values in axis param must be integers but got axis ${axes}`);
  return axes.map((ax) => (ax < 0 ? rank + ax : ax));
}

/** The smallest divisor of size from start up (size itself when there is none below it). */
export function nearestDivisor(size: number, start: number): number {
  for (let i = start; i < size; i++) if (size % i === 0) return i;
  return size;
}

/** The element count of a shape (1 for a scalar's []). */
export function sizeFromShape(shape: readonly number[]): number {
  return shape.reduce((size, d) => size * d, 1);
}

/** Row-major strides of every axis but the last (whose stride is 1), as TF.js: [] below rank 2. */
export function computeStrides(shape: readonly number[]): number[] {
  const strides: number[] = [];
  for (let i = shape.length - 2, s = 1; i >= 0; i--) strides[i] = s *= shape[i + 1];
  return strides;
}

export function locToIndex(locs: readonly number[], rank: number, strides: readonly number[]): number {
  if (rank === 0) return 0;
  let index = locs[locs.length - 1];
  for (let i = 0; i < locs.length - 1; i++) index += strides[i] * locs[i];
  return index;
}

export function indexToLoc(index: number, rank: number, strides: readonly number[]): number[] {
  if (rank === 0) return [];
  const locs: number[] = [];
  for (let i = 0; i < rank - 1; i++) {
    locs[i] = Math.floor(index / strides[i]);
    index -= locs[i] * strides[i];
  }
  locs[rank - 1] = index;
  return locs;
}

/** [width, height] of the most nearly square rectangle holding size elements. */
export function sizeToSquarishShape(size: number): [number, number] {
  const width = Math.ceil(Math.sqrt(size));
  return [width, Math.ceil(size / width)];
}

/** The elements of a nested array (typed arrays included, unless skipTypedArray), depth first, appended to result. */
export function flatten<T>(arr: unknown, result: T[] = [], skipTypedArray = false): T[] {
  if (arr === null || arr === undefined || typeof arr !== 'object' || (isTypedArray(arr) && skipTypedArray) || arr instanceof Promise) {
    result.push(arr as T);
  } else {
    const items = arr as Indexable;
    const n = Array.isArray(arr) || isTypedArray(arr) ? items.length : 1 + Math.max(-1, ...Object.keys(arr).filter((k) => /^([1-9][0-9]*|0)$/.test(k)).map(Number));
    for (let i = 0; i < n; i++) flatten(items[i], result, skipTypedArray);
  }
  return result;
}

export function swap(object: Indexable, left: number, right: number): void {
  const temp = object[left];
  object[left] = object[right];
  object[right] = temp;
}

/** Shuffles an array in place (Fisher–Yates, TF.js's order of draws). */
export function shuffle(array: Indexable): void {
  for (let counter = array.length; counter > 0;) {
    const index = (Math.random() * counter) | 0;
    swap(array, --counter, index);
  }
}

/** Shuffles two arrays of one length in place by the same permutation (features and their labels). */
export function shuffleCombo(array: Indexable, array2: Indexable): void {
  if (array.length !== array2.length) {
    throw new Error(`Array sizes must match to be shuffled together First array length was ${array.length}Second array length was ${array2.length}`);
  }
  for (let counter = array.length; counter > 0;) {
    const index = (Math.random() * counter) | 0;
    swap(array, --counter, index);
    swap(array2, counter, index);
  }
}

/** 0 … n-1 in a random order. */
export function createShuffledIndices(n: number): Uint32Array {
  const indices = Uint32Array.from({ length: n }, (_, i) => i);
  shuffle(indices);
  return indices;
}

/** A sample of the uniform distribution on [a, b). */
export function randUniform(a: number, b: number): number {
  const r = Math.random();
  return b * r + (1 - r) * a;
}

export const clamp = (min: number, x: number, max: number): number => Math.max(min, Math.min(x, max));
export const nearestLargerEven = (val: number): number => (val % 2 === 0 ? val : val + 1);

export function sum(arr: NumericArray): number {
  let total = 0;
  for (let i = 0; i < arr.length; i++) total += arr[i];
  return total;
}

export function distSquared(a: NumericArray, b: NumericArray): number {
  let result = 0;
  for (let i = 0; i < a.length; i++) result += (Number(a[i]) - Number(b[i])) ** 2;
  return result;
}

/** The dtype TF.js infers for values: typed arrays by class, numbers float32, booleans bool, strings string. */
export function inferDtype(values: unknown): 'float32' | 'int32' | 'bool' | 'string' {
  if (Array.isArray(values)) return inferDtype(values[0]);
  if (values instanceof Int32Array || values instanceof Uint8Array || values instanceof Uint8ClampedArray) return 'int32';
  if (isString(values)) return 'string';
  if (isBoolean(values)) return 'bool';
  return 'float32';
}

export function makeZerosTypedArray(size: number, dtype: string = 'float32'): Float32Array | Int32Array | Uint8Array {
  if (dtype === 'float32') return new Float32Array(size);
  if (dtype === 'int32') return new Int32Array(size);
  if (dtype === 'bool') return new Uint8Array(size);
  throw new Error(`Unknown data type ${dtype}`);
}

/** A zero-filled array for dtype (float32 when none is given; a plain array for 'string'), as TF.js's. */
export function getArrayFromDType(dtype: string | null | undefined, size: number): Float32Array | Int32Array | Uint8Array | string[] {
  return dtype === 'string' ? new Array<string>(size) : makeZerosTypedArray(size, dtype ?? 'float32');
}

export const getTypedArrayFromDType = getArrayFromDType;

/** Bytes one element of dtype takes in a tensor. */
export function bytesPerElement(dtype: string): number {
  if (dtype === 'float32' || dtype === 'int32') return 4;
  if (dtype === 'complex64') return 8;
  if (dtype === 'bool') return 1;
  throw new Error(`Unknown dtype ${dtype}`);
}

/** Whether dtype is one of TF.js's tensor dtypes. */
export function isValidDtype(dtype: string): boolean {
  return dtype === 'bool' || dtype === 'complex64' || dtype === 'float32' || dtype === 'int32' || dtype === 'string';
}

export function makeOnesTypedArray(size: number, dtype: string = 'float32'): Float32Array | Int32Array | Uint8Array {
  return makeZerosTypedArray(size, dtype).fill(1);
}

/**
 * A flat array as nested arrays of shape (a scalar shape gives the first element itself); isComplex: a complex
 * tensor's values, each element's real and imaginary part in turn along the innermost axis.
 */
export function toNestedArray(shape: readonly number[], a: ArrayLike<unknown>, isComplex = false): unknown {
  if (shape.length === 0) return a[0];
  const parts = isComplex ? 2 : 1;
  const size = sizeFromShape(shape) * parts;
  if (size === 0) return [];
  if (size !== a.length) throw new Error(`[${shape}] does not match the input size ${a.length}${isComplex ? ' for a complex tensor' : ''}.`);
  const nest = (offset: number, dims: readonly number[]): unknown[] => {
    if (dims.length === 1) return Array.from({ length: dims[0] * parts }, (_, i) => a[offset + i]);
    const stride = sizeFromShape(dims.slice(1)) * parts;
    return Array.from({ length: dims[0] }, (_, i) => nest(offset + i * stride, dims.slice(1)));
  };
  return nest(0, shape);
}

/** Nested arrays of shape holding zeros of dtype, as tf.util.makeZerosNestedTypedArray. */
export function makeZerosNestedTypedArray(shape: readonly number[], dtype?: string): unknown {
  return toNestedArray(shape, makeZerosTypedArray(sizeFromShape(shape), dtype ?? 'float32'));
}

/** Values (nested arrays flattened) as dtype's typed array, a bool nonzero after rounding, as tf.util.toTypedArray. */
export function toTypedArray(a: unknown, dtype?: string): Float32Array | Int32Array | Uint8Array {
  if (dtype === 'string') throw new Error('Cannot convert a string[] to a TypedArray');
  const values = (Array.isArray(a) ? flatten(a) : a) as NumericArray;
  const d = dtype === undefined || dtype === null || dtype === 'complex64' ? 'float32' : dtype;
  // Already of dtype's class: given back as it is, as TF.js does.
  if ((d === 'float32' && values instanceof Float32Array) || (d === 'int32' && values instanceof Int32Array) || (d === 'bool' && values instanceof Uint8Array)) return values;
  if (d === 'bool') return toBoolBytes(values);
  if (d === 'float32' || d === 'int32') return (d === 'float32' ? Float32Array : Int32Array).from(values);
  throw new Error(`Unknown data type ${dtype}`);
}

/** A one-element array holding value as dtype stores it (a string as its UTF-8 bytes), as tf.util.createScalarValue. */
export function createScalarValue(value: unknown, dtype: string): Float32Array | Int32Array | Uint8Array {
  return dtype === 'string' ? encodeString(value as string) : toTypedArray([value], dtype);
}

/** Throws when vals hold NaN or ±Infinity, with TF.js's words, as tf.util.checkConversionForErrors. */
export function checkConversionForErrors(vals: ArrayLike<number>, dtype: string): void {
  for (let i = 0; i < vals.length; i++) {
    const num = vals[i];
    if (isNaN(num) || !isFinite(num)) throw new Error(`A tensor of type ${dtype} being uploaded contains ${num}.`);
  }
}

/**
 * Whether a cast from oldType to newType can lose values, as tf.util.hasEncodingLoss: none into complex64, into
 * float32 (from all but complex64), into int32 from int32 or bool, or bool into bool; tessera's float64 loses
 * nothing into float64 and loses digits into float32 and int32.
 */
export function hasEncodingLoss(oldType: string, newType: string): boolean {
  if (newType === 'complex64' || newType === 'float64') return false;
  if (newType === 'float32' && oldType !== 'complex64' && oldType !== 'float64') return false;
  if (newType === 'int32' && oldType !== 'float32' && oldType !== 'complex64' && oldType !== 'float64') return false;
  return !(newType === 'bool' && oldType === 'bool');
}

/** The byte count of encoded strings (0 for none), as tf.util.bytesFromStringArray. */
export function bytesFromStringArray(arr: readonly Uint8Array[] | null | undefined): number {
  return arr == null ? 0 : arr.reduce((bytes, x) => bytes + x.length, 0);
}

/**
 * A backend's values or an ArrayBuffer as dtype's array, as tf.util.convertBackendValuesAndArrayBuffer: an array of
 * encoded strings as it is, bool and string bytes read as int32 and narrowed to bytes.
 */
export function convertBackendValuesAndArrayBuffer(data: Float32Array | Int32Array | Uint8Array | Uint8Array[] | ArrayBuffer, dtype: string): Float32Array | Int32Array | Uint8Array | Uint8Array[] {
  if (Array.isArray(data)) return data;
  if (dtype === 'float32') return data instanceof Float32Array ? data : new Float32Array(data as ArrayBuffer);
  if (dtype === 'int32') return data instanceof Int32Array ? data : new Int32Array(data as ArrayBuffer);
  if (dtype === 'bool' || dtype === 'string') return Uint8Array.from(new Int32Array(data as ArrayBuffer));
  throw new Error(`Unknown dtype ${dtype}`);
}

/** shape without its size-1 dims (only those of axis, each of which must be 1, when given), and the dims kept, as tf.util.squeezeShape. */
export function squeezeShape(shape: readonly number[], axis?: number | number[]): { newShape: number[]; keptDims: number[] } {
  const axes = axis === undefined || axis === null || (Array.isArray(axis) && axis.length === 0) ? null : new Set(parseAxisParam(axis, shape));
  const kept = shape.map((_, i) => i).filter((i) => {
    if (axes === null) return shape[i] !== 1;
    if (axes.has(i) && shape[i] !== 1) throw new Error(`Can't squeeze axis ${i} since its dim '${shape[i]}' is not 1`);
    return !axes.has(i);
  });
  return { newShape: kept.map((i) => shape[i]), keptDims: kept };
}

/** shape with its one -1 dim worked out from size, as tf.util.inferFromImplicitShape. */
export function inferFromImplicitShape(shape: number[], size: number): number[] {
  let known = 1;
  let implicit = -1;
  shape.forEach((d, i) => {
    if (d >= 0) known *= d;
    else if (d === -1) {
      if (implicit !== -1) throw new Error(`Shapes can only have 1 implicit size. Found -1 at dim ${implicit} and dim ${i}`);
      implicit = i;
    } else throw new Error(`Shapes can not be < 0. Found ${d} at dim ${i}`);
  });
  if (implicit === -1) {
    if (size > 0 && size !== known) throw new Error(`Size(${size}) must match the product of shape ${shape}`);
    return shape;
  }
  if (known === 0) throw new Error(`Cannot infer the missing size in [${shape}] when there are 0 elements`);
  if (size % known !== 0) throw new Error(`The implicit shape can't be a fractional number. Got ${size} / ${known}`);
  return shape.map((d, i) => (i === implicit ? size / known : d));
}

/**
 * Calls checkFn until it returns true, waiting delayFn(tries) ms between tries (through scheduleFn, setTimeout by
 * default); rejects after maxCounter tries, as tf.util.repeatedTry.
 */
export function repeatedTry(
  checkFn: () => boolean, delayFn: (counter: number) => number = () => 0, maxCounter?: number, scheduleFn?: (fn: () => void, delay: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const attempt = () => {
      if (checkFn()) return resolve();
      tries++;
      const delay = delayFn(tries);
      if (maxCounter !== undefined && maxCounter !== null && tries >= maxCounter) return reject();
      if (scheduleFn) scheduleFn(attempt, delay);
      else setTimeout(attempt, delay);
    };
    attempt();
  });
}

export function encodeString(s: string, encoding = 'utf-8'): Uint8Array {
  if (encoding !== 'utf-8' && encoding !== 'utf8') throw new Error(`Browser's encoder only supports utf-8, but got ${encoding}`);
  return new TextEncoder().encode(s);
}

export function decodeString(bytes: Uint8Array, encoding = 'utf-8'): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** The platform's fetch (the global one in browsers and Node 18+), as tf.util.fetch. */
export function fetch(path: string, requestInits?: RequestInit): Promise<Response> {
  return globalThis.fetch(path, requestInits);
}

/** Whether object is a thenable; as TF.js's, a falsy object or then comes back itself (null, undefined, 0). */
export function isPromise(object: unknown): boolean {
  const o = object as { then?: unknown } | null | undefined;
  return (o && o.then && typeof o.then === 'function') as boolean;
}

/** a padded with spaces on the right to size characters. */
export function rightPad(a: string, size: number): string {
  return size <= a.length ? a : a + ' '.repeat(size - a.length);
}

export const tanh = (x: number): number => Math.tanh(x);

/** Milliseconds from a high-resolution clock. */
export function now(): number {
  return performance.now();
}
