import { mergeStridedAxes, rowMajorStrides } from '../shared/strided';

/** Element arrays of any dtype: the shape kernels move values without looking at them. */
export type AnyValues = Float32Array | Float64Array | Int32Array | Uint8Array;

/**
 * dst[dstOffset + Σ c_k·dstStrides_k] = src[srcOffset + Σ c_k·srcStrides_k] for every coordinate c of shape.
 * Strides may be 0 (repeat) or negative (walk backwards). Runs that are contiguous on both sides copy with set().
 */
export function copyStrided(
  src: AnyValues, srcOffset: number, srcStrides: readonly number[],
  dst: AnyValues, dstOffset: number, dstStrides: readonly number[],
  shape: readonly number[],
): void {
  if (shape.some((d) => d === 0)) return;
  const { dims, a: ss, b: ds } = mergeStridedAxes(shape, srcStrides, dstStrides);
  const n = dims.length;
  if (n === 0) {
    dst[dstOffset] = src[srcOffset];
    return;
  }
  const inner = dims[n - 1], si = ss[n - 1], di = ds[n - 1];
  const contiguous = si === 1 && di === 1;
  const idx = new Array<number>(n - 1).fill(0);
  let s = srcOffset, d = dstOffset;
  for (;;) {
    if (contiguous) dst.set(src.subarray(s, s + inner), d);
    else for (let i = 0; i < inner; i++) dst[d + i * di] = src[s + i * si];
    let k = n - 2;
    for (; k >= 0; k--) {
      s += ss[k];
      d += ds[k];
      if (++idx[k] < dims[k]) break;
      s -= ss[k] * dims[k];
      d -= ds[k] * dims[k];
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

/** out[c] = x[offset + Σ c_k·strides_k] over out's shape (out contiguous); `copy` is a kernel set's copyStrided. */
export function gatherStrided(x: AnyValues, offset: number, strides: readonly number[], out: AnyValues, shape: readonly number[], copy = copyStrided): void {
  copy(x, offset, strides, out, 0, rowMajorStrides(shape), shape);
}

/** out (of outShape) = fill, except at begin + c·steps (per axis) for each coordinate c of x, which holds x[c]. */
export function scatterStrided(
  x: AnyValues, xShape: readonly number[], out: AnyValues, outShape: readonly number[],
  begin: readonly number[], steps: readonly number[], fill: number, copy = copyStrided,
): void {
  out.fill(fill);
  const outStrides = rowMajorStrides(outShape);
  let offset = 0;
  for (let k = 0; k < outShape.length; k++) offset += begin[k] * outStrides[k];
  copy(x, 0, rowMajorStrides(xShape), out, offset, outStrides.map((s, k) => s * steps[k]), xShape);
}

/** Writes each input into out (of outShape) after the previous ones along axis. */
export function concat(
  xs: readonly AnyValues[], shapes: readonly (readonly number[])[], axis: number, out: AnyValues, outShape: readonly number[], copy = copyStrided,
): void {
  const outStrides = rowMajorStrides(outShape);
  let at = 0;
  xs.forEach((x, i) => {
    copy(x, 0, rowMajorStrides(shapes[i]), out, at * outStrides[axis], outStrides, shapes[i]);
    at += shapes[i][axis];
  });
}
