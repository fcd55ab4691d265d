import type { KernelInput, KernelThis } from './kernel-this';

/** The images' [h, w, c] and the output's [outH, outW]. */
export interface ResizeConstants { h: number; w: number; c: number; outH: number; outW: number }

/**
 * Output element i of a bilinear resize of x ([batch, h, w, c]): along the width first, then the height, each lerp
 * a + (b − a)·frac, as the cpu kernel (kernels/cpu/resize.ts). The source rows and columns (lo, hi) and the
 * fractions of each output row and column come from the host, which computes them as TF.js's kernel does.
 */
export function resizeBilinearKernel(this: KernelThis<ResizeConstants>, x: KernelInput, rowLo: KernelInput, rowHi: KernelInput, rowFrac: KernelInput,
  colLo: KernelInput, colHi: KernelInput, colFrac: KernelInput): number {
  const { h, w, c, outH, outW } = this.constants;
  let rest = this.thread.x;
  const k = rest - Math.floor(rest / c) * c;
  rest = Math.floor(rest / c);
  const j = rest - Math.floor(rest / outW) * outW;
  rest = Math.floor(rest / outW);
  const i = rest - Math.floor(rest / outH) * outH;
  const b = Math.floor(rest / outH);
  const top = (b * h + rowLo[i]) * w, bottom = (b * h + rowHi[i]) * w;
  const left = colLo[j], right = colHi[j], fc = colFrac[j];
  const tl = x[(top + left) * c + k], tr = x[(top + right) * c + k];
  const bl = x[(bottom + left) * c + k], br = x[(bottom + right) * c + k];
  const upper = tl + (tr - tl) * fc;
  const lower = bl + (br - bl) * fc;
  return upper + (lower - upper) * rowFrac[i];
}
