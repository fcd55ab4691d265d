// Strided views, shared by the cpu and gpu kernels of the shape ops (transpose, slice, stridedSlice,
// reverse, tile, pad, concat): every one of them reads or writes an axis-aligned lattice of elements.

/** Row-major element strides of a contiguous array of `shape`. */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  for (let i = shape.length - 1, step = 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i];
  }
  return strides;
}

/**
 * Merges neighbouring axes that both walks (`a` and `b` strides) step through as one run, and drops size-1
 * axes, so kernels loop over fewer, longer axes: a contiguous slice of whole rows becomes one run.
 */
export function mergeStridedAxes(shape: readonly number[], a: readonly number[], b: readonly number[]): { dims: number[]; a: number[]; b: number[] } {
  const dims: number[] = [], sa: number[] = [], sb: number[] = [];
  for (let k = 0; k < shape.length; k++) {
    const d = shape[k];
    if (d === 1) continue;
    const last = dims.length - 1;
    if (last >= 0 && sa[last] === a[k] * d && sb[last] === b[k] * d) {
      dims[last] *= d;
      sa[last] = a[k];
      sb[last] = b[k];
    } else {
      dims.push(d);
      sa.push(a[k]);
      sb.push(b[k]);
    }
  }
  return { dims, a: sa, b: sb };
}
