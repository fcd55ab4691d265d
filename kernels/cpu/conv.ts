import type { Conv2dGeometry } from '../shared/geometry';
import type { Activation } from '../shared/op-names';
import { gemm, gemmBiasActivation, type GemmBiasActivationFn, type GemmFn } from './gemm';
import { col2im, im2col } from './im2col';
import type { FloatArray } from '../shared/types';
import { copyStrided } from './strided';
import { zeroShare } from './zero-share';

// Each conv is one gemm over the im2col matrix: cols [M = N*outH*outW, K = kh*kw*inC], filter [K, outC].
// `cols` is caller-owned scratch of length M*K, or less (see forEachBand); `gemmFn`, `im2colFn` and `col2imFn` let the
// backend swap in faster kernels.

/**
 * The im2col floats a convolution fills at once (16 MiB of float32). A larger one runs in bands of output rows: a
 * 1200×1200 image's columns would be hundreds of MB, and the product's copies of them as many again.
 */
export const BAND_COLS = 4 * 1024 * 1024;

/**
 * The columns scratch a convolution takes: BAND_COLS floats (one output row's at least) where it runs in bands, else
 * all its columns. Not in bands where some window would start below the input (explicit padding past it): a band's
 * geometry needs input rows.
 */
export function bandColsLength(g: Conv2dGeometry): number {
  const rowCols = g.outW * g.kh * g.kw * g.inC;
  const all = g.batch * g.outH * rowCols;
  return (g.outH - 1) * g.strideH - g.padTop < g.inH ? Math.min(all, Math.max(BAND_COLS, rowCols)) : all;
}

/** Whether a convolution runs in bands with this columns scratch (bandColsLength's, or a test's), which it checks. */
export function banded(g: Conv2dGeometry, cols: FloatArray): boolean {
  const rowCols = g.outW * g.kh * g.kw * g.inC;
  if (cols.length >= g.batch * g.outH * rowCols) return false;
  if (cols.length < rowCols || (g.outH - 1) * g.strideH - g.padTop >= g.inH) {
    throw new Error(`conv2d: the columns scratch (${cols.length} floats) must hold all the columns (${g.batch * g.outH * rowCols}), or one output row's (${rowCols}) where every window starts inside the input`);
  }
  return true;
}

/**
 * Runs `band` over the convolution in bands of whole output rows whose columns fit `cols` (one call when they all
 * do): each band's x (input space) and out (output space) are views into the caller's, so resident arrays stay in
 * place, with the band's own geometry (batch 1, the input rows its windows read, its top padding shifted to match).
 * An output pixel's column and its products do not depend on the band; `first` is true for the first call.
 */
function forEachBand(
  x: FloatArray, g: Conv2dGeometry, out: FloatArray, cols: FloatArray,
  band: (x: FloatArray, g: Conv2dGeometry, out: FloatArray, cols: FloatArray, rows: number, first: boolean) => void,
): void {
  if (!banded(g, cols)) {
    band(x, g, out, cols, g.batch * g.outH * g.outW, true);
    return;
  }
  const rowCols = g.outW * g.kh * g.kw * g.inC;
  const perBand = Math.floor(cols.length / rowCols);
  const [inRow, outRow] = [g.inW * g.inC, g.outW * g.outC];
  for (let b = 0; b < g.batch; b++) {
    for (let r0 = 0; r0 < g.outH; r0 += perBand) {
      const r1 = Math.min(g.outH, r0 + perBand);
      // The input rows the band's windows read: [top, bottom).
      const top = Math.max(0, r0 * g.strideH - g.padTop);
      const bottom = Math.max(top, Math.min(g.inH, (r1 - 1) * g.strideH - g.padTop + g.kh));
      const sub: Conv2dGeometry = { ...g, batch: 1, inH: bottom - top, outH: r1 - r0, padTop: g.padTop + top - r0 * g.strideH };
      const xAt = (b * g.inH + top) * inRow;
      const outAt = (b * g.outH + r0) * outRow;
      band(x.subarray(xAt, xAt + sub.inH * inRow), sub, out.subarray(outAt, outAt + sub.outH * outRow), cols.subarray(0, sub.outH * rowCols), sub.outH * g.outW, b === 0 && r0 === 0);
    }
  }
}

/** out [N,outH,outW,outC] = cols · filter. */
export function conv2d(
  x: FloatArray, filter: FloatArray, g: Conv2dGeometry, out: FloatArray, cols: FloatArray, gemmFn: GemmFn = gemm, im2colFn = im2col,
): void {
  forEachBand(x, g, out, cols, (bx, bg, bout, bcols, rows) => {
    im2colFn(bx, bg, bcols);
    gemmFn(bcols, filter, bout, rows, g.outC, g.kh * g.kw * g.inC, false, false, false);
  });
}

/** out [N,outH,outW,outC] = act(cols · filter + bias): the convolution with its bias and activation (fused into the product's stores by the SIMD gemmBiasActFn). */
export function conv2dBiasActivation(
  x: FloatArray, filter: FloatArray, bias: FloatArray, act: Activation, g: Conv2dGeometry, out: FloatArray, cols: FloatArray,
  im2colFn = im2col, gemmBiasActFn: GemmBiasActivationFn = gemmBiasActivation,
): void {
  forEachBand(x, g, out, cols, (bx, bg, bout, bcols, rows) => {
    im2colFn(bx, bg, bcols);
    gemmBiasActFn(bcols, filter, bout, rows, g.outC, g.kh * g.kw * g.inC, false, false, bias, act);
  });
}

/**
 * dx [N,H,W,inC] (overwritten) = col2im(dy · filterᵀ). In bands (a `cols` shorter than all the columns), each band's
 * columns are added into dx, which must then hold zeros (`dxZeroed`; else it is zeroed here): each element of dx gets
 * its terms in the order one pass adds them (by output pixel), so the same bits.
 */
export function conv2dBackpropInput(
  dy: FloatArray, filter: FloatArray, g: Conv2dGeometry, dx: FloatArray, cols: FloatArray, gemmFn: GemmFn = gemm, col2imFn = col2im, dxZeroed = false,
): void {
  const patch = g.kh * g.kw * g.inC;
  const inBands = banded(g, cols);
  if (inBands && !dxZeroed) dx.fill(0, 0, g.batch * g.inH * g.inW * g.inC);
  forEachBand(dx, g, dy, cols, (bdx, bg, bdy, bcols, rows) => {
    gemmFn(bdy, filter, bcols, rows, patch, g.outC, false, true, false);
    col2imFn(bcols, bg, bdx, inBands);
  });
}

/**
 * Share of zeros in dy from which the filter gradient is computed as its transpose, dyᵀ · cols: dy is then the
 * product's A, whose zeros the GEMM skips (the gradient of a relu followed by a max-pool is ~80% zeros: a CNN's
 * 3×3×32 → 64 filter gradient 6.2 → 1.4 ms). A dense dy (after batch norm) keeps colsᵀ · dy, measured faster there.
 */
const TRANSPOSED_MIN_ZEROS = 0.5;

/**
 * dw [kh,kw,inC,outC] (overwritten) = colsᵀ · dy, or its transpose dyᵀ · cols written back transposed: each
 * element is the same sum over the pixels in the same order either way (a·b = b·a), so the same bits. In bands (a
 * `cols` shorter than all the columns), each band's product is added to the last: the sum over the pixels is then
 * grouped by band, so the last bits may differ from one pass's (the same on every run and thread count).
 */
export function conv2dBackpropFilter(
  x: FloatArray, dy: FloatArray, g: Conv2dGeometry, dw: FloatArray, cols: FloatArray, gemmFn: GemmFn = gemm, im2colFn = im2col,
): void {
  const patch = g.kh * g.kw * g.inC;
  const transposed = zeroShare(dy, g.batch * g.outH * g.outW * g.outC) >= TRANSPOSED_MIN_ZEROS;
  const dwT = transposed ? new (dw instanceof Float32Array ? Float32Array : Float64Array)(g.outC * patch) : dw;
  forEachBand(x, g, dy, cols, (bx, bg, bdy, bcols, rows, first) => {
    im2colFn(bx, bg, bcols);
    if (transposed) gemmFn(bdy, bcols, dwT, g.outC, patch, rows, true, false, !first);
    else gemmFn(bcols, bdy, dw, patch, g.outC, rows, true, false, !first);
  });
  if (transposed) copyStrided(dwT, 0, [1, patch], dw, 0, [g.outC, 1], [patch, g.outC]);
}
