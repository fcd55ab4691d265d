import type { FloatArray } from '../shared/types';

const keep = (v: number): number => v;

/**
 * out[r, c] = (x[r, c] − mean[c])·scale[c] + offset[c] in one pass: a batch norm's inference with its scale folded
 * in, three passes as separate ops. Rounded to float32 after each operation when out is a Float32Array (the three
 * ops' bits, and the SIMD kernel's). out may be x.
 */
export function channelAffine(x: FloatArray, mean: FloatArray, scale: FloatArray, offset: FloatArray, rows: number, cols: number, out: FloatArray): void {
  const f = out instanceof Float32Array ? Math.fround : keep;
  for (let r = 0, s = 0; r < rows; r++, s += cols) {
    for (let j = 0; j < cols; j++) out[s + j] = f(f(f(x[s + j] - mean[j]) * scale[j]) + offset[j]);
  }
}
