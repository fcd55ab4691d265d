import type { Padding } from './types';

/** Everything a conv2d kernel needs to walk NHWC input, [kh,kw,inC,outC] filter and NHWC output. */
export interface Conv2dGeometry {
  batch: number; inH: number; inW: number; inC: number;
  outH: number; outW: number; outC: number;
  kh: number; kw: number;
  strideH: number; strideW: number;
  padTop: number; padLeft: number;
}

/** Whether some window of the convolution reaches into its padding (before or after the input). */
export function readsPadding(g: Conv2dGeometry): boolean {
  return g.padTop > 0 || g.padLeft > 0 || (g.outH - 1) * g.strideH + g.kh - g.padTop > g.inH || (g.outW - 1) * g.strideW + g.kw - g.padLeft > g.inW;
}

/** Everything a 2-D pooling kernel needs; pooling keeps the channel count. */
export interface Pool2dGeometry {
  batch: number; inH: number; inW: number; channels: number;
  outH: number; outW: number;
  fh: number; fw: number;
  strideH: number; strideW: number;
  padTop: number; padLeft: number;
}

/** Output length of a window k sliding by stride over size, as TF.js computes it: the one formula every layer and kernel uses. */
export function outputLength(size: number, k: number, stride: number, pad: Padding): number {
  return pad === 'valid' ? Math.ceil((size - k + 1) / stride) : Math.ceil(size / stride);
}

/** Output length and leading pad along one axis (extra 'same' padding goes after). */
function axis(size: number, k: number, stride: number, pad: Padding): [out: number, padBefore: number] {
  const out = outputLength(size, k, stride, pad);
  if (pad === 'valid') return [out, 0];
  const padTotal = Math.max((out - 1) * stride + k - size, 0);
  return [out, Math.floor(padTotal / 2)];
}

/** xShape [N,H,W,C], filterShape [kh,kw,inC,outC]; the caller has validated both. */
export function conv2dGeometry(
  xShape: readonly number[], filterShape: readonly number[], strides: readonly [number, number], pad: Padding,
): Conv2dGeometry {
  const [batch, inH, inW, inC] = xShape;
  const [kh, kw, , outC] = filterShape;
  const [strideH, strideW] = strides;
  const [outH, padTop] = axis(inH, kh, strideH, pad);
  const [outW, padLeft] = axis(inW, kw, strideW, pad);
  return { batch, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, padTop, padLeft };
}

/** A depthwise filter [kh,kw,inC,multiplier] walks like a conv2d filter with outC = inC·multiplier. */
export function depthwiseGeometry(
  xShape: readonly number[], filterShape: readonly number[], strides: readonly [number, number], pad: Padding,
): Conv2dGeometry {
  const [kh, kw, inC, multiplier] = filterShape;
  return conv2dGeometry(xShape, [kh, kw, inC, inC * multiplier], strides, pad);
}

/** xShape [N,H,W,C], filterSize [fh,fw]; the caller has validated both. */
export function pool2dGeometry(
  xShape: readonly number[], filterSize: readonly [number, number], strides: readonly [number, number], pad: Padding,
): Pool2dGeometry {
  const [batch, inH, inW, channels] = xShape;
  const [fh, fw] = filterSize;
  const [strideH, strideW] = strides;
  const [outH, padTop] = axis(inH, fh, strideH, pad);
  const [outW, padLeft] = axis(inW, fw, strideW, pad);
  return { batch, inH, inW, channels, outH, outW, fh, fw, strideH, strideW, padTop, padLeft };
}

/** The source positions along one axis of a bilinear resize: output i lerps input lo[i] and hi[i] by frac[i]. */
export interface AxisLerp {
  lo: readonly number[];
  hi: readonly number[];
  frac: readonly number[];
}
