import { zeros } from '../../ops/creation';
import { Tensor } from '../../tensor/tensor';
import { tidy } from '../../tensor/tidy';
import { argError, fmtValue } from '../../util/validate';
import type { Applied, CallOptions, Kwargs } from '../layer';
import type { SymbolicTensor } from '../symbolic';
import { RNNCell } from './rnn-cell';

/**
 * A built-in cell (a gated one, or a stack of cells) that tf.layers.rnn steps through `project` and `step`; its
 * own call is one such step, as TF.js's cells are called by hand.
 */
export abstract class SteppingCell extends RNNCell {
  /**
   * The cell on one step [batch, ...step]: given [x, ...states] (TF.js's form), [output, ...new states]; given x
   * alone, the output from zero states. In a scope of its own, as TF.js's: only the results outlive it.
   */
  override call(inputs: Tensor[], options: CallOptions): Tensor[];
  override call(inputs: Tensor, options: CallOptions): Tensor;
  override call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[];
  override call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[] {
    const [x, ...given] = Array.isArray(inputs) ? inputs : [inputs];
    if (!(x instanceof Tensor)) throw argError(`${this.name}.call`, 'inputs[0]', fmtValue(x), 'a Tensor [batch, ...step]');
    const [b, ...step] = x.shape;
    if (Array.isArray(inputs)) this.checkStates(`${this.name}.call`, 'inputs', given, b, step, x.dtype, 1);
    if (!this.built) this.buildNoBatch(step);
    return tidy(() => {
      this.beginSequence(b, step, options.training ?? false);
      const states = Array.isArray(inputs) ? given : this.stateShapes(step).map((s) => zeros([b, ...s], x.dtype));
      const r = this.step(this.projectStep(x), states);
      return Array.isArray(inputs) ? [r.output, ...r.states] : r.output;
    });
  }

  /** As TF.js: apply([x, ...states]) on tensors is one step, as call gives it; anything else as any layer's apply. */
  override apply(x: Tensor, kwargs?: Kwargs): Applied<Tensor>;
  override apply(inputs: SymbolicTensor, kwargs?: Kwargs): Applied<SymbolicTensor>;
  override apply(inputs: Tensor[], kwargs?: Kwargs): Tensor | Tensor[];
  override apply(inputs: SymbolicTensor[], kwargs?: Kwargs): SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: Kwargs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs: Kwargs | null = {}): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    kwargs ??= {};
    if (Array.isArray(inputs) && inputs.length > 1 && inputs.every((t) => t instanceof Tensor)) return this.call(inputs as Tensor[], { ...kwargs, training: kwargs.training ?? false });
    return super.apply(inputs, kwargs);
  }
}
