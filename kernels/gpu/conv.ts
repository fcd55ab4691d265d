import type { Conv2dGeometry } from '../shared/geometry';
import type { KernelInput, KernelThis } from './kernel-this';
import { loopParts } from './loop-parts';

// NHWC input x, [kh, kw, inC / groups, outC] filter, NHWC output; the geometry (kernels/shared/geometry) and
// the group sizes come in as the constants, so every loop bound is a compile-time constant. Groups cover both
// convolutions tessera runs: conv2d is one group (inPerGroup = inC, outPerGroup = outC); depthwiseConv2d is a
// group per input channel (inPerGroup = 1, outPerGroup = M), its [kh, kw, inC, M] filter read flat as [kh, kw, 1, outC].

export interface GroupedConvConstants extends Conv2dGeometry {
  inPerGroup: number;
  outPerGroup: number;
  /** Outputs of one part, and the channels of a group each part sums (loop-parts.ts): in channels, or out for dx. */
  size: number;
  span: number;
}

/**
 * The constants of one group (conv2d) or of a group per input channel (depthwise), for the forward kernel or the
 * input gradient's, and how many parts each output sums.
 */
export function groupedConvConstants(g: Conv2dGeometry, depthwise: boolean, kernel: 'forward' | 'inputGradient'): { constants: GroupedConvConstants; parts: number } {
  const [inPerGroup, outPerGroup] = depthwise ? [1, g.outC / g.inC] : [g.inC, g.outC];
  const forward = kernel === 'forward';
  const { span, parts } = loopParts(forward ? inPerGroup : outPerGroup, g.kh * g.kw);
  const size = forward ? g.batch * g.outH * g.outW * g.outC : g.batch * g.inH * g.inW * g.inC;
  return { constants: { ...g, inPerGroup, outPerGroup, size, span }, parts };
}

/**
 * The filter gradient's parts: each image's output rows in runs of `rows` (loop-parts.ts), `rowParts` runs an
 * image; a part is one run of one image.
 */
export interface FilterPartConstants extends Conv2dGeometry {
  rows: number;
  rowParts: number;
}

/** The filter gradient's constants, and its parts (images × runs of rows). */
export function filterPartConstants(g: Conv2dGeometry): { constants: FilterPartConstants; parts: number } {
  const { span, parts } = loopParts(g.outH, g.outW);
  return { constants: { ...g, rows: span, rowParts: parts }, parts: g.batch * parts };
}

/**
 * part[b,oy,ox,co] = Σ_{ky,kx, ci of the part's span in co's group} x[b, oy*sH - padTop + ky, ox*sW - padLeft + kx, ci] ·
 * w[ky,kx,ci mod group,co].
 */
export function conv2dKernel(this: KernelThis<GroupedConvConstants>, x: KernelInput, w: KernelInput): number {
  const t = this.thread.x;
  const part = Math.floor(t / this.constants.size);
  const i = t - part * this.constants.size;
  const first = part * this.constants.span;
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
          const xBase = ((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.inC + firstIn + first;
          const wBase = ((ky * this.constants.kw + kx) * this.constants.inPerGroup + first) * this.constants.outC + co;
          for (let ci = 0; ci < this.constants.span; ci++) {
            if (first + ci < this.constants.inPerGroup) sum += x[xBase + ci] * w[wBase + ci * this.constants.outC];
          }
        }
      }
    }
  }
  return sum;
}

/** part of dx[b,iy,ix,ci] = Σ over the (output, tap) pairs that read x[b,iy,ix,ci] (the part's span of ci's group's outputs) of dy · w. */
export function conv2dBackpropInputKernel(this: KernelThis<GroupedConvConstants>, dy: KernelInput, w: KernelInput): number {
  const t = this.thread.x;
  const part = Math.floor(t / this.constants.size);
  const i = t - part * this.constants.size;
  const first = part * this.constants.span;
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
          const dyBase = ((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.outC + firstOut + first;
          const wBase = ((ky * this.constants.kw + kx) * this.constants.inPerGroup + within) * this.constants.outC + firstOut + first;
          for (let q = 0; q < this.constants.span; q++) {
            if (first + q < this.constants.outPerGroup) sum += dy[dyBase + q] * w[wBase + q];
          }
        }
      }
    }
  }
  return sum;
}

/**
 * The filter gradient, one part (a run of an image's output rows) at a time: partial[s,ky,kx,ci,co] = Σ_{oy,ox}
 * x · dy over part s's rows. Summing the partials over s (a reduction) gives dw; splitting by image gives the GPU
 * batch× more threads, each with a shorter loop, than one thread per filter weight would.
 */
export function conv2dBackpropFilterPartialKernel(this: KernelThis<FilterPartConstants>, x: KernelInput, dy: KernelInput): number {
  const i = this.thread.x;
  const filterSize = this.constants.kh * this.constants.kw * this.constants.inC * this.constants.outC;
  const s = Math.floor(i / filterSize);
  const f = i - s * filterSize;
  const b = Math.floor(s / this.constants.rowParts);
  const firstRow = (s - b * this.constants.rowParts) * this.constants.rows;
  const tap = Math.floor(f / (this.constants.inC * this.constants.outC));
  const channels = f - tap * this.constants.inC * this.constants.outC;
  const ci = Math.floor(channels / this.constants.outC);
  const co = channels - ci * this.constants.outC;
  const ky = Math.floor(tap / this.constants.kw);
  const kx = tap - ky * this.constants.kw;
  let sum = 0;
  for (let r = 0; r < this.constants.rows; r++) {
    const oy = firstRow + r;
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    if (oy < this.constants.outH && iy >= 0 && iy < this.constants.inH) {
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
