import type { Conv2dGeometry } from '../shared/geometry';
import type { FloatArray } from '../shared/types';

// Depthwise convolution, NHWC: input channel c feeds outputs c·M .. c·M + M - 1 (M = outC / inC, the channel
// multiplier), through its own [kh, kw] filters. The filter [kh, kw, inC, M] is read flat as [kh, kw, outC].

/**
 * Calls visit(o, src, tap) for every output pixel and filter tap whose input pixel lies inside the image: o, src
 * and tap are where that output pixel, input pixel and tap start in out/dy, x/dx and the filter.
 */
function forEachTap(g: Conv2dGeometry, visit: (o: number, src: number, tap: number) => void): void {
  const { batch, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, padTop, padLeft } = g;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        const o = ((b * outH + oy) * outW + ox) * outC;
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * strideH - padTop + ky;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ox * strideW - padLeft + kx;
            if (ix >= 0 && ix < inW) visit(o, ((b * inH + iy) * inW + ix) * inC, (ky * kw + kx) * outC);
          }
        }
      }
    }
  }
}

/** out[b,oy,ox,c·M+q] = Σ_{ky,kx} x[b, oy·sH - padTop + ky, ox·sW - padLeft + kx, c] · w[ky,kx,c,q]. */
export function depthwiseConv2d(x: FloatArray, w: FloatArray, g: Conv2dGeometry, out: FloatArray): void {
  const { inC, outC } = g;
  const mult = outC / inC;
  out.fill(0);
  forEachTap(g, (o, src, tap) => {
    for (let c = 0, oc = 0; c < inC; c++) for (let q = 0; q < mult; q++, oc++) out[o + oc] += x[src + c] * w[tap + oc];
  });
}

/** dx (overwritten) = Σ over the (output, tap) pairs that read each input of dy · w: depthwiseConv2d's input gradient. */
export function depthwiseConv2dBackpropInput(dy: FloatArray, w: FloatArray, g: Conv2dGeometry, dx: FloatArray): void {
  const { inC, outC } = g;
  const mult = outC / inC;
  dx.fill(0);
  forEachTap(g, (o, dst, tap) => {
    for (let c = 0, oc = 0; c < inC; c++) for (let q = 0; q < mult; q++, oc++) dx[dst + c] += dy[o + oc] * w[tap + oc];
  });
}

/** dw (overwritten)[ky,kx,c,q] = Σ_{b,oy,ox} x at the tap · dy[b,oy,ox,c·M+q]: depthwiseConv2d's filter gradient. */
export function depthwiseConv2dBackpropFilter(x: FloatArray, dy: FloatArray, g: Conv2dGeometry, dw: FloatArray): void {
  const { inC, outC } = g;
  const mult = outC / inC;
  dw.fill(0);
  forEachTap(g, (o, src, tap) => {
    for (let c = 0, oc = 0; c < inC; c++) for (let q = 0; q < mult; q++, oc++) dw[tap + oc] += x[src + c] * dy[o + oc];
  });
}
