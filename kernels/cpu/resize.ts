import type { AxisLerp } from '../shared/geometry';
import type { FloatArray } from '../shared/types';

const { fround } = Math;

/** A float32 lerp's steps each rounded as the float32 ops round them: a + (b − a)·t. */
const lerpF32 = (a: number, b: number, t: number): number => fround(a + fround(fround(b - a) * t));
const lerpF64 = (a: number, b: number, t: number): number => a + (b - a) * t;

/**
 * out = x ([batch, h, w, c]) resized by bilinear interpolation: along the width first (output column j lerps input
 * columns cols.lo[j] and cols.hi[j] by cols.frac[j]), then along the height, each lerp a + (b − a)·frac with every
 * step rounded to out's type, as the composed ops (gathers, sub, mul, add) round them, so the results are theirs.
 */
export function resizeBilinear(x: FloatArray, shape: readonly number[], rows: AxisLerp, cols: AxisLerp, out: FloatArray): void {
  if (out instanceof Float32Array) resizeWith(lerpF32, x, shape, rows, cols, out, rows.frac.map(fround), cols.frac.map(fround));
  else resizeWith(lerpF64, x, shape, rows, cols, out, rows.frac, cols.frac);
}

// Called with one lerp each for float32 and float64, so that each call site stays monomorphic and inlined (through a
// variable, Math.fround cost a call per step: 12 ms for a camera frame's resize).
function resizeWith(lerp: (a: number, b: number, t: number) => number, x: FloatArray, shape: readonly number[], rows: AxisLerp, cols: AxisLerp, out: FloatArray,
  rowFrac: readonly number[], colFrac: readonly number[]): void {
  const [batch, h, w, c] = shape;
  const [outH, outW] = [rows.lo.length, cols.lo.length];
  const rowC = w * c;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < outH; i++) {
      const top = (b * h + rows.lo[i]) * rowC, bottom = (b * h + rows.hi[i]) * rowC, fr = rowFrac[i];
      for (let j = 0; j < outW; j++) {
        const left = cols.lo[j] * c, right = cols.hi[j] * c, fc = colFrac[j];
        for (let k = 0; k < c; k++, o++) {
          const upper = lerp(x[top + left + k], x[top + right + k], fc);
          out[o] = lerp(upper, lerp(x[bottom + left + k], x[bottom + right + k], fc), fr);
        }
      }
    }
  }
}
