import type { Conv2dGeometry } from '../shared/geometry';
import type { KernelInput, KernelThis, PackedInput, Vec4 } from './kernel-this';
import { loopParts } from './loop-parts';

// NHWC input x, [kh, kw, inC / groups, outC] filter, NHWC output; the geometry (kernels/shared/geometry) and
// the group sizes come in as the constants, so every loop bound is a compile-time constant. Groups cover both
// convolutions tessera runs: conv2d is one group (inPerGroup = inC, outPerGroup = outC); depthwiseConv2d is a
// group per input channel (inPerGroup = 1, outPerGroup = M), its [kh, kw, inC, M] filter read flat as [kh, kw, 1, outC].
// conv2d's forward pass and filter gradient run 4 output channels a thread (conv2dQuadKernel,
// conv2dBackpropFilterQuadKernel); the grouped conv2dKernel runs depthwise's forward pass.

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

/** conv2d's forward kernel four output channels a thread: each tap reads x once and the filter as 4 values at once. */
export interface QuadConvConstants extends Conv2dGeometry {
  /** Groups of 4 output channels (the last padded with zeros): ⌈outC / 4⌉. */
  quads: number;
  /** Threads of one part (pixels × quads), and the input channels each part sums (loop-parts.ts). */
  size: number;
  span: number;
}

/** The constants of conv2dQuadKernel for g (one group), and how many parts each output sums. */
export function quadConvConstants(g: Conv2dGeometry): { constants: QuadConvConstants; parts: number } {
  const quads = Math.ceil(g.outC / 4);
  const { span, parts } = loopParts(g.inC, g.kh * g.kw);
  return { constants: { ...g, quads, size: g.batch * g.outH * g.outW * quads, span }, parts };
}

/** [rows, cols] as rows × ⌈cols / 4⌉ groups of 4 consecutive values, the last zero-padded: a filter as conv2dQuadKernel reads it. */
export function packQuadsKernel(this: KernelThis<{ cols: number; quads: number }>, v: KernelInput): Vec4 {
  const t = this.thread.x;
  const r = Math.floor(t / this.constants.quads);
  const c = (t - r * this.constants.quads) * 4;
  const at = r * this.constants.cols + c;
  return [v[at], c + 1 < this.constants.cols ? v[at + 1] : 0, c + 2 < this.constants.cols ? v[at + 2] : 0, c + 3 < this.constants.cols ? v[at + 3] : 0];
}

/**
 * conv2dKernel's sums for output channels 4q .. 4q + 3 of one pixel (the part's span of input channels), from the
 * filter packed by packQuadsKernel ([kh·kw·inC, quads]): 2 reads per 4 multiply-adds rather than 8.
 */
export function conv2dQuadKernel(this: KernelThis<QuadConvConstants>, x: KernelInput, w4: PackedInput): Vec4 {
  const t = this.thread.x;
  const part = Math.floor(t / this.constants.size);
  const i = t - part * this.constants.size;
  const first = part * this.constants.span;
  const pixel = Math.floor(i / this.constants.quads);
  const q = i - pixel * this.constants.quads;
  const row = Math.floor(pixel / this.constants.outW);
  const ox = pixel - row * this.constants.outW;
  const b = Math.floor(row / this.constants.outH);
  const oy = row - b * this.constants.outH;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let ky = 0; ky < this.constants.kh; ky++) {
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    if (iy >= 0 && iy < this.constants.inH) {
      for (let kx = 0; kx < this.constants.kw; kx++) {
        const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
        if (ix >= 0 && ix < this.constants.inW) {
          const xBase = ((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.inC + first;
          const wBase = ((ky * this.constants.kw + kx) * this.constants.inC + first) * this.constants.quads + q;
          for (let ci = 0; ci < this.constants.span; ci++) {
            // Declared apart from v: gpu.js mis-compiles a vec4 and a float declared in one statement, which a
            // minifier makes of adjacent consts. Past the last channel it reads a value it then ignores.
            const f = w4[wBase + ci * this.constants.quads];
            if (first + ci < this.constants.inC) {
              const v = x[xBase + ci];
              s0 += v * f[0];
              s1 += v * f[1];
              s2 += v * f[2];
              s3 += v * f[3];
            }
          }
        }
      }
    }
  }
  return [s0, s1, s2, s3];
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
 * The filter gradient, one part (a run of an image's output rows) at a time, 4 output channels a thread:
 * partial[s, ky,kx,ci, co..co+3] = Σ_{oy,ox} x · dy over part s's rows, one read of x per 4 multiply-adds.
 * Summing the partials over s (a reduction) gives dw; splitting by image gives the GPU batch× more threads, each
 * with a shorter loop, than one thread per filter weight would. The lanes past outC (the last group's padding)
 * sum whatever follows in dy; unpackQuadsKernel (unpack-quads.ts) drops them.
 */
export function conv2dBackpropFilterQuadKernel(this: KernelThis<FilterPartConstants & { quads: number }>, x: KernelInput, dy: KernelInput): Vec4 {
  const i = this.thread.x;
  const partSize = this.constants.kh * this.constants.kw * this.constants.inC * this.constants.quads;
  const s = Math.floor(i / partSize);
  const f = i - s * partSize;
  const b = Math.floor(s / this.constants.rowParts);
  const firstRow = (s - b * this.constants.rowParts) * this.constants.rows;
  const r = Math.floor(f / this.constants.quads);
  const co = (f - r * this.constants.quads) * 4;
  const tap = Math.floor(r / this.constants.inC);
  const ci = r - tap * this.constants.inC;
  const ky = Math.floor(tap / this.constants.kw);
  const kx = tap - ky * this.constants.kw;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let rr = 0; rr < this.constants.rows; rr++) {
    const oy = firstRow + rr;
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    if (oy < this.constants.outH && iy >= 0 && iy < this.constants.inH) {
      for (let ox = 0; ox < this.constants.outW; ox++) {
        const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
        if (ix >= 0 && ix < this.constants.inW) {
          const v = x[((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.inC + ci];
          const at = ((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.outC + co;
          s0 += v * dy[at];
          s1 += v * dy[at + 1];
          s2 += v * dy[at + 2];
          s3 += v * dy[at + 3];
        }
      }
    }
  }
  return [s0, s1, s2, s3];
}
