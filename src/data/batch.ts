import { Tensor, arrayTypeFor } from '../tensor/tensor';

/**
 * Rows of x by index along axis 0, gathered on the host: datasets live in host memory, and a
 * gpu backend uploads each batch when it first uses it.
 */
export function gatherRows(x: Tensor, indices: Int32Array, begin: number, end: number): Tensor {
  const rows = x.shape[0];
  const row = rows === 0 ? 0 : x.size / rows;
  const src = x.hostValues();
  const out = new (arrayTypeFor(x.dtype))((end - begin) * row);
  for (let i = begin; i < end; i++) {
    const r = indices[i];
    out.set(src.subarray(r * row, (r + 1) * row), (i - begin) * row);
  }
  return new Tensor([end - begin, ...x.shape.slice(1)], x.dtype, out);
}

/** 0..n-1, the unshuffled order. */
export function range(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
