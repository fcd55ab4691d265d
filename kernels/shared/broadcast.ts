/** NumPy / TF.js broadcasting (align trailing axes; a dim of 1 stretches); null when the shapes cannot broadcast. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | null {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 1; i <= rank; i++) {
    const da = i <= a.length ? a[a.length - i] : 1;
    const db = i <= b.length ? b[b.length - i] : 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out[rank - i] = da === 1 ? db : da;
  }
  return out;
}

/** Row-major element strides of `shape` as seen from an output of rank `rank`: 0 on broadcast (size-1 or missing) axes. */
export function broadcastStrides(shape: readonly number[], rank: number): number[] {
  const strides = new Array<number>(rank).fill(0);
  let step = 1;
  for (let i = 1; i <= shape.length; i++) {
    const dim = shape[shape.length - i];
    if (dim !== 1) strides[rank - i] = step;
    step *= dim;
  }
  return strides;
}
