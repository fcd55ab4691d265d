import type { Rank } from '../tensor/value-types';
import { assertTensor } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import { Tensor, arrayTypeFor, installTensorOps, sizeOfShape } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import { toTensor, type TensorLike } from './tensor-like';
import { isComplex, perPart } from './complex-parts';
import { sharing } from './sharing';
import { isStrings, stringTensor } from './string-tensors';

/** Resolves a reshape target (one -1 allowed) against a size, with an error naming both shapes. */
export function inferShape(shape: readonly number[], size: number, from: readonly number[]): number[] {
  const bad = (why: string) =>
    new Error(`reshape: shape must ${why}; got [${Array.isArray(shape) ? shape.join(', ') : String(shape)}] for a tensor of shape [${from.join(', ')}] (size ${size})`);
  if (!Array.isArray(shape)) throw bad('be an array of integers');
  let unknown = -1;
  let known = 1;
  shape.forEach((d, i) => {
    if (d === -1 && unknown < 0) unknown = i;
    else if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) throw bad('hold non-negative integers and at most one -1');
    else known *= d;
  });
  const out = shape.slice();
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw bad(`leave a size divisible by the known dims (${known})`);
    out[unknown] = size / known;
  } else if (known !== size) {
    throw bad(`have the same number of elements (${size})`);
  }
  return out;
}

/** As tf.reshape(x, shape): one dim may be -1. No copy: the result views x's values. */
export function reshape<R extends Rank = Rank>(x: Tensor | TensorLike, shape: readonly number[]): Tensor<R> {
  if (isComplex(x)) return perPart(x, (p) => reshape(p, shape)) as Tensor<R>;
  // A string tensor's view shares its strings (nothing to differentiate: strings have no gradient); strings given
  // as values are reshaped too, as TF.js's reshape parses x as string or numeric.
  if (isStrings(x)) {
    const t = stringTensor('reshape', 'x', x);
    return sharing(t, inferShape(shape, t.size, t.shape)) as Tensor<R>;
  }
  x = toTensor('reshape', 'x', x);
  const y = sharing(x, inferShape(shape, x.size, x.shape));
  recordOp('reshape', [x], y, null);
  return y as Tensor<R>;
}

export interface SliceAttrs {
  begin: number;
}

/** Rows [begin, begin + size) along axis 0 (size -1 or omitted: to the end), copied. */
export function slice(x: Tensor, begin: number, size?: number): Tensor {
  assertTensor('slice', 'x', x);
  const rows = x.shape[0];
  if (x.rank === 0) throw new Error('slice: x must have rank >= 1, got a scalar');
  if (!Number.isInteger(begin) || begin < 0 || begin > rows) {
    throw new Error(`slice: begin must be an integer in [0, ${rows}] for shape [${x.shape.join(', ')}], got ${begin}`);
  }
  const n = size === undefined || size === -1 ? rows - begin : size;
  if (!Number.isInteger(n) || n < 0 || begin + n > rows) {
    throw new Error(`slice: size must be an integer in [0, ${rows - begin}] (or -1) for begin ${begin} and shape [${x.shape.join(', ')}], got ${size}`);
  }
  const row = rows === 0 ? 0 : x.size / rows;
  const y = new Tensor([n, ...x.shape.slice(1)], x.dtype, x.hostValues().slice(begin * row, (begin + n) * row));
  recordOp<SliceAttrs>('slice', [x], y, { begin });
  return y;
}

export interface PadAttrs {
  /** Rows of zeros before x. */
  before: number;
  /** The padded number of rows. */
  rows: number;
}

/** @internal x between rows of zeros along axis 0, to `rows` rows: slice's gradient, as an op (its gradient is a slice). */
export function padRows(x: Tensor, before: number, rows: number): Tensor {
  const row = sizeOfShape(x.shape.slice(1));
  const values = new (arrayTypeFor(x.dtype))(rows * row);
  values.set(x.hostValues(), before * row);
  const y = new Tensor([rows, ...x.shape.slice(1)], x.dtype, values);
  recordOp<PadAttrs>('padRows', [x], y, { before, rows });
  return y;
}

/** Collapses every axis after the first, as Keras's Flatten does: [n, ...] -> [n, rest]. */
export function flatten(x: Tensor): Tensor {
  assertTensor('flatten', 'x', x);
  return reshape(x, [x.shape[0] ?? 1, -1]);
}

// Tensor's methods x.reshape(...) and x.slice(...) run these; x.reshape in a scope of its own, as TF.js's chained ops
// (the other methods get theirs from addTensorMethods), so the tensor it gives shows TF.js's scopeId.
installTensorOps({ reshape: (x, shape) => tidy(() => reshape(x, shape)), slice });
