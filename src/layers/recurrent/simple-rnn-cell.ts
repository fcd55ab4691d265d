import type { Tensor } from '../../tensor/tensor';
import { checkConfigKeys } from '../layer';
import { CELL_KEYS, GatedCell, type RNNCellArgs } from './cell';
import type { StepResult } from './rnn-cell';

export type SimpleRNNCellArgs = RNNCellArgs;

/** tf.layers.simpleRNNCell: h' = act(x·kernel + bias + h·recurrentKernel). */
export class SimpleRNNCell extends GatedCell {
  constructor(args: SimpleRNNCellArgs, op = 'layers.simpleRNNCell', check = true) {
    if (check) checkConfigKeys(op, args, CELL_KEYS);
    super(op, 'simple_rnn_cell', args, 'tanh');
  }

  override getClassName(): string {
    return 'SimpleRNNCell';
  }

  get gates(): number {
    return 1;
  }

  step(xp: Tensor, [h]: Tensor[]): StepResult {
    const out = this.activation.apply(this.gateInputs(xp, h)[0]);
    return { output: out, states: [out] };
  }
}
