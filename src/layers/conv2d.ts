import type { Tensor } from '../tensor';
import type { Variable } from '../variable';
import { checkActivation, applyActivation, type ActivationName } from '../activations';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from '../initializers';
import * as fused from '../ops/fused';
import { argError, assertPositiveInt } from '../ops/validate';
import { booleanArg, outLength, pairArg, paddingArg } from './config-checks';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';

export interface Conv2DLayerArgs extends LayerArgs {
  filters: number;
  kernelSize: number | [number, number];
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  activation?: ActivationName;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
}

const OWN = ['filters', 'kernelSize', 'strides', 'padding', 'activation', 'useBias', 'kernelInitializer', 'biasInitializer', 'dataFormat'];

/** 2-D convolution over NHWC input with a [kh, kw, inC, filters] kernel, as tf.layers.conv2d. */
export class Conv2D extends Layer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly activation: ActivationName;
  readonly useBias: boolean;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernel: Variable | null = null;
  private bias: Variable | null = null;

  constructor(args: Conv2DLayerArgs) {
    const op = 'layers.conv2d';
    checkConfigKeys(op, args, OWN);
    super('conv2d', args);
    const dataFormat = (args as { dataFormat?: unknown }).dataFormat;
    if (dataFormat !== undefined && dataFormat !== 'channelsLast') throw argError(op, 'dataFormat', JSON.stringify(dataFormat), "'channelsLast' (NHWC)");
    this.filters = assertPositiveInt(op, 'filters', args.filters);
    this.kernelSize = pairArg(op, 'kernelSize', args.kernelSize);
    this.strides = pairArg(op, 'strides', args.strides, [1, 1]);
    this.padding = paddingArg(op, args.padding);
    this.activation = checkActivation(op, args.activation);
    this.useBias = booleanArg(op, 'useBias', args.useBias, true);
    this.kernelInitializer = getInitializer(op, 'kernelInitializer', args.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = getInitializer(op, 'biasInitializer', args.biasInitializer ?? 'zeros');
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'Conv2D';
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'rank 4 [batch, height, width, channels]');
    const [h, w] = inputShape;
    const [kh, kw] = this.kernelSize;
    const outH = outLength(h, kh, this.strides[0], this.padding);
    const outW = outLength(w, kw, this.strides[1], this.padding);
    if (outH <= 0 || outW <= 0) {
      throw argError(this.name, 'input', `spatial size ${h}x${w}`, `at least the kernel size ${kh}x${kw} with 'valid' padding`);
    }
    return [outH, outW, this.filters];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.kernel = this.addWeight('kernel', [...this.kernelSize, inputShape[2], this.filters], this.kernelInitializer);
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], this.biasInitializer);
  }

  call(x: Tensor, options: CallOptions): Tensor {
    const act = options.logits && this.activation === 'softmax' ? 'linear' : this.activation;
    const fusable = act === 'linear' || act === 'relu';
    const y = fused.conv2d({
      x,
      filter: this.kernel as Variable,
      strides: this.strides,
      pad: this.padding,
      bias: this.bias ?? undefined,
      activation: fusable ? act : 'linear',
    });
    return fusable ? y : applyActivation(act, y);
  }

  override endsInSoftmax(): boolean {
    return this.activation === 'softmax';
  }

  protected layerConfig(): LayerConfig {
    return {
      filters: this.filters,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: 'channels_last',
      dilation_rate: [1, 1],
      activation: this.activation,
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(this.kernelInitializer),
      bias_initializer: initializerConfig(this.biasInitializer),
    };
  }
}
