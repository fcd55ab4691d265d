import type { Padding } from '../backend/backend';
import { outputLength } from '../backend/shapes';
import { assertRank, assertSameDtype, assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPadding, assertPair, assertPositiveInt, assertShape, describeValue, fmtShape, fmtValue } from '../util/validate';
import { conv2d, conv2dBackpropInput } from './conv';
import { checkDilations } from './dilate';
import { checkDimRoundingMode } from './pool-checks';
import { reshape } from './reshape';
import type { DimRoundingMode } from '../tensor/value-types';

// Convolutions TF.js builds from conv2d and its input gradient: conv1d (a conv2d of height 1) and conv2dTranspose.

/** Rejects a layout other than channels-last, the only one tessera's convolution ops compute. */
export function checkLayout(op: string, dataFormat: unknown, layout: string): void {
  if (dataFormat !== undefined && dataFormat !== layout) throw argError(op, 'dataFormat', describeValue(dataFormat), `'${layout}' (channels last; the only layout tessera computes)`);
}

/**
 * 1-D convolution of [batch, width, inChannels] input (or one [width, inChannels] sequence) with a
 * [filterWidth, inChannels, outChannels] filter, as tf.conv1d(x, filter, stride, pad, dataFormat = 'NWC', dilation = 1).
 */
export function conv1d<T extends Tensor>(
  x: T, filter: Tensor, stride: number, pad: Padding, dataFormat: 'NWC' | 'NCW' = 'NWC', dilation = 1, dimRoundingMode?: DimRoundingMode,
): T {
  const op = 'conv1d';
  assertTensor(op, 'x', x);
  assertTensor(op, 'filter', filter);
  if (x.rank !== 2 && x.rank !== 3) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 3 [batch, width, channels], or rank 2 for one sequence');
  assertRank(op, 'filter', filter, 3);
  assertSameDtype(op, x, filter, 'x', 'filter');
  assertPositiveInt(op, 'stride', stride);
  const p = assertPadding(op, 'pad', pad);
  checkLayout(op, dataFormat, 'NWC');
  assertPositiveInt(op, 'dilation', dilation);
  checkDilations(op, [1, dilation], [1, stride]);
  checkDimRoundingMode(op, dimRoundingMode, pad);
  const x3 = x.rank === 2 ? reshape(x, [1, ...x.shape]) : x;
  const [batch, width, channels] = x3.shape;
  const [fw, inC, outC] = filter.shape;
  if (channels !== inC) throw new Error(`${op}: filter's input channels (dim 1 of ${fmtShape(filter.shape)}) must equal x's channels (${channels}, x ${fmtShape(x.shape)})`);
  if (p === 'valid' && (fw - 1) * dilation + 1 > width) throw new Error(`${op}: with 'valid' padding the filter width ${fw}${dilation > 1 ? ` (dilation ${dilation})` : ''} must fit inside x's width (x ${fmtShape(x.shape)})`);
  const y = conv2d(reshape(x3, [batch, 1, width, channels]), reshape(filter, [1, fw, inC, outC]), [1, stride], p, 'NHWC', [1, dilation]);
  return (reshape(y, x.rank === 2 ? [y.shape[2], outC] : [batch, y.shape[2], outC])) as T;
}

/**
 * The transpose of conv2d (its gradient for the input), as tf.conv2dTranspose(x, filter, outputShape, strides, pad):
 * x [batch, h, w, inDepth] (or one image), filter [kh, kw, outDepth, inDepth], outputShape [batch, oh, ow, outDepth]
 * (or [oh, ow, outDepth]), where conv2d of an outputShape tensor with the same filter, strides and pad has x's shape.
 */
export function conv2dTranspose<T extends Tensor>(
  x: T, filter: Tensor, outputShape: [number, number, number, number] | [number, number, number],
  strides: number | [number, number], pad: Padding, dimRoundingMode?: DimRoundingMode,
): T {
  const op = 'conv2dTranspose';
  assertTensor(op, 'x', x);
  assertTensor(op, 'filter', filter);
  if (x.rank !== 3 && x.rank !== 4) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 4 [batch, height, width, channels], or rank 3 for one image');
  assertRank(op, 'filter', filter, 4);
  assertSameDtype(op, x, filter, 'x', 'filter');
  const out = assertShape(op, 'outputShape', outputShape);
  if (out.length !== x.rank) throw argError(op, 'outputShape', fmtValue(outputShape), `a shape of x's rank ${x.rank}`);
  const s = assertPair(op, 'strides', strides);
  const p = assertPadding(op, 'pad', pad);
  checkDimRoundingMode(op, dimRoundingMode, pad);
  const x4 = x.rank === 3 ? reshape(x, [1, ...x.shape]) : x;
  const out4 = out.length === 3 ? [1, ...out] : out;
  const [kh, kw, outDepth, inDepth] = filter.shape;
  if (x4.shape[3] !== inDepth) throw new Error(`${op}: x's channels (${x4.shape[3]}, x ${fmtShape(x.shape)}) must equal the filter's input depth (dim 3 of ${fmtShape(filter.shape)}, ${inDepth})`);
  if (out4[3] !== outDepth) throw new Error(`${op}: outputShape's channels (${out4[3]}) must equal the filter's output depth (dim 2 of ${fmtShape(filter.shape)}, ${outDepth})`);
  if (out4[0] !== x4.shape[0]) throw argError(op, 'outputShape', fmtValue(outputShape), `batch ${x4.shape[0]}, as x ${fmtShape(x.shape)}`);
  const fits = p === 'same' || (kh <= out4[1] && kw <= out4[2]);
  if (!fits || outputLength(out4[1], kh, s[0], p) !== x4.shape[1] || outputLength(out4[2], kw, s[1], p) !== x4.shape[2]) {
    throw argError(op, 'outputShape', fmtValue(outputShape),
      `a shape that conv2d with filter ${fmtShape(filter.shape)}, strides [${s.join(', ')}] and '${p}' padding maps to x's height and width ${fmtShape(x4.shape.slice(1, 3))}`);
  }
  const y = conv2dBackpropInput(x4, filter, out4, s, p);
  return (x.rank === 3 ? reshape(y, out) : y) as T;
}
