import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { applyActivation, checkActivation, type ActivationName } from './activations';
import type { FusedActivation } from '../ops/fused';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from './initializers';
import { Layer, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { optionalBoolean } from '../util/validate';

/** The options Dense and Conv2D share: a kernel, an optional bias, an activation. */
export interface KernelLayerArgs extends LayerArgs {
  activation?: ActivationName;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
}

export const KERNEL_LAYER_KEYS = ['activation', 'useBias', 'kernelInitializer', 'biasInitializer'];

/** A layer computing act(product(x, kernel) + bias), with the bias and relu fused into the product. */
export abstract class KernelLayer extends Layer {
  readonly activation: ActivationName;
  readonly useBias: boolean;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  protected kernel: Variable | null = null;
  protected bias: Variable | null = null;

  constructor(op: string, snakeName: string, args: KernelLayerArgs) {
    super(snakeName, args);
    this.activation = checkActivation(op, args.activation);
    this.useBias = optionalBoolean(op, 'useBias', args.useBias, true);
    this.kernelInitializer = getInitializer(op, 'kernelInitializer', args.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = getInitializer(op, 'biasInitializer', args.biasInitializer ?? 'zeros');
  }

  /** Creates the kernel (Keras layout) and the bias over its last dim. */
  protected buildKernel(shape: number[]): void {
    this.kernel = this.addWeight('kernel', shape, this.kernelInitializer);
    if (this.useBias) this.bias = this.addWeight('bias', [shape[shape.length - 1]], this.biasInitializer);
  }

  /**
   * Runs the fused product with the activation it can absorb (linear or relu) and applies any
   * other afterwards; a final softmax is left out when the loss asks for logits.
   */
  protected withEpilogue(options: CallOptions, product: (kernel: Variable, bias: Variable | undefined, act: FusedActivation) => Tensor): Tensor {
    const act = options.logits && this.activation === 'softmax' ? 'linear' : this.activation;
    const fusable = act === 'linear' || act === 'relu';
    const y = product(this.kernel as Variable, this.bias ?? undefined, fusable ? act : 'linear');
    return fusable ? y : applyActivation(act, y);
  }

  override endsInSoftmax(): boolean {
    return this.activation === 'softmax';
  }

  protected epilogueConfig(): LayerConfig {
    return {
      activation: this.activation,
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(this.kernelInitializer),
      bias_initializer: initializerConfig(this.biasInitializer),
    };
  }
}
