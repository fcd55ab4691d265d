import type { Tensor } from '../../tensor/tensor';
import type { Rank } from '../../tensor/value-types';
import { argError, assertFiniteNumber, describeValue, fmtShape, fmtValue } from '../../util/validate';
import { add, mul, sub } from '../binary';
import { concat } from '../concat';
import { fill, tensor } from '../creation';
import { gather } from '../gather';
import { reshape } from '../reshape';
import { slice } from '../slice';
import { toTensor, toTensorAs, type TensorLike } from '../tensor-like';

// tf.image.transform: each output pixel (x, y) samples the image at ((a0·x + a1·y + a2) / k, (b0·x + b1·y + b2) / k),
// k = c0·x + c1·y + 1, as TensorFlow's ImageProjectiveTransform. The samples are gathered from the image and blended
// with ops, so the result differentiates with respect to it.

type FillMode = 'constant' | 'reflect' | 'wrap' | 'nearest';
const FILL_MODES: readonly string[] = ['constant', 'reflect', 'wrap', 'nearest'];

/** A source coordinate outside [0, len - 1] brought back in as the fill mode says ('constant' leaves it outside). */
function mapCoord(v: number, len: number, mode: FillMode): number {
  if (mode === 'constant') return v;
  if (mode === 'nearest') return Math.min(Math.max(v, 0), len - 1);
  let c = v;
  if (len <= 1) c = 0;
  else if (mode === 'reflect') {
    const period = 2 * len;
    if (c < 0) {
      if (c < period) c += period * Math.trunc(-c / period);
      c = c < -len ? c + period : -c - 1;
    } else if (c > len - 1) {
      c -= period * Math.trunc(c / period);
      if (c >= len) c = period - c - 1;
    }
  } else if (c < 0) c += len * (Math.trunc(-c / (len - 1)) + 1);
  else if (c > len - 1) c -= len * Math.trunc(c / (len - 1));
  // A coordinate just past the edge (3.5 of 4) would round outside.
  return Math.min(Math.max(c, 0), len - 1);
}

/** One image's sampling grid: the taps and fractions of each output pixel are written into rows, fx and fy. */
interface Grid {
  h: number; w: number; oh: number; ow: number;
  nearest: boolean; fillMode: FillMode;
  rows: Int32Array; fx: Float64Array; fy: Float64Array;
}

/**
 * Where each output pixel of image b samples it under the transform at m[k..k + 8]: its four taps (rows of the
 * [batch·h·w, c] image; a tap outside keeps the fill row already there) and, for bilinear, its fractions. Written
 * element by element, with no array or closure made per pixel.
 */
function sampleImage(g: Grid, m: ArrayLike<number>, k: number, b: number): void {
  const { h, w, oh, ow, nearest, fillMode, rows, fx, fy } = g;
  const [a0, a1, a2, b0, b1, b2, c0, c1] = [m[k], m[k + 1], m[k + 2], m[k + 3], m[k + 4], m[k + 5], m[k + 6], m[k + 7]];
  const base = b * h * w;
  for (let oy = 0, cell = b * oh * ow; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++, cell++) {
      const projection = c0 * ox + c1 * oy + 1;
      if (projection === 0) continue;
      const sx = mapCoord((a0 * ox + a1 * oy + a2) / projection, w, fillMode);
      const sy = mapCoord((b0 * ox + b1 * oy + b2) / projection, h, fillMode);
      const y0 = nearest ? Math.round(sy) : Math.floor(sy);
      const x0 = nearest ? Math.round(sx) : Math.floor(sx);
      const y1 = nearest ? y0 : y0 + 1;
      const x1 = nearest ? x0 : x0 + 1;
      if (!nearest) {
        fy[cell] = sy - y0;
        fx[cell] = sx - x0;
      }
      const at = cell * 4;
      const in0 = y0 >= 0 && y0 < h, in1 = y1 >= 0 && y1 < h;
      const left = x0 >= 0 && x0 < w, right = x1 >= 0 && x1 < w;
      if (in0 && left) rows[at] = base + y0 * w + x0;
      if (in0 && right) rows[at + 1] = base + y0 * w + x1;
      if (in1 && left) rows[at + 2] = base + y1 * w + x0;
      if (in1 && right) rows[at + 3] = base + y1 * w + x1;
    }
  }
}

/**
 * Projective transforms of a batch of images, as tf.image.transform(image, transforms, interpolation = 'nearest',
 * fillMode = 'constant', fillValue = 0, outputShape?): transforms is [batch, 8] or [1, 8] (one for every image).
 */
export function transform(
  image: Tensor<Rank.R4> | TensorLike, transforms: Tensor<Rank.R2> | TensorLike, interpolation?: 'nearest' | 'bilinear',
  fillMode?: FillMode, fillValue?: number, outputShape?: [number, number],
): Tensor<Rank.R4> {
  interpolation ??= 'nearest'; fillMode ??= 'constant'; fillValue ??= 0;
  const op = 'transform';
  const x = toTensor(op, 'image', image);
  // Beside a float64 image an array of transforms is read as float64 (sampling positions in doubles).
  const t = toTensorAs(op, 'transforms', transforms, x.dtype === 'float64' ? 'float64' : 'float32');
  if (x.rank !== 4) throw argError(op, 'image', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 4 ([batch, height, width, channels])');
  if (x.dtype !== 'float32' && x.dtype !== 'float64') throw argError(op, 'image', `dtype ${x.dtype}`, 'a float32 image, as TF.js asks');
  const [batch, h, w, c] = x.shape;
  if (t.rank !== 2 || t.shape[1] !== 8 || (t.shape[0] !== batch && t.shape[0] !== 1)) {
    throw argError(op, 'transforms', `shape ${fmtShape(t.shape)}`, `${batch === 1 ? '[1, 8]' : `[${batch}, 8] or [1, 8]`} (a0, a1, a2, b0, b1, b2, c0, c1 per image)`);
  }
  if (t.dtype !== 'float32' && t.dtype !== 'float64') throw argError(op, 'transforms', `dtype ${t.dtype}`, 'float32 transforms, as TF.js asks');
  if (interpolation !== 'nearest' && interpolation !== 'bilinear') throw argError(op, 'interpolation', describeValue(interpolation), "'nearest' or 'bilinear'");
  if (!FILL_MODES.includes(fillMode)) throw argError(op, 'fillMode', describeValue(fillMode), "'constant', 'reflect', 'wrap' or 'nearest'");
  assertFiniteNumber(op, 'fillValue', fillValue);
  const valid = outputShape === undefined || outputShape === null
    || (Array.isArray(outputShape) && outputShape.length === 2 && outputShape.every((d) => Number.isInteger(d) && d >= 0));
  if (!valid) throw argError(op, 'outputShape', fmtValue(outputShape), '[height, width] of non-negative integers, or undefined for the image size');
  if (h * w === 0) throw argError(op, 'image', `shape ${fmtShape(x.shape)}`, 'images of at least one pixel');
  const [oh, ow] = outputShape ?? [h, w];
  // float32 transforms are read as TF.js reads them; float64 ones keep their precision.
  const m = t.hostValues();
  const cells = batch * oh * ow;
  // Per output pixel: its four taps (rows of the [batch·h·w, c] image, or the extra row of fillValue past its end for
  // a tap outside it) and its fractions along x and y. Nearest sampling has one tap, repeated, and no fractions.
  const fillRow = batch * h * w;
  const rows = new Int32Array(cells * 4).fill(fillRow);
  const fx = new Float64Array(cells);
  const fy = new Float64Array(cells);
  const grid: Grid = { h, w, oh, ow, nearest: interpolation === 'nearest', fillMode, rows, fx, fy };
  for (let b = 0; b < batch; b++) sampleImage(grid, m, t.shape[0] === 1 ? 0 : b * 8, b);
  // Blended as TF.js's kernel blends them, one lerp along x per row and one along y: a tap of weight ~1 keeps its
  // value exactly (a centre pixel under a rotation about it), where four weighted products summed in float32 could
  // move it by an ulp, and a cast to int32 after it drop it by one.
  const flat = concat([reshape(x, [batch * h * w, c]), fill([1, c], fillValue, x.dtype)]);
  const taps = reshape(gather(flat, tensor(rows, [cells * 4], 'int32')), [cells, 4, c]);
  const [v00, v01, v10, v11] = [0, 1, 2, 3].map((i) => reshape(slice(taps, [0, i, 0], [cells, 1, c]), [cells, c]));
  const [tx, ty] = [tensor(fx, [cells, 1], x.dtype), tensor(fy, [cells, 1], x.dtype)];
  const lerp = (a: Tensor, bEnd: Tensor, f: Tensor) => add(a, mul(f, sub(bEnd, a)));
  const top = lerp(v00, v01, tx);
  return reshape(lerp(top, lerp(v10, v11, tx), ty), [batch, oh, ow, c]) as Tensor<Rank.R4>;
}
