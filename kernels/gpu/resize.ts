import type { KernelInput, KernelThis } from './kernel-this';

/** The images' [h, w, c] and the output's [outH, outW]. */
export interface ResizeConstants { h: number; w: number; c: number; outH: number; outW: number }

/**
 * Output element i of a bilinear resize of x ([batch, h, w, c]): along the width first, then the height, each lerp
 * a + (b − a)·frac, as the cpu kernel (kernels/cpu/resize.ts). `table` holds, from the host (which computes them as
 * TF.js's kernel does), each output row's source rows lo and hi and fraction (outH each), then each output column's
 * (outW each): one array, where six (as small as one value each) failed to compile in the minified bundle (a
 * uniform left undeclared).
 */
export function resizeBilinearKernel(this: KernelThis<ResizeConstants>, x: KernelInput, table: KernelInput): number {
  // The constants read in place, not into locals: the minified bundle merges declarations into one statement, and
  // gpu.js refuses one that mixes integer and float variables ('Unhandled declaration').
  let rest = this.thread.x;
  const k = rest - Math.floor(rest / this.constants.c) * this.constants.c;
  rest = Math.floor(rest / this.constants.c);
  const j = rest - Math.floor(rest / this.constants.outW) * this.constants.outW;
  rest = Math.floor(rest / this.constants.outW);
  const i = rest - Math.floor(rest / this.constants.outH) * this.constants.outH;
  const b = Math.floor(rest / this.constants.outH);
  const top = (b * this.constants.h + table[i]) * this.constants.w;
  const bottom = (b * this.constants.h + table[this.constants.outH + i]) * this.constants.w;
  const left = table[3 * this.constants.outH + j];
  const right = table[3 * this.constants.outH + this.constants.outW + j];
  const fc = table[3 * this.constants.outH + 2 * this.constants.outW + j];
  const upper = x[(top + left) * this.constants.c + k] + (x[(top + right) * this.constants.c + k] - x[(top + left) * this.constants.c + k]) * fc;
  const lower = x[(bottom + left) * this.constants.c + k] + (x[(bottom + right) * this.constants.c + k] - x[(bottom + left) * this.constants.c + k]) * fc;
  return upper + (lower - upper) * table[2 * this.constants.outH + i];
}
