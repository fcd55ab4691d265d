import type { Tensor } from '../../tensor/tensor';
import { argError, fmtValue } from '../../util/validate';
import { buildInScope, checkConfigKeys, type Layer, type LayerArgs, type LayerConfig } from '../layer';
import { GatedCell, nestedConfig } from './cell';
import type { RNNCell, StepResult } from './rnn-cell';

export interface StackedRNNCellsArgs extends LayerArgs {
  cells: RNNCell[];
}

/**
 * tf.layers.stackedRNNCells: each cell's output is the next cell's input within a step. States are one flat
 * list in reverse order of the stacking, as TF.js keeps them.
 */
export class StackedRNNCells extends GatedCell {
  readonly cells: GatedCell[];

  constructor(args: StackedRNNCellsArgs) {
    const op = 'layers.stackedRNNCells';
    checkConfigKeys(op, args, ['cells']);
    const cells = args?.cells;
    // Convolutional cells do not stack (as TF.js): each cell here takes the previous one's feature vector.
    if (!Array.isArray(cells) || cells.length === 0 || !cells.every((c) => c instanceof GatedCell && c.stepDims.length === 1)) {
      throw argError(op, 'cells', fmtValue(cells), 'a non-empty array of built-in RNN cells (tn.layers.lstmCell, gruCell, simpleRNNCell; tessera does not stack cells of your own)');
    }
    const gated = cells as GatedCell[];
    super(op, 'stacked_rnn_cells', { name: args.name, trainable: args.trainable, dtype: args.dtype, units: gated[gated.length - 1].units }, 'linear');
    this.cells = gated.slice();
  }

  override getClassName(): string {
    return 'StackedRNNCells';
  }

  protected override nestedLayers(): readonly Layer[] {
    return this.cells;
  }

  get gates(): number {
    return this.cells[0].gates;
  }

  override get stateSize(): number[] {
    return this.cells.slice().reverse().flatMap((c) => c.stateSizes);
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    let features = inputShape[inputShape.length - 1];
    // TF.js builds cell i in the scope 'RNNCell_i'.
    this.cells.forEach((cell, i) => {
      buildInScope(`${this.weightScope()}/RNNCell_${i}`, () => cell.buildNoBatch([features]));
      this.vars.push(...cell.weights);
      features = cell.units;
    });
  }

  override beginSequence(batch: number, stepShape: readonly number[], training: boolean): void {
    this.cells.forEach((c, i) => c.beginSequence(batch, i === 0 ? stepShape : [this.cells[i - 1].units], training));
  }

  override project(x: Tensor): Tensor {
    return this.cells[0].project(x);
  }

  step(xp: Tensor, states: Tensor[]): StepResult {
    // Per-cell states, from the flat list in reverse stacking order.
    const rest = states.slice();
    const nested = this.cells.slice().reverse().map((c) => rest.splice(0, c.stateSizes.length)).reverse();
    let input = xp;
    const next: Tensor[][] = [];
    this.cells.forEach((cell, i) => {
      const b = input.shape[0];
      const projected = i === 0 ? input : cell.project(input.reshape([b, 1, input.shape[1]])).reshape([b, cell.gates * cell.units]);
      const r = cell.step(projected, nested[i]);
      next.push(r.states);
      input = r.output;
    });
    return { output: input, states: next.reverse().flat() };
  }

  protected override layerConfig(): LayerConfig {
    return { cells: this.cells.map((c) => ({ class_name: c.getClassName(), config: nestedConfig(c) })) };
  }
}
