import type { Conv2dGeometry } from '../shared/geometry';
import type { FloatArray } from '../shared/types';

/**
 * Walks the patch cells in cols order, calling visit(colsOffset, xOffset) for each, with xOffset -1 where the
 * cell falls in the padding. NHWC keeps a pixel's channels contiguous, so each cell is one run of inC values.
 * im2col and its adjoint col2im share this walk, so they cannot disagree on the layout.
 */
function forEachPatchCell(g: Conv2dGeometry, visit: (col: number, x: number) => void): void {
  const { batch, inH, inW, inC, outH, outW, kh, kw, strideH, strideW, padTop, padLeft } = g;
  let col = 0;
  for (let b = 0; b < batch; b++) {
    const xBatch = b * inH * inW * inC;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        for (let ky = 0; ky < kh; ky++) {
          const iy = iy0 + ky;
          const rowInside = iy >= 0 && iy < inH;
          for (let kx = 0; kx < kw; kx++, col += inC) {
            const ix = ix0 + kx;
            visit(col, rowInside && ix >= 0 && ix < inW ? xBatch + (iy * inW + ix) * inC : -1);
          }
        }
      }
    }
  }
}

/** cols is [batch*outH*outW, kh*kw*inC] row-major; column index = (ky*kw + kx)*inC + c. Padded positions are 0. */
export function im2col(x: FloatArray, g: Conv2dGeometry, cols: FloatArray): void {
  const inC = g.inC;
  forEachPatchCell(g, (col, src) => {
    if (src < 0) cols.fill(0, col, col + inC);
    else for (let c = 0; c < inC; c++) cols[col + c] = x[src + c];
  });
}

/**
 * The adjoint: dx accumulates every cols entry back to the input position it came from, in the order of the output
 * pixels; it is zeroed first, unless `accumulate` (a convolution's bands, added in turn).
 */
export function col2im(cols: FloatArray, g: Conv2dGeometry, dx: FloatArray, accumulate = false): void {
  const inC = g.inC;
  if (!accumulate) dx.fill(0, 0, g.batch * g.inH * g.inW * inC);
  forEachPatchCell(g, (col, dst) => {
    if (dst >= 0) for (let c = 0; c < inC; c++) dx[dst + c] += cols[col + c]; // padding absorbs nothing
  });
}
