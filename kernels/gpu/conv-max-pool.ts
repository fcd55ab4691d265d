import type { QuadConvConstants } from './conv';
import type { KernelInput, KernelThis, PackedInput, Vec4 } from './kernel-this';

/**
 * conv2dMaxPoolQuadKernel's constants: a one-part conv2dQuadKernel whose outputs are its 2×2 stride-2 max-pool's,
 * poolH × poolW pooled pixels an image (size: batch · poolH · poolW · quads threads).
 */
export interface QuadConvPoolConstants extends QuadConvConstants {
  poolH: number;
  poolW: number;
  /** ACTIVATION_CODES (bias-activation.ts): 1 relu, 0 linear. */
  activation: number;
}

/**
 * maxPool(act(conv2d(x, w) + bias), 2×2, stride 2, 'valid') for output channels 4q .. 4q + 3 of one pooled pixel, in one
 * pass: the four convolution cells of its window summed as conv2dQuadKernel sums them (each tap reads the filter
 * once for the four cells), bias added, the window's first maximum kept as poolKernel keeps it, then the
 * activation: relu and linear never decrease and keep NaN, so they give the same values after the pool as before
 * it. No pre-pool tensor is written, so the unpack, bias, activation and pool passes over it go.
 */
export function conv2dMaxPoolQuadKernel(this: KernelThis<QuadConvPoolConstants>, x: KernelInput, w4: PackedInput, bias: KernelInput): Vec4 {
  const t = this.thread.x;
  const pixel = Math.floor(t / this.constants.quads);
  const q = t - pixel * this.constants.quads;
  const row = Math.floor(pixel / this.constants.poolW);
  const px = pixel - row * this.constants.poolW;
  const b = Math.floor(row / this.constants.poolH);
  const py = row - b * this.constants.poolH;
  const image = b * this.constants.inH;
  // Cells (0,0), (0,1), (1,0), (1,1) of the window, in poolKernel's order: a, b, c, d; 4 channels each.
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  for (let ky = 0; ky < this.constants.kh; ky++) {
    const iy0 = 2 * py * this.constants.strideH - this.constants.padTop + ky;
    const iy1 = iy0 + this.constants.strideH;
    for (let kx = 0; kx < this.constants.kw; kx++) {
      const ix0 = 2 * px * this.constants.strideW - this.constants.padLeft + kx;
      const ix1 = ix0 + this.constants.strideW;
      const wBase = (ky * this.constants.kw + kx) * this.constants.inC * this.constants.quads + q;
      const row0 = (image + iy0) * this.constants.inW;
      const row1 = (image + iy1) * this.constants.inW;
      for (let ci = 0; ci < this.constants.inC; ci++) {
        // Declared apart from the x values: gpu.js mis-compiles a vec4 and a float declared in one statement.
        const f = w4[wBase + ci * this.constants.quads];
        if (iy0 >= 0 && iy0 < this.constants.inH) {
          if (ix0 >= 0 && ix0 < this.constants.inW) {
            const v = x[(row0 + ix0) * this.constants.inC + ci];
            a0 += v * f[0];
            a1 += v * f[1];
            a2 += v * f[2];
            a3 += v * f[3];
          }
          if (ix1 >= 0 && ix1 < this.constants.inW) {
            const v = x[(row0 + ix1) * this.constants.inC + ci];
            b0 += v * f[0];
            b1 += v * f[1];
            b2 += v * f[2];
            b3 += v * f[3];
          }
        }
        if (iy1 >= 0 && iy1 < this.constants.inH) {
          if (ix0 >= 0 && ix0 < this.constants.inW) {
            const v = x[(row1 + ix0) * this.constants.inC + ci];
            c0 += v * f[0];
            c1 += v * f[1];
            c2 += v * f[2];
            c3 += v * f[3];
          }
          if (ix1 >= 0 && ix1 < this.constants.inW) {
            const v = x[(row1 + ix1) * this.constants.inC + ci];
            d0 += v * f[0];
            d1 += v * f[1];
            d2 += v * f[2];
            d3 += v * f[3];
          }
        }
      }
    }
  }
  // Lanes past outC read no bias (their sums are 0 and the unpack drops them).
  const co = 4 * q;
  const e0 = bias[co];
  const e1 = co + 1 < this.constants.outC ? bias[co + 1] : 0;
  const e2 = co + 2 < this.constants.outC ? bias[co + 2] : 0;
  const e3 = co + 3 < this.constants.outC ? bias[co + 3] : 0;
  // Each lane's window maximum as poolKernel keeps it: a later cell wins only when larger, so a NaN never wins after
  // the first cell, whether the compiler keeps these compares or makes them a NaN-blind max(). A NaN first cell is
  // told apart as relu tells it (|v| fails both compares with the largest float32) and wins, as in poolKernel; m is
  // never NaN, so relu may be a max(m, 0).
  const za0 = a0 + e0;
  let m0 = za0;
  m0 = b0 + e0 > m0 ? b0 + e0 : m0;
  m0 = c0 + e0 > m0 ? c0 + e0 : m0;
  m0 = d0 + e0 > m0 ? d0 + e0 : m0;
  const n0 = Math.abs(za0);
  const za1 = a1 + e1;
  let m1 = za1;
  m1 = b1 + e1 > m1 ? b1 + e1 : m1;
  m1 = c1 + e1 > m1 ? c1 + e1 : m1;
  m1 = d1 + e1 > m1 ? d1 + e1 : m1;
  const n1 = Math.abs(za1);
  const za2 = a2 + e2;
  let m2 = za2;
  m2 = b2 + e2 > m2 ? b2 + e2 : m2;
  m2 = c2 + e2 > m2 ? c2 + e2 : m2;
  m2 = d2 + e2 > m2 ? d2 + e2 : m2;
  const n2 = Math.abs(za2);
  const za3 = a3 + e3;
  let m3 = za3;
  m3 = b3 + e3 > m3 ? b3 + e3 : m3;
  m3 = c3 + e3 > m3 ? c3 + e3 : m3;
  m3 = d3 + e3 > m3 ? d3 + e3 : m3;
  const n3 = Math.abs(za3);
  const relu = this.constants.activation === 1 ? 1 : 0;
  return [
    (n0 <= 3.4028234663852886e38 ? 0 : 1) - (n0 > 3.4028234663852886e38 ? 1 : 0) > 0 ? za0 : (relu === 1 && m0 < 0 ? 0 : m0),
    (n1 <= 3.4028234663852886e38 ? 0 : 1) - (n1 > 3.4028234663852886e38 ? 1 : 0) > 0 ? za1 : (relu === 1 && m1 < 0 ? 0 : m1),
    (n2 <= 3.4028234663852886e38 ? 0 : 1) - (n2 > 3.4028234663852886e38 ? 1 : 0) > 0 ? za2 : (relu === 1 && m2 < 0 ? 0 : m2),
    (n3 <= 3.4028234663852886e38 ? 0 : 1) - (n3 > 3.4028234663852886e38 ? 1 : 0) > 0 ? za3 : (relu === 1 && m3 < 0 ? 0 : m3),
  ];
}
