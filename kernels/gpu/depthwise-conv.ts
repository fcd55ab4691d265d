import type { Conv2dGeometry } from '../shared/geometry';
import type { KernelInput, KernelThis } from './kernel-this';

// The filter gradient of depthwise convolution as kernels/cpu/depthwise-conv.ts computes it: input channel c
// feeds output channels c·M .. c·M + M - 1 (M = outC / inC); the filter [kh, kw, inC, M] is read flat as
// [kh, kw, outC]. The forward and input-gradient kernels are conv.ts's, with a group per input channel.

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
