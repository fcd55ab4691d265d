import type { Pool2dGeometry } from '../shared/geometry';
import type { KernelInput, KernelThis } from './kernel-this';
import { loopParts, MAX_LOOP_SPAN } from './loop-parts';

// NHWC max and average pooling, one window walk for both: the reduction is a compile-time constant (avg 1 or 0),
// so each compiled program keeps only its own branch. Cells outside the image never take part: max windows let
// the first maximum in window order win ties, avg windows average only the cells inside the image, as the cpu
// kernels and TF.js.

export interface PoolConstants extends Pool2dGeometry {
  /** 1: average pooling; 0: max pooling. */
  avg: number;
  /** Max pooling only, 1: the winning cell's place in its window (ky·fw + kx) rather than a value. */
  winner: number;
  /** The outputs of one part, and how many window offsets (ky·fw + kx) each part visits (loop-parts.ts). */
  size: number;
  span: number;
}

/**
 * The pool kernels' constants for g: the average, the max (src at the winning cell), or the winning cell's place;
 * by default one part of the forward kernel, visiting the whole window.
 */
export function poolConstants(g: Pool2dGeometry, reduce: 'avg' | 'max' | 'winner', split?: { size: number; span: number }): PoolConstants {
  const { size, span } = split ?? { size: g.batch * g.outH * g.outW * g.channels, span: g.fh * g.fw };
  return { ...g, avg: reduce === 'avg' ? 1 : 0, winner: reduce === 'winner' ? 1 : 0, size, span };
}

/**
 * How the forward kernel splits a window larger than a thread may loop over: parts of its offsets, combined by a
 * sum (average: each part divides by the whole window's count) or a max. The winner and gather forms cannot be
 * combined from parts, so they take only windows of one part.
 */
export function poolParts(g: Pool2dGeometry): { span: number; parts: number } {
  return loopParts(g.fh * g.fw);
}

/** Throws unless g's window is visited by one part: the gather and winner forms of the forward kernel cannot be split. */
export function wholeWindow(op: string, g: Pool2dGeometry): void {
  if (poolParts(g).parts > 1) throw new Error(`${op} on the gpu backend: a ${g.fh}×${g.fw} window is more than the ${MAX_LOOP_SPAN} cells one gpu thread may visit; run it on the cpu backend`);
}

/**
 * out[b,oy,ox,c] over the window of (oy, ox) in channel c. avg: the mean of x. max: src at the cell of x's
 * maximum, so src = x gives maxPool and src = y gives maxPoolGather (maxPoolBackprop's adjoint); with winner,
 * that cell's place in the window, which unpoolActivationGradKernel routes gradients by. A part visits the window
 * offsets of its span: the average of a part is its sum over the whole window's count, and a max part that finds no
 * cell of the image gives −Infinity.
 */
export function poolKernel(this: KernelThis<PoolConstants>, x: KernelInput, src: KernelInput): number {
  const t0 = this.thread.x;
  const part = Math.floor(t0 / this.constants.size);
  const i = t0 - part * this.constants.size;
  const pixel = Math.floor(i / this.constants.channels);
  const c = i - pixel * this.constants.channels;
  const row = Math.floor(pixel / this.constants.outW);
  const ox = pixel - row * this.constants.outW;
  const b = Math.floor(row / this.constants.outH);
  const oy = row - b * this.constants.outH;
  const y0 = oy * this.constants.strideH - this.constants.padTop;
  const x0 = ox * this.constants.strideW - this.constants.padLeft;
  let sum = 0;
  let best = 0;
  let picked = 0;
  let found = 0;
  const first = part * this.constants.span;
  for (let j = 0; j < this.constants.span; j++) {
    const w = first + j;
    const ky = Math.floor(w / this.constants.fw);
    const kx = w - ky * this.constants.fw;
    const iy = y0 + ky;
    const ix = x0 + kx;
    if (ky < this.constants.fh && iy >= 0 && iy < this.constants.inH && ix >= 0 && ix < this.constants.inW) {
      const at = ((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.channels + c;
      const v = x[at];
      if (this.constants.avg === 1) {
        sum += v;
      } else if (found === 0 || v > best) {
        best = v;
        picked = this.constants.winner === 1 ? w : src[at];
        found = 1;
      }
    }
  }
  if (this.constants.avg === 1) {
    const rows = Math.min(y0 + this.constants.fh, this.constants.inH) - Math.max(y0, 0);
    const cols = Math.min(x0 + this.constants.fw, this.constants.inW) - Math.max(x0, 0);
    return sum / (rows * cols);
  }
  return found === 1 ? picked : -Infinity;
}

/**
 * How the backward kernel splits its loop over the window's offsets (loop-parts.ts): each offset that meets a window
 * holding the cell costs max pooling a search of that window, so a large window overlapping itself (16×16 at
 * stride 1: 256 windows of 256 cells) is split into parts whose sums are added.
 */
export function poolBackpropParts(g: Pool2dGeometry, reduce: 'avg' | 'max'): { span: number; parts: number } {
  return loopParts(g.fh * g.fw, reduce === 'max' ? g.fh * g.fw + 1 : 1);
}

/**
 * dx[b,iy,ix,c] = Σ over the windows holding this cell: avg, dy / (the cells that window averaged); max, dy where
 * this cell is the window's winner. Each candidate max window finds its winner again from x (a few compares for
 * small windows) rather than reading a stored argmax; avg never reads x. A part tries the window offsets of its span.
 */
export function poolBackpropKernel(this: KernelThis<PoolConstants>, dy: KernelInput, x: KernelInput): number {
  const t0 = this.thread.x;
  const part = Math.floor(t0 / this.constants.size);
  const i = t0 - part * this.constants.size;
  const pixel = Math.floor(i / this.constants.channels);
  const c = i - pixel * this.constants.channels;
  const row = Math.floor(pixel / this.constants.inW);
  const ix = pixel - row * this.constants.inW;
  const b = Math.floor(row / this.constants.inH);
  const iy = row - b * this.constants.inH;
  let sum = 0;
  const first = part * this.constants.span;
  for (let j = 0; j < this.constants.span; j++) {
    const w = first + j;
    const ky = Math.floor(w / this.constants.fw);
    const kx = w - ky * this.constants.fw;
    const ny = iy + this.constants.padTop - ky;
    const oy = Math.floor(ny / this.constants.strideH);
    const nx = ix + this.constants.padLeft - kx;
    const ox = Math.floor(nx / this.constants.strideW);
    if (ky < this.constants.fh) {
      if (oy * this.constants.strideH === ny && oy >= 0 && oy < this.constants.outH &&
        ox * this.constants.strideW === nx && ox >= 0 && ox < this.constants.outW) {
        const at = ((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.channels + c;
        if (this.constants.avg === 1) {
          const y0 = oy * this.constants.strideH - this.constants.padTop;
          const x0 = ox * this.constants.strideW - this.constants.padLeft;
          const rows = Math.min(y0 + this.constants.fh, this.constants.inH) - Math.max(y0, 0);
          const cols = Math.min(x0 + this.constants.fw, this.constants.inW) - Math.max(x0, 0);
          sum += dy[at] / (rows * cols);
        } else {
          let best = 0;
          let winY = -1;
          let winX = -1;
          for (let qy = 0; qy < this.constants.fh; qy++) {
            const sy = oy * this.constants.strideH - this.constants.padTop + qy;
            for (let qx = 0; qx < this.constants.fw; qx++) {
              const sx = ox * this.constants.strideW - this.constants.padLeft + qx;
              if (sy >= 0 && sy < this.constants.inH && sx >= 0 && sx < this.constants.inW) {
                const v = x[((b * this.constants.inH + sy) * this.constants.inW + sx) * this.constants.channels + c];
                if (winY < 0 || v > best) {
                  best = v;
                  winY = sy;
                  winX = sx;
                }
              }
            }
          }
          if (winY === iy && winX === ix) sum += dy[at];
        }
      }
    }
  }
  return sum;
}

/**
 * The fused conv + max-pool's backward epilogue for windows that do not overlap (strides = window, no padding):
 * dz[b,iy,ix,c] = dy of the window holding this cell where the cell won it (its place equals winners', as the
 * pool kernel's winner mode found it), times act'(y) there (relu: y > 0, as the winner's z is y); 0 elsewhere.
 * One read of the window's winner, y and dy: no window is searched again and the pre-pool activation is not needed.
 */
export function unpoolActivationGradKernel(this: KernelThis<PoolConstants & { activation: number }>, winners: KernelInput, y: KernelInput, dy: KernelInput): number {
  const i = this.thread.x;
  const pixel = Math.floor(i / this.constants.channels);
  const c = i - pixel * this.constants.channels;
  const row = Math.floor(pixel / this.constants.inW);
  const ix = pixel - row * this.constants.inW;
  const b = Math.floor(row / this.constants.inH);
  const iy = row - b * this.constants.inH;
  const oy = Math.floor(iy / this.constants.fh);
  const ox = Math.floor(ix / this.constants.fw);
  let out = 0;
  if (oy < this.constants.outH && ox < this.constants.outW) {
    const at = ((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.channels + c;
    const place = (iy - oy * this.constants.fh) * this.constants.fw + (ix - ox * this.constants.fw);
    if (winners[at] === place && (this.constants.activation === 0 || y[at] > 0)) out = dy[at];
  }
  return out;
}
