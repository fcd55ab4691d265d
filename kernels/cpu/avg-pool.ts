import type { Pool2dGeometry } from '../shared/geometry';
import type { FloatArray } from '../shared/types';

// NHWC average pooling: each window averages the cells inside the image only (padding is not counted), as TF.js.

/** out[b,oy,ox,c] = the mean of x over the window of (oy, ox), clipped to the image. */
export function avgPool(x: FloatArray, g: Pool2dGeometry, out: FloatArray): void {
  const { batch, inH, inW, channels: ch, outH, outW, fh, fw, strideH, strideW, padTop, padLeft } = g;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padTop;
      const yStart = Math.max(y0, 0), yEnd = Math.min(y0 + fh, inH);
      for (let ox = 0; ox < outW; ox++, o += ch) {
        const x0 = ox * strideW - padLeft;
        const xStart = Math.max(x0, 0), xEnd = Math.min(x0 + fw, inW);
        for (let c = 0; c < ch; c++) out[o + c] = 0;
        for (let iy = yStart; iy < yEnd; iy++) {
          for (let ix = xStart; ix < xEnd; ix++) {
            const src = ((b * inH + iy) * inW + ix) * ch;
            for (let c = 0; c < ch; c++) out[o + c] += x[src + c];
          }
        }
        const scale = 1 / ((yEnd - yStart) * (xEnd - xStart));
        for (let c = 0; c < ch; c++) out[o + c] *= scale;
      }
    }
  }
}

/** dx (overwritten) = each dy spread evenly over the cells its window averaged: avgPool's adjoint. */
export function avgPoolBackprop(dy: FloatArray, g: Pool2dGeometry, dx: FloatArray): void {
  const { batch, inH, inW, channels: ch, outH, outW, fh, fw, strideH, strideW, padTop, padLeft } = g;
  dx.fill(0);
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padTop;
      const yStart = Math.max(y0, 0), yEnd = Math.min(y0 + fh, inH);
      for (let ox = 0; ox < outW; ox++, o += ch) {
        const x0 = ox * strideW - padLeft;
        const xStart = Math.max(x0, 0), xEnd = Math.min(x0 + fw, inW);
        const scale = 1 / ((yEnd - yStart) * (xEnd - xStart));
        for (let iy = yStart; iy < yEnd; iy++) {
          for (let ix = xStart; ix < xEnd; ix++) {
            const dst = ((b * inH + iy) * inW + ix) * ch;
            for (let c = 0; c < ch; c++) dx[dst + c] += dy[o + c] * scale;
          }
        }
      }
    }
  }
}
