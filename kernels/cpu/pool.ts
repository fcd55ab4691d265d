import type { Pool2dGeometry } from '../shared/geometry';
import type { Activation } from '../shared/op-names';
import type { FloatArray } from '../shared/types';

/** out [N,outH,outW,C]; argmax[i] = flat index into x of the max chosen for out[i] (first max wins on ties; padded cells never win). */
export function maxPool(x: FloatArray, g: Pool2dGeometry, out: FloatArray, argmax: Int32Array): void {
  const { batch, inH, inW, channels: ch, outH, outW, fh, fw, strideH, strideW, padTop, padLeft } = g;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      // Clip the window to the image once, so the inner loops test no bounds and padding never competes
      // (TF.js geometry leaves at least one real cell in every window).
      const y0 = oy * strideH - padTop;
      const yStart = Math.max(y0, 0), yEnd = Math.min(y0 + fh, inH);
      for (let ox = 0; ox < outW; ox++, o += ch) {
        const x0 = ox * strideW - padLeft;
        const xStart = Math.max(x0, 0), xEnd = Math.min(x0 + fw, inW);
        // The first cell seeds every channel; later cells replace it only when strictly greater.
        const first = ((b * inH + yStart) * inW + xStart) * ch;
        for (let c = 0; c < ch; c++) { out[o + c] = x[first + c]; argmax[o + c] = first + c; }
        for (let iy = yStart; iy < yEnd; iy++) {
          for (let ix = iy === yStart ? xStart + 1 : xStart; ix < xEnd; ix++) {
            const src = ((b * inH + iy) * inW + ix) * ch;
            // Channels are contiguous in NHWC: one pass over a pixel updates all C running maxima.
            for (let c = 0; c < ch; c++) {
              const v = x[src + c];
              if (v > out[o + c]) { out[o + c] = v; argmax[o + c] = src + c; }
            }
          }
        }
      }
    }
  }
}

/** dx (overwritten) gets dy scattered (added) at argmax. */
export function maxPoolBackprop(dy: FloatArray, argmax: Int32Array, dx: FloatArray): void {
  dx.fill(0);
  for (let i = 0; i < argmax.length; i++) dx[argmax[i]] += dy[i];
}

/**
 * The backward pass of pooled = maxPool(act(z + bias)) over 2×2 stride-2 'valid' windows, whose `winners` say which
 * cell (0-3, row-major) won each output: dz [batch, outH, outW, ch] (zShape) and dbias [ch], from dPooled alone.
 * dz is 0 + dPooled at each window's winner where act' is 1 there (relu: pooled > 0) and +0 everywhere else, and
 * dbias sums dz over z's pixels in order: the bits of maxPoolBackprop, then biasActivationBackprop.
 */
export type UnpoolActivationBackpropFn = (
  dPooled: FloatArray, pooled: FloatArray, winners: Int32Array, zShape: readonly number[], act: Activation, dz: FloatArray, dbias: FloatArray,
) => void;

/** The naive twin: every cell of z asks whether it won its window. */
export const unpoolActivationBackprop: UnpoolActivationBackpropFn = (dPooled, pooled, winners, zShape, act, dz, dbias) => {
  const [batch, outH, outW, ch] = zShape;
  const [gh, gw] = [outH >> 1, outW >> 1];
  dbias.fill(0);
  for (let b = 0, o = 0; b < batch; b++) for (let oy = 0; oy < outH; oy++) for (let ox = 0; ox < outW; ox++) {
    const inWindow = oy >> 1 < gh && ox >> 1 < gw;
    const cell = ((oy & 1) << 1) | (ox & 1);
    for (let c = 0; c < ch; c++, o++) {
      const i = (((b * gh + (oy >> 1)) * gw + (ox >> 1)) * ch) + c;
      const g = inWindow && winners[i] === cell && (act !== 'relu' || pooled[i] > 0) ? 0 + dPooled[i] : 0;
      dz[o] = g;
      dbias[c] += g;
    }
  }
};

/** out[i] = src[argmax[i]]: the adjoint of maxPoolBackprop, picking src at each window's winner. */
export function gatherAt(src: FloatArray, argmax: Int32Array, out: FloatArray): void {
  for (let i = 0; i < argmax.length; i++) out[i] = src[argmax[i]];
}

/** The reference: every output scans its whole window, skipping cells outside the image. */
export function maxPoolNaive(x: FloatArray, g: Pool2dGeometry, out: FloatArray, argmax: Int32Array): void {
  const { batch, inH, inW, channels: ch, outH, outW, fh, fw, strideH, strideW, padTop, padLeft } = g;
  for (let b = 0; b < batch; b++) for (let oy = 0; oy < outH; oy++) for (let ox = 0; ox < outW; ox++) {
    for (let c = 0; c < ch; c++) {
      let best = -Infinity, where = -1;
      for (let ky = 0; ky < fh; ky++) for (let kx = 0; kx < fw; kx++) {
        const iy = oy * strideH - padTop + ky;
        const ix = ox * strideW - padLeft + kx;
        if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) continue;
        const i = ((b * inH + iy) * inW + ix) * ch + c;
        if (where < 0 || x[i] > best) { best = x[i]; where = i; }
      }
      const o = ((b * outH + oy) * outW + ox) * ch + c;
      out[o] = best;
      argmax[o] = where;
    }
  }
}
