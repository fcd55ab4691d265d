import { Tensor, arrayTypeFor, encodedElements, isNumericDtype, sizeOfShape, type DType, type NumericDType, type TypedArray } from '../tensor/tensor';
import { assertDtype, assertTensor } from '../tensor/checks';
import type { NestedValues, TensorLike } from '../tensor/value-types';
import { argError, describeValue, fmtShape } from '../util/validate';
import { toBoolBytes } from '../util/bool-values';

export type { NestedValues, TensorLike };

/**
 * TF.js's inference: Int32Array and Uint8Array give int32, booleans bool, strings string, anything else float32 (by
 * the first element); and a Float64Array float64 (TF.js refuses one), so that its values are not rounded to float32.
 */
export function inferDtype(values: unknown): DType {
  if (Array.isArray(values)) return values.length === 0 ? 'float32' : inferDtype(values[0]);
  if (values instanceof Int32Array || values instanceof Uint8Array || values instanceof Uint8ClampedArray) return 'int32';
  if (values instanceof Float64Array) return 'float64';
  if (typeof values === 'boolean') return 'bool';
  if (typeof values === 'string') return 'string';
  return 'float32';
}

/**
 * A single value inside nested arrays: a number, boolean or string, null or undefined, or, inside the arrays of a
 * string tensor, a Uint8Array (one string's bytes, as TF.js takes it).
 */
function isEntry(v: unknown, bytesAreStrings: boolean): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' || v === null || v === undefined || (bytesAreStrings && v instanceof Uint8Array);
}

/**
 * The shape implied by nested arrays, checking that they are rectangular and hold numbers or booleans. A null inside
 * the arrays is a value, 0, as TF.js stores it (its documentation's tensor1d([1, null, 3, 4])), and an undefined one
 * NaN, as TF.js stores it (a CSV row's missing cell).
 */
function nestedShape(op: string, values: unknown, path: string, bytesAreStrings: boolean, arg = 'values'): number[] {
  if (typeof values === 'number' || typeof values === 'boolean' || typeof values === 'string' || (path !== '' && isEntry(values, bytesAreStrings))) return [];
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) return [(values as TypedArray).length];
  if (!Array.isArray(values)) throw argError(op, `${arg}${path}`, describeValue(values), 'a number, a boolean, a string, or (nested) arrays of them');
  if (values.length === 0) return [0];
  // A row of single values (the innermost list, nearly every value) is checked in one pass with no shapes or paths.
  let plain = 0;
  while (plain < values.length && isEntry(values[plain], bytesAreStrings)) plain++;
  if (plain === values.length) return [values.length];
  const inner = nestedShape(op, values[0], `${path}[0]`, bytesAreStrings, arg);
  for (let i = 1; i < values.length; i++) {
    const s = nestedShape(op, values[i], `${path}[${i}]`, bytesAreStrings, arg);
    if (s.length !== inner.length || s.some((d, j) => d !== inner[j])) {
      throw argError(op, `${arg}${path}[${i}]`, `an entry of shape ${fmtShape(s)}`, `shape ${fmtShape(inner)} like ${arg}${path}[0] (nested arrays must be rectangular)`);
    }
  }
  return [values.length, ...inner];
}

/**
 * The values in row-major order, each a number as TF.js stores it in a numeric tensor (a string as Number parses it,
 * as a typed array converts it), or, for a string tensor (`strings`), each value (a string, a Uint8Array) as it is.
 */
function flatten(values: NestedValues | null | undefined, out: unknown[], strings = false): void {
  if (strings && !Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof Uint8Array))) out.push(values);
  else if (typeof values === 'number') out.push(values);
  else if (typeof values === 'string') out.push(Number(values));
  else if (values === null) out.push(0);
  else if (values === undefined) out.push(NaN);
  else if (typeof values === 'boolean') out.push(values ? 1 : 0);
  else {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'number') out.push(v);
      else flatten(v as NestedValues, out, strings);
    }
  }
}

/**
 * Values as a new array of dtype, converted as TF.js converts them: to bool as round(v) != 0, to int32 as an
 * Int32Array stores a number (truncated, wrapped modulo 2^32; NaN and infinities become 0).
 */
function toTypedArray(flat: ArrayLike<number>, dtype: NumericDType): TypedArray {
  return dtype === 'bool' ? toBoolBytes(flat) : arrayTypeFor(dtype).from(flat);
}

/** A new tensor from TensorLike values (`arg` names them in errors); shape defaults to the nesting, dtype to TF.js's inference. */
export function makeTensor(op: string, values: TensorLike, shape: readonly number[] | undefined, dtype: DType | undefined, arg = 'values'): Tensor {
  const d = dtype == null ? inferDtype(values) : dtype === 'string' ? dtype : assertDtype(op, 'dtype', dtype);
  const strings = d === 'string';
  const implied = nestedShape(op, values, '', strings, arg);
  let flat: ArrayLike<unknown>;
  if (ArrayBuffer.isView(values)) flat = values;
  else {
    const list: unknown[] = [];
    flatten(values, list, strings);
    flat = list;
  }
  const target = shape ?? implied;
  if (sizeOfShape(target) !== flat.length) {
    throw argError(op, 'values', `${flat.length} values`, `${sizeOfShape(target)} values to fill shape ${fmtShape(target)}`);
  }
  // As TF.js: a given shape keeps the nesting's outer dims; only its innermost list may span several of them.
  const last = implied.length - 1;
  if (shape !== undefined && implied.some((dim, i) => dim !== shape[i] && (i < last || dim !== sizeOfShape(shape.slice(i))))) {
    throw argError(op, 'shape', fmtShape(shape), `a shape that the nested values' shape ${fmtShape(implied)} fills (its dims, the last of them possibly split)`);
  }
  if (strings) return Tensor.ofStrings(target, encodedElements(op, 'values', flat), true);
  return new Tensor(target, d, toTypedArray(flat as ArrayLike<number>, d as NumericDType));
}

/**
 * A tensor as it is, or TensorLike values parsed as dtype, as TF.js's convertToTensor(x, name, op, dtype) parses
 * the values of an op that computes in one dtype (sin's float32, logicalNot's bool): sin([true, false]) is
 * sin of float32 [1, 0], where a bool tensor is refused by the op's own check.
 */
export function toTensorAs(op: string, arg: string, x: unknown, dtype: DType): Tensor {
  return toTensor(op, arg, x, x instanceof Tensor ? undefined : dtype);
}

/**
 * A tensor argument, as TF.js's convertToTensor: a Tensor as it is (checked live), anything else made into one
 * (dtype inferred, or `dtype` when given: index arguments say 'int32', and a number there must be whole).
 */
export function toTensor(op: string, arg: string, x: unknown, dtype?: DType): Tensor {
  if (x instanceof Tensor) return assertTensor(op, arg, x);
  if (typeof x !== 'number' && typeof x !== 'boolean' && !Array.isArray(x) && !(ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    throw argError(op, arg, describeValue(x), 'a Tensor or TensorLike values (a number, a boolean, an array or a typed array)');
  }
  // Strings make a string tensor, which the ops that take one convert themselves (ops/string-tensors.ts); as
  // TF.js's convertToTensor, a numeric dtype to parse them as does not make them numbers.
  if (dtype !== 'string' && inferDtype(x) === 'string') throw argError(op, arg, 'strings', `numbers or booleans (${op} does not take strings)`);
  if (dtype === 'int32' && !(x instanceof Int32Array || x instanceof Uint8Array || x instanceof Uint8ClampedArray)) {
    let flat: ArrayLike<number>;
    if (ArrayBuffer.isView(x)) flat = x as TypedArray;
    else {
      const list: number[] = [];
      flatten(x as NestedValues, list);
      flat = list;
    }
    for (let i = 0; i < flat.length; i++) {
      if (!Number.isInteger(flat[i])) throw argError(op, `${arg}[${i}]`, String(flat[i]), 'an integer (this argument is int32)');
    }
  }
  return makeTensor(op, x as TensorLike, undefined, dtype, arg);
}

const RANK: Record<NumericDType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

/**
 * TF.js's upcastType (bool < int32 < float32), with float64 above all: the dtype two operands meet in. A string or
 * complex dtype meets only itself, as TF.js's refuses to upcast a string.
 */
export function upcastType(a: DType, b: DType): DType {
  if (a === b) return a;
  if (!isNumericDtype(a) || !isNumericDtype(b)) throw new Error(`Can not upcast ${a} with ${b}`);
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * One operand of an op made a tensor, as toTensor, except that TensorLike floats are parsed as float64 when one of
 * the op's operands (`operands`, x among them or not) is a float64 tensor: a value given beside one is never rounded
 * to float32 first.
 */
export function toTensorBeside(op: string, arg: string, x: unknown, operands: readonly unknown[]): Tensor {
  const wide = !(x instanceof Tensor) && operands.some((o) => o instanceof Tensor && o.dtype === 'float64') && inferDtype(x) === 'float32';
  return toTensor(op, arg, x, wide ? 'float64' : undefined);
}

/** Several operands of one op made tensors beside each other (toTensorBeside). */
export function toTensorsBeside(op: string, named: ReadonlyArray<readonly [arg: string, x: unknown]>): Tensor[] {
  const values = named.map(([, x]) => x);
  return named.map(([arg, x]) => toTensorBeside(op, arg, x, values));
}

/**
 * Two operands of an elementwise op, each a Tensor or TensorLike, in one dtype as TF.js's makeTypesMatch gives
 * them: the lower is cast up (int32 + float32 is float32; float32 + float64 is float64, the cpu-only dtype above
 * all). A number beside a float64 tensor becomes float64.
 */
export function matchedOperands(op: string, a: unknown, b: unknown, cast: (x: Tensor, dtype: DType) => Tensor): [Tensor, Tensor] {
  let [ta, tb] = toTensorsBeside(op, [['a', a], ['b', b]]);
  if (ta.dtype === tb.dtype) return [ta, tb];
  const to = upcastType(ta.dtype, tb.dtype);
  if (ta.dtype !== to) ta = cast(ta, to);
  if (tb.dtype !== to) tb = cast(tb, to);
  return [ta, tb];
}
