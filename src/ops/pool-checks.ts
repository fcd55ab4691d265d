import type { Padding } from '../backend/backend';
import { outputLength } from '../backend/shapes';
import { assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPair, describeValue, fmtShape, fmtValue } from '../util/validate';
import { padWindows, validOverruns } from './window-pad';
import type { DimRoundingMode } from '../tensor/value-types';

/**
 * Checks a 2-D pooling op's arguments on NHWC x; returns x (padded with fill for a numeric or explicit pad, see
 * padWindows), the normalized filter size, strides and padding.
 */
export function checkPool2d(
  op: string, x: Tensor, filterSize: unknown, strides: unknown, pad: unknown, dimRoundingMode: unknown, fill: number,
): [Tensor, [number, number], [number, number], Padding] {
  assertTensor(op, 'x', x);
  if (x.rank !== 4) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 4 [batch, height, width, channels], or rank 3 for one image');
  const f = assertPair(op, 'filterSize', filterSize);
  const s = assertPair(op, 'strides', strides);
  checkDimRoundingMode(op, dimRoundingMode, pad);
  const [xp, p] = padWindows(op, x, pad, f, s, dimRoundingMode as DimRoundingMode | undefined, fill);
  if (p === 'valid' && (validOverruns(xp.shape[1], f[0], s[0]) || validOverruns(xp.shape[2], f[1], s[1]))) {
    throw new Error(`${op}: with 'valid' padding filterSize [${f.join(', ')}] must come within a stride of fitting inside x's height and width (x ${fmtShape(x.shape)}, strides [${s.join(', ')}])`);
  }
  return [xp, f, s, p];
}

/**
 * TF.js's dimRoundingMode: how a numeric or explicit pad's output size is rounded (truncated without it). As in
 * TF.js, it needs such a pad: a named one ('valid', 'same') is refused with it.
 */
export function checkDimRoundingMode(op: string, dimRoundingMode: unknown, pad: unknown): void {
  if (dimRoundingMode === undefined || dimRoundingMode === null) return;
  if (dimRoundingMode !== 'floor' && dimRoundingMode !== 'round' && dimRoundingMode !== 'ceil') {
    throw argError(op, 'dimRoundingMode', describeValue(dimRoundingMode), "'floor', 'round' or 'ceil'");
  }
  if (typeof pad === 'string') throw argError(op, 'pad', fmtValue(pad), `an integer or explicit paddings when dimRoundingMode ('${dimRoundingMode}') is given`);
}

/**
 * As TF.js's pool kernels: a 1×1 window whose output has x's height and width gives x itself. With a numeric pad
 * TF.js sizes the width with the height's stride (see padGeometry), so this holds even where the width's stride would
 * skip columns. xp, f, s and p are checkPool2d's results for x.
 */
export function poolsToItself(x: Tensor, [xp, f, s, p]: [Tensor, [number, number], [number, number], Padding]): boolean {
  return f[0] === 1 && f[1] === 1 && outputLength(xp.shape[1], 1, s[0], p) === x.shape[1] && outputLength(xp.shape[2], 1, s[1], p) === x.shape[2];
}
