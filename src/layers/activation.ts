import type { Tensor } from '../tensor/tensor';
import { activationConfigName, builtInNameOf, checkActivation, type ActivationName, type LayerActivation } from './activations';
import { checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

export interface ActivationLayerArgs extends LayerArgs {
  activation: ActivationName;
}

/** Applies an activation function, as tf.layers.activation. */
export class Activation extends AnyDtypeLayer {
  /** Passes its input's mask on, as TF.js's supportsMasking. */
  override get supportsMasking(): boolean {
    return true;
  }

  readonly activation: LayerActivation;

  constructor(args: ActivationLayerArgs) {
    checkConfigKeys('layers.activation', args, ['activation']);
    super('activation', args);
    if (args.activation === undefined) throw new Error('layers.activation: activation must be given, got undefined');
    this.activation = checkActivation('layers.activation', args.activation);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Activation';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return inputShape.slice();
  }

  /** Elementwise: an unknown size on any axis, the time steps included. */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  /** Elementwise, so any input shape, as TF.js's (it has no input spec). */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  protected override takesScalar(): boolean {
    return true;
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    if (options.logits && builtInNameOf(this.activation) === 'softmax') return x;
    return this.activation.apply(x);
  }

  override endsInSoftmax(): boolean {
    return builtInNameOf(this.activation) === 'softmax';
  }

  protected override layerConfig(): LayerConfig {
    return { activation: activationConfigName(this.activation) };
  }
}
