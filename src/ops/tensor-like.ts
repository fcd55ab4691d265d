import { Tensor, arrayTypeFor, sizeOfShape, type DType, type TypedArray } from '../tensor/tensor';
import { assertDtype, assertTensor } from '../tensor/checks';
import type { NestedValues, TensorLike } from '../tensor/value-types';
import { argError, describeValue, fmtShape } from '../util/validate';
import { toBoolBytes } from '../util/bool-values';

export type { NestedValues, TensorLike };

/** TF.js's inference: Int32Array and Uint8Array give int32, booleans bool, anything else float32 (by the first element). */
export function inferDtype(values: unknown): DType {
  if (Array.isArray(values)) return values.length === 0 ? 'float32' : inferDtype(values[0]);
  if (values instanceof Int32Array || values instanceof Uint8Array || values instanceof Uint8ClampedArray) return 'int32';
  if (typeof values === 'boolean') return 'bool';
  return 'float32';
}

/**
 * The shape implied by nested arrays, checking that they are rectangular and hold numbers or booleans. A null inside
 * the arrays is a value, 0, as TF.js stores it (its documentation's tensor1d([1, null, 3, 4])), and an undefined one
 * NaN, as TF.js stores it (a CSV row's missing cell).
 */
function nestedShape(op: string, values: unknown, path: string): number[] {
  if (typeof values === 'number' || typeof values === 'boolean' || ((values === null || values === undefined) && path !== '')) return [];
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) return [(values as TypedArray).length];
  if (!Array.isArray(values)) throw argError(op, `values${path}`, describeValue(values), 'a number, a boolean, or (nested) arrays of them');
  if (values.length === 0) return [0];
  const inner = nestedShape(op, values[0], `${path}[0]`);
  for (let i = 1; i < values.length; i++) {
    const s = nestedShape(op, values[i], `${path}[${i}]`);
    if (s.length !== inner.length || s.some((d, j) => d !== inner[j])) {
      throw argError(op, `values${path}[${i}]`, `an entry of shape ${fmtShape(s)}`, `shape ${fmtShape(inner)} like values${path}[0] (nested arrays must be rectangular)`);
    }
  }
  return [values.length, ...inner];
}

function flatten(values: NestedValues | null | undefined, out: number[]): void {
  if (typeof values === 'number') out.push(values);
  else if (values === null) out.push(0);
  else if (values === undefined) out.push(NaN);
  else if (typeof values === 'boolean') out.push(values ? 1 : 0);
  else for (let i = 0; i < values.length; i++) flatten(values[i] as NestedValues, out);
}

/**
 * Values as a new array of dtype, converted as TF.js converts them: to bool as round(v) != 0, to int32 as an
 * Int32Array stores a number (truncated, wrapped modulo 2^32; NaN and infinities become 0).
 */
function toTypedArray(flat: ArrayLike<number>, dtype: DType): TypedArray {
  return dtype === 'bool' ? toBoolBytes(flat) : arrayTypeFor(dtype).from(flat);
}

/** A new tensor from TensorLike values; shape defaults to the nesting, dtype to TF.js's inference. */
export function makeTensor(op: string, values: TensorLike, shape: readonly number[] | undefined, dtype: DType | undefined): Tensor {
  const d = dtype == null ? inferDtype(values) : assertDtype(op, 'dtype', dtype);
  const implied = nestedShape(op, values, '');
  let flat: ArrayLike<number>;
  if (ArrayBuffer.isView(values)) flat = values;
  else {
    const list: number[] = [];
    flatten(values, list);
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
  return new Tensor(target, d, toTypedArray(flat, d));
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
  if (dtype === 'int32') {
    const flat: number[] = [];
    flatten(x as NestedValues, flat);
    const bad = flat.findIndex((v) => !Number.isInteger(v));
    if (bad >= 0) throw argError(op, `${arg}[${bad}]`, String(flat[bad]), 'an integer (this argument is int32)');
  }
  return makeTensor(op, x as TensorLike, undefined, dtype);
}

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

/** TF.js's upcastType (bool < int32 < float32), with float64 above all: the dtype two operands meet in. */
export function upcastType(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Two operands of an elementwise op, each a Tensor or TensorLike, in one dtype as TF.js's makeTypesMatch gives
 * them: the lower is cast up (int32 + float32 is float32; float32 + float64 is float64, the cpu-only dtype above
 * all). A number beside a float64 tensor becomes float64.
 */
export function matchedOperands(op: string, a: unknown, b: unknown, cast: (x: Tensor, dtype: DType) => Tensor): [Tensor, Tensor] {
  const widen = (x: unknown, other: unknown): DType | undefined =>
    !(x instanceof Tensor) && other instanceof Tensor && other.dtype === 'float64' && inferDtype(x) === 'float32' ? 'float64' : undefined;
  let ta = toTensor(op, 'a', a, widen(a, b));
  let tb = toTensor(op, 'b', b, widen(b, a));
  if (ta.dtype === tb.dtype) return [ta, tb];
  const to = upcastType(ta.dtype, tb.dtype);
  if (ta.dtype !== to) ta = cast(ta, to);
  if (tb.dtype !== to) tb = cast(tb, to);
  return [ta, tb];
}
