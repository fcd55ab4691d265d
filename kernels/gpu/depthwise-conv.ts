import type { Conv2dGeometry } from '../shared/geometry';
import type { KernelInput, KernelThis } from './kernel-this';

// Depthwise convolution as kernels/cpu/depthwise-conv.ts computes it: input channel c feeds output channels
// c·M .. c·M + M - 1 (M = outC / inC); the filter [kh, kw, inC, M] is read flat as [kh, kw, outC].

/** out[b,oy,ox,oc] = Σ_{ky,kx} x[b, iy, ix, floor(oc / M)] · w[ky, kx, oc]. */
export function depthwiseConv2dKernel(this: KernelThis<Conv2dGeometry>, x: KernelInput, w: KernelInput): number {
  const i = this.thread.x;
  const pixel = Math.floor(i / this.constants.outC);
  const oc = i - pixel * this.constants.outC;
  // +0.5: floor stays exact where the GPU divides approximately.
  const c = Math.floor((oc + 0.5) / (this.constants.outC / this.constants.inC));
  const row = Math.floor(pixel / this.constants.outW);
  const ox = pixel - row * this.constants.outW;
  const b = Math.floor(row / this.constants.outH);
  const oy = row - b * this.constants.outH;
  let sum = 0;
  for (let ky = 0; ky < this.constants.kh; ky++) {
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    for (let kx = 0; kx < this.constants.kw; kx++) {
      const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
      if (iy >= 0 && iy < this.constants.inH && ix >= 0 && ix < this.constants.inW) {
        sum += x[((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.inC + c] *
          w[(ky * this.constants.kw + kx) * this.constants.outC + oc];
      }
    }
  }
  return sum;
}

/** dx[b,iy,ix,c] = Σ over the taps and the M output channels of c that read it, of dy · w. */
export function depthwiseConv2dBackpropInputKernel(this: KernelThis<Conv2dGeometry>, dy: KernelInput, w: KernelInput): number {
  const i = this.thread.x;
  const pixel = Math.floor(i / this.constants.inC);
  const c = i - pixel * this.constants.inC;
  const row = Math.floor(pixel / this.constants.inW);
  const ix = pixel - row * this.constants.inW;
  const b = Math.floor(row / this.constants.inH);
  const iy = row - b * this.constants.inH;
  const mult = this.constants.outC / this.constants.inC;
  let sum = 0;
  for (let ky = 0; ky < this.constants.kh; ky++) {
    const ny = iy + this.constants.padTop - ky;
    const oy = Math.floor(ny / this.constants.strideH);
    for (let kx = 0; kx < this.constants.kw; kx++) {
      const nx = ix + this.constants.padLeft - kx;
      const ox = Math.floor(nx / this.constants.strideW);
      if (oy * this.constants.strideH === ny && oy >= 0 && oy < this.constants.outH &&
        ox * this.constants.strideW === nx && ox >= 0 && ox < this.constants.outW) {
        const dyBase = ((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.outC + c * mult;
        const wBase = (ky * this.constants.kw + kx) * this.constants.outC + c * mult;
        for (let q = 0; q < this.constants.outC; q++) {
          if (q < mult) sum += dy[dyBase + q] * w[wBase + q];
        }
      }
    }
  }
  return sum;
}

/** dw[ky,kx,oc] = Σ_{b,oy,ox} x[b, iy, ix, floor(oc / M)] · dy[b,oy,ox,oc]. */
export function depthwiseConv2dBackpropFilterKernel(this: KernelThis<Conv2dGeometry>, x: KernelInput, dy: KernelInput): number {
  const i = this.thread.x;
  const tap = Math.floor(i / this.constants.outC);
  const oc = i - tap * this.constants.outC;
  // +0.5: floor stays exact where the GPU divides approximately.
  const c = Math.floor((oc + 0.5) / (this.constants.outC / this.constants.inC));
  const ky = Math.floor(tap / this.constants.kw);
  const kx = tap - ky * this.constants.kw;
  let sum = 0;
  for (let b = 0; b < this.constants.batch; b++) {
    for (let oy = 0; oy < this.constants.outH; oy++) {
      const iy = oy * this.constants.strideH - this.constants.padTop + ky;
      for (let ox = 0; ox < this.constants.outW; ox++) {
        const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
        if (iy >= 0 && iy < this.constants.inH && ix >= 0 && ix < this.constants.inW) {
          sum += x[((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.inC + c] *
            dy[((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.outC + oc];
        }
      }
    }
  }
  return sum;
}
