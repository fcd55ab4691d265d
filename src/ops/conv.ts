import type { Padding } from '../backend/backend';
import { outputLength } from '../backend/shapes';
import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPadding, assertPair, fmtShape } from '../util/validate';
import { assertReachFits, atrous, checkDilations, windowReach } from './dilate';
import { channelsFirst, checkDataFormat, type ConvDataFormat } from './channels-first';
import { checkDimRoundingMode } from './pool-checks';
import { padWindows, validOverruns, type WindowPad } from './window-pad';
import { assertFloatTensor, assertRank, assertSameDtype, assertTensor } from '../tensor/checks';
import type { DimRoundingMode } from '../tensor/value-types';
import type { TensorLike } from './tensor-like';
import { floatOperands } from './cast';

/** Output length along one spatial axis, as TF.js computes it (layers size their outputs with it). */
export const convOutputLength = outputLength;

export interface ConvAttrs {
  strides: [number, number];
  pad: Padding;
}

/** Checks conv2d's arguments and returns the normalized strides and padding. */
export function checkConv2d(op: string, x: Tensor, filter: Tensor, strides: unknown, pad: unknown): [[number, number], Padding] {
  assertTensor(op, 'x', x);
  assertTensor(op, 'filter', filter);
  // As TF.js, which asks both for float32.
  assertFloatTensor(op, 'x', x);
  assertFloatTensor(op, 'filter', filter);
  if (x.rank !== 4) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 4 [batch, height, width, channels], or rank 3 for one image');
  assertRank(op, 'filter', filter, 4);
  assertSameDtype(op, x, filter, 'x', 'filter');
  const s = assertPair(op, 'strides', strides);
  const p = assertPadding(op, 'pad', pad);
  if (x.shape[3] !== filter.shape[2]) {
    throw new Error(`${op}: filter's input channels (dim 2 of ${fmtShape(filter.shape)}) must equal x's channels (dim 3 of ${fmtShape(x.shape)}), got ${filter.shape[2]} and ${x.shape[3]}`);
  }
  if (p === 'valid' && (validOverruns(x.shape[1], filter.shape[0], s[0]) || validOverruns(x.shape[2], filter.shape[1], s[1]))) {
    throw new Error(`${op}: with 'valid' padding the filter ${fmtShape(filter.shape)} must come within a stride of fitting inside x's height and width (x ${fmtShape(x.shape)}, strides [${s.join(', ')}])`);
  }
  return [s, p];
}

/**
 * 2-D convolution, NHWC input (or one HWC image; NCHW with dataFormat 'NCHW') and [kh, kw, inC, outC] filter, as
 * tf.conv2d(x, filter, strides, pad, dataFormat = 'NHWC', dilations = 1, dimRoundingMode?).
 */
export function conv2d<T extends Tensor>(
  x: T | TensorLike, filter: Tensor | TensorLike, strides: number | [number, number], pad: WindowPad,
  dataFormat?: ConvDataFormat, dilations?: number | [number, number], dimRoundingMode?: DimRoundingMode,
): T {
  dataFormat ??= 'NHWC'; dilations ??= 1;
  [x, filter] = floatOperands('conv2d', [['x', x], ['filter', filter]]) as [T, Tensor];
  if (x.rank === 3) {
    const y = conv2d(x.reshape([1, ...x.shape]), filter, strides, pad, dataFormat, dilations, dimRoundingMode);
    return y.reshape(y.shape.slice(1));
  }
  if (checkDataFormat('conv2d', dataFormat) === 'NCHW') {
    const [f, d] = [filter, dilations];
    return channelsFirst('conv2d', x, f, pad, (v, p) => conv2d(v, f, strides, p, 'NHWC', d, dimRoundingMode)) as T;
  }
  checkDimRoundingMode('conv2d', dimRoundingMode, pad);
  assertRank('conv2d', 'filter', filter, 4);
  const step = assertPair('conv2d', 'strides', strides);
  const rate = checkDilations('conv2d', dilations, step);
  const window: [number, number] = [filter.shape[0], filter.shape[1]];
  // A numeric or explicit pad: x padded with zeros, then a 'valid' conv2d.
  const [xp, padding] = padWindows('conv2d', x, pad, windowReach(window, rate), step, dimRoundingMode, 0);
  const [s, p] = checkConv2d('conv2d', xp, filter, strides, padding);
  assertReachFits('conv2d', x, xp, filter, rate, s, p);
  const f = filter;
  return atrous(xp, window, rate, p, (v, vp) => {
    const y = backend().conv2d(v, f, s, vp);
    recordOp<ConvAttrs>('conv2d', [v, f], y, { strides: s, pad: vp });
    return y;
  }) as T;
}

/** @internal The gradient of conv2d for its input, as an op (its own rule makes second derivatives). */
export function conv2dBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], s: [number, number], p: Padding): Tensor {
  const dx = backend().conv2dBackpropInput(dy, filter, xShape, s, p);
  recordOp<ConvAttrs>('conv2dBackpropInput', [dy, filter], dx, { strides: s, pad: p });
  return dx;
}

/** @internal The gradient of conv2d for its filter, as an op. */
export function conv2dBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], s: [number, number], p: Padding): Tensor {
  const dw = backend().conv2dBackpropFilter(x, dy, filterShape, s, p);
  recordOp<ConvAttrs>('conv2dBackpropFilter', [x, dy], dw, { strides: s, pad: p });
  return dw;
}
