import type { Tensor } from '../../tensor/tensor';
import type { CallOptions, Layer, LayerConfig } from '../layer';
import type { Shape } from '../symbolic';
import { RNNCell } from './rnn-cell';

/** A layer with a stateSize that TF.js runs as a cell: call([x, ...states]) gives [output, ...new states]. */
export type CellLikeLayer = Layer & { stateSize: number | number[] };

/**
 * A user's layer (a subclass of tf.layers.Layer, not of RNNCell) as the cell of tf.layers.rnn, as TF.js takes it:
 * its stateSize, build, call, weights and config are the layer's.
 */
export class LayerCell extends RNNCell {
  constructor(readonly layer: CellLikeLayer) {
    super({ name: layer.name });
  }

  override get stateSize(): number | number[] {
    return this.layer.stateSize;
  }

  override set stateSize(size: number | number[]) {
    this.layer.stateSize = size;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.layer.buildNoBatch((inputShape as Shape).slice(1) as number[]);
    this.vars.push(...this.layer.weights);
  }

  protected override callStep(inputs: Tensor[], options: CallOptions): Tensor | Tensor[] {
    return this.layer.call(inputs, options);
  }

  /** The layer's class name (the Layer constructor asks before `layer` is set, for messages only). */
  override getClassName(): string {
    const layer = this.layer as CellLikeLayer | undefined;
    return layer ? layer.getClassName() : 'LayerCell';
  }

  override getConfig(): LayerConfig {
    return this.layer.getConfig();
  }

  override savedConfig(): LayerConfig {
    return this.layer.savedConfig();
  }
}
