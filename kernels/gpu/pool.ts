import type { Pool2dGeometry } from '../shared/geometry';
import type { KernelInput, KernelThis } from './kernel-this';

// NHWC max pooling with the geometry (kernels/shared/geometry) as constants. Cells outside the
// image never compete, and the first maximum in window order wins ties, as in the cpu kernels.

/** out[b,oy,ox,c] = the max of x over the window of (oy, ox) in channel c. */
export function maxPoolKernel(this: KernelThis<Pool2dGeometry>, x: KernelInput): number {
  const i = this.thread.x;
  const pixel = Math.floor(i / this.constants.channels);
  const c = i - pixel * this.constants.channels;
  const row = Math.floor(pixel / this.constants.outW);
  const ox = pixel - row * this.constants.outW;
  const b = Math.floor(row / this.constants.outH);
  const oy = row - b * this.constants.outH;
  let best = 0;
  let found = 0;
  for (let ky = 0; ky < this.constants.fh; ky++) {
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    for (let kx = 0; kx < this.constants.fw; kx++) {
      const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
      if (iy >= 0 && iy < this.constants.inH && ix >= 0 && ix < this.constants.inW) {
        const v = x[((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.channels + c];
        if (found === 0 || v > best) {
          best = v;
          found = 1;
        }
      }
    }
  }
  return best;
}

/** out[b,oy,ox,c] = src at the cell that wins the window of (oy, ox) in x (first max on ties): maxPoolBackprop's adjoint. */
export function maxPoolGatherKernel(this: KernelThis<Pool2dGeometry>, x: KernelInput, src: KernelInput): number {
  const i = this.thread.x;
  const pixel = Math.floor(i / this.constants.channels);
  const c = i - pixel * this.constants.channels;
  const row = Math.floor(pixel / this.constants.outW);
  const ox = pixel - row * this.constants.outW;
  const b = Math.floor(row / this.constants.outH);
  const oy = row - b * this.constants.outH;
  let best = 0;
  let picked = 0;
  let found = 0;
  for (let ky = 0; ky < this.constants.fh; ky++) {
    const iy = oy * this.constants.strideH - this.constants.padTop + ky;
    for (let kx = 0; kx < this.constants.fw; kx++) {
      const ix = ox * this.constants.strideW - this.constants.padLeft + kx;
      if (iy >= 0 && iy < this.constants.inH && ix >= 0 && ix < this.constants.inW) {
        const at = ((b * this.constants.inH + iy) * this.constants.inW + ix) * this.constants.channels + c;
        const v = x[at];
        if (found === 0 || v > best) {
          best = v;
          picked = src[at];
          found = 1;
        }
      }
    }
  }
  return picked;
}

/**
 * dx[b,iy,ix,c] = Σ dy over the windows whose winner is this cell. Each candidate window finds its
 * winner again from x (a few compares for small windows) rather than reading a stored argmax.
 */
export function maxPoolBackpropKernel(this: KernelThis<Pool2dGeometry>, dy: KernelInput, x: KernelInput): number {
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
        if (winY === iy && winX === ix) {
          sum += dy[((b * this.constants.outH + oy) * this.constants.outW + ox) * this.constants.channels + c];
        }
      }
    }
  }
  return sum;
}
