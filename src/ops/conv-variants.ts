import type { Padding } from '../backend/backend';
import { outputLength } from '../backend/shapes';
import { assertRank, assertSameDtype } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPair, assertPositiveInt, assertShape, describeValue, fmtShape, fmtValue, shown } from '../util/validate';
import { cast, floatOperands } from './cast';
import { conv2d, conv2dBackpropInput } from './conv';
import { checkDimRoundingMode } from './pool-checks';
import { reshape } from './reshape';
import type { DimRoundingMode, WindowPad } from '../tensor/value-types';
import { pad as padOp } from './pad';
import { slice } from './slice';
import { padGeometry, validOverruns } from './window-pad';
import type { TensorLike } from './tensor-like';

// Convolutions TF.js builds from conv2d and its input gradient: conv1d (a conv2d of height 1) and conv2dTranspose.

/** Rejects a layout other than channels-last, the only one tessera's convolution ops compute. */
export function checkLayout(op: string, dataFormat: unknown, layout: string): void {
  if (dataFormat != null && dataFormat !== layout) throw argError(op, 'dataFormat', describeValue(dataFormat), `'${layout}' (channels last; the only layout tessera computes)`);
}

/**
 * conv1d's pad: as TF.js, a numeric or explicit pad is the 2-D one of the [batch, 1, width] view, so only those that
 * leave its height 1 work there (0, or explicit [[0, 0], [0, 0], [left, right], [0, 0]]); TF.js fails on the others.
 */
function checkConv1dPad(op: string, pad: unknown): void {
  if (pad === 'valid' || pad === 'same') return;
  if (typeof pad !== 'number' && !Array.isArray(pad)) {
    const causal = pad === 'causal' ? " ('causal' is the padding of layers.conv1d, not of the op)" : '';
    throw argError(op, 'pad', shown(pad), `'valid', 'same', 0 or explicit [[0, 0], [0, 0], [left, right], [0, 0]]${causal}`);
  }
  const heightPad = typeof pad === 'number' ? pad : Array.isArray(pad) && Array.isArray(pad[1]) ? Math.max(...(pad[1] as number[])) : 0;
  if (heightPad !== 0) {
    throw argError(op, 'pad', fmtValue(pad), "'valid', 'same', 0 or explicit [[0, 0], [0, 0], [left, right], [0, 0]] (a numeric pad also pads the height of the [batch, 1, width] view, which TF.js fails on)");
  }
}

/**
 * 1-D convolution of [batch, width, inChannels] input (or one [width, inChannels] sequence) with a
 * [filterWidth, inChannels, outChannels] filter, as tf.conv1d(x, filter, stride, pad, dataFormat = 'NWC', dilation = 1).
 */
export function conv1d<T extends Tensor>(
  x: T | TensorLike, filter: Tensor | TensorLike, stride: number, pad: WindowPad, dataFormat?: 'NWC' | 'NCW', dilation?: number, dimRoundingMode?: DimRoundingMode,
): T {
  dataFormat ??= 'NWC'; dilation ??= 1;
  const op = 'conv1d';
  [x, filter] = floatOperands(op, [['x', x], ['filter', filter]]) as [T, Tensor];
  if (x.rank !== 2 && x.rank !== 3) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 3 [batch, width, channels], or rank 2 for one sequence');
  assertRank(op, 'filter', filter, 3);
  assertSameDtype(op, x, filter, 'x', 'filter');
  assertPositiveInt(op, 'stride', stride);
  checkConv1dPad(op, pad);
  checkLayout(op, dataFormat, 'NWC');
  assertPositiveInt(op, 'dilation', dilation);
  if (dilation > 1 && stride > 1) throw argError(op, 'dilation', String(dilation), `1 where stride is not 1 (stride ${stride}): either stride or dilation must be 1, as in TF.js`);
  checkDimRoundingMode(op, dimRoundingMode, pad);
  const x3 = x.rank === 2 ? reshape(x, [1, ...x.shape]) : x;
  const [batch, width, channels] = x3.shape;
  const [fw, inC, outC] = filter.shape;
  if (channels !== inC) throw new Error(`${op}: filter's input channels (dim 1 of ${fmtShape(filter.shape)}) must equal x's channels (${channels}, x ${fmtShape(x.shape)})`);
  if (pad === 'valid' && validOverruns(width, (fw - 1) * dilation + 1, stride)) {
    throw new Error(`${op}: with 'valid' padding the filter width ${fw}${dilation > 1 ? ` (dilation ${dilation})` : ''} must come within a stride of fitting inside x's width (x ${fmtShape(x.shape)}, stride ${stride})`);
  }
  const y = conv2d(reshape(x3, [batch, 1, width, channels]), reshape(filter, [1, fw, inC, outC]), [1, stride], pad, 'NHWC', [1, dilation], dimRoundingMode);
  return (reshape(y, x.rank === 2 ? [y.shape[2], outC] : [batch, y.shape[2], outC])) as T;
}

/**
 * The transpose of conv2d (its gradient for the input), as tf.conv2dTranspose(x, filter, outputShape, strides, pad):
 * x [batch, h, w, inDepth] (or one image), filter [kh, kw, outDepth, inDepth], outputShape [batch, oh, ow, outDepth]
 * (or [oh, ow, outDepth]), where conv2d of an outputShape tensor with the same filter, strides and pad has x's shape.
 */
export function conv2dTranspose<T extends Tensor>(
  x: T | TensorLike, filter: Tensor | TensorLike, outputShape: [number, number, number, number] | [number, number, number],
  strides: number | [number, number], pad: WindowPad, dimRoundingMode?: DimRoundingMode,
): T {
  const op = 'conv2dTranspose';
  [x, filter] = floatOperands(op, [['x', x], ['filter', filter]]) as [T, Tensor];
  if (x.rank !== 3 && x.rank !== 4) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 4 [batch, height, width, channels], or rank 3 for one image');
  assertRank(op, 'filter', filter, 4);
  assertSameDtype(op, x, filter, 'x', 'filter');
  // TF.js's kernel transposes int32 in float32 and gives float32.
  if (x.dtype === 'int32') return conv2dTranspose(cast(x, 'float32'), cast(filter, 'float32'), outputShape, strides, pad, dimRoundingMode) as Tensor as T;
  const out = assertShape(op, 'outputShape', outputShape);
  if (out.length !== x.rank) throw argError(op, 'outputShape', fmtValue(outputShape), `a shape of x's rank ${x.rank}`);
  const s = assertPair(op, 'strides', strides);
  checkDimRoundingMode(op, dimRoundingMode, pad);
  const x4 = x.rank === 3 ? reshape(x, [1, ...x.shape]) : x;
  const out4 = out.length === 3 ? [1, ...out] : out;
  const [kh, kw, outDepth, inDepth] = filter.shape;
  if (x4.shape[3] !== inDepth) throw new Error(`${op}: x's channels (${x4.shape[3]}, x ${fmtShape(x.shape)}) must equal the filter's input depth (dim 3 of ${fmtShape(filter.shape)}, ${inDepth})`);
  if (out4[3] !== outDepth) throw new Error(`${op}: outputShape's channels (${out4[3]}) must equal the filter's output depth (dim 2 of ${fmtShape(filter.shape)}, ${outDepth})`);
  if (out4[0] !== x4.shape[0]) throw argError(op, 'outputShape', fmtValue(outputShape), `batch ${x4.shape[0]}, as x ${fmtShape(x.shape)}`);
  const mapsTo = (h: number, w: number) => h === x4.shape[1] && w === x4.shape[2];
  const refuseShape = () => argError(op, 'outputShape', fmtValue(outputShape),
    `a shape that conv2d with filter ${fmtShape(filter.shape)}, strides [${s.join(', ')}] and ${typeof pad === 'string' ? `'${pad}' padding` : `pad ${fmtValue(pad)}`} maps to x's height and width ${fmtShape(x4.shape.slice(1, 3))}`);
  if (pad !== 'valid' && pad !== 'same') {
    const g = padGeometry(op, [out4[1], out4[2]], pad, [kh, kw], s, dimRoundingMode, `outputShape ${fmtValue(outputShape)}`);
    if (!mapsTo(g.outH, g.outW)) throw refuseShape();
    // conv2d pads its input on the top and left and reads needH x needW of it; the transpose spreads x over that
    // area 'valid', then takes the outputShape rows and columns back out (zeros for any the windows never read).
    const spread = conv2dBackpropInput(x4, filter, [out4[0], g.needH, g.needW, out4[3]], s, 'valid');
    const grown = padOp(spread, [[0, 0], [0, Math.max(out4[1] + g.top - g.needH, 0)], [0, Math.max(out4[2] + g.left - g.needW, 0)], [0, 0]]);
    const y = slice(grown, [0, g.top, g.left, 0], [-1, out4[1], out4[2], -1]);
    return (x.rank === 3 ? reshape(y, out) : y) as T;
  }
  const p: Padding = pad;
  if ((p === 'valid' && (kh > out4[1] || kw > out4[2])) || !mapsTo(outputLength(out4[1], kh, s[0], p), outputLength(out4[2], kw, s[1], p))) throw refuseShape();
  const y = conv2dBackpropInput(x4, filter, out4, s, p);
  return (x.rank === 3 ? reshape(y, out) : y) as T;
}
