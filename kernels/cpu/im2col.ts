import type { Conv2dGeometry } from './conv-geometry';
import type { FloatArray } from './types';

/** cols is [batch*outH*outW, kh*kw*inC] row-major; column index = (ky*kw + kx)*inC + c. Padded positions are 0. */
export function im2col(x: FloatArray, g: Conv2dGeometry, cols: FloatArray): void {
  const { batch, inH, inW, inC, outH, outW, kh, kw, strideH, strideW, padTop, padLeft } = g;
  let dst = 0;
  for (let b = 0; b < batch; b++) {
    const xBatch = b * inH * inW * inC;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        for (let ky = 0; ky < kh; ky++) {
          const iy = iy0 + ky;
          const rowInside = iy >= 0 && iy < inH;
          for (let kx = 0; kx < kw; kx++, dst += inC) {
            const ix = ix0 + kx;
            if (rowInside && ix >= 0 && ix < inW) {
              // NHWC keeps a pixel's channels contiguous, so each patch cell is one run of inC values.
              const src = xBatch + (iy * inW + ix) * inC;
              for (let c = 0; c < inC; c++) cols[dst + c] = x[src + c];
            } else {
              cols.fill(0, dst, dst + inC);
            }
          }
        }
      }
    }
  }
}

/** The adjoint: dx (fully overwritten: it is zeroed first) accumulates every cols entry back to the input position it came from. */
export function col2im(cols: FloatArray, g: Conv2dGeometry, dx: FloatArray): void {
  const { batch, inH, inW, inC, outH, outW, kh, kw, strideH, strideW, padTop, padLeft } = g;
  dx.fill(0, 0, batch * inH * inW * inC);
  let src = 0;
  for (let b = 0; b < batch; b++) {
    const xBatch = b * inH * inW * inC;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        for (let ky = 0; ky < kh; ky++) {
          const iy = iy0 + ky;
          const rowInside = iy >= 0 && iy < inH;
          for (let kx = 0; kx < kw; kx++, src += inC) {
            const ix = ix0 + kx;
            if (!rowInside || ix < 0 || ix >= inW) continue; // padding absorbs nothing
            const dst = xBatch + (iy * inW + ix) * inC;
            for (let c = 0; c < inC; c++) dx[dst + c] += cols[src + c];
          }
        }
      }
    }
  }
}
