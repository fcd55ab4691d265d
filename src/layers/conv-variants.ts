import { conv2dTranspose } from '../ops/conv-variants';
import { depthwiseConv2d } from '../ops/depthwise-conv';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPositiveInt, fmtValue } from '../util/validate';
import { pairArg, paddingArg } from './config-checks';
import { conv2dInput, convOutputHW, deconvLength, dilationArg, hwcOf, inLayout, isUnitDilation, viaChannelsLast, withBias } from './conv-layout';
import { Conv2DWindowLayer, type Conv2DLayerArgs } from './conv2d-base';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';
import { KERNEL_LAYER_KEYS, KernelLayer, type KernelLayerArgs } from './kernel-layer';
import { checkConfigKeys, type CallOptions, type LayerConfig } from './layer';
import { getInitializer } from './initializers';
import { getRegularizer } from './regularizers';
import { getConstraint } from './constraints';

/** conv2dTranspose takes conv2d's options, as in TF.js. */
export type Conv2DTransposeLayerArgs = Conv2DLayerArgs;

/** The transpose (gradient) of a 2-D convolution, kernel [kh, kw, filters, inC], as tf.layers.conv2dTranspose. */
export class Conv2DTranspose extends Conv2DWindowLayer {
  constructor(args: Conv2DTransposeLayerArgs) {
    super('layers.conv2dTranspose', 'conv2d_transpose', args);
    // TF.js takes the option and computes without it; tessera refuses rather than compute other than asked.
    if (!isUnitDilation(this.dilationRate)) throw argError(this.name, 'dilationRate', fmtValue(args.dilationRate), '1 (tessera does not implement dilated transposed convolutions)');
    this.buildIfShaped();
  }

  override getClassName(): string { return 'Conv2DTranspose'; }

  private outputHWC(inputShape: readonly number[]): number[] {
    const [h, w] = conv2dInput(this.name, inputShape, this.dataFormat);
    return [deconvLength(h, this.kernelSize[0], this.strides[0], this.padding), deconvLength(w, this.kernelSize[1], this.strides[1], this.padding), this.filters];
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return inLayout(this.outputHWC(inputShape), this.dataFormat);
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    // The kernel is [kh, kw, outC, inC]; the bias runs over the output channels.
    this.buildKernelShaped([...this.kernelSize, this.filters, hwcOf(inputShape, this.dataFormat)[2]], this.filters);
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    const [h, w, c] = this.outputHWC(x.shape.slice(1));
    return this.withEpilogue(options, (k, b, act) => viaChannelsLast(x, this.dataFormat, (nhwc) => withBias(conv2dTranspose(nhwc, k, [x.shape[0], h, w, c], this.strides, this.padding), b, act)));
  }

  protected override layerConfig(): LayerConfig {
    // No dilation_rate: TF.js's Conv2DTranspose leaves it out of its config.
    return this.convConfig(this.filters, { kernel_size: this.kernelSize, strides: this.strides, padding: this.padding, data_format: dataFormatConfig(this.dataFormat) });
  }
}

export interface DepthwiseConv2DLayerArgs extends Omit<KernelLayerArgs, 'kernelInitializer' | 'kernelRegularizer' | 'kernelConstraint'> {
  kernelSize: number | [number, number];
  depthMultiplier?: number;
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  dataFormat?: DataFormat;
  dilationRate?: number | [number, number];
  depthwiseInitializer?: KernelLayerArgs['kernelInitializer'];
  depthwiseRegularizer?: KernelLayerArgs['kernelRegularizer'];
  depthwiseConstraint?: KernelLayerArgs['kernelConstraint'];
}

/** The options of a depthwise kernel, as DepthwiseConv2D and SeparableConv2D take them. */
export const DEPTHWISE_KEYS = ['kernelSize', 'depthMultiplier', 'strides', 'padding', 'dataFormat', 'dilationRate', 'depthwiseInitializer', 'depthwiseRegularizer', 'depthwiseConstraint',
  ...KERNEL_LAYER_KEYS.filter((k) => !k.startsWith('kernel'))];

/**
 * A layer whose kernel is depthwise [kh, kw, inC, depthMultiplier] (TF.js's depthwise* options name it),
 * run over a strided window in either layout.
 */
export abstract class DepthwiseKernelLayer extends KernelLayer {
  readonly kernelSize: [number, number];
  readonly depthMultiplier: number;
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;
  readonly dilationRate: [number, number];

  constructor(op: string, snakeName: string, args: DepthwiseConv2DLayerArgs) {
    // Resolved here so that a bad value is reported under its own name.
    super(op, snakeName, {
      ...args,
      kernelInitializer: getInitializer(op, 'depthwiseInitializer', args.depthwiseInitializer ?? 'glorotUniform'),
      kernelRegularizer: getRegularizer(op, 'depthwiseRegularizer', args.depthwiseRegularizer) ?? undefined,
      kernelConstraint: getConstraint(op, 'depthwiseConstraint', args.depthwiseConstraint) ?? undefined,
    } as KernelLayerArgs);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.dilationRate = dilationArg(op, args.dilationRate);
    this.kernelSize = pairArg(op, 'kernelSize', args.kernelSize);
    this.depthMultiplier = assertPositiveInt(op, 'depthMultiplier', args.depthMultiplier ?? 1);
    this.strides = pairArg(op, 'strides', args.strides, [1, 1]);
    this.padding = paddingArg(op, args.padding);
  }

  protected override kernelName(): string {
    return 'depthwise_kernel';
  }

  /** The channels the output has for this many input channels. */
  protected abstract outputChannels(inChannels: number): number;

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const hwc = conv2dInput(this.name, inputShape, this.dataFormat);
    return inLayout([...convOutputHW(this.name, inputShape, hwc, this.kernelSize, this.strides, this.padding, this.dilationRate), this.outputChannels(hwc[2])], this.dataFormat);
  }

  protected depthwiseShape(inputShape: readonly number[]): number[] {
    return [...this.kernelSize, hwcOf(inputShape, this.dataFormat)[2], this.depthMultiplier];
  }

  /**
   * The settings both depthwise layers record first, in TF.js's order: the geometry and the bias's settings, then
   * the base config (TF.js's depthwise layers add the kernel's, under depthwise_* keys, after it).
   */
  protected depthwiseConfig(): LayerConfig {
    const { kernel_initializer: _i, kernel_regularizer: _r, kernel_constraint: _c, ...rest } = this.epilogueConfig();
    return {
      kernel_size: this.kernelSize, strides: this.strides, padding: this.padding, data_format: dataFormatConfig(this.dataFormat), dilation_rate: this.dilationRate,
      ...rest, ...this.baseConfig(),
    };
  }
}

/** Each input channel convolved with its own depthMultiplier filters, kernel [kh, kw, inC, mult], as tf.layers.depthwiseConv2d. */
export class DepthwiseConv2D extends DepthwiseKernelLayer {
  constructor(args: DepthwiseConv2DLayerArgs) {
    const op = 'layers.depthwiseConv2d';
    checkConfigKeys(op, args, DEPTHWISE_KEYS);
    super(op, 'depthwise_conv2d', args);
    this.buildIfShaped();
  }

  override getClassName(): string { return 'DepthwiseConv2D'; }

  protected outputChannels(inChannels: number): number {
    return inChannels * this.depthMultiplier;
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.buildKernelShaped(this.depthwiseShape(inputShape), hwcOf(inputShape, this.dataFormat)[2] * this.depthMultiplier);
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    return this.withEpilogue(options, (k, b, act) => viaChannelsLast(x, this.dataFormat, (nhwc) => withBias(depthwiseConv2d(nhwc, k, this.strides, this.padding, 'NHWC', this.dilationRate), b, act)));
  }

  protected override layerConfig(): LayerConfig {
    const c = this.epilogueConfig();
    return {
      ...this.depthwiseConfig(), depth_multiplier: this.depthMultiplier,
      depthwise_initializer: c.kernel_initializer, depthwise_regularizer: c.kernel_regularizer, depthwise_constraint: c.kernel_constraint,
    };
  }
}
