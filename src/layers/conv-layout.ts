import { add } from '../ops/binary';
import type { FusedActivation } from '../ops/fused';
import { transpose } from '../ops/transpose';
import { relu } from '../ops/unary';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { argError, fmtShape } from '../util/validate';
import { pairArg } from './config-checks';
import { assertNoNegativeDims, windowOutputLength } from './window-output';
import type { DataFormat } from './data-format';

/**
 * The dilationRate option as [h, w] (a positive integer or a pair; null or absent is 1). As in TF.js, strides above 1
 * with it are refused by the convolution op when the layer runs, not here: a model may be built and summarized.
 */
/** A transposed convolution's output length along an axis: Keras's deconv_length without output padding (null: unknown). */
export function deconvLength(size: number, kernel: number, stride: number, padding: 'valid' | 'same'): number {
  if (size === null) return size;
  return padding === 'valid' ? size * stride + Math.max(kernel - stride, 0) : size * stride;
}

export function dilationArg(op: string, v: unknown): [number, number] {
  return pairArg(op, 'dilationRate', v === null ? undefined : v, [1, 1]);
}

/** Whether a dilation computes the plain convolution (the fast paths take only these). */
export function isUnitDilation(d: readonly [number, number]): boolean {
  return d[0] === 1 && d[1] === 1;
}

/** A [h, w, c] shape without the batch dim, read as channels last. */
export function hwcOf(shape: readonly number[], f: DataFormat): number[] {
  return f === 'channelsLast' ? shape.slice() : [shape[1], shape[2], shape[0]];
}

/** A channels-last [h, w, c] shape in the layer's layout. */
export function inLayout(hwc: readonly number[], f: DataFormat): number[] {
  return f === 'channelsLast' ? hwc.slice() : [hwc[2], hwc[0], hwc[1]];
}

/** Runs a channels-last computation on input in the layer's layout (the kernels take NHWC), as TF.js's layers do. */
export function viaChannelsLast(x: Tensor, f: DataFormat, compute: (nhwc: Tensor) => Tensor): Tensor {
  if (f === 'channelsLast') return compute(x);
  return transpose(compute(transpose(x, [0, 2, 3, 1])), [0, 3, 1, 2]);
}

/** y + bias, then the activation withEpilogue leaves to the product (relu or none). */
export function withBias(y: Tensor, bias: Variable | undefined, act: FusedActivation): Tensor {
  const z = bias ? add(y, bias) : y;
  return act === 'relu' ? relu(z) : z;
}

/** The input shape (no batch dim) of a 2-D convolution layer as channels-last [h, w, c]; throws unless rank 4. */
export function conv2dInput(name: string, inputShape: readonly number[], f: DataFormat): number[] {
  if (inputShape.length !== 3) throw argError(name, 'input', `shape ${fmtShape([null, ...inputShape])}`, `rank 4 [batch, ${f === 'channelsLast' ? 'height, width, channels' : 'channels, height, width'}]`);
  return hwcOf(inputShape, f);
}

/**
 * The output [h, w] of a strided window over [h, w] (hwc, from the layer's `inputShape`); a kernel dilated by d
 * spans (k - 1)·d + 1 inputs. 0 where a 'valid' window overruns by less than a stride; throws past that, as TF.js.
 */
export function convOutputHW(
  name: string, inputShape: readonly number[], hwc: readonly number[], kernel: [number, number], strides: [number, number], padding: 'valid' | 'same',
  dilation: readonly [number, number] = [1, 1],
): [number, number] {
  const [oh, ow] = [0, 1].map((i) => windowOutputLength(hwc[i], (kernel[i] - 1) * dilation[i] + 1, strides[i], padding));
  assertNoNegativeDims(name, inputShape, [oh, ow]);
  return [oh, ow];
}
