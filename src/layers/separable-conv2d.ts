import { separableConv2d } from '../ops/depthwise-conv';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { assertPositiveInt } from '../util/validate';
import { constraintConfig, getConstraint, type Constraint } from './constraints';
import { DEPTHWISE_KEYS, DepthwiseKernelLayer, type DepthwiseConv2DLayerArgs } from './conv-variants';
import { hwcOf, viaChannelsLast, withBias } from './conv-layout';
import { getInitializer, initializerConfig, type Initializer } from './initializers';
import type { KernelLayerArgs } from './kernel-layer';
import { checkConfigKeys, type CallOptions, type LayerConfig } from './layer';
import { getRegularizer, regularizerConfig, type Regularizer } from './regularizers';

export interface SeparableConv2DLayerArgs extends DepthwiseConv2DLayerArgs {
  filters: number;
  pointwiseInitializer?: KernelLayerArgs['kernelInitializer'];
  pointwiseRegularizer?: KernelLayerArgs['kernelRegularizer'];
  pointwiseConstraint?: KernelLayerArgs['kernelConstraint'];
}

/**
 * A depthwise convolution (kernel [kh, kw, inC, depthMultiplier]) then a 1×1 convolution mixing its channels
 * into `filters` (kernel [1, 1, inC·depthMultiplier, filters]), plus bias and activation, as tf.layers.separableConv2d.
 */
export class SeparableConv2D extends DepthwiseKernelLayer {
  readonly filters: number;
  private readonly pointwiseInitializer: Initializer;
  private readonly pointwiseRegularizer: Regularizer | null;
  private readonly pointwiseConstraint: Constraint | null;
  private pointwise: Variable | null = null;

  constructor(args: SeparableConv2DLayerArgs) {
    const op = 'layers.separableConv2d';
    checkConfigKeys(op, args, ['filters', 'pointwiseInitializer', 'pointwiseRegularizer', 'pointwiseConstraint', ...DEPTHWISE_KEYS]);
    super(op, 'separable_conv2d', args);
    this.filters = assertPositiveInt(op, 'filters', args.filters);
    this.pointwiseInitializer = getInitializer(op, 'pointwiseInitializer', args.pointwiseInitializer ?? 'glorotUniform');
    this.pointwiseRegularizer = getRegularizer(op, 'pointwiseRegularizer', args.pointwiseRegularizer);
    this.pointwiseConstraint = getConstraint(op, 'pointwiseConstraint', args.pointwiseConstraint);
    this.buildIfShaped();
  }

  override getClassName(): string { return 'SeparableConv2D'; }

  protected outputChannels(): number {
    return this.filters;
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const mixed = hwcOf(inputShape, this.dataFormat)[2] * this.depthMultiplier;
    this.buildKernelShaped(this.depthwiseShape(inputShape), this.filters, () => {
      this.pointwise = this.addWeight('pointwise_kernel', [1, 1, mixed, this.filters], this.pointwiseInitializer, { regularizer: this.pointwiseRegularizer, constraint: this.pointwiseConstraint });
    });
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    const pointwise = this.pointwise as Variable;
    // Unlike the other convolutions, TF.js applies this layer's activation before transposing channels-first output
    // back, so a softmax runs over the channels; tessera gives the same numbers.
    return viaChannelsLast(x, this.dataFormat, (nhwc) => this.withEpilogue(options, (k, b, act) => withBias(separableConv2d(nhwc, k, pointwise, this.strides, this.padding, this.dilationRate), b, act)));
  }

  /** The loss may take the logits only where the softmax runs over the output's last axis, as its own would. */
  override endsInSoftmax(): boolean {
    return this.dataFormat === 'channelsLast' && super.endsInSoftmax();
  }

  protected override layerConfig(): LayerConfig {
    // TF.js's config has no depthMultiplier (its copies get 1); it is written only where it is not that default.
    const c = this.epilogueConfig();
    return {
      filters: this.filters, ...this.depthwiseConfig(), ...(this.depthMultiplier === 1 ? {} : { depth_multiplier: this.depthMultiplier }),
      depthwise_initializer: c.kernel_initializer, pointwise_initializer: initializerConfig(this.pointwiseInitializer),
      depthwise_regularizer: c.kernel_regularizer, pointwise_regularizer: regularizerConfig(this.pointwiseRegularizer),
      depthwise_constraint: c.kernel_constraint, pointwise_constraint: constraintConfig(this.pointwiseConstraint),
    };
  }
}
