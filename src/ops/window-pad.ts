import type { Padding } from '../backend/backend';
import { assertRank, assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import type { WindowPad, DimRoundingMode } from '../tensor/value-types';
import { argError, fmtShape, fmtValue, shown } from '../util/validate';
import { pad as padOp } from './pad';
import { slice } from './slice';

export type { WindowPad };

/**
 * Whether a 'valid' window reaching `reach` along an axis of `size` with `stride` would leave a negative count of
 * outputs, ceil((size - reach + 1) / stride). A window short of fitting by less than a stride leaves 0 outputs, an
 * empty axis, as TF.js and TensorFlow give; only a negative count is refused.
 */
export function validOverruns(size: number, reach: number, stride: number): boolean {
  return Math.ceil((size - reach + 1) / stride) < 0;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** [top, bottom, left, right] of a numeric or explicit pad. */
function sides(op: string, pad: unknown): [number, number, number, number] {
  if (isCount(pad)) return [pad, pad, pad, pad];
  const pairs = Array.isArray(pad) && pad.length === 4 && pad.every((p) => Array.isArray(p) && p.length === 2 && p.every(isCount));
  if (!pairs || [0, 3].some((axis) => (pad as number[][])[axis].some((v) => v !== 0))) {
    throw argError(op, 'pad', shown(pad), "'valid', 'same', a non-negative integer, or [[0, 0], [top, bottom], [left, right], [0, 0]] of them");
  }
  const [, [top, bottom], [left, right]] = pad as number[][];
  return [top, bottom, left, right];
}

/** A window op's pad: 'valid', 'same', or a numeric or explicit one (checked under `op`'s name). */
export function assertWindowPad(op: string, pad: unknown): void {
  if (pad !== 'valid' && pad !== 'same') sides(op, pad);
}

function roundDim(v: number, rounding: DimRoundingMode | undefined): number {
  return rounding === undefined ? Math.trunc(v) : Math[rounding](v);
}

/** Where a numeric or explicit pad puts the windows over an [inH, inW] input: TF.js's output size, and the rows and columns they reach. */
export interface PadGeometry { top: number; left: number; outH: number; outW: number; needH: number; needW: number }

/** The geometry of a numeric or explicit pad over an [inH, inW] input, for a window (the filter's reach) and strides. */
export function padGeometry(
  op: string, inHW: readonly [number, number], pad: unknown, window: readonly [number, number], strides: readonly [number, number], rounding: DimRoundingMode | undefined, what: string,
): PadGeometry {
  const [top, bottom, left, right] = sides(op, pad);
  const [inH, inW] = inHW;
  // TF.js sizes both axes of a numeric pad with the filter's height and the height stride (its computeOutputShape2D).
  const [kw, sw] = typeof pad === 'number' ? [window[0], strides[0]] : [window[1], strides[1]];
  const outH = roundDim((inH - window[0] + top + bottom) / strides[0] + 1, rounding);
  const outW = roundDim((inW - kw + left + right) / sw + 1, rounding);
  // No window is an empty axis, as TF.js gives; fewer than none cannot be a shape.
  if (outH < 0 || outW < 0) {
    throw argError(op, 'pad', fmtValue(pad), `paddings that leave a count of windows of 0 or more (${what}, window [${window.join(', ')}], output ${outH}x${outW})`);
  }
  // An axis of no windows is cut to one row short of the window, where a 'valid' window op also gives none.
  const need = (out: number, k: number, s: number) => (out === 0 ? k - 1 : (out - 1) * s + k);
  return { top, left, outH, outW, needH: need(outH, window[0], strides[0]), needW: need(outW, window[1], strides[1]) };
}

/**
 * For a numeric or explicit pad: x (NHWC) padded with value on the given sides, then cut to the rows and columns
 * TF.js's output size reaches, so that the window op run 'valid' on it gives TF.js's output; the pad becomes
 * 'valid'. A named pad leaves x as it is. window is the filter's reach (dilations included).
 */
export function padWindows(
  op: string, x: Tensor, pad: unknown, window: readonly [number, number], strides: readonly [number, number], rounding: DimRoundingMode | undefined, value: number,
): [Tensor, Padding] {
  if (pad === 'valid' || pad === 'same') return [x, pad];
  sides(op, pad); // the pad is reported before x, as before
  assertTensor(op, 'x', x);
  assertRank(op, 'x', x, 4);
  const [, inH, inW] = x.shape;
  const { top, left, needH, needW } = padGeometry(op, [inH, inW], pad, window, strides, rounding, `x ${fmtShape(x.shape)}`);
  const padded = padOp(x, [[0, 0], [top, Math.max(needH - inH - top, 0)], [left, Math.max(needW - inW - left, 0)], [0, 0]], value);
  const cut = padded.shape[1] > needH || padded.shape[2] > needW ? slice(padded, [0, 0, 0, 0], [-1, needH, needW, -1]) : padded;
  return [cut, 'valid'];
}
