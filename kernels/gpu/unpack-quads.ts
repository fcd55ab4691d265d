import type { KernelThis, PackedInput } from './kernel-this';

/** Where unpackQuadsKernel finds value [r, c]: `quads` texels a row, `parts` blocks of `partSize` texels to sum. */
export interface UnpackQuadsConstants {
  cols: number;
  quads: number;
  parts: number;
  partSize: number;
}

/**
 * out[r, c] from a kernel that wrote rows of `quads` texels of 4 values (the last zero-padded): value c mod 4 of
 * texel ⌊c / 4⌋, summed over the parts a long loop was split into; the padding past cols is dropped. The layout
 * every scalar kernel reads, from the vec4 products and convolutions.
 */
export function unpackQuadsKernel(this: KernelThis<UnpackQuadsConstants>, packed: PackedInput): number {
  const i = this.thread.x;
  const r = Math.floor(i / this.constants.cols);
  const c = i - r * this.constants.cols;
  // +0.5: floor stays exact where the GPU divides approximately.
  const q = Math.floor((c + 0.5) / 4);
  const lane = c - q * 4;
  const at = r * this.constants.quads + q;
  let sum = 0;
  for (let p = 0; p < this.constants.parts; p++) {
    const v = packed[p * this.constants.partSize + at];
    sum += lane === 0 ? v[0] : (lane === 1 ? v[1] : (lane === 2 ? v[2] : v[3]));
  }
  return sum;
}
