import { newHostValues } from '../backend/host-values';
import { Tensor } from '../tensor/tensor';

/**
 * Rows of x by index along axis 0, gathered on the host: datasets live in host memory, and a
 * gpu backend uploads each batch when it first uses it.
 */
export function gatherRows(x: Tensor, indices: Int32Array, begin: number, end: number): Tensor {
  const rows = x.shape[0];
  const row = rows === 0 ? 0 : x.size / rows;
  const src = x.hostValues();
  const out = newHostValues(x.dtype, (end - begin) * row);
  // Runs of consecutive rows (all of them when unshuffled) are copied as one block.
  for (let i = begin; i < end; ) {
    const r = indices[i];
    let j = i + 1;
    while (j < end && indices[j] === r + (j - i)) j++;
    out.set(src.subarray(r * row, (r + j - i) * row), (i - begin) * row);
    i = j;
  }
  return new Tensor([end - begin, ...x.shape.slice(1)], x.dtype, out);
}

/** 0..n-1, the unshuffled order. */
export function range(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}
