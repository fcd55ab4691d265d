import type { Tensor } from '../tensor';
import type { Variable } from '../variable';
import { applyActivation, checkActivation, type ActivationName } from '../activations';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from '../initializers';
import * as fused from '../ops/fused';
import { argError, assertPositiveInt } from '../ops/validate';
import { booleanArg } from './config-checks';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';

export interface DenseLayerArgs extends LayerArgs {
  units: number;
  activation?: ActivationName;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
}

const OWN = ['units', 'activation', 'useBias', 'kernelInitializer', 'biasInitializer'];

/** act(x·kernel + bias) over the last axis, kernel [in, units], as tf.layers.dense. */
export class Dense extends Layer {
  readonly units: number;
  readonly activation: ActivationName;
  readonly useBias: boolean;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernel: Variable | null = null;
  private bias: Variable | null = null;

  constructor(args: DenseLayerArgs) {
    const op = 'layers.dense';
    checkConfigKeys(op, args, OWN);
    super('dense', args);
    this.units = assertPositiveInt(op, 'units', args.units);
    this.activation = checkActivation(op, args.activation);
    this.useBias = booleanArg(op, 'useBias', args.useBias, true);
    this.kernelInitializer = getInitializer(op, 'kernelInitializer', args.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = getInitializer(op, 'biasInitializer', args.biasInitializer ?? 'zeros');
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'Dense';
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length === 0) throw argError(this.name, 'input', 'shape [null]', 'rank >= 2 [batch, ..., features]');
    return [...inputShape.slice(0, -1), this.units];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.kernel = this.addWeight('kernel', [inputShape[inputShape.length - 1], this.units], this.kernelInitializer);
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], this.biasInitializer);
  }

  call(x: Tensor, options: CallOptions): Tensor {
    const act = options.logits && this.activation === 'softmax' ? 'linear' : this.activation;
    const fusable = act === 'linear' || act === 'relu';
    // Higher-rank input is applied along its last axis by folding the leading axes into rows.
    const rows = x.rank === 2 ? x : x.reshape([-1, x.shape[x.rank - 1]]);
    let y = fused.matMul({ a: rows, b: this.kernel as Variable, bias: this.bias ?? undefined, activation: fusable ? act : 'linear' });
    if (x.rank !== 2) y = y.reshape([...x.shape.slice(0, -1), this.units]);
    return fusable ? y : applyActivation(act, y);
  }

  override endsInSoftmax(): boolean {
    return this.activation === 'softmax';
  }

  protected layerConfig(): LayerConfig {
    return {
      units: this.units,
      activation: this.activation,
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(this.kernelInitializer),
      bias_initializer: initializerConfig(this.biasInitializer),
    };
  }
}
