import type { Tensor } from '../../tensor/tensor';
import { argError, fmtValue } from '../../util/validate';
import { Layer, type CallOptions, type LayerConfig } from '../layer';
import type { Shape } from '../symbolic';
import { RNNCell, isStateSize } from './rnn-cell';

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

/**
 * A cell that tf.layers.rnn steps over feature vectors, as TF.js takes one (alone or in a stack): a built-in or
 * RNNCell subclass as it is, a user's layer with a stateSize as a LayerCell; `op` and `arg` name it in errors.
 */
export function asCell(op: string, arg: string, cell: unknown): RNNCell {
  if (cell instanceof RNNCell && cell.stepDims.length === 1) return cell;
  if (cell instanceof RNNCell) throw argError(op, arg, `a ${cell.getClassName()} (its steps are [${cell.stepDims.join(', ')}])`, 'a cell taking feature vectors (tn.layers.lstmCell, gruCell, simpleRNNCell); convolutional cells run in their own layer (tn.layers.convLstm2d), as in TF.js');
  if (cell instanceof Layer && isStateSize((cell as Partial<CellLikeLayer>).stateSize)) return new LayerCell(cell as CellLikeLayer);
  throw argError(op, arg, fmtValue(cell), 'an RNN cell (tn.layers.lstmCell, gruCell, simpleRNNCell, a subclass of tn.layers.RNNCell, or a layer with a stateSize whose call([x, ...states]) gives [output, ...states])');
}
