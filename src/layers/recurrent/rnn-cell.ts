import { Tensor } from '../../tensor/tensor';
import { argError, fmtShape, fmtValue } from '../../util/validate';
import { Layer, type CallOptions } from '../layer';
import type { Regularizer } from '../regularizers';

/** One step's result: the output and the new states (LSTM: [h, c]; GRU and simpleRNN: [h]). */
export interface StepResult {
  output: Tensor;
  states: Tensor[];
}

/** Whether a value is a state size as TF.js takes it: a positive integer, or a non-empty array of them. */
export function isStateSize(v: unknown): v is number | number[] {
  const positive = (n: unknown) => Number.isInteger(n) && (n as number) > 0;
  return positive(v) || (Array.isArray(v) && v.length > 0 && v.every(positive));
}

/**
 * tf.layers.RNNCell: what tf.layers.rnn runs over the time axis. A user's cell (`class MyCell extends
 * tf.layers.RNNCell`, as TF.js's) sets `stateSize` and defines `call([x, ...states])` giving [output, ...new
 * states]; the output's size is the first state's. The built-in cells (GatedCell) project every step's input at
 * once and then step.
 */
export abstract class RNNCell extends Layer {
  /** The training flag of the sequence in progress, passed to a user cell's call. */
  private training = false;

  /**
   * As TF.js's: the size of the state, a number for a cell with one state (an array for several: LSTM [units,
   * units]). Abstract as TF.js's, so that a user's TypeScript cell declares it as a field, as it must for TF.js.
   */
  abstract stateSize: number | number[];

  /** @internal The sizes of the states, one per state; a user cell that never set its stateSize is refused here. */
  get stateSizes(): number[] {
    const s: unknown = this.stateSize;
    if (!isStateSize(s)) throw argError(this.name, 'stateSize', fmtValue(s), 'a positive integer or an array of them (set this.stateSize in the cell\'s constructor)');
    return Array.isArray(s) ? s : [s];
  }

  /** The names of a step's dims without the batch dim ([features]; a convolutional cell's [rows, cols, channels]). */
  get stepDims(): string[] {
    return ['features'];
  }

  /** The states' shapes without the batch dim for steps of this shape (no batch dim). */
  stateShapes(_stepShape: readonly number[]): number[][] {
    return this.stateSizes.map((n) => [n]);
  }

  /** The output's penalty, which the RNN around the cell applies to its output. */
  get outputRegularizer(): Regularizer | null {
    return this.activityRegularizer;
  }

  /**
   * Settings TF.js keeps as the user gave them (camelCase keys): not given, its getConfig says undefined and its
   * model.json null.
   */
  readonly unsetKeys: string[] = [];

  /** A step's output shape (no batch dim): as TF.js, a user cell's output has the first state's size. */
  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 1) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'shape [batch, features]');
    return [this.stateSizes[0]];
  }

  /** Readies the cell for a sequence of steps [batch, ...stepShape]. */
  beginSequence(_batch: number, _stepShape: readonly number[], training: boolean): void {
    this.training = training;
  }

  /** x [batch, time, ...step] -> what each step takes (a user cell takes its input as it is). */
  project(x: Tensor): Tensor {
    return x;
  }

  /** One step's input [batch, ...step] as `step` takes it: projected as a sequence of one step. */
  projectStep(x: Tensor): Tensor {
    const [b, ...step] = x.shape;
    const y = this.project(x.reshape([b, 1, ...step]));
    return y.reshape([b, ...y.shape.slice(2)]);
  }

  /** One step from the (projected) input and the states: a user cell's call([x, ...states]). */
  step(xp: Tensor, states: Tensor[]): StepResult {
    const r = this.callStep([xp, ...states], { training: this.training });
    const list = Array.isArray(r) ? r : [r];
    if (list.length !== states.length + 1 || !list.every((t) => t instanceof Tensor)) {
      throw argError(`${this.name}.call`, 'result', fmtValue(r), `${states.length + 1} tensors: the output, then the new states (as many as stateSize has)`);
    }
    return { output: list[0], states: list.slice(1) };
  }

  /** A user cell's step: its call. */
  protected callStep(inputs: Tensor[], options: CallOptions): Tensor | Tensor[] {
    return this.call(inputs, options);
  }

  /**
   * @internal Refuses states that are not this cell's for a batch and step shape: their count, shapes or dtype.
   * They are arg[first], arg[first + 1], ... (a cell's call takes its input first).
   */
  checkStates(op: string, arg: string, states: readonly unknown[], batch: number, stepShape: readonly number[], dtype: string, first = 0): void {
    const expected = this.stateShapes(stepShape).map((s) => [batch, ...s]);
    if (states.length !== expected.length) {
      const what = first === 0 ? '' : 'the input, then ';
      throw argError(op, arg, `${states.length + first} tensors`, `${expected.length + first} (${what}${expected.map(fmtShape).join(', ')})`);
    }
    states.forEach((s, i) => {
      if (!(s instanceof Tensor) || fmtShape(s.shape) !== fmtShape(expected[i]) || s.dtype !== dtype) {
        throw argError(op, `${arg}[${i + first}]`, s instanceof Tensor ? `shape ${fmtShape(s.shape)} and dtype ${s.dtype}` : fmtValue(s), `shape ${fmtShape(expected[i])} and dtype ${dtype}`);
      }
    });
  }
}
