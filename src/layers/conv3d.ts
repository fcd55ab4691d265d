import { assertNoNegativeDims, windowOutputLength } from './window-output';
import { add } from '../ops/binary';
import { avgPool3d, conv3d, maxPool3d } from '../ops/conv3d';
import { conv3dTranspose } from '../ops/conv3d-transpose';
import { transpose } from '../ops/transpose';
import { relu } from '../ops/unary';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPositiveInt, fmtShape, fmtValue } from '../util/validate';
import { paddingArg, tripleArg } from './config-checks';
import { deconvLength } from './conv-layout';
import { dataFormatArg, dataFormatConfig, splitChannels, type DataFormat } from './data-format';
import { KERNEL_LAYER_KEYS, KernelLayer, type KernelLayerArgs } from './kernel-layer';
import { checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

// The 3-D convolution and pooling layers over [batch, depth, height, width, channels] (or channels first).

type Triple = [number, number, number];

/** Refuses an input (no batch dim) that is not rank 5 with its batch. */
function checkRank5(name: string, inputShape: readonly number[]): void {
  if (inputShape.length !== 4) throw argError(name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank 5 [batch, depth, height, width, channels]');
}

/** The output's [depth, height, width] for windows of `size` (0 where a 'valid' window overruns by less than a stride, an error past that). */
function windowedShape(name: string, inputShape: readonly number[], format: DataFormat, size: Triple, strides: Triple, padding: 'valid' | 'same', dilation: Triple = [1, 1, 1]): { out: number[]; channels: number } {
  checkRank5(name, inputShape);
  const { channels, spatial } = splitChannels(inputShape, format);
  const out = spatial.map((d, i) => windowOutputLength(d, (size[i] - 1) * dilation[i] + 1, strides[i], padding));
  assertNoNegativeDims(name, inputShape, out);
  return { out, channels };
}

/** Runs a channels-last function on x in the layer's format. */
function channelsLast(x: Tensor, format: DataFormat, f: (t: Tensor) => Tensor): Tensor {
  if (format === 'channelsLast') return f(x);
  return transpose(f(transpose(x, [0, 2, 3, 4, 1])), [0, 4, 1, 2, 3]);
}

export interface Conv3DLayerArgs extends KernelLayerArgs {
  filters: number;
  kernelSize: number | Triple;
  strides?: number | Triple;
  padding?: 'valid' | 'same';
  dataFormat?: DataFormat;
  dilationRate?: number | Triple;
}

/** 3-D convolution with a [kd, kh, kw, inC, filters] kernel, as tf.layers.conv3d. */
export class Conv3D extends KernelLayer {
  readonly filters: number;
  readonly kernelSize: Triple;
  readonly strides: Triple;
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;
  readonly dilationRate: Triple;

  /** The factory and default layer name are conv3dTranspose's for that subclass. */
  constructor(args: Conv3DLayerArgs, op = 'layers.conv3d', snakeName = 'conv3d') {
    checkConfigKeys(op, args, ['filters', 'kernelSize', 'strides', 'padding', 'dataFormat', 'dilationRate', ...KERNEL_LAYER_KEYS]);
    super(op, snakeName, args);
    this.filters = assertPositiveInt(op, 'filters', args.filters);
    this.kernelSize = tripleArg(op, 'kernelSize', args.kernelSize);
    this.strides = tripleArg(op, 'strides', args.strides, [1, 1, 1]);
    this.padding = paddingArg(op, args.padding);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.dilationRate = tripleArg(op, 'dilationRate', args.dilationRate, [1, 1, 1]);
    if (this.strides.some((s) => s > 1) && this.dilationRate.some((d) => d > 1)) {
      throw argError(op, 'dilationRate', fmtValue(args.dilationRate), `1 when strides are above 1 (got strides ${fmtValue(args.strides)})`);
    }
    // A subclass builds once its own settings are checked.
    if (new.target === Conv3D) this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Conv3D';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const { out } = windowedShape(this.name, inputShape, this.dataFormat, this.kernelSize, this.strides, this.padding, this.dilationRate);
    return this.dataFormat === 'channelsLast' ? [...out, this.filters] : [this.filters, ...out];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.buildKernel([...this.kernelSize, splitChannels(inputShape, this.dataFormat).channels, this.filters]);
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    return this.withEpilogue(options, (kernel, bias, activation) => channelsLast(x, this.dataFormat, (t) => {
      const y = conv3d(t, kernel, this.strides, this.padding, 'NDHWC', this.dilationRate);
      const biased = bias ? add(y, bias) : y;
      return activation === 'relu' ? relu(biased) : biased;
    }));
  }

  protected override layerConfig(): LayerConfig {
    return this.convConfig(this.filters, {
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: dataFormatConfig(this.dataFormat),
      dilation_rate: this.dilationRate,
    });
  }
}

/** The transpose (gradient) of a 3-D convolution, kernel [kd, kh, kw, filters, inC], as tf.layers.conv3dTranspose. */
export class Conv3DTranspose extends Conv3D {
  constructor(args: Conv3DLayerArgs) {
    super(args, 'layers.conv3dTranspose', 'conv3d_transpose');
    // TF.js takes the option and computes without it; tessera refuses rather than compute other than asked.
    if (this.dilationRate.some((d) => d !== 1)) throw argError(this.name, 'dilationRate', fmtValue(args.dilationRate), '1 (tessera does not implement dilated transposed convolutions)');
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Conv3DTranspose';
  }

  /** The output's [depth, height, width]. */
  private outputSpatial(inputShape: readonly number[]): number[] {
    checkRank5(this.name, inputShape);
    return splitChannels(inputShape, this.dataFormat).spatial.map((d, i) => deconvLength(d, this.kernelSize[i], this.strides[i], this.padding));
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const out = this.outputSpatial(inputShape);
    return this.dataFormat === 'channelsLast' ? [...out, this.filters] : [this.filters, ...out];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    // The kernel is [kd, kh, kw, outC, inC]; the bias runs over the output channels.
    this.buildKernelShaped([...this.kernelSize, this.filters, splitChannels(inputShape, this.dataFormat).channels], this.filters);
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    const out = [x.shape[0], ...this.outputSpatial(x.shape.slice(1)), this.filters] as [number, number, number, number, number];
    return this.withEpilogue(options, (kernel, bias, activation) => channelsLast(x, this.dataFormat, (t) => {
      const y = conv3dTranspose(t, kernel, out, this.strides, this.padding);
      const biased = bias ? add(y, bias) : y;
      return activation === 'relu' ? relu(biased) : biased;
    }));
  }

  protected override layerConfig(): LayerConfig {
    // No dilation_rate: TF.js's Conv3DTranspose leaves it out of its config.
    const { dilation_rate: _, ...config } = super.layerConfig();
    return config;
  }
}

export interface Pooling3DLayerArgs extends LayerArgs {
  poolSize?: number | Triple;
  strides?: number | Triple;
  padding?: 'valid' | 'same';
  dataFormat?: DataFormat;
}

type Pool3d = (x: Tensor, poolSize: Triple, strides: Triple, pad: 'valid' | 'same') => Tensor;

/** A 3-D pool over poolSize windows ([2, 2, 2] by default); strides default to poolSize. */
abstract class Pooling3D extends AnyDtypeLayer {
  readonly poolSize: Triple;
  readonly strides: Triple;
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;

  constructor(op: string, snakeName: string, args: Pooling3DLayerArgs, private readonly pool: Pool3d) {
    checkConfigKeys(op, args, ['poolSize', 'strides', 'padding', 'dataFormat']);
    super(snakeName, args);
    this.poolSize = tripleArg(op, 'poolSize', args.poolSize, [2, 2, 2]);
    this.strides = tripleArg(op, 'strides', args.strides, this.poolSize);
    this.padding = paddingArg(op, args.padding);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.buildIfShaped();
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const { out, channels } = windowedShape(this.name, inputShape, this.dataFormat, this.poolSize, this.strides, this.padding);
    return this.dataFormat === 'channelsLast' ? [...out, channels] : [channels, ...out];
  }

  override call(x: Tensor): Tensor {
    return channelsLast(x, this.dataFormat, (t) => this.pool(t, this.poolSize, this.strides, this.padding));
  }

  protected override layerConfig(): LayerConfig {
    return { pool_size: this.poolSize, padding: this.padding, strides: this.strides, data_format: dataFormatConfig(this.dataFormat) };
  }
}

/** Max over poolSize windows, as tf.layers.maxPooling3d. */
export class MaxPooling3D extends Pooling3D {
  constructor(args: Pooling3DLayerArgs = {}) {
    super('layers.maxPooling3d', 'max_pooling3d', args, (x, f, s, p) => maxPool3d(x, f, s, p));
  }

  override getClassName(): string {
    return 'MaxPooling3D';
  }
}

/** The mean over poolSize windows (cells inside the input only), as tf.layers.averagePooling3d. */
export class AveragePooling3D extends Pooling3D {
  constructor(args: Pooling3DLayerArgs = {}) {
    super('layers.averagePooling3d', 'average_pooling3d', args, (x, f, s, p) => avgPool3d(x, f, s, p));
  }

  override getClassName(): string {
    return 'AveragePooling3D';
  }
}
