import type { Tensor } from '../../tensor/tensor';
import type { Rank } from '../../tensor/value-types';
import { argError, assertFiniteNumber, describeValue, fmtShape, fmtValue } from '../../util/validate';
import { add, mul, sub } from '../binary';
import { cast } from '../cast';
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
  const t = toTensorAs(op, 'transforms', transforms, 'float32');
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
  const m = t.dtype === 'float32' ? t.hostValues() : cast(t, 'float32').hostValues();
  const cells = batch * oh * ow;
  // Per output pixel: its four taps (rows of the [batch·h·w, c] image, or the extra row of fillValue past its end for
  // a tap outside it) and its fractions along x and y. Nearest sampling has one tap, repeated, and no fractions.
  const fillRow = batch * h * w;
  const rows = new Int32Array(cells * 4).fill(fillRow);
  const fx = new Float64Array(cells);
  const fy = new Float64Array(cells);
  const nearest = interpolation === 'nearest';
  // Written element by element: a few small arrays and a closure made per pixel took most of the time.
  const tap = (at: number, b: number, py: number, px: number) => {
    if (py >= 0 && py < h && px >= 0 && px < w) rows[at] = (b * h + py) * w + px;
  };
  for (let b = 0, cell = 0; b < batch; b++) {
    const k = t.shape[0] === 1 ? 0 : b * 8;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++, cell++) {
        const projection = m[k + 6] * ox + m[k + 7] * oy + 1;
        if (projection === 0) continue;
        const sx = mapCoord((m[k] * ox + m[k + 1] * oy + m[k + 2]) / projection, w, fillMode);
        const sy = mapCoord((m[k + 3] * ox + m[k + 4] * oy + m[k + 5]) / projection, h, fillMode);
        const y0 = nearest ? Math.round(sy) : Math.floor(sy);
        const x0 = nearest ? Math.round(sx) : Math.floor(sx);
        const y1 = nearest ? y0 : y0 + 1;
        const x1 = nearest ? x0 : x0 + 1;
        if (!nearest) {
          fy[cell] = sy - y0;
          fx[cell] = sx - x0;
        }
        tap(cell * 4, b, y0, x0);
        tap(cell * 4 + 1, b, y0, x1);
        tap(cell * 4 + 2, b, y1, x0);
        tap(cell * 4 + 3, b, y1, x1);
      }
    }
  }
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
