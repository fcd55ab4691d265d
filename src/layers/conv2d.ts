import { convOutputLength } from '../ops/conv';
import type { Tensor } from '../tensor/tensor';
import * as fused from '../ops/fused';
import { conv2dMaxPool } from '../ops/conv-max-pool';
import { argError, assertPositiveInt } from '../util/validate';
import { pairArg, paddingArg } from './config-checks';
import { KERNEL_LAYER_KEYS, KernelLayer, type KernelLayerArgs } from './kernel-layer';
import { checkConfigKeys, type CallOptions, type Layer, type LayerConfig } from './layer';
import { MaxPooling2D } from './max-pooling2d';
import type { DataFormat } from './data-format';
import { convLayout } from './conv-layout';
import { transpose } from '../ops/transpose';
import type { Variable } from '../tensor/variable';

export interface Conv2DLayerArgs extends KernelLayerArgs {
  filters: number;
  kernelSize: number | [number, number];
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  dataFormat?: DataFormat;
  dilationRate?: number | [number, number];
}

/** 2-D convolution over NHWC input with a [kh, kw, inC, filters] kernel, as tf.layers.conv2d. */
export class Conv2D extends KernelLayer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;

  constructor(args: Conv2DLayerArgs) {
    const op = 'layers.conv2d';
    checkConfigKeys(op, args, ['filters', 'kernelSize', 'strides', 'padding', 'dataFormat', 'dilationRate', ...KERNEL_LAYER_KEYS]);
    super(op, 'conv2d', args);
    this.dataFormat = convLayout(op, args);
    this.filters = assertPositiveInt(op, 'filters', args.filters);
    this.kernelSize = pairArg(op, 'kernelSize', args.kernelSize);
    this.strides = pairArg(op, 'strides', args.strides, [1, 1]);
    this.padding = paddingArg(op, args.padding);
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'Conv2D';
  }

  /** The input shape (no batch dim) as channels last. */
  private hwc(inputShape: readonly number[]): number[] {
    return this.dataFormat === 'channelsLast' ? inputShape.slice() : [inputShape[1], inputShape[2], inputShape[0]];
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'rank 4 [batch, height, width, channels] (or channels first)');
    const [h, w] = this.hwc(inputShape);
    const [kh, kw] = this.kernelSize;
    const outH = convOutputLength(h, kh, this.strides[0], this.padding);
    const outW = convOutputLength(w, kw, this.strides[1], this.padding);
    if (outH <= 0 || outW <= 0) {
      throw argError(this.name, 'input', `spatial size ${h}x${w}`, `at least the kernel size ${kh}x${kw} with 'valid' padding`);
    }
    return this.dataFormat === 'channelsLast' ? [outH, outW, this.filters] : [this.filters, outH, outW];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.buildKernel([...this.kernelSize, this.hwc(inputShape)[2], this.filters]);
  }

  /** A following 2×2 stride-2 'valid' max-pool runs fused into the convolution (inference only). */
  override applyWithNext(x: Tensor, next: Layer): Tensor | null {
    const act = this.activation;
    if (!(next instanceof MaxPooling2D) || this.dataFormat !== 'channelsLast' || next.dataFormat !== 'channelsLast' || !this.bias || (act !== 'relu' && act !== 'linear') || next.padding !== 'valid'
      || [...next.poolSize, ...next.strides].some((d) => d !== 2)) return null;
    this.prepareInput(x);
    const [outH, outW] = this.computeOutputShape(x.shape.slice(1));
    if (outH < 2 || outW < 2) return null;
    const pooledInput = [outH, outW, this.filters];
    // A pool built for other input is left to its own apply, which reports the mismatch.
    if (next.built && next.inputShapeNoBatch?.some((d, i) => d !== pooledInput[i])) return null;
    if (!next.built) next.build(pooledInput);
    return conv2dMaxPool({ x, filter: this.kernel as Variable, strides: this.strides, pad: this.padding, bias: this.bias, activation: act });
  }

  call(x: Tensor, options: CallOptions): Tensor {
    // The kernels run NHWC: channels-first input is viewed that way and the output back.
    const nhwc = this.dataFormat === 'channelsLast' ? x : transpose(x, [0, 2, 3, 1]);
    const y = this.withEpilogue(options, (filter, bias, activation) => fused.conv2d({ x: nhwc, filter, strides: this.strides, pad: this.padding, bias, activation }));
    return this.dataFormat === 'channelsLast' ? y : transpose(y, [0, 3, 1, 2]);
  }

  protected layerConfig(): LayerConfig {
    return {
      filters: this.filters,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: this.dataFormat === 'channelsLast' ? 'channels_last' : 'channels_first',
      dilation_rate: [1, 1],
      ...this.epilogueConfig(),
    };
  }
}
