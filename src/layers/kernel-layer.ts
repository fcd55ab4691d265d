import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { activationConfigName, builtInNameOf, checkActivation, type ActivationName, type LayerActivation } from './activations';
import type { FusedActivation } from '../ops/fused';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from './initializers';
import { Layer, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { getRegularizer, regularizerConfig, type Regularizer, type RegularizerName } from './regularizers';
import { constraintConfig, getConstraint, type Constraint, type ConstraintName } from './constraints';

/** The options Dense and Conv2D share: a kernel, an optional bias, an activation. */
export interface KernelLayerArgs extends LayerArgs {
  activation?: ActivationName;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
  kernelRegularizer?: RegularizerName | Regularizer;
  biasRegularizer?: RegularizerName | Regularizer;
  activityRegularizer?: RegularizerName | Regularizer;
  kernelConstraint?: ConstraintName | Constraint;
  biasConstraint?: ConstraintName | Constraint;
}

export const KERNEL_LAYER_KEYS = [
  'activation', 'useBias', 'kernelInitializer', 'biasInitializer',
  'kernelRegularizer', 'biasRegularizer', 'activityRegularizer', 'kernelConstraint', 'biasConstraint',
];

/** A layer computing act(product(x, kernel) + bias), with the bias and relu fused into the product. */
export abstract class KernelLayer extends Layer {
  readonly activation: LayerActivation;
  readonly useBias: boolean;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private readonly kernelRegularizer: Regularizer | null;
  private readonly biasRegularizer: Regularizer | null;
  private readonly kernelConstraint: Constraint | null;
  private readonly biasConstraint: Constraint | null;
  protected kernel: Variable | null = null;
  protected bias: Variable | null = null;

  constructor(op: string, snakeName: string, args: KernelLayerArgs) {
    super(snakeName, args);
    this.activation = checkActivation(op, args.activation);
    this.useBias = this.flagOption(op, 'useBias', args.useBias, true);
    this.kernelInitializer = getInitializer(op, 'kernelInitializer', args.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = getInitializer(op, 'biasInitializer', args.biasInitializer ?? 'zeros');
    this.kernelRegularizer = getRegularizer(op, 'kernelRegularizer', args.kernelRegularizer);
    this.biasRegularizer = getRegularizer(op, 'biasRegularizer', args.biasRegularizer);
    this.activityRegularizer = getRegularizer(op, 'activityRegularizer', args.activityRegularizer);
    this.kernelConstraint = getConstraint(op, 'kernelConstraint', args.kernelConstraint);
    this.biasConstraint = getConstraint(op, 'biasConstraint', args.biasConstraint);
  }

  /** Creates the kernel (Keras layout) and the bias over its last dim. */
  protected buildKernel(shape: number[]): void {
    this.buildKernelShaped(shape, shape[shape.length - 1]);
  }

  /** Creates the kernel, any weights a subclass keeps between the two (TF.js's order), and a bias of `outputs` values. */
  protected buildKernelShaped(shape: number[], outputs: number, between?: () => void): void {
    this.kernel = this.addWeight(this.kernelName(), shape, this.kernelInitializer, { regularizer: this.kernelRegularizer, constraint: this.kernelConstraint });
    between?.();
    if (this.useBias) this.bias = this.addWeight('bias', [outputs], this.biasInitializer, { regularizer: this.biasRegularizer, constraint: this.biasConstraint });
  }

  /** The kernel's weight name, as TF.js names it. */
  protected kernelName(): string {
    return 'kernel';
  }


  /**
   * Runs the fused product with the activation it can absorb (linear or relu) and applies any
   * other afterwards; a final softmax is left out when the loss asks for logits. The product returns the layer's
   * layout (channels-first transposed back), so a softmax runs over the last axis of what the layer outputs, as in TF.js.
   */
  protected withEpilogue(options: CallOptions, product: (kernel: Variable, bias: Variable | undefined, act: FusedActivation) => Tensor): Tensor {
    const name = builtInNameOf(this.activation);
    if (options.logits && name === 'softmax') return product(this.kernel as Variable, this.bias ?? undefined, 'linear');
    const fusable = name === 'linear' || name === 'relu';
    const y = product(this.kernel as Variable, this.bias ?? undefined, fusable ? name : 'linear');
    return fusable ? y : this.activation.apply(y);
  }

  override endsInSoftmax(): boolean {
    return builtInNameOf(this.activation) === 'softmax';
  }

  /** A convolution's settings in TF.js's order: filters, the kernel's settings, the geometry, then the rest. */
  protected convConfig(filters: number, geometry: LayerConfig): LayerConfig {
    const { kernel_initializer, kernel_regularizer, kernel_constraint, ...rest } = this.epilogueConfig();
    return { filters, kernel_initializer, kernel_regularizer, kernel_constraint, ...geometry, ...rest };
  }

  protected epilogueConfig(): LayerConfig {
    return {
      activation: activationConfigName(this.activation),
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(this.kernelInitializer),
      bias_initializer: initializerConfig(this.biasInitializer),
      kernel_regularizer: regularizerConfig(this.kernelRegularizer),
      bias_regularizer: regularizerConfig(this.biasRegularizer),
      activity_regularizer: regularizerConfig(this.activityRegularizer),
      kernel_constraint: constraintConfig(this.kernelConstraint),
      bias_constraint: constraintConfig(this.biasConstraint),
    };
  }
}
