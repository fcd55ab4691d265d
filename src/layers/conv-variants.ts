import { add } from '../ops/binary';
import { relu } from '../ops/unary';
import type { FusedActivation } from '../ops/fused';
import { conv2dTranspose } from '../ops/conv-variants';
import { convOutputLength } from '../ops/conv';
import { depthwiseConv2d } from '../ops/depthwise-conv';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { argError, assertPositiveInt, fmtValue } from '../util/validate';
import { pairArg, paddingArg } from './config-checks';
import { dataFormatArg } from './data-format';
import { KERNEL_LAYER_KEYS, KernelLayer, type KernelLayerArgs } from './kernel-layer';
import { checkConfigKeys, type CallOptions, type LayerConfig } from './layer';

/** Options every convolution variant shares; only the layouts and dilations tessera implements are accepted. */
function checkLayout(op: string, args: { dataFormat?: unknown; dilationRate?: unknown }): void {
  if (dataFormatArg(op, args.dataFormat) !== 'channelsLast') throw argError(op, 'dataFormat', fmtValue(args.dataFormat), "'channelsLast' (tessera's convolution variants take channels last)");
  const d = args.dilationRate;
  if (d !== undefined && d !== null && d !== 1 && !(Array.isArray(d) && d.every((v) => v === 1))) throw argError(op, 'dilationRate', fmtValue(d), '1 (tessera does not implement dilated convolution layers)');
}

/** y + bias, then the activation withEpilogue leaves to the product (relu or none). */
function withBias(y: Tensor, bias: Variable | undefined, act: FusedActivation): Tensor {
  const z = bias ? add(y, bias) : y;
  return act === 'relu' ? relu(z) : z;
}

export interface Conv2DTransposeLayerArgs extends KernelLayerArgs {
  filters: number;
  kernelSize: number | [number, number];
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  dataFormat?: 'channelsLast' | 'channelsFirst';
  dilationRate?: number | [number, number];
}

/** The transpose (gradient) of a 2-D convolution, kernel [kh, kw, filters, inC], as tf.layers.conv2dTranspose. */
export class Conv2DTranspose extends KernelLayer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';

  constructor(args: Conv2DTransposeLayerArgs) {
    const op = 'layers.conv2dTranspose';
    checkConfigKeys(op, args, ['filters', 'kernelSize', 'strides', 'padding', 'dataFormat', 'dilationRate', ...KERNEL_LAYER_KEYS]);
    super(op, 'conv2d_transpose', args);
    checkLayout(op, args);
    this.filters = assertPositiveInt(op, 'filters', args.filters);
    this.kernelSize = pairArg(op, 'kernelSize', args.kernelSize);
    this.strides = pairArg(op, 'strides', args.strides, [1, 1]);
    this.padding = paddingArg(op, args.padding);
    this.buildIfShaped();
  }

  getClassName(): string { return 'Conv2DTranspose'; }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'rank 4 [batch, height, width, channels]');
    // Keras's deconv_length without output padding.
    const len = (n: number, k: number, s: number) => (this.padding === 'valid' ? n * s + Math.max(k - s, 0) : n * s);
    return [len(inputShape[0], this.kernelSize[0], this.strides[0]), len(inputShape[1], this.kernelSize[1], this.strides[1]), this.filters];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    // The kernel is [kh, kw, outC, inC]; the bias runs over the output channels.
    this.buildKernelShaped([...this.kernelSize, this.filters, inputShape[2]], this.filters);
  }

  call(x: Tensor, options: CallOptions): Tensor {
    const [h, w, c] = this.computeOutputShape(x.shape.slice(1));
    return this.withEpilogue(options, (k, b, act) => withBias(conv2dTranspose(x, k, [x.shape[0], h, w, c], this.strides, this.padding), b, act));
  }

  protected layerConfig(): LayerConfig {
    return { filters: this.filters, kernel_size: this.kernelSize, strides: this.strides, padding: this.padding, data_format: 'channels_last', dilation_rate: [1, 1], ...this.epilogueConfig() };
  }
}

export interface DepthwiseConv2DLayerArgs extends Omit<KernelLayerArgs, 'kernelInitializer' | 'kernelRegularizer' | 'kernelConstraint'> {
  kernelSize: number | [number, number];
  depthMultiplier?: number;
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  dataFormat?: 'channelsLast' | 'channelsFirst';
  dilationRate?: number | [number, number];
  depthwiseInitializer?: KernelLayerArgs['kernelInitializer'];
  depthwiseRegularizer?: KernelLayerArgs['kernelRegularizer'];
  depthwiseConstraint?: KernelLayerArgs['kernelConstraint'];
}

/** Each input channel convolved with its own depthMultiplier filters, kernel [kh, kw, inC, mult], as tf.layers.depthwiseConv2d. */
export class DepthwiseConv2D extends KernelLayer {
  readonly kernelSize: [number, number];
  readonly depthMultiplier: number;
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';

  constructor(args: DepthwiseConv2DLayerArgs) {
    const op = 'layers.depthwiseConv2d';
    const keys = ['kernelSize', 'depthMultiplier', 'strides', 'padding', 'dataFormat', 'dilationRate', 'depthwiseInitializer', 'depthwiseRegularizer', 'depthwiseConstraint',
      ...KERNEL_LAYER_KEYS.filter((k) => !k.startsWith('kernel'))];
    checkConfigKeys(op, args, keys);
    super(op, 'depthwise_conv2d', { ...args, kernelInitializer: args.depthwiseInitializer, kernelRegularizer: args.depthwiseRegularizer, kernelConstraint: args.depthwiseConstraint } as KernelLayerArgs);
    checkLayout(op, args);
    this.kernelSize = pairArg(op, 'kernelSize', args.kernelSize);
    this.depthMultiplier = assertPositiveInt(op, 'depthMultiplier', args.depthMultiplier ?? 1);
    this.strides = pairArg(op, 'strides', args.strides, [1, 1]);
    this.padding = paddingArg(op, args.padding);
    this.buildIfShaped();
  }

  getClassName(): string { return 'DepthwiseConv2D'; }

  protected override kernelName(): string {
    return 'depthwise_kernel';
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'rank 4 [batch, height, width, channels]');
    const oh = convOutputLength(inputShape[0], this.kernelSize[0], this.strides[0], this.padding);
    const ow = convOutputLength(inputShape[1], this.kernelSize[1], this.strides[1], this.padding);
    if (oh <= 0 || ow <= 0) throw argError(this.name, 'input', `spatial size ${inputShape[0]}x${inputShape[1]}`, `at least the kernel size ${this.kernelSize.join('x')} with 'valid' padding`);
    return [oh, ow, inputShape[2] * this.depthMultiplier];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.buildKernelShaped([...this.kernelSize, inputShape[2], this.depthMultiplier], inputShape[2] * this.depthMultiplier);
  }

  call(x: Tensor, options: CallOptions): Tensor {
    return this.withEpilogue(options, (k, b, act) => withBias(depthwiseConv2d(x, k, this.strides, this.padding), b, act));
  }

  protected layerConfig(): LayerConfig {
    const c = this.epilogueConfig();
    return {
      kernel_size: this.kernelSize, depth_multiplier: this.depthMultiplier, strides: this.strides, padding: this.padding, data_format: 'channels_last', dilation_rate: [1, 1],
      activation: c.activation, use_bias: c.use_bias, depthwise_initializer: c.kernel_initializer, bias_initializer: c.bias_initializer,
      depthwise_regularizer: c.kernel_regularizer, bias_regularizer: c.bias_regularizer, activity_regularizer: c.activity_regularizer,
      depthwise_constraint: c.kernel_constraint, bias_constraint: c.bias_constraint,
    };
  }
}
