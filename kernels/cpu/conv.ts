import type { Conv2dGeometry } from '../shared/geometry';
import type { Activation } from '../shared/op-names';
import { gemm, gemmBiasActivation, type GemmBiasActivationFn, type GemmFn } from './gemm';
import { col2im, im2col } from './im2col';
import type { FloatArray } from '../shared/types';
import { copyStrided } from './strided';
import { zeroShare } from './zero-share';

// Each conv is one gemm over the im2col matrix: cols [M = N*outH*outW, K = kh*kw*inC], filter [K, outC].
// `cols` is caller-owned scratch of length M*K (the forward passes take less: see forEachBand); `gemmFn`, `im2colFn`
// and `col2imFn` let the backend swap in faster kernels.

/**
 * The im2col floats a forward convolution fills at once (16 MiB of float32). A larger one runs in bands of output
 * rows: a 1200×1200 image's columns would be hundreds of MB, and the product's copies of them as many again.
 */
export const FORWARD_COLS = 4 * 1024 * 1024;

/** The columns a forward convolution takes: all of them, or FORWARD_COLS floats (one output row's at least). */
export function forwardColsLength(g: Conv2dGeometry): number {
  const rowCols = g.outW * g.kh * g.kw * g.inC;
  return Math.min(g.batch * g.outH * rowCols, Math.max(FORWARD_COLS, rowCols));
}

/**
 * Runs `band` over the convolution in bands of whole output rows whose columns fit `cols`: each band's x and out are
 * views into the caller's (so resident arrays stay in place), with the band's own geometry (batch 1, the input rows
 * its windows read, its top padding shifted to match). An output pixel's column and its product do not depend on the
 * band, so the bits are those of one call over everything.
 */
function forEachBand(
  x: FloatArray, g: Conv2dGeometry, out: FloatArray, cols: FloatArray,
  band: (x: FloatArray, g: Conv2dGeometry, out: FloatArray, cols: FloatArray, rows: number) => void,
): void {
  const rowCols = g.outW * g.kh * g.kw * g.inC;
  const perBand = Math.floor(cols.length / rowCols);
  // One call when everything fits (an empty output too), and where some window would start below the input (explicit
  // padding past it).
  if (rowCols === 0 || perBand >= g.batch * g.outH || (g.outH - 1) * g.strideH - g.padTop >= g.inH) {
    band(x, g, out, cols, g.batch * g.outH * g.outW);
    return;
  }
  if (perBand < 1) throw new Error(`conv2d: the columns scratch must hold one output row (${rowCols} floats), got ${cols.length}`);
  const [inRow, outRow] = [g.inW * g.inC, g.outW * g.outC];
  for (let b = 0; b < g.batch; b++) {
    for (let r0 = 0; r0 < g.outH; r0 += perBand) {
      const r1 = Math.min(g.outH, r0 + perBand);
      const first = Math.max(0, r0 * g.strideH - g.padTop);
      const end = Math.max(first, Math.min(g.inH, (r1 - 1) * g.strideH - g.padTop + g.kh));
      const sub: Conv2dGeometry = { ...g, batch: 1, inH: end - first, outH: r1 - r0, padTop: g.padTop + first - r0 * g.strideH };
      const xAt = (b * g.inH + first) * inRow;
      const outAt = (b * g.outH + r0) * outRow;
      band(x.subarray(xAt, xAt + sub.inH * inRow), sub, out.subarray(outAt, outAt + sub.outH * outRow), cols.subarray(0, sub.outH * rowCols), sub.outH * g.outW);
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

/** dx [N,H,W,inC] (overwritten) = col2im(dy · filterᵀ). */
export function conv2dBackpropInput(
  dy: FloatArray, filter: FloatArray, g: Conv2dGeometry, dx: FloatArray, cols: FloatArray, gemmFn: GemmFn = gemm, col2imFn = col2im,
): void {
  const rows = g.batch * g.outH * g.outW;
  const patch = g.kh * g.kw * g.inC;
  gemmFn(dy, filter, cols, rows, patch, g.outC, false, true, false);
  col2imFn(cols, g, dx);
}

/**
 * Share of zeros in dy from which the filter gradient is computed as its transpose, dyᵀ · cols: dy is then the
 * product's A, whose zeros the GEMM skips (the gradient of a relu followed by a max-pool is ~80% zeros: a CNN's
 * 3×3×32 → 64 filter gradient 6.2 → 1.4 ms). A dense dy (after batch norm) keeps colsᵀ · dy, measured faster there.
 */
const TRANSPOSED_MIN_ZEROS = 0.5;

/**
 * dw [kh,kw,inC,outC] (overwritten) = colsᵀ · dy, or its transpose dyᵀ · cols written back transposed: each
 * element is the same sum over the pixels in the same order either way (a·b = b·a), so the same bits.
 */
export function conv2dBackpropFilter(
  x: FloatArray, dy: FloatArray, g: Conv2dGeometry, dw: FloatArray, cols: FloatArray, gemmFn: GemmFn = gemm, im2colFn = im2col,
): void {
  const rows = g.batch * g.outH * g.outW;
  const patch = g.kh * g.kw * g.inC;
  im2colFn(x, g, cols);
  if (zeroShare(dy, rows * g.outC) < TRANSPOSED_MIN_ZEROS) {
    gemmFn(cols, dy, dw, patch, g.outC, rows, true, false, false);
    return;
  }
  const dwT = new (dw instanceof Float32Array ? Float32Array : Float64Array)(g.outC * patch);
  gemmFn(dy, cols, dwT, g.outC, patch, rows, true, false, false);
  copyStrided(dwT, 0, [1, patch], dw, 0, [g.outC, 1], [patch, g.outC]);
}
