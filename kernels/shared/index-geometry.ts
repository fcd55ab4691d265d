// Views of a shape that the indexing kernels (cpu and gpu) walk.

/** shape seen as [outer, len, inner] around axis: the product of the dims before it, its dim, the product after. */
export function splitAt(shape: readonly number[], axis: number): [outer: number, len: number, inner: number] {
  let outer = 1, inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i];
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i];
  return [outer, shape[axis] ?? 1, inner];
}

/** Strides, in slices of shape[depth:], of shape's first depth dims: how gatherND/scatterND turn an index tuple into a row. */
export function rowStrides(shape: readonly number[], depth: number): number[] {
  const strides = new Array<number>(depth);
  for (let k = depth - 1, step = 1; k >= 0; k--) { strides[k] = step; step *= shape[k]; }
  return strides;
}
