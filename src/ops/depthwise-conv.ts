import type { Padding } from '../backend/backend';
import { assertFloatTensor, assertRank, assertSameDtype, assertTensor } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import { Tensor } from '../tensor/tensor';
import { argError, assertPair, fmtShape } from '../util/validate';
import type { ConvAttrs } from './conv';
import { checkLayout } from './conv-variants';
import { assertReachFits, atrous, checkDilations, windowReach } from './dilate';
import { conv2d } from './conv';
import { backend } from './engine';
import { channelsFirst, checkDataFormat } from './channels-first';
import { checkDimRoundingMode } from './pool-checks';
import { reshape } from './reshape';
import { padWindows, type WindowPad } from './window-pad';
import type { DimRoundingMode } from '../tensor/value-types';
import type { TensorLike } from './tensor-like';
import { floatOperands } from './cast';

/** depthwiseConv2d's checked arguments: x (zero-padded for a numeric or explicit pad, see padWindows), strides, padding and dilations. */
type DepthwiseArgs = [Tensor, [number, number], Padding, [number, number]];

/** Checks depthwiseConv2d's arguments on NHWC x. */
function checkDepthwise(
  op: string, x: Tensor, filter: Tensor, strides: unknown, pad: unknown, dataFormat: unknown, dilations: unknown, dimRoundingMode?: DimRoundingMode,
): DepthwiseArgs {
  assertTensor(op, 'x', x);
  assertTensor(op, 'filter', filter);
  // As TF.js, which asks both for float32.
  assertFloatTensor(op, 'x', x);
  assertFloatTensor(op, 'filter', filter);
  if (x.rank !== 4) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 4 [batch, height, width, channels], or rank 3 for one image');
  assertRank(op, 'filter', filter, 4);
  assertSameDtype(op, x, filter, 'x', 'filter');
  const s = assertPair(op, 'strides', strides);
  checkLayout(op, dataFormat, 'NHWC');
  const d = checkDilations(op, dilations, s);
  if (x.shape[3] !== filter.shape[2]) {
    throw new Error(`${op}: filter's input channels (dim 2 of ${fmtShape(filter.shape)}) must equal x's channels (dim 3 of ${fmtShape(x.shape)}), got ${filter.shape[2]} and ${x.shape[3]}`);
  }
  const [xp, p] = padWindows(op, x, pad, windowReach([filter.shape[0], filter.shape[1]], d), s, dimRoundingMode, 0);
  assertReachFits(op, x, xp, filter, d, s, p);
  return [xp, s, p, d];
}

/** The depthwise convolution on checked arguments, its filter's taps dilated. */
function runDepthwise(filter: Tensor, [xp, s, p, d]: DepthwiseArgs): Tensor {
  return atrous(xp, [filter.shape[0], filter.shape[1]], d, p, (v, vp) => depthwiseOp(v, filter, s, vp));
}

/** Runs f on x as a batch, giving back one image's result for one image (rank 3). */
function batched(x: Tensor, f: (x4: Tensor) => Tensor): Tensor {
  if (!(x instanceof Tensor) || x.rank !== 3) return f(x);
  const y = f(reshape(x, [1, ...x.shape]));
  return reshape(y, y.shape.slice(1));
}

/**
 * Depthwise 2-D convolution, as tf.depthwiseConv2d(x, filter, strides, pad, dataFormat = 'NHWC', dilations = 1):
 * x [batch, h, w, inC] (or one image; NCHW with dataFormat 'NCHW'), filter [kh, kw, inC, multiplier]; input channel c gives output channels
 * c·multiplier .. c·multiplier + multiplier - 1.
 */
export function depthwiseConv2d<T extends Tensor>(
  x: T | TensorLike, filter: Tensor | TensorLike, strides: number | [number, number], pad: WindowPad,
  dataFormat?: 'NHWC' | 'NCHW', dilations?: number | [number, number], dimRoundingMode?: DimRoundingMode,
): T {
  dataFormat ??= 'NHWC'; dilations ??= 1;
  [x, filter] = floatOperands('depthwiseConv2d', [['x', x], ['filter', filter]]) as [T, Tensor];
  checkDimRoundingMode('depthwiseConv2d', dimRoundingMode, pad);
  if (checkDataFormat('depthwiseConv2d', dataFormat) === 'NCHW') {
    const [f, d] = [filter, dilations];
    return batched(x, (x4) => channelsFirst('depthwiseConv2d', x4, f, pad, (v, p) => depthwiseConv2d(v, f, strides, p, 'NHWC', d, dimRoundingMode))) as T;
  }
  return batched(x, (x4) => runDepthwise(filter, checkDepthwise('depthwiseConv2d', x4, filter, strides, pad, dataFormat, dilations, dimRoundingMode))) as T;
}

/** @internal The recorded forward op on checked arguments. */
export function depthwiseOp(x: Tensor, filter: Tensor, s: [number, number], p: Padding): Tensor {
  const y = backend().depthwiseConv2d(x, filter, s, p);
  recordOp<ConvAttrs>('depthwiseConv2d', [x, filter], y, { strides: s, pad: p });
  return y;
}

/** @internal depthwiseConv2d's input gradient, as an op (bilinear: its gradients are the forward op and the filter gradient). */
export function depthwiseBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], s: [number, number], p: Padding): Tensor {
  const dx = backend().depthwiseConv2dBackpropInput(dy, filter, xShape, s, p);
  recordOp<ConvAttrs>('depthwiseConv2dBackpropInput', [dy, filter], dx, { strides: s, pad: p });
  return dx;
}

/** @internal depthwiseConv2d's filter gradient, as an op. */
export function depthwiseBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], s: [number, number], p: Padding): Tensor {
  const dw = backend().depthwiseConv2dBackpropFilter(x, dy, filterShape, s, p);
  recordOp<ConvAttrs>('depthwiseConv2dBackpropFilter', [x, dy], dw, { strides: s, pad: p });
  return dw;
}

/**
 * A depthwise convolution followed by a 1×1 convolution mixing its channels, as
 * tf.separableConv2d(x, depthwiseFilter, pointwiseFilter, strides, pad, dilation = 1, dataFormat = 'NHWC'):
 * pointwiseFilter is [1, 1, inC·multiplier, outC].
 */
export function separableConv2d<T extends Tensor>(
  x: T | TensorLike, depthwiseFilter: Tensor | TensorLike, pointwiseFilter: Tensor | TensorLike, strides: number | [number, number], pad: Padding,
  dilation?: number | [number, number], dataFormat?: 'NHWC' | 'NCHW',
): T {
  dilation ??= 1; dataFormat ??= 'NHWC';
  [x, depthwiseFilter, pointwiseFilter] = floatOperands('separableConv2d', [['x', x], ['depthwiseFilter', depthwiseFilter], ['pointwiseFilter', pointwiseFilter]]) as [T, Tensor, Tensor];
  const op = 'separableConv2d';
  return batched(x, (x4) => {
    const args = checkDepthwise(op, x4, depthwiseFilter, strides, pad, dataFormat, dilation);
    assertTensor(op, 'pointwiseFilter', pointwiseFilter);
    assertRank(op, 'pointwiseFilter', pointwiseFilter, 4);
    assertSameDtype(op, x4, pointwiseFilter, 'x', 'pointwiseFilter');
    const channels = depthwiseFilter.shape[2] * depthwiseFilter.shape[3];
    const [ph, pw, pin] = pointwiseFilter.shape;
    if (ph !== 1 || pw !== 1 || pin !== channels) {
      throw argError(op, 'pointwiseFilter', `shape ${fmtShape(pointwiseFilter.shape)}`, `shape [1, 1, ${channels}, outChannels] (${channels} = inChannels · channel multiplier of depthwiseFilter ${fmtShape(depthwiseFilter.shape)})`);
    }
    return conv2d(runDepthwise(depthwiseFilter, args), pointwiseFilter, 1, 'valid');
  }) as T;
}
