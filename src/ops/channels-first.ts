import { Tensor } from '../tensor/tensor';
import type { WindowPad } from '../tensor/value-types';
import { argError, describeValue, fmtShape, fmtValue } from '../util/validate';
import { transpose } from './transpose';

// TF.js's conv2d and depthwiseConv2d (and their fused forms) take channels-first data, dataFormat 'NCHW'. tessera's
// kernels compute channels last, so such a call runs the NHWC op between two transposes: recorded ops, so it
// differentiates on both backends.

export type ConvDataFormat = 'NHWC' | 'NCHW';

/** Checks a 2-D convolution's dataFormat. */
export function checkDataFormat(op: string, dataFormat: unknown): ConvDataFormat {
  if (dataFormat !== 'NHWC' && dataFormat !== 'NCHW') throw argError(op, 'dataFormat', describeValue(dataFormat), "'NHWC' or 'NCHW'");
  return dataFormat;
}

const zeroPair = (p: unknown) => Array.isArray(p) && p.length === 2 && p[0] === 0 && p[1] === 0;

/**
 * The NHWC op `run` applied to NCHW x: x's channels moved last, an explicit pad's pairs ([[0, 0], [0, 0], [top,
 * bottom], [left, right]] in NCHW order, as TF.js reads them) with them, and the result's channels moved back.
 */
export function channelsFirst(op: string, x: Tensor, filter: Tensor, pad: WindowPad, run: (x: Tensor, pad: WindowPad) => Tensor): Tensor {
  if (!(x instanceof Tensor) || x.rank !== 4) throw argError(op, 'x', describeValue(x), "rank 4 [batch, channels, height, width], or rank 3 for one image, with dataFormat 'NCHW'");
  if (filter instanceof Tensor && filter.rank === 4 && filter.shape[2] !== x.shape[1]) {
    throw new Error(`${op}: filter's input channels (dim 2 of ${fmtShape(filter.shape)}) must equal x's channels (dim 1 of ${fmtShape(x.shape)}, dataFormat 'NCHW'), got ${filter.shape[2]} and ${x.shape[1]}`);
  }
  let nhwcPad = pad;
  if (Array.isArray(pad)) {
    if (pad.length !== 4 || !zeroPair(pad[0]) || !zeroPair(pad[1])) {
      throw argError(op, 'pad', fmtValue(pad), "'valid', 'same', a non-negative integer, or [[0, 0], [0, 0], [top, bottom], [left, right]] with dataFormat 'NCHW'");
    }
    nhwcPad = [pad[0], pad[2], pad[3], pad[1]];
  }
  return transpose(run(transpose(x, [0, 2, 3, 1]), nhwcPad), [0, 3, 1, 2]);
}
