import { outputLength } from '../backend/shapes';
import { assertRank, assertSameDtype, assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, assertHoldable, assertPadding, assertTriple, describeValue, fmtShape, fmtValue } from '../util/validate';
import { add, div, maximum, mul } from './binary';
import { cast, floatOperands } from './cast';
import { ones, tensor } from './creation';
import { avgPool } from './avg-pool';
import { conv2d } from './conv';
import { gather } from './gather';
import { pad as padOp } from './pad';
import { maxPool } from './pool';
import { reshape } from './reshape';
import { slice } from './slice';
import { toTensor, type TensorLike } from './tensor-like';
import { checkDimRoundingMode } from './pool-checks';
import { padGeometry, padWindows, validOverruns } from './window-pad';
import type { DimRoundingMode, WindowPad } from '../tensor/value-types';

// conv3d, maxPool3d and avgPool3d over [batch, depth, height, width, channels], as sums and maxima over depth of
// the 2-D ops on depth slices: every gradient, to any order and on every backend, is theirs.

type Triple = [number, number, number];

/** x as rank 5 (a rank-4 x is one volume), and a function that gives a result x's rank back. */
function batched(op: string, x: Tensor): [Tensor, (y: Tensor) => Tensor] {
  assertTensor(op, 'x', x);
  if (x.rank === 4) return [reshape(x, [1, ...x.shape]), (y) => reshape(y, y.shape.slice(1))];
  if (x.rank !== 5) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 5 [batch, depth, height, width, channels], or rank 4 for one volume');
  return [x, (y) => y];
}

function checkFormat(op: string, dataFormat: unknown): void {
  if (dataFormat !== 'NDHWC') throw argError(op, 'dataFormat', describeValue(dataFormat), "'NDHWC' (channels last; TF.js computes no other)");
}

/** A 3-D pool's pad: 'valid', 'same', or a count of cells padded on every side (with dimRoundingMode for the output size). */
type Pool3dPad = 'valid' | 'same' | number;

/** The per-slice results combined elementwise, in order. */
function combine(parts: Tensor[], f: (a: Tensor, b: Tensor) => Tensor): Tensor {
  return parts.slice(1).reduce(f, parts[0]);
}

/**
 * [batch·outDepth, h, w, c] pooled slices as the volume [batch, outDepth, h, w, c]. An axis a short 'valid' window
 * leaves empty is +0, as in TF.js's 3-D pools (the 2-D pools' ceil gives -0 there, as TF.js's do).
 */
function volume(y: Tensor, batch: number, outD: number, channels: number): Tensor {
  return reshape(y, [batch, outD + 0, y.shape[1] + 0, y.shape[2] + 0, channels]);
}

function checkPool3dPad(op: string, pad: unknown): Pool3dPad {
  if (pad === 'valid' || pad === 'same' || (typeof pad === 'number' && Number.isInteger(pad) && pad >= 0)) return pad;
  throw argError(op, 'pad', describeValue(pad), "'valid', 'same' or a non-negative integer");
}

/**
 * For each depth offset kd of a window of `k` (dilated by `dilation`), the depth slices the outputs read, as
 * [batch·outDepth, height, width, channels]; positions outside x read `fill`. Also the output depth and, per output,
 * how many of its window's slices lie inside x. A numeric pad sizes the depth as TF.js's 3-D pools do (rounded by
 * `rounding`). `skipPadding` (pools) leaves out the slices that read only padding.
 */
function depthSlices(
  op: string, x: Tensor, k: number, stride: number, dilation: number, pad: Pool3dPad, fill: number, skipPadding: boolean, rounding?: DimRoundingMode,
): { slices: Tensor[]; outD: number; inside: number[] } {
  const [b, d, h, w, c] = x.shape;
  const span = (k - 1) * dilation + 1;
  let outD: number, front: number, total: number;
  if (typeof pad === 'number') {
    const g = padGeometry(op, [d, 1], [[0, 0], [pad, pad], [0, 0], [0, 0]], [span, 1], [stride, 1], rounding, `x ${fmtShape(x.shape)}`);
    [outD, front, total] = [g.outH, pad, pad + Math.max(g.needH - d - pad, 0)];
  } else {
    outD = outputLength(d, span, stride, pad);
    total = pad === 'same' ? Math.max((outD - 1) * stride + span - d, 0) : 0;
    front = Math.floor(total / 2);
  }
  assertHoldable(op, `x padded for a window of depth ${k}`, [b, d + total, h, w, c]);
  const xp = total > 0 ? padOp(x, [[0, 0], [front, total - front], [0, 0], [0, 0], [0, 0]], fill) : x;
  const slices: Tensor[] = [];
  const inside = new Array<number>(outD).fill(0);
  for (let kd = 0; kd < k; kd++) {
    const at = Array.from({ length: outD }, (_, od) => od * stride + kd * dilation);
    let hits = 0;
    at.forEach((p, od) => {
      if (p < front || p >= front + d) return;
      inside[od]++;
      hits++;
    });
    // A pool's tap that reads only padding for every output adds nothing (fill is its identity), so a window far
    // deeper than x costs its taps inside x, not its depth; a convolution keeps every tap, in step with its filter.
    if (skipPadding && hits === 0 && (slices.length > 0 || kd < k - 1)) continue;
    slices.push(reshape(gather(xp, tensor(at, [outD], 'int32'), 1), [b * outD, h, w, c]));
  }
  return { slices, outD, inside };
}

/**
 * Refuses a 'valid' window larger than x along depth, height or width by a stride or more (short of that, that axis
 * is left empty).
 */
function checkWindow(op: string, x: Tensor, spans: Triple, strides: Triple, pad: 'valid' | 'same'): void {
  if (pad !== 'valid') return;
  // Checked here, so that the error names the 3-D op and axis, not the 2-D op run on each depth slice.
  (['depth', 'height', 'width'] as const).forEach((axis, i) => {
    if (validOverruns(x.shape[i + 1], spans[i], strides[i])) {
      throw argError(op, 'x', `${axis} ${x.shape[i + 1]} (shape ${fmtShape(x.shape)})`, `at least the window's ${axis} ${spans[i]} less the stride ${strides[i]} (${spans[i] - strides[i]}) with 'valid' padding`);
    }
  });
}

/**
 * 3-D convolution of x [batch, depth, height, width, inC] with a filter [fd, fh, fw, inC, outC], as
 * tf.conv3d(x, filter, strides, pad, dataFormat = 'NDHWC', dilations = 1).
 */
export function conv3d<T extends Tensor>(x: T | TensorLike, filter: Tensor | TensorLike, strides: number | Triple, pad: 'valid' | 'same',
  dataFormat?: 'NDHWC', dilations?: number | Triple): T {
  dataFormat ??= 'NDHWC'; dilations ??= [1, 1, 1];
  const op = 'conv3d';
  [x, filter] = floatOperands(op, [['x', x], ['filter', filter]]) as [T, Tensor];
  const [x5, back] = batched(op, x);
  assertRank(op, 'filter', filter, 5);
  assertSameDtype(op, x5, filter, 'x', 'filter');
  checkFormat(op, dataFormat);
  const s = assertTriple(op, 'strides', strides);
  const dl = assertTriple(op, 'dilations', dilations);
  const p = assertPadding(op, 'pad', pad);
  if (s.some((v) => v > 1) && dl.some((v) => v > 1)) throw argError(op, 'dilations', fmtValue(dilations), `1 when strides are above 1 (got strides ${fmtValue(strides)}), as TF.js requires`);
  const [fd, fh, fw, inC, outC] = filter.shape;
  // TF.js convolves int32 volumes (conv2d asks for floats): in float32, the result cast back.
  if (x5.dtype === 'int32') return cast(conv3d(cast(x, 'float32'), cast(filter, 'float32'), strides, pad, dataFormat, dilations), 'int32') as T;
  if (inC !== x5.shape[4]) throw argError(op, 'filter', `shape ${fmtShape(filter.shape)}`, `input channels (dim 3) equal to x's channels ${x5.shape[4]}`);
  checkWindow(op, x5, [(fd - 1) * dl[0] + 1, (fh - 1) * dl[1] + 1, (fw - 1) * dl[2] + 1], s, p);
  const { slices, outD } = depthSlices(op, x5, fd, s[0], dl[0], p, 0, false);
  let y: Tensor | null = null;
  slices.forEach((xs, kd) => {
    const f2 = reshape(slice(filter, [kd, 0, 0, 0, 0], [1, fh, fw, inC, outC]), [fh, fw, inC, outC]);
    const part = conv2d(xs, f2, [s[1], s[2]], p, 'NHWC', [dl[1], dl[2]]);
    y = y === null ? part : add(y, part);
  });
  const out = y as unknown as Tensor;
  return back(reshape(out, [x5.shape[0], outD, out.shape[1], out.shape[2], outC])) as T;
}

function pool3d(
  op: string, x: Tensor, filterSize: number | Triple, strides: number | Triple, pad: Pool3dPad, dimRoundingMode: DimRoundingMode | undefined, dataFormat: unknown, kind: 'max' | 'avg',
): Tensor {
  const [x5, back] = batched(op, x);
  checkFormat(op, dataFormat);
  // TF.js's kernel pools int32 and bool volumes in float32 and gives float32.
  if (kind === 'max' && x5.dtype !== 'float32' && x5.dtype !== 'float64') return pool3d(op, cast(x, 'float32'), filterSize, strides, pad, dimRoundingMode, dataFormat, kind);
  const f = assertTriple(op, 'filterSize', filterSize);
  const s = assertTriple(op, 'strides', strides);
  const p = checkPool3dPad(op, pad);
  checkDimRoundingMode(op, dimRoundingMode, pad);
  if (typeof p === 'string') checkWindow(op, x5, f, s, p);
  // Max: padded slices hold -Infinity and never win. Average: padded slices add zeros, and each output divides by
  // the slices inside x (each 2-D average already counts only the positions inside x).
  const { slices, outD, inside } = depthSlices(op, x5, f[0], s[0], 1, p, kind === 'max' ? -Infinity : 0, true, dimRoundingMode);
  const [b, , , , c] = x5.shape;
  const [window, step]: [number, number][] = [[f[1], f[2]], [s[1], s[2]]];
  if (typeof p === 'number') {
    // Height and width padded as explicit pairs, each sized with its own window and stride (TF.js's 3-D geometry;
    // the 2-D pools size both with the height's).
    const hw: WindowPad = [[0, 0], [p, p], [p, p], [0, 0]];
    if (kind === 'max') return back(volume(combine(slices.map((t) => maxPool(t, window, step, hw, dimRoundingMode)), maximum), b, outD, c));
    // Sums of each window's cells inside x over their count, at least 1 (as TF.js's kernel, an empty window gives 0):
    // a 'valid' average of the zero-padded slices is sum / area, and of padded ones the count inside / area.
    const padHW = (t: Tensor) => padWindows(op, t, hw, window, step, dimRoundingMode, 0)[0];
    const area = window[0] * window[1];
    const means = volume(combine(slices.map((t) => avgPool(padHW(t), window, step, 'valid')), add), b, outD, c);
    const shares = avgPool(padHW(ones([1, x5.shape[2], x5.shape[3], 1], x5.dtype)), window, step, 'valid');
    const counts = mul(tensor(inside, [1, outD, 1, 1, 1], x5.dtype), reshape(shares, [1, 1, ...shares.shape.slice(1)]));
    return back(div(means, maximum(counts, 1 / area)));
  }
  const pool2 = (t: Tensor) => (kind === 'max' ? maxPool(t, window, step, p) : avgPool(t, window, step, p));
  let out = volume(combine(slices.map(pool2), kind === 'max' ? maximum : add), b, outD, c);
  if (kind === 'avg') out = div(out, tensor(inside, [1, outD, 1, 1, 1], x5.dtype));
  return back(out);
}

/** Max over [fd, fh, fw] windows, as tf.maxPool3d(x, filterSize, strides, pad, dimRoundingMode?, dataFormat = 'NDHWC'). */
export function maxPool3d<T extends Tensor>(x: T | TensorLike, filterSize: number | Triple, strides: number | Triple, pad: Pool3dPad,
  dimRoundingMode?: DimRoundingMode, dataFormat?: 'NDHWC'): T {
  dataFormat ??= 'NDHWC';
  return pool3d('maxPool3d', toTensor('maxPool3d', 'x', x), filterSize, strides, pad, dimRoundingMode, dataFormat, 'max') as T;
}

/** The mean over [fd, fh, fw] windows (positions inside x only), as tf.avgPool3d(x, filterSize, strides, pad, dimRoundingMode?, dataFormat). */
export function avgPool3d<T extends Tensor>(x: T | TensorLike, filterSize: number | Triple, strides: number | Triple, pad: Pool3dPad,
  dimRoundingMode?: DimRoundingMode, dataFormat?: 'NDHWC'): T {
  dataFormat ??= 'NDHWC';
  return pool3d('avgPool3d', toTensor('avgPool3d', 'x', x), filterSize, strides, pad, dimRoundingMode, dataFormat, 'avg') as T;
}
