import { convOutputLength } from '../ops/conv';
import { add } from '../ops/binary';
import type { FusedActivation } from '../ops/fused';
import { transpose } from '../ops/transpose';
import { relu } from '../ops/unary';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { argError, fmtValue } from '../util/validate';
import { dataFormatArg, type DataFormat } from './data-format';

/** The dataFormat option, and a dilationRate that must be 1: tessera's convolution layers compute no dilation. */
export function convLayout(op: string, args: { dataFormat?: unknown; dilationRate?: unknown }): DataFormat {
  const d = args.dilationRate;
  if (d !== undefined && d !== null && d !== 1 && !(Array.isArray(d) && d.every((v) => v === 1))) throw argError(op, 'dilationRate', fmtValue(d), '1 (tessera does not implement dilated convolution layers)');
  return dataFormatArg(op, args.dataFormat);
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
  if (inputShape.length !== 3) throw argError(name, 'input', `shape [null, ${inputShape.join(', ')}]`, `rank 4 [batch, ${f === 'channelsLast' ? 'height, width, channels' : 'channels, height, width'}]`);
  return hwcOf(inputShape, f);
}

/** The output [h, w] of a strided window over [h, w]; throws when 'valid' leaves nothing. */
export function convOutputHW(name: string, hwc: readonly number[], kernel: [number, number], strides: [number, number], padding: 'valid' | 'same'): [number, number] {
  const oh = convOutputLength(hwc[0], kernel[0], strides[0], padding);
  const ow = convOutputLength(hwc[1], kernel[1], strides[1], padding);
  if (oh <= 0 || ow <= 0) throw argError(name, 'input', `spatial size ${hwc[0]}x${hwc[1]}`, `at least the kernel size ${kernel.join('x')} with 'valid' padding`);
  return [oh, ow];
}
