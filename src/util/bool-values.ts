/** Numbers as bool bytes, as TF.js converts them: 1 where the value rounds to anything but 0 (NaN included), else 0. */
export function toBoolBytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(values[i]) !== 0 ? 1 : 0;
  return out;
}
