import type { Conv2dGeometry } from '../shared/geometry';
import type { KernelInput, KernelThis } from './kernel-this';

// NHWC input x, [kh, kw, inC / groups, outC] filter, NHWC output; the geometry (kernels/shared/geometry) and
// the group sizes come in as the constants, so every loop bound is a compile-time constant. Groups cover both
// convolutions tessera runs: conv2d is one group (inPerGroup = inC, outPerGroup = outC); depthwiseConv2d is a
// group per input channel (inPerGroup = 1, outPerGroup = M), its [kh, kw, inC, M] filter read flat as [kh, kw, 1, outC].

export interface GroupedConvConstants extends Conv2dGeometry {
  inPerGroup: number;
  outPerGroup: number;
}

/** The constants of one group (conv2d) or of a group per input channel (depthwise). */
export function groupedConvConstants(g: Conv2dGeometry, depthwise: boolean): GroupedConvConstants {
  return depthwise ? { ...g, inPerGroup: 1, outPerGroup: g.outC / g.inC } : { ...g, inPerGroup: g.inC, outPerGroup: g.outC };
}

/** out[b,oy,ox,co] = Σ_{ky,kx,ci in co's group} x[b, oy*sH - padTop + ky, ox*sW - padLeft + kx, ci] · w[ky,kx,ci mod group,co]. */
export function conv2dKernel(this: KernelThis<GroupedConvConstants>, x: KernelInput, w: KernelInput): number {
  const i = this.thread.x;
  const pixel = Math.floor(i / this.constants.outC);
  const co = i - pixel * this.constants.outC;
  // +0.5: floor stays exact where the GPU divides approximately.
  const firstIn = Math.floor((co + 0.5) / this.constants.outPerGroup) * this.constants.inPerGroup;
  const row = Math.floor(pixel / this.constants.outW);
  const ox = pixel - row * this.constants.outW;
  const b = Math.floor(row / this.constants.outH);
  const oy = row - b * this.constants.outH;
  let sum = 0;
  for (let ky = 0; ky < this.constants.kh; ky++) {
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    if (iy >= 0 && iy < this.constants.inH) {
      for (let kx = 0; kx < this.constants.kw; kx++) {
        const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
        if (ix >= 0 && ix < this.constants.inW) {
          const xBase = ((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.inC + firstIn;
          const wBase = (ky * this.constants.kw + kx) * this.constants.inPerGroup * this.constants.outC + co;
          for (let ci = 0; ci < this.constants.inPerGroup; ci++) {
            sum += x[xBase + ci] * w[wBase + ci * this.constants.outC];
          }
        }
      }
    }
  }
  return sum;
}

/** dx[b,iy,ix,ci] = Σ over the (output, tap) pairs that read x[b,iy,ix,ci] (outputs of ci's group) of dy · w. */
export function conv2dBackpropInputKernel(this: KernelThis<GroupedConvConstants>, dy: KernelInput, w: KernelInput): number {
  const i = this.thread.x;
  const pixel = Math.floor(i / this.constants.inC);
  const ci = i - pixel * this.constants.inC;
  const group = Math.floor((ci + 0.5) / this.constants.inPerGroup);
  const within = ci - group * this.constants.inPerGroup;
  const firstOut = group * this.constants.outPerGroup;
  const row = Math.floor(pixel / this.constants.inW);
  const ix = pixel - row * this.constants.inW;
  const b = Math.floor(row / this.constants.inH);
  const iy = row - b * this.constants.inH;
  let sum = 0;
  for (let ky = 0; ky < this.constants.kh; ky++) {
    const ny = iy + this.constants.padTop - ky;
    const oy = Math.floor(ny / this.constants.strideH);
    // The tap reads this pixel only when the output row is whole and inside the output.
    if (oy * this.constants.strideH === ny && oy >= 0 && oy < this.constants.outH) {
      for (let kx = 0; kx < this.constants.kw; kx++) {
        const nx = ix + this.constants.padLeft - kx;
        const ox = Math.floor(nx / this.constants.strideW);
        if (ox * this.constants.strideW === nx && ox >= 0 && ox < this.constants.outW) {
          const dyBase = ((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.outC + firstOut;
          const wBase = ((ky * this.constants.kw + kx) * this.constants.inPerGroup + within) * this.constants.outC + firstOut;
          for (let q = 0; q < this.constants.outPerGroup; q++) {
            sum += dy[dyBase + q] * w[wBase + q];
          }
        }
      }
    }
  }
  return sum;
}

/**
 * The filter gradient, one image at a time: partial[b,ky,kx,ci,co] = Σ_{oy,ox} x · dy for image b.
 * Summing the partials over b (a reduction) gives dw; splitting by image gives the GPU batch×
 * more threads, each with a shorter loop, than one thread per filter weight would.
 */
export function conv2dBackpropFilterPartialKernel(this: KernelThis<Conv2dGeometry>, x: KernelInput, dy: KernelInput): number {
  const i = this.thread.x;
  const filterSize = this.constants.kh * this.constants.kw * this.constants.inC * this.constants.outC;
  const b = Math.floor(i / filterSize);
  const f = i - b * filterSize;
  const tap = Math.floor(f / (this.constants.inC * this.constants.outC));
  const channels = f - tap * this.constants.inC * this.constants.outC;
  const ci = Math.floor(channels / this.constants.outC);
  const co = channels - ci * this.constants.outC;
  const ky = Math.floor(tap / this.constants.kw);
  const kx = tap - ky * this.constants.kw;
  let sum = 0;
  for (let oy = 0; oy < this.constants.outH; oy++) {
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    if (iy >= 0 && iy < this.constants.inH) {
      for (let ox = 0; ox < this.constants.outW; ox++) {
        const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
        if (ix >= 0 && ix < this.constants.inW) {
          sum += x[((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.inC + ci] *
            dy[((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.outC + co];
        }
      }
    }
  }
  return sum;
}
