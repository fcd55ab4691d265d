import type { Tensor } from '../../tensor/tensor';
import { argError, fmtValue } from '../../util/validate';
import { buildInScope, checkConfigKeys, type Layer, type LayerArgs, type LayerConfig } from '../layer';
import { nestedConfig } from './cell';
import { asCell, type CellLikeLayer } from './layer-cell';
import type { RNNCell, StepResult } from './rnn-cell';
import { SteppingCell } from './stepping-cell';
import { layerFromDict } from '../serialization';
import type { ConfigDict, Serializable, SerializableConstructor } from '../../util/serializable';

export interface StackedRNNCellsArgs extends LayerArgs {
  /** Built-in cells or cells of the user's own (as tf.layers.rnn takes a cell), as TF.js stacks them. */
  cells: (RNNCell | CellLikeLayer)[];
}

/**
 * tf.layers.stackedRNNCells: each cell's output is the next cell's input within a step. States are one flat
 * list in reverse order of the stacking, as TF.js keeps them.
 */
export class StackedRNNCells extends SteppingCell {
  readonly cells: RNNCell[];

  constructor(args: StackedRNNCellsArgs) {
    const op = 'layers.stackedRNNCells';
    checkConfigKeys(op, args, ['cells']);
    const cells = args?.cells;
    if (!Array.isArray(cells) || cells.length === 0) throw argError(op, 'cells', fmtValue(cells), 'a non-empty array of RNN cells');
    // Convolutional cells do not stack (as TF.js): each cell here takes the previous one's feature vector.
    const made = cells.map((c, i) => asCell(op, `cells[${i}]`, c));
    super('stacked_rnn_cells', { name: args.name, trainable: args.trainable, dtype: args.dtype });
    this.cells = made;
  }

  override getClassName(): string {
    return 'StackedRNNCells';
  }

  /** As TF.js's: the config's cells, each given as {className, config}, made first; the stack takes a new name, as in TF.js. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    const cells = Array.isArray(config.cells) ? config.cells.map((c, i) => layerFromDict('layers.stackedRNNCells', `cells[${i}]`, c)) : config.cells;
    return new (cls as unknown as new (args: object) => T)({ cells });
  }

  protected override nestedLayers(): readonly Layer[] {
    return this.cells;
  }

  override get stateSize(): number[] {
    return this.cells.slice().reverse().flatMap((c) => c.stateSizes);
  }

  /** Each cell's step shape (no batch dim): the stack's, then the previous cell's output. */
  private stepShapes(stepShape: readonly number[]): number[][] {
    const shapes = [stepShape.slice()];
    this.cells.slice(0, -1).forEach((c, i) => shapes.push(c.outputShapeNoBatch(shapes[i])));
    return shapes;
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const shapes = this.stepShapes(inputShape);
    // TF.js builds cell i in the scope 'RNNCell_i'.
    this.cells.forEach((cell, i) => {
      buildInScope(`${this.weightScope()}/RNNCell_${i}`, () => cell.buildNoBatch(shapes[i]));
      this.vars.push(...cell.weights);
    });
  }

  override beginSequence(batch: number, stepShape: readonly number[], training: boolean): void {
    const shapes = this.stepShapes(stepShape);
    this.cells.forEach((c, i) => c.beginSequence(batch, shapes[i], training));
  }

  override project(x: Tensor): Tensor {
    return this.cells[0].project(x);
  }

  override step(xp: Tensor, states: Tensor[]): StepResult {
    // Per-cell states, from the flat list in reverse stacking order.
    const rest = states.slice();
    const nested = this.cells.slice().reverse().map((c) => rest.splice(0, c.stateSizes.length)).reverse();
    let input = xp;
    const next: Tensor[][] = [];
    this.cells.forEach((cell, i) => {
      const r = cell.step(i === 0 ? input : cell.projectStep(input), nested[i]);
      next.push(r.states);
      input = r.output;
    });
    return { output: input, states: next.reverse().flat() };
  }

  protected override layerConfig(): LayerConfig {
    // TF.js's stacked cells list their name and trainable first.
    return { ...this.baseConfig(), cells: this.cells.map((c) => ({ class_name: c.getClassName(), config: nestedConfig(c) })) };
  }

  /** As TF.js's: each cell's entry is the cell's own getConfig (its activation names and unset settings as TF.js gives them). */
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), cells: this.cells.map((c) => ({ className: c.getClassName(), config: c.getConfig() })) };
  }
}
