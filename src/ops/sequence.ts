import { assertTensor } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import { Tensor, arrayTypeFor, sizeOfShape } from '../tensor/tensor';
import { argError, fmtShape, fmtValue } from '../util/validate';

/*
 * The copies backprop through time needs: one time step (or one gate's columns) out of a tensor, the steps
 * stacked back, and embedding rows gathered and scattered. Each copies on the host, so it runs the same on
 * every backend, and each op's backward rule is another op here (ops/grads/sequence.ts), so they
 * differentiate any number of times.
 */

/** x viewed as [outer, x.shape[axis], inner]. */
function around(shape: readonly number[], axis: number): [number, number] {
  return [sizeOfShape(shape.slice(0, axis)), sizeOfShape(shape.slice(axis + 1))];
}

export interface AxisSliceAttrs {
  axis: number;
  begin: number;
}

/** @internal x[..., begin:begin+size, ...] along axis, copied. */
export function sliceAlong(x: Tensor, axis: number, begin: number, size: number): Tensor {
  assertTensor('sliceAlong', 'x', x);
  const len = x.shape[axis];
  if (!(axis >= 0 && axis < x.rank) || !(begin >= 0 && size >= 0 && begin + size <= len)) {
    throw argError('sliceAlong', 'begin/size', `[${begin}, ${begin + size}) on axis ${axis} of ${fmtShape(x.shape)}`, 'a range inside that axis');
  }
  const [outer, inner] = around(x.shape, axis);
  const src = x.hostValues();
  const out = new (arrayTypeFor(x.dtype))(outer * size * inner);
  for (let o = 0; o < outer; o++) out.set(src.subarray((o * len + begin) * inner, (o * len + begin + size) * inner), o * size * inner);
  const shape = x.shape.slice();
  shape[axis] = size;
  const y = new Tensor(shape, x.dtype, out);
  recordOp<AxisSliceAttrs>('sliceAlong', [x], y, { axis, begin });
  return y;
}

export interface AxisPadAttrs {
  axis: number;
  begin: number;
  length: number;
}

/** @internal x placed at [begin, begin + x.shape[axis]) of zeros `length` long on axis: sliceAlong's adjoint. */
export function padAlong(x: Tensor, axis: number, begin: number, length: number): Tensor {
  const size = x.shape[axis];
  const [outer, inner] = around(x.shape, axis);
  const src = x.hostValues();
  const out = new (arrayTypeFor(x.dtype))(outer * length * inner);
  for (let o = 0; o < outer; o++) out.set(src.subarray(o * size * inner, (o + 1) * size * inner), (o * length + begin) * inner);
  const shape = x.shape.slice();
  shape[axis] = length;
  const y = new Tensor(shape, x.dtype, out);
  recordOp<AxisPadAttrs>('padAlong', [x], y, { axis, begin, length });
  return y;
}

export interface ConcatAlongAttrs {
  axis: number;
}

/** @internal The tensors joined along axis (same shapes elsewhere, same dtype). */
export function concatAlong(xs: Tensor[], axis: number): Tensor {
  if (xs.length === 0) throw argError('concatAlong', 'xs', '[]', 'at least one tensor');
  const first = xs[0];
  for (const x of xs) {
    assertTensor('concatAlong', 'xs', x);
    if (x.dtype !== first.dtype || x.rank !== first.rank || x.shape.some((d, i) => i !== axis && d !== first.shape[i])) {
      throw argError('concatAlong', 'xs', `${fmtShape(x.shape)} ${x.dtype} beside ${fmtShape(first.shape)} ${first.dtype}`, `the same shape except on axis ${axis}, and one dtype`);
    }
  }
  const [outer, inner] = around(first.shape, axis);
  const total = xs.reduce((n, x) => n + x.shape[axis], 0);
  const out = new (arrayTypeFor(first.dtype))(outer * total * inner);
  let at = 0;
  for (const x of xs) {
    const len = x.shape[axis];
    const src = x.hostValues();
    for (let o = 0; o < outer; o++) out.set(src.subarray(o * len * inner, (o + 1) * len * inner), (o * total + at) * inner);
    at += len;
  }
  const shape = first.shape.slice();
  shape[axis] = total;
  const y = new Tensor(shape, first.dtype, out);
  recordOp<ConcatAlongAttrs>('concatAlong', xs, y, { axis });
  return y;
}

/** @internal Reverses x along axis (goBackwards); its own adjoint. */
export function reverseAlong(x: Tensor, axis: number): Tensor {
  const len = x.shape[axis];
  const [outer, inner] = around(x.shape, axis);
  const src = x.hostValues();
  const out = new (arrayTypeFor(x.dtype))(x.size);
  for (let o = 0; o < outer; o++) {
    for (let t = 0; t < len; t++) out.set(src.subarray((o * len + t) * inner, (o * len + t + 1) * inner), (o * len + len - 1 - t) * inner);
  }
  const y = new Tensor(x.shape, x.dtype, out);
  recordOp<ConcatAlongAttrs>('reverseAlong', [x], y, { axis });
  return y;
}

/**
 * Checks that every value of `indices` is an integer in [0, rows) and returns them; the error names the
 * first offending value and its position, so a bad index never reads other memory.
 */
export function checkIndices(op: string, indices: Tensor, rows: number): Int32Array {
  const v = indices.hostValues();
  const out = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const k = v[i];
    if (!Number.isInteger(k) || k < 0 || k >= rows) {
      const pos: number[] = [];
      let r = i;
      for (let d = indices.rank - 1; d >= 0; d--) {
        pos.unshift(r % indices.shape[d]);
        r = Math.floor(r / indices.shape[d]);
      }
      throw argError(op, 'indices', `${fmtValue(k)} at position [${pos.join(', ')}]`, `integers in [0, ${rows - 1}]`);
    }
    out[i] = k;
  }
  return out;
}

export interface RowsAttrs {
  indices: Int32Array;
  /** The gathered-from table's row count (for the scatter back). */
  rows: number;
}

/** @internal table[indices[i], :] for each i: [indices.length, ...row] (indices already checked). */
export function gatherRows(table: Tensor, indices: Int32Array): Tensor {
  const row = sizeOfShape(table.shape.slice(1));
  const src = table.hostValues();
  const out = new (arrayTypeFor(table.dtype))(indices.length * row);
  for (let i = 0; i < indices.length; i++) out.set(src.subarray(indices[i] * row, (indices[i] + 1) * row), i * row);
  const y = new Tensor([indices.length, ...table.shape.slice(1)], table.dtype, out);
  recordOp<RowsAttrs>('gatherRows', [table], y, { indices, rows: table.shape[0] });
  return y;
}

/** @internal Row i of x added into row indices[i] of a zero table of `rows` rows: gatherRows's adjoint. */
export function scatterAddRows(x: Tensor, indices: Int32Array, rows: number): Tensor {
  const row = sizeOfShape(x.shape.slice(1));
  const src = x.hostValues();
  const out = new (arrayTypeFor(x.dtype))(rows * row);
  for (let i = 0; i < indices.length; i++) {
    const at = indices[i] * row;
    for (let j = 0; j < row; j++) out[at + j] += src[i * row + j];
  }
  const y = new Tensor([rows, ...x.shape.slice(1)], x.dtype, out);
  recordOp<RowsAttrs>('scatterAddRows', [x], y, { indices, rows });
  return y;
}
