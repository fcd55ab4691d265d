import { assertFloatTensor } from '../../tensor/checks';
import type { Tensor } from '../../tensor/tensor';
import type { Rank } from '../../tensor/value-types';
import { argError, assertFiniteNumber, fmtValue } from '../../util/validate';
import { tensor } from '../creation';
import { gather } from '../gather';
import { reshape } from '../reshape';
import { toTensor, type TensorLike } from '../tensor-like';
import { where } from '../where';

/** TF.js's image center: a fraction of the width and height (one for both, or [x, y]). */
function centerOf(center: unknown, height: number, width: number): [number, number] {
  const [fx, fy] = typeof center === 'number' ? [center, center] : Array.isArray(center) && center.length === 2 ? center : [NaN, NaN];
  if (!Number.isFinite(fx) || !Number.isFinite(fy)) throw argError('rotateWithOffset', 'center', fmtValue(center), 'a number or [x, y] (fractions of the width and height)');
  return [width * fx, height * fy];
}

/**
 * Each image rotated by `radians` about `center` (by default its middle), each output pixel taking the nearest
 * source pixel, and `fillValue` (a number, or one value per channel with alpha 255) where none falls inside, as
 * tf.image.rotateWithOffset. A gather of the image, so it differentiates with respect to it on both backends.
 */
export function rotateWithOffset(image: Tensor<Rank.R4> | TensorLike, radians: number, fillValue?: number | [number, number, number], center?: number | [number, number]): Tensor<Rank.R4> {
  fillValue ??= 0; center ??= 0.5;
  const op = 'rotateWithOffset';
  const x = toTensor(op, 'image', image);
  if (x.rank !== 4) throw argError(op, 'image', `rank ${x.rank}`, 'rank 4 ([batch, height, width, channels])');
  // As TF.js, which asks for float32.
  assertFloatTensor(op, 'image', x);
  assertFiniteNumber(op, 'radians', radians);
  const [b, h, w, c] = x.shape;
  // As TF.js, an array gives channel k its k-th value, and the alpha channel (the fourth) 255; an array too short
  // for the image's channels is refused where TF.js would fill NaN.
  const values: readonly number[] | null = Array.isArray(fillValue) ? fillValue : null;
  const fill = typeof fillValue === 'number' ? Array<number>(c).fill(fillValue) : values && Array.from({ length: c }, (_, ch) => (ch === 3 ? 255 : values[ch]));
  if (!fill || !fill.every(Number.isFinite)) throw argError(op, 'fillValue', fmtValue(fillValue), `a number, or an array with a value for each of the image's ${c} channels but the fourth (alpha, filled with 255)`);
  const [cx, cy] = centerOf(center, h, w);
  const [sin, cos] = [Math.sin(radians), Math.cos(radians)];
  // Typed arrays: the tensors take them as they are (plain arrays of millions of pixels cost ~10x the op).
  const source = new Int32Array(h * w);
  const inside = new Uint8Array(h * w);
  for (let row = 0; row < h; row++) {
    for (let col = 0; col < w; col++) {
      const sx = Math.round((col - cx) * cos - (row - cy) * sin + cx);
      const sy = Math.round((col - cx) * sin + (row - cy) * cos + cy);
      const ok = sx >= 0 && sx < w && sy >= 0 && sy < h;
      inside[row * w + col] = ok ? 1 : 0;
      source[row * w + col] = ok ? sy * w + sx : 0;
    }
  }
  const moved = gather(reshape(x, [b, h * w, c]), tensor(source, [h * w], 'int32'), 1);
  const out = where(tensor(inside, [1, h * w, 1], 'bool'), moved, tensor(fill, [1, 1, c], x.dtype));
  return reshape(out, [b, h, w, c]) as Tensor<Rank.R4>;
}
