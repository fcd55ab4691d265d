import { add, mul } from '../../ops/binary';
import { concat } from '../../ops/concat';
import { ones } from '../../ops/creation';
import type { DType, Tensor } from '../../tensor/tensor';
import { tidy } from '../../tensor/tidy';
import { activationConfigName, builtInActivation, checkActivation, type ActivationName, type LayerActivation } from '../activations';
import type { Initializer } from '../initializers';
import { checkConfigKeys, type LayerConfig } from '../layer';
import { CELL_KEYS, GatedCell, type RNNCellArgs } from './cell';
import type { StepResult } from './rnn-cell';

export interface LSTMCellArgs extends RNNCellArgs {
  recurrentActivation?: ActivationName;
  unitForgetBias?: boolean;
  implementation?: number;
}

export const LSTM_CELL_KEYS = [...CELL_KEYS, 'recurrentActivation', 'unitForgetBias', 'implementation'];

/** tf.layers.lstmCell: gates i, f, c, o side by side; states [h, c]. */
export class LSTMCell extends GatedCell {
  readonly recurrentActivation: LayerActivation;
  readonly unitForgetBias: boolean;
  readonly implementation: number | undefined;

  constructor(args: LSTMCellArgs, op = 'layers.lstmCell', check = true, snakeName = 'lstm_cell') {
    if (check) checkConfigKeys(op, args, LSTM_CELL_KEYS);
    super(op, snakeName, args, 'tanh');
    this.recurrentActivation = args.recurrentActivation === undefined ? builtInActivation('hardSigmoid') : checkActivation(op, args.recurrentActivation, 'recurrentActivation');
    // TF.js leaves unitForgetBias off unless asked (Keras defaults it on).
    this.unitForgetBias = this.flagOption(op, 'unitForgetBias', args.unitForgetBias, false);
    this.implementation = args.implementation;
    if (args.unitForgetBias == null) this.unsetKeys.push('unitForgetBias');
    if (args.implementation == null) this.unsetKeys.push('implementation');
  }

  override getClassName(): string {
    return 'LSTMCell';
  }

  get gates(): number {
    return 4;
  }

  override get stateSize(): number[] {
    return [this.units, this.units];
  }

  /** With unitForgetBias, the forget gate's bias starts at one, the rest from the bias initializer (as TF.js); saved values stay as saved. */
  protected override makeBiasInitializer(): Initializer {
    const init = this.biasInitializer;
    if (!this.unitForgetBias || init.restores) return init;
    const u = this.units;
    return {
      className: init.className,
      getClassName: () => init.getClassName(),
      getConfig: () => init.getConfig(),
      apply: (_shape: readonly number[], dtype?: DType) => tidy(() => concat([init.apply([u], dtype), ones([u], dtype), init.apply([2 * u], dtype)], 0)),
    };
  }

  step(xp: Tensor, [h, c]: Tensor[]): StepResult {
    const [zi, zf, zc, zo] = this.gateInputs(xp, h);
    const i = this.recurrentActivation.apply(zi);
    const f = this.recurrentActivation.apply(zf);
    const candidate = this.activation.apply(zc);
    const o = this.recurrentActivation.apply(zo);
    const cNext = add(mul(f, c), mul(i, candidate));
    const hNext = mul(o, this.activation.apply(cNext));
    return { output: hNext, states: [hNext, cNext] };
  }

  protected override gateConfig(): LayerConfig {
    return {
      recurrent_activation: activationConfigName(this.recurrentActivation),
      unit_forget_bias: this.unsetKeys.includes('unitForgetBias') ? null : this.unitForgetBias,
      implementation: this.implementation ?? null,
    };
  }
}
