import type { Conv2dGeometry } from '../shared/geometry';
import type { FloatArray } from '../shared/types';

// References straight from the definition (for the tests, and the cpu backend's convolutions where a non-finite filter
// or dy meets padding), each output a float64 sum:
//   out[b,oy,ox,co] = Σ_{ky,kx,ci} x[b, oy*sH - padTop + ky, ox*sW - padLeft + kx, ci] · w[ky,kx,ci,co]
// where input positions outside the image contribute nothing.

export function conv2dNaive(x: FloatArray, filter: FloatArray, g: Conv2dGeometry, out: FloatArray): void {
  const { batch, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, padTop, padLeft } = g;
  for (let b = 0; b < batch; b++) for (let oy = 0; oy < outH; oy++) for (let ox = 0; ox < outW; ox++) {
    for (let co = 0; co < outC; co++) {
      let sum = 0;
      for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) {
        const iy = oy * strideH - padTop + ky;
        const ix = ox * strideW - padLeft + kx;
        if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) continue;
        for (let ci = 0; ci < inC; ci++) {
          sum += x[((b * inH + iy) * inW + ix) * inC + ci] * filter[((ky * kw + kx) * inC + ci) * outC + co];
        }
      }
      out[((b * outH + oy) * outW + ox) * outC + co] = sum;
    }
  }
}

/** dx[b,iy,ix,ci] = Σ over the (output, tap) pairs that read it: oy = (iy + padTop - ky) / sH when that is a whole in-range number. */
export function conv2dBackpropInputNaive(dy: FloatArray, filter: FloatArray, g: Conv2dGeometry, dx: FloatArray): void {
  const { batch, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, padTop, padLeft } = g;
  for (let b = 0; b < batch; b++) for (let iy = 0; iy < inH; iy++) for (let ix = 0; ix < inW; ix++) {
    for (let ci = 0; ci < inC; ci++) {
      let sum = 0;
      for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) {
        const ny = iy + padTop - ky;
        const nx = ix + padLeft - kx;
        if (ny % strideH !== 0 || nx % strideW !== 0) continue;
        const oy = ny / strideH;
        const ox = nx / strideW;
        if (oy < 0 || oy >= outH || ox < 0 || ox >= outW) continue;
        for (let co = 0; co < outC; co++) {
          sum += dy[((b * outH + oy) * outW + ox) * outC + co] * filter[((ky * kw + kx) * inC + ci) * outC + co];
        }
      }
      dx[((b * inH + iy) * inW + ix) * inC + ci] = sum;
    }
  }
}

/** dw[ky,kx,ci,co] = Σ_{b,oy,ox} x[b, iy, ix, ci] · dy[b,oy,ox,co] over in-range input positions. */
export function conv2dBackpropFilterNaive(x: FloatArray, dy: FloatArray, g: Conv2dGeometry, dw: FloatArray): void {
  const { batch, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, padTop, padLeft } = g;
  for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) for (let ci = 0; ci < inC; ci++) {
    for (let co = 0; co < outC; co++) {
      let sum = 0;
      for (let b = 0; b < batch; b++) for (let oy = 0; oy < outH; oy++) for (let ox = 0; ox < outW; ox++) {
        const iy = oy * strideH - padTop + ky;
        const ix = ox * strideW - padLeft + kx;
        if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) continue;
        sum += x[((b * inH + iy) * inW + ix) * inC + ci] * dy[((b * outH + oy) * outW + ox) * outC + co];
      }
      dw[((ky * kw + kx) * inC + ci) * outC + co] = sum;
    }
  }
}
