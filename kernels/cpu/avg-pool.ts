import type { Pool2dGeometry } from '../shared/geometry';
import type { FloatArray } from '../shared/types';

// NHWC average pooling: each window averages the cells inside the image only (padding is not counted), as TF.js.

/**
 * Calls visit(o, cells, scale) for every output pixel: o is where it starts in out/dy, cells where each input pixel
 * of its window (clipped to the image) starts in x/dx, and scale 1 / the number of those cells.
 */
function forEachWindow(g: Pool2dGeometry, visit: (o: number, cells: number[], scale: number) => void): void {
  const { batch, inH, inW, channels: ch, outH, outW, fh, fw, strideH, strideW, padTop, padLeft } = g;
  const cells: number[] = [];
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padTop;
      const yStart = Math.max(y0, 0), yEnd = Math.min(y0 + fh, inH);
      for (let ox = 0; ox < outW; ox++, o += ch) {
        const x0 = ox * strideW - padLeft;
        const xStart = Math.max(x0, 0), xEnd = Math.min(x0 + fw, inW);
        cells.length = 0;
        for (let iy = yStart; iy < yEnd; iy++) {
          for (let ix = xStart; ix < xEnd; ix++) cells.push(((b * inH + iy) * inW + ix) * ch);
        }
        visit(o, cells, 1 / cells.length);
      }
    }
  }
}

/**
 * out[b,oy,ox,c] = the mean of x over the window of (oy, ox), clipped to the image: the cells summed in float64 and
 * divided by their count, rounded once, as TF.js's cpu kernel, so that a float32 mean has TF.js's bits (a sum in
 * float32 and a multiply by 1/count could land an ulp away, and a later round() then a whole unit).
 */
export function avgPool(x: FloatArray, g: Pool2dGeometry, out: FloatArray): void {
  const ch = g.channels;
  const sums = new Float64Array(ch);
  forEachWindow(g, (o, cells) => {
    sums.fill(0);
    for (const src of cells) for (let c = 0; c < ch; c++) sums[c] += x[src + c];
    for (let c = 0; c < ch; c++) out[o + c] = sums[c] / cells.length;
  });
}

/** dx (overwritten) = each dy spread evenly over the cells its window averaged: avgPool's adjoint. */
export function avgPoolBackprop(dy: FloatArray, g: Pool2dGeometry, dx: FloatArray): void {
  const ch = g.channels;
  dx.fill(0);
  forEachWindow(g, (o, cells, scale) => {
    for (const dst of cells) for (let c = 0; c < ch; c++) dx[dst + c] += dy[o + c] * scale;
  });
}
