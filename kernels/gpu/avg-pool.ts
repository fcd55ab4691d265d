import type { Pool2dGeometry } from '../shared/geometry';
import type { KernelInput, KernelThis } from './kernel-this';

// NHWC average pooling with the geometry as constants; windows average only the cells inside the image, as the
// cpu kernels (kernels/cpu/avg-pool.ts) and TF.js.

/** out[b,oy,ox,c] = the mean of x over the window of (oy, ox), clipped to the image. */
export function avgPoolKernel(this: KernelThis<Pool2dGeometry>, x: KernelInput): number {
  const i = this.thread.x;
  const pixel = Math.floor(i / this.constants.channels);
  const c = i - pixel * this.constants.channels;
  const row = Math.floor(pixel / this.constants.outW);
  const ox = pixel - row * this.constants.outW;
  const b = Math.floor(row / this.constants.outH);
  const oy = row - b * this.constants.outH;
  let sum = 0;
  let count = 0;
  for (let ky = 0; ky < this.constants.fh; ky++) {
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    for (let kx = 0; kx < this.constants.fw; kx++) {
      const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
      if (iy >= 0 && iy < this.constants.inH && ix >= 0 && ix < this.constants.inW) {
        sum += x[((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.channels + c];
        count += 1;
      }
    }
  }
  return sum / count;
}

/** dx[b,iy,ix,c] = Σ over the windows holding this cell of dy / (the cells that window averaged). */
export function avgPoolBackpropKernel(this: KernelThis<Pool2dGeometry>, dy: KernelInput): number {
  const i = this.thread.x;
  const pixel = Math.floor(i / this.constants.channels);
  const c = i - pixel * this.constants.channels;
  const row = Math.floor(pixel / this.constants.inW);
  const ix = pixel - row * this.constants.inW;
  const b = Math.floor(row / this.constants.inH);
  const iy = row - b * this.constants.inH;
  let sum = 0;
  for (let ky = 0; ky < this.constants.fh; ky++) {
    const ny = iy + this.constants.padTop - ky;
    const oy = Math.floor(ny / this.constants.strideH);
    for (let kx = 0; kx < this.constants.fw; kx++) {
      const nx = ix + this.constants.padLeft - kx;
      const ox = Math.floor(nx / this.constants.strideW);
      if (oy * this.constants.strideH === ny && oy >= 0 && oy < this.constants.outH &&
        ox * this.constants.strideW === nx && ox >= 0 && ox < this.constants.outW) {
        const y0 = oy * this.constants.strideH - this.constants.padTop;
        const x0 = ox * this.constants.strideW - this.constants.padLeft;
        const rows = Math.min(y0 + this.constants.fh, this.constants.inH) - Math.max(y0, 0);
        const cols = Math.min(x0 + this.constants.fw, this.constants.inW) - Math.max(x0, 0);
        sum += dy[((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.channels + c] / (rows * cols);
      }
    }
  }
  return sum;
}
