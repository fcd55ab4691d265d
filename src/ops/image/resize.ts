import type { AxisLerp } from '../../backend/backend';
import { isRecording, recordOp } from '../../tensor/tape';
import { isFloatDtype, type Tensor } from '../../tensor/tensor';
import type { Rank } from '../../tensor/value-types';
import { argError, assertBoolean, assertHoldable, describeValue, fmtShape, fmtValue } from '../../util/validate';
import { add, mul, sub } from '../binary';
import { cast } from '../cast';
import { backend } from '../engine';
import { tensor } from '../creation';
import { gather } from '../gather';
import { reshape } from '../reshape';
import { toTensor, type TensorLike } from '../tensor-like';

// tf.image.resizeBilinear and resizeNearestNeighbor, made of gathers along the height and width axes (and, for
// bilinear, a lerp between two gathers), so each runs on every backend and differentiates like any chain of ops.
// The source positions are TF.js's kernels' own arithmetic, computed once per axis on the host. Outside a gradient,
// bilinear runs as one backend op that rounds each step as those ops do (10 ops and their temporaries made a
// camera frame's resize ~9x slower than TF.js's wasm backend).

type Images = Tensor<Rank.R3> | Tensor<Rank.R4>;

/** The source coordinate of output position i along an axis, and the ratio TF.js derives it from. */
function sourceRatio(inSize: number, outSize: number, alignCorners: boolean): number {
  const corners = alignCorners && outSize > 1;
  return (corners ? inSize - 1 : inSize) / (corners ? outSize - 1 : outSize);
}

/**
 * The 4-D batch of images (a rank-3 image gets a batch of one), the new [height, width] and the flags, checked as
 * TF.js checks them, and how to give a result the images' rank back.
 */
function resizeArgs(op: string, images: Images | TensorLike, size: unknown, alignCorners: unknown, halfPixelCenters: unknown): [Tensor, [number, number], boolean, boolean, (out: Tensor) => Tensor] {
  const x = toTensor(op, 'images', images);
  if (x.rank !== 3 && x.rank !== 4) throw argError(op, 'images', `rank ${x.rank} (shape ${fmtShape(x.shape)})`, 'rank 3 or 4 ([height, width, channels] or [batch, height, width, channels])');
  if (!Array.isArray(size) || size.length !== 2 || !size.every((d) => Number.isInteger(d) && d > 0)) {
    throw argError(op, 'size', `${describeValue(size)} ${fmtValue(size)}`, '[newHeight, newWidth] of positive integers');
  }
  // No pixel to sample from (TF.js reads past the image and gives NaN); an empty batch or channel axis is fine.
  const [h, w] = x.rank === 4 ? x.shape.slice(1, 3) : x.shape.slice(0, 2);
  if (h === 0 || w === 0) throw argError(op, 'images', `shape ${fmtShape(x.shape)}`, 'an image of at least one pixel a side');
  // Checked before the per-row source tables are built: one for each output row and column.
  const [newH, newW] = size as [number, number];
  assertHoldable(op, 'size', [newH, newW]);
  assertHoldable(op, 'size', x.rank === 4 ? [x.shape[0], newH, newW, x.shape[3]] : [newH, newW, x.shape[2]]);
  const corners = assertBoolean(op, 'alignCorners', alignCorners);
  const half = assertBoolean(op, 'halfPixelCenters', halfPixelCenters);
  if (corners && half) throw argError(op, 'halfPixelCenters', 'true with alignCorners true', 'false when alignCorners is true');
  if (x.rank === 4) return [x, size as [number, number], corners, half, (out) => out];
  return [reshape(x, [1, ...x.shape]), size as [number, number], corners, half, (out) => reshape(out, out.shape.slice(1))];
}

const indices = (values: readonly number[]) => tensor([...values], [values.length], 'int32');

/** x with axis resampled by linear interpolation between the rows lo and hi, weighted by frac (TF.js's lerp order). */
function lerpAlong(x: Tensor, axis: number, { lo, hi, frac }: AxisLerp): Tensor {
  const a = gather(x, indices(lo), axis);
  const b = gather(x, indices(hi), axis);
  const shape = x.shape.map((_, i) => (i === axis ? frac.length : 1));
  return add(a, mul(sub(b, a), tensor(frac, shape, x.dtype)));
}

/** Bilinear source rows (floor, ceil, fraction) along one axis, as TF.js's ResizeBilinear kernel computes them. */
function bilinearAxis(inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): AxisLerp {
  const ratio = sourceRatio(inSize, outSize, alignCorners);
  const lo: number[] = [], hi: number[] = [], frac: number[] = [];
  for (let i = 0; i < outSize; i++) {
    const src = halfPixelCenters ? ratio * (i + 0.5) - 0.5 : ratio * i;
    const floor = Math.max(0, Math.floor(src));
    lo.push(floor);
    hi.push(Math.min(inSize - 1, Math.ceil(src)));
    frac.push(src - floor);
  }
  return { lo, hi, frac };
}

/** The nearest source row along one axis, as TF.js's ResizeNearestNeighbor kernel picks it. */
function nearestAxis(inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): number[] {
  const ratio = sourceRatio(inSize, outSize, alignCorners);
  return Array.from({ length: outSize }, (_, i) => {
    const src = halfPixelCenters ? ratio * (i + 0.5) : ratio * i;
    const nearest = Math.min(inSize - 1, alignCorners ? Math.round(src) : Math.floor(src));
    return halfPixelCenters ? Math.max(0, nearest) : nearest;
  });
}

/**
 * Images resized to size = [newHeight, newWidth] by bilinear interpolation, as tf.image.resizeBilinear(images,
 * size, alignCorners = false, halfPixelCenters = false); float32 out (int32 images are converted).
 */
export function resizeBilinear<T extends Images>(images: T | TensorLike, size: [number, number], alignCorners?: boolean, halfPixelCenters?: boolean): T {
  alignCorners ??= false; halfPixelCenters ??= false;
  const op = 'resizeBilinear';
  const [x, [h, w], corners, half, unbatch] = resizeArgs(op, images, size, alignCorners, halfPixelCenters);
  const xf = isFloatDtype(x.dtype) ? x : cast(x, 'float32');
  const [rows, cols] = [bilinearAxis(x.shape[1], h, corners, half), bilinearAxis(x.shape[2], w, corners, half)];
  if (isRecording()) return unbatch(lerpAlong(lerpAlong(xf, 2, cols), 1, rows)) as T;
  const y = backend().resizeBilinear(xf, rows, cols);
  // No tape records it (none is taking a gradient); tf.profile's list of kernels still sees it.
  recordOp(op, [xf], y, null);
  return unbatch(y) as T;
}

/**
 * Images resized to size = [newHeight, newWidth] by copying the nearest pixel, as tf.image.resizeNearestNeighbor(
 * images, size, alignCorners = false, halfPixelCenters = false); the dtype is kept (float32 or int32 images).
 */
export function resizeNearestNeighbor<T extends Images>(images: T | TensorLike, size: [number, number], alignCorners?: boolean, halfPixelCenters?: boolean): T {
  alignCorners ??= false; halfPixelCenters ??= false;
  const op = 'resizeNearestNeighbor';
  const [x, [h, w], corners, half, unbatch] = resizeArgs(op, images, size, alignCorners, halfPixelCenters);
  if (x.dtype === 'bool') throw argError(op, 'images', 'a bool tensor', 'a float32 or int32 tensor');
  const cols = gather(x, indices(nearestAxis(x.shape[2], w, corners, half)), 2);
  return unbatch(gather(cols, indices(nearestAxis(x.shape[1], h, corners, half)), 1)) as T;
}
