import type { Padding } from '../backend/backend';
import { assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPadding, assertPair, describeValue, fmtShape } from '../util/validate';

/** Checks a 2-D pooling op's arguments on NHWC x; returns the normalized filter size, strides and padding. */
export function checkPool2d(op: string, x: Tensor, filterSize: unknown, strides: unknown, pad: unknown): [[number, number], [number, number], Padding] {
  assertTensor(op, 'x', x);
  if (x.rank !== 4) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 4 [batch, height, width, channels], or rank 3 for one image');
  const f = assertPair(op, 'filterSize', filterSize);
  const s = assertPair(op, 'strides', strides);
  const p = assertPadding(op, 'pad', pad);
  if (p === 'valid' && (f[0] > x.shape[1] || f[1] > x.shape[2])) {
    throw new Error(`${op}: with 'valid' padding filterSize [${f.join(', ')}] must fit inside x's height and width (x ${fmtShape(x.shape)})`);
  }
  return [f, s, p];
}

/**
 * TF.js's dimRoundingMode: it matters only for numeric padding, which tessera does not take, so it is checked and
 * changes nothing (as in TF.js for 'valid' and 'same').
 */
export function checkDimRoundingMode(op: string, dimRoundingMode: unknown): void {
  if (dimRoundingMode !== undefined && dimRoundingMode !== 'floor' && dimRoundingMode !== 'round' && dimRoundingMode !== 'ceil') {
    throw argError(op, 'dimRoundingMode', describeValue(dimRoundingMode), "'floor', 'round' or 'ceil'");
  }
}
