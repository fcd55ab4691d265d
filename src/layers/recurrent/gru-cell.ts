import { add, mul, sub } from '../../ops/binary';
import { split } from '../../ops/concat';
import type { Tensor } from '../../tensor/tensor';
import { argError, fmtValue } from '../../util/validate';
import { activationConfigName, builtInActivation, checkActivation, type ActivationName, type LayerActivation } from '../activations';
import { checkConfigKeys, type LayerConfig } from '../layer';
import { CELL_KEYS, GatedCell, type RNNCellArgs } from './cell';
import type { StepResult } from './rnn-cell';

export interface GRUCellArgs extends RNNCellArgs {
  recurrentActivation?: ActivationName;
  implementation?: number;
  resetAfter?: boolean;
}

export const GRU_CELL_KEYS = [...CELL_KEYS, 'recurrentActivation', 'implementation', 'resetAfter'];

/**
 * tf.layers.gruCell: gates z, r, h side by side; the reset gate applies before the candidate's recurrent
 * product (TF.js has no resetAfter: true and refuses it, so does this).
 */
export class GRUCell extends GatedCell {
  readonly recurrentActivation: LayerActivation;
  readonly implementation: number | undefined;

  constructor(args: GRUCellArgs, op = 'layers.gruCell', check = true) {
    if (check) checkConfigKeys(op, args, GRU_CELL_KEYS);
    if (args.resetAfter != null && args.resetAfter !== false) throw argError(op, 'resetAfter', fmtValue(args.resetAfter), 'false or absent (TF.js GRUCell does not support reset_after: true)');
    super(op, 'gru_cell', args, 'tanh');
    this.recurrentActivation = args.recurrentActivation === undefined ? builtInActivation('hardSigmoid') : checkActivation(op, args.recurrentActivation, 'recurrentActivation');
    this.implementation = args.implementation;
    if (args.implementation == null) this.unsetKeys.push('implementation');
  }

  override getClassName(): string {
    return 'GRUCell';
  }

  get gates(): number {
    return 3;
  }

  /** The candidate's product takes r·h, so each gate's block of the recurrent kernel multiplies apart. */
  protected override get perGateProducts(): boolean {
    return true;
  }

  step(xp: Tensor, [h]: Tensor[]): StepResult {
    const [xz, xr, xh] = split(xp, 3, 1);
    const z = this.recurrentActivation.apply(add(xz, this.gateProduct(h, 0)));
    const r = this.recurrentActivation.apply(add(xr, this.gateProduct(h, 1)));
    const hh = this.activation.apply(add(xh, this.gateProduct(mul(r, h), 2)));
    // z·h + (1 - z)·hh, written as hh + z·(h - hh).
    const hNext = add(hh, mul(z, sub(h, hh)));
    return { output: hNext, states: [hNext] };
  }

  protected override gateConfig(): LayerConfig {
    return {
      recurrent_activation: activationConfigName(this.recurrentActivation),
      implementation: this.implementation ?? null,
      reset_after: false,
    };
  }
}
