import type { Tensor } from '../tensor/tensor';
import { stack, unstack } from '../ops/concat';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { Layer, buildInScope, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';
import { layerFromDict } from './serialization';
import type { ConfigDict, Serializable, SerializableConstructor } from '../util/serializable';

export interface TimeDistributedLayerArgs extends LayerArgs {
  layer: Layer;
}

/** tf.layers.timeDistributed: the inner layer on every time step of [batch, time, ...]. */
export class TimeDistributed extends AnyDtypeLayer {
  readonly layer: Layer;

  constructor(args: TimeDistributedLayerArgs) {
    const op = 'layers.timeDistributed';
    checkConfigKeys(op, args, ['layer']);
    if (!(args?.layer instanceof Layer)) throw argError(op, 'layer', fmtValue(args?.layer), 'a layer');
    super('time_distributed', args);
    this.layer = args.layer;
    this.takeDeclaredBuild(this.layer);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'TimeDistributed';
  }

  /** As TF.js's: the config's layer, given as {className, config}, made first. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return new (cls as unknown as new (args: object) => T)({ ...config, layer: layerFromDict('layers.timeDistributed', 'layer', config.layer) });
  }

  /** Applies its layer step by step, so sequences may have any length. */
  override acceptsAnyLength(rank: number): boolean {
    return rank > 1;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length < 2) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank >= 3 [batch, time, ...]');
    return [inputShape[0], ...(this.layer.outputShapeNoBatch(inputShape.slice(1)) as number[])];
  }

  /** The inner layer's weights are the wrapper's, so their penalties and constraints are too. */
  protected override nestedLayers(): readonly Layer[] {
    return [this.layer];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    // TF.js builds the inner layer in the wrapper's name scope: 'time_distributed/kernel'.
    this.buildWithDrawn(() => buildInScope(this.weightScope(), () => this.layer.buildNoBatch(inputShape.slice(1))));
    this.vars.push(...this.layer.weights);
  }

  override get supportsMasking(): boolean {
    return true;
  }

  override endsInSoftmax(): boolean {
    return this.layer.endsInSoftmax();
  }

  /**
   * The steps fold into the batch (one call, the same values), except in training through a layer that reads its batch
   * or draws (samplewiseInTraining): there each step goes through it on its own, in order, as TF.js's does, so batch
   * norm takes and moves its statistics once a step and dropout draws a step at a time, with TF.js's values.
   */
  override call(x: Tensor, options: CallOptions): Tensor {
    const [b, t, ...rest] = x.shape;
    const args = { training: options.training, logits: options.logits };
    if (options.training && t > 0 && !this.layer.samplewiseInTraining()) return stack(unstack(x, 1).map((step) => this.layer.apply(step, args)), 1);
    const y = this.layer.apply(x.reshape([b * t, ...rest]), args);
    return y.reshape([b, t, ...y.shape.slice(1)]);
  }

  /** As TF.js's: the wrapped layer's config as its own getConfig gives it. */
  override getConfig(): LayerConfig {
    const config = super.getConfig();
    (config.layer as { config: LayerConfig }).config = this.layer.getConfig();
    return config;
  }

  protected override layerConfig(): LayerConfig {
    return { layer: { class_name: this.layer.getClassName(), config: this.layer.savedConfig() } };
  }
}
