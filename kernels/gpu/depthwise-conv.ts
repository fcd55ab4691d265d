import type { FilterPartConstants } from './conv';
import type { KernelInput, KernelThis } from './kernel-this';

// The filter gradient of depthwise convolution as kernels/cpu/depthwise-conv.ts computes it: input channel c
// feeds output channels c·M .. c·M + M - 1 (M = outC / inC); the filter [kh, kw, inC, M] is read flat as
// [kh, kw, outC]. The forward and input-gradient kernels are conv.ts's, with a group per input channel.

/**
 * partial[s,ky,kx,oc] = Σ_{oy,ox} x[b, iy, ix, floor(oc / M)] · dy[b,oy,ox,oc] over part s's run of image b's output
 * rows (conv.ts's filterPartConstants); the partials summed over s give dw.
 */
export function depthwiseConv2dBackpropFilterPartialKernel(this: KernelThis<FilterPartConstants>, x: KernelInput, dy: KernelInput): number {
  const i = this.thread.x;
  const filterSize = this.constants.kh * this.constants.kw * this.constants.outC;
  const s = Math.floor(i / filterSize);
  const f = i - s * filterSize;
  const b = Math.floor(s / this.constants.rowParts);
  const firstRow = (s - b * this.constants.rowParts) * this.constants.rows;
  const tap = Math.floor(f / this.constants.outC);
  const oc = f - tap * this.constants.outC;
  // +0.5: floor stays exact where the GPU divides approximately.
  const c = Math.floor((oc + 0.5) / (this.constants.outC / this.constants.inC));
  const ky = Math.floor(tap / this.constants.kw);
  const kx = tap - ky * this.constants.kw;
  let sum = 0;
  for (let r = 0; r < this.constants.rows; r++) {
    const oy = firstRow + r;
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    for (let ox = 0; ox < this.constants.outW; ox++) {
      const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
      if (oy < this.constants.outH && iy >= 0 && iy < this.constants.inH && ix >= 0 && ix < this.constants.inW) {
        sum += x[((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.inC + c] *
          dy[((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.outC + oc];
      }
    }
  }
  return sum;
}
