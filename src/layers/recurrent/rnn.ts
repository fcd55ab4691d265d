import { add, mul, sub } from '../../ops/binary';
import { broadcastTo } from '../../ops/broadcast';
import { zeros } from '../../ops/creation';
import { stack, unstack } from '../../ops/concat';
import { reverse } from '../../ops/reverse';
import { Tensor } from '../../tensor/tensor';
import { keep, tidy } from '../../tensor/tidy';
import { unkeep } from '../../tensor/scopes';
import { isRecording } from '../../tensor/tape';
import { argError, fmtShape, fmtValue } from '../../util/validate';
import { Layer, buildInScope, checkConfigKeys, type Applied, type CallOptions, type Kwargs, type LayerArgs, type LayerConfig, type ShapeOrShapes } from '../layer';
import { SymbolicTensor } from '../symbolic';
import { nestedConfig, withUnset } from './cell';
import { asCell, type CellLikeLayer } from './layer-cell';
import type { RNNCell } from './rnn-cell';
import { StackedRNNCells } from './stacked-cells';
import { layerFromDict } from '../serialization';
import type { ConfigDict, Serializable, SerializableConstructor } from '../../util/serializable';

export interface RNNBaseArgs extends LayerArgs {
  returnSequences?: boolean;
  returnState?: boolean;
  goBackwards?: boolean;
  stateful?: boolean;
  unroll?: boolean;
  inputDim?: number;
  inputLength?: number;
  batchInputShape?: (number | null)[];
  batchSize?: number;
}

export interface RNNLayerArgs extends RNNBaseArgs {
  /** A cell, or an array of them (stacked); a cell may be a user's layer with a stateSize and call([x, ...states]), as TF.js takes. */
  cell: RNNCell | CellLikeLayer | (RNNCell | CellLikeLayer)[];
}

export const RNN_KEYS = ['returnSequences', 'returnState', 'goBackwards', 'stateful', 'unroll', 'inputDim', 'inputLength', 'batchInputShape', 'batchSize'];

/** What an RNN's apply takes besides the sequence, as TF.js's kwargs. */
export interface RNNApplyOptions {
  training?: boolean;
  mask?: Tensor | null;
  initialState?: Tensor | Tensor[];
}

/** What a layer built on RNN passes it: its names, its own cell, its own argument keys, and the dims of a step. */
export interface RNNKind {
  op: string;
  snakeName: string;
  makeCell?: () => RNNCell;
  ownKeys: string[];
  /** The names of a step's dims without the batch dim (['features']; a convolutional cell's ['rows', 'cols', 'channels']). */
  stepDims?: string[];
}

const PLAIN_RNN: RNNKind = { op: 'layers.rnn', snakeName: 'rnn', ownKeys: ['cell'] };

/** A sequence's dims in words: '[batch, timeSteps, features]'. */
function sequenceDims(stepDims: readonly string[]): string {
  return `[batch, timeSteps, ${stepDims.join(', ')}]`;
}

/** The input shape (no batch dim) and fixed batch size a recurrent layer's arguments declare. */
function declaredShape(op: string, args: RNNBaseArgs, stepDims: readonly string[]): { inputShape?: (number | null)[]; batch: number | null } {
  if (args.batchInputShape != null) {
    const s = args.batchInputShape;
    if (!Array.isArray(s) || s.length !== 2 + stepDims.length || !s.slice(1).every((d, i) => (Number.isInteger(d) && (d as number) > 0) || (i === 0 && d === null))) {
      throw argError(op, 'batchInputShape', fmtValue(s), `${sequenceDims(stepDims)} with positive (or null: any) time steps and positive ${stepDims.join(', ')}`);
    }
    return { inputShape: s.slice(1), batch: s[0] ?? null };
  }
  let inputShape = args.inputShape;
  if (inputShape == null && args.inputDim != null && args.inputLength != null) inputShape = [args.inputLength, args.inputDim];
  return { inputShape, batch: args.batchSize ?? null };
}

/**
 * tf.layers.rnn: runs a cell over the time axis of [batch, time, features]. The input projection of every step
 * is one GEMM before the loop; each step is one recurrent product over all gates; the tape records the steps,
 * so backprop through time (and its second derivatives) come from the ops' own rules. Masked steps keep the
 * previous output and states, as in TF.js.
 */
export class RNN extends Layer {
  readonly cell: RNNCell;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  private readonly keepsStates: boolean;
  readonly unroll: boolean;
  /** The batch size the arguments declare (null: none). */
  private readonly argsBatch: number | null;
  /** A stateful layer's batch size: the declared one, else that of the first input it is applied to. */
  private fixedBatch: number | null;
  /** The arguments the layer was made with (Bidirectional makes its two directions from them). */
  readonly args: RNNLayerArgs;
  /** A stateful layer's states between calls. */
  private stateValues: Tensor[] | null = null;
  /** The names of a step's dims (no batch dim), for messages. */
  private readonly stepDims: string[];

  constructor(args: RNNLayerArgs, kind: RNNKind = PLAIN_RNN) {
    const { op, snakeName, makeCell, ownKeys, stepDims = ['features'] } = kind;
    checkConfigKeys(op, args, [...RNN_KEYS, ...ownKeys]);
    const { inputShape, batch } = declaredShape(op, args, stepDims);
    super(snakeName, { name: args.name, trainable: args.trainable, dtype: args.dtype, inputDType: args.inputDType, inputShape, weights: args.weights });
    this.stepDims = stepDims.slice();
    this.args = { ...args };
    this.returnSequences = this.flagOption(op, 'returnSequences', args.returnSequences, false);
    this.returnState = this.flagOption(op, 'returnState', args.returnState, false);
    this.goBackwards = this.flagOption(op, 'goBackwards', args.goBackwards, false);
    this.keepsStates = this.flagOption(op, 'stateful', args.stateful, false);
    this.unroll = this.flagOption(op, 'unroll', args.unroll, false);
    if (batch !== null && !(Number.isInteger(batch) && batch > 0)) throw argError(op, 'batchSize', fmtValue(batch), 'a positive integer');
    this.argsBatch = this.fixedBatch = batch;
    if (makeCell) this.cell = makeCell();
    else this.cell = Array.isArray(args.cell) ? new StackedRNNCells({ cells: args.cell }) : asCell(op, 'cell', args.cell);
    this.activityRegularizer = this.cell.outputRegularizer;
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'RNN';
  }

  /**
   * As TF.js's: a plain RNN's config holds its cell as {className, config}, made first; the cell's settings that
   * getConfig also spreads beside the layer's are the cell's, and go with it (its name, trainable and dtype beside
   * them are the layer's). The layers with their own cell (lstm, gru, ...) take their config as it is.
   */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    const cell = config.cell;
    if (cell === undefined) return super.fromConfig(cls, config);
    const nested = cell !== null && typeof cell === 'object' && !Array.isArray(cell) && cell.config !== null && typeof cell.config === 'object' ? cell.config : {};
    const own = Object.entries(config).filter(([k]) => !Object.hasOwn(nested, k) || ['name', 'trainable', 'dtype'].includes(k));
    return new (cls as unknown as new (args: object) => T)({ ...Object.fromEntries(own), cell: layerFromDict(PLAIN_RNN.op, 'cell', cell) });
  }

  /** The cell holds the weights, so their penalties and constraints. */
  protected override nestedLayers(): readonly Layer[] {
    return [this.cell];
  }

  /** The size of the output (a built-in cell's units). */
  get units(): number {
    return this.cell.stateSizes[0];
  }

  /** The output's shape, followed by the states' with returnState (as TF.js). */
  override acceptsAnyLength(rank: number): boolean {
    return rank > 1;
  }

  /** The rank an input must have, in words: 'rank 3 [batch, timeSteps, features]'. */
  private get expectedRank(): string {
    return `rank ${2 + this.stepDims.length} ${sequenceDims(this.stepDims)}`;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): ShapeOrShapes {
    if (inputShape.length !== 1 + this.stepDims.length) {
      throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])} (rank ${inputShape.length + 1})`, this.expectedRank);
    }
    const step = inputShape.slice(1);
    const one = this.cell.outputShapeNoBatch(step);
    const out = this.returnSequences ? [inputShape[0], ...one] : one;
    return this.returnState ? [out, ...this.cell.stateShapes(step)] : out;
  }

  /** Symbolic inputs: the sequence, then (from initialState) one tensor per state, [batch, ...state shape]. */
  protected override checkSymbolicInputs(op: string, shapes: number[][]): void {
    if (shapes.length > 1) this.checkStateShapes(op, 'initialState', shapes[0], shapes.slice(1), 0);
  }

  /**
   * @internal Throws unless `states` (shapes without the batch dim) are this layer's initial states for an input
   * of this shape (no batch dim); they are arg[first], arg[first + 1], ...
   */
  checkStateShapes(op: string, arg: string, inputShape: readonly number[], states: readonly number[][], first: number): void {
    const expected = this.cell.stateShapes(inputShape.slice(1));
    if (states.length !== expected.length) throw argError(op, arg, `${states.length} tensors`, `${expected.length} (${expected.map((e) => fmtShape([null, ...e])).join(', ')})`);
    states.forEach((s, i) => {
      if (fmtShape(s) !== fmtShape(expected[i])) throw argError(op, `${arg}[${i + first}]`, `shape ${fmtShape([null, ...s])}`, `shape ${fmtShape([null, ...expected[i]])}`);
    });
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    // The cell's weights are named in the layer's scope, as TF.js's: 'lstm/kernel', 'rnn/RNNCell_0/kernel' for stacked cells.
    buildInScope(this.weightScope(), () => this.cell.buildNoBatch(inputShape.slice(1)));
    this.vars.push(...this.cell.weights);
  }

  /** As TF.js: apply(x, {initialState, mask, training}) or apply([x, ...initialStates]); with returnState, [output, ...states]. */
  override apply(x: Tensor, options?: CallOptions): Applied<Tensor>;
  override apply(inputs: SymbolicTensor, kwargs?: Kwargs): Applied<SymbolicTensor>;
  override apply(inputs: Tensor[], options?: RNNApplyOptions): Tensor | Tensor[];
  override apply(inputs: SymbolicTensor[], kwargs?: Kwargs): SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], options?: RNNApplyOptions): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], options: RNNApplyOptions | null = {}): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    options ??= {};
    const all: unknown[] = Array.isArray(inputs) ? inputs : [inputs];
    // In a functional model's graph, initial states become inputs after the sequence (as TF.js records them),
    // and returnState gives [output, ...states] as symbolic tensors.
    if (all[0] instanceof SymbolicTensor) {
      const batch = all[0].shape[0];
      this.fixBatch(batch);
      const { initialState } = options;
      const states: unknown[] = initialState === undefined ? [] : Array.isArray(initialState) ? initialState : [initialState];
      states.forEach((t, i) => {
        if (!(t instanceof SymbolicTensor)) throw argError(`${this.name}.apply`, `initialState[${i}]`, fmtValue(t), 'a SymbolicTensor, as the input is symbolic');
      });
      const list = [...all, ...states] as SymbolicTensor[];
      // The node keeps initialState among its call arguments, as TF.js's (saving leaves it out, with TF.js's warning).
      const out = super.apply(list.length === 1 ? list[0] : list, options as Kwargs);
      this.startStates(batch);
      return out;
    }
    const list = all as Tensor[];
    const x = this.checkSequence(this.name, list[0]);
    const given = list.length > 1 ? list.slice(1) : options.initialState === undefined ? null : Array.isArray(options.initialState) ? options.initialState : [options.initialState];
    if (given) this.checkInitialStates(given, x.shape[0], x.shape.slice(2));
    const training = options.training ?? false;
    const outputs = this.eagerly(() => {
      // As TF.js's ops upcast them, int32 and bool sequences run as the layer's dtype.
      const xs = this.castInput(x);
      this.prepareInput(xs);
      const { output, states } = this.run(xs, training, options.mask ?? null, given);
      return this.returnState ? [output, ...states] : [output];
    });
    this.recordActivity(outputs[0], training);
    return this.returnState ? outputs : outputs[0];
  }

  /** Throws unless x is a sequence tensor of the layer's rank; x. */
  private checkSequence(op: string, x: unknown): Tensor {
    if (!(x instanceof Tensor)) throw argError(op, 'input', fmtValue(x), `a Tensor ${sequenceDims(this.stepDims)}`);
    if (x.rank !== 2 + this.stepDims.length) throw argError(op, 'input', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, this.expectedRank);
    return x;
  }

  /** As TF.js's: zero states for a sequence, [batch, ...state shape] each (what a layer that is not stateful starts from). */
  getInitialState(inputs: Tensor): Tensor[] {
    const x = this.checkSequence(`${this.name}.getInitialState`, inputs);
    const [b, , ...step] = x.shape;
    return this.cell.stateShapes(step).map((s) => zeros([b, ...s], this.dtype));
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    return this.run(x, options.training ?? false, options.mask ?? null, null).output;
  }

  /** The output's mask: the input's with returnSequences; with returnState, as TF.js's, a list adding none for each state. */
  override computeMask(_x: Tensor, mask: Tensor | null = null): Tensor | (Tensor | null)[] | null {
    const out = this.returnSequences ? mask : null;
    return this.returnState ? [out, ...this.cell.stateSizes.map(() => null)] : out;
  }

  override get supportsMasking(): boolean {
    return true;
  }

  /**
   * @internal Throws unless `states` are one tensor per state, [batch, ...state shape] for steps of `stepShape`, of
   * the layer's dtype.
   */
  checkStates(arg: string, states: readonly unknown[], batch: number, stepShape: readonly number[]): void {
    this.cell.checkStates(this.name, arg, states, batch, stepShape, this.dtype);
  }

  /**
   * @internal Throws unless `states` can start a run over `batch` sequences: as checkStates, or all of batch 1, which
   * TF.js's step ops broadcast (one initial state for every sequence).
   */
  checkInitialStates(states: readonly unknown[], batch: number, stepShape: readonly number[]): void {
    const shared = states.every((s) => s instanceof Tensor && s.shape[0] === 1);
    this.checkStates('initialState', states, shared ? 1 : batch, stepShape);
  }

  private run(x: Tensor, training: boolean, mask: Tensor | null, initial: Tensor[] | null): { output: Tensor; states: Tensor[] } {
    const [b, steps, ...step] = x.shape;
    this.fixBatch(b);
    if (this.stateful && b !== this.batchSize) throw argError(this.name, 'input', `batch size ${b}`, `the stateful layer's fixed batch size ${this.batchSize}`);
    const cell = this.cell;
    const outShape = cell.outputShapeNoBatch(step);
    // As TF.js, a mask may cover more steps than the input (a mask passed on past a repeatVector): the steps
    // read its leading columns, or its trailing ones reversed when going backwards. Dims after the time axis (a
    // masking layer's over image sequences) mask the output's leading dims apart, as TF.js's and Keras's rnn.
    const cellDims = mask ? mask.shape.slice(2) : [];
    if (mask && (mask.rank < 2 || mask.shape[0] !== b || mask.shape[1] < steps || cellDims.length >= outShape.length || cellDims.some((d, k) => d !== outShape[k]))) {
      const pixels = outShape.length > 1 ? ` or [${b}, ${steps}, ${outShape.slice(0, -1).join(', ')}]` : '';
      throw argError(this.name, 'mask', `shape ${fmtShape(mask.shape)}`, `shape [${b}, ${steps}]${pixels} (or more steps)`);
    }
    const maskSteps = mask ? mask.shape[1] : steps;
    const perStep = cellDims.reduce((n, d) => n * d, 1);
    const seq = this.goBackwards ? reverse(x, 1) : x;
    const maskValues = mask ? mask.hostValues() : null;
    cell.beginSequence(b, step, training);
    // Each step's slice of the projection, by one split whose gradient is one concat.
    const xp = unstack(cell.project(seq), 1);
    let states = initial?.map((s) => broadcastTo(s, [b, ...s.shape.slice(1)])) ?? this.stateValues ?? this.getInitialState(x);
    const outputs: Tensor[] = [];
    // A masked step outputs the output state it keeps (a stack's states start with its last cell's), as TF.js: a
    // leading masked step gives the initial state (Keras gives zeros there).
    let previous: Tensor = states[0];
    // A step's mask broadcasts over the dims of the output and states it does not give.
    const maskShape = [b, ...cellDims, ...outShape.slice(cellDims.length).map(() => 1)];
    for (let i = 0; i < steps; i++) {
      const t = this.goBackwards ? maskSteps - 1 - i : i;
      const r = cell.step(xp[i], states);
      let out = r.output;
      let next = r.states;
      if (maskValues) {
        const keepStep = new Float64Array(b * perStep).map((_, j) => (maskValues[(Math.floor(j / perStep) * maskSteps + t) * perStep + (j % perStep)] ? 1 : 0));
        const m = new Tensor(maskShape, this.dtype, this.dtype === 'float64' ? keepStep : Float32Array.from(keepStep));
        // prev + m·(new - prev): masked rows (or pixels) keep the previous output and states.
        out = add(previous, mul(m, sub(out, previous)));
        next = next.map((s, k) => add(states[k], mul(m, sub(s, states[k]))));
      }
      outputs.push(out);
      previous = out;
      states = next;
    }
    if (this.stateful) this.keepStates(states);
    const output = this.returnSequences ? stack(outputs, 1) : previous;
    return { output, states };
  }

  private keepStates(states: Tensor[]): void {
    const old = this.stateValues;
    // Copies off the tape: the next call starts from these values without backpropagating into this one.
    this.stateValues = states.map((s) => keep(new Tensor(s.shape, s.dtype, s.hostValues().slice())));
    if (old) this.retire(old);
  }

  /** Frees states replaced; while a gradient is being taken its backward pass may still read them, so they then go with the scope. */
  private retire(states: Tensor[]): void {
    for (const s of states) {
      if (isRecording()) unkeep(s);
      else s.dispose();
    }
  }

  override get stateful(): boolean {
    return this.keepsStates;
  }

  /** A stateful layer's fixed batch size (its states are kept per sample); null before it knows one. */
  get batchSize(): number | null {
    return this.fixedBatch;
  }

  /** As TF.js, a stateful layer takes its batch size from its input when its arguments declare none. */
  private fixBatch(batch: number | null): void {
    if (!this.stateful || this.fixedBatch !== null) return;
    if (batch === null) throw argError(this.name, 'input', 'a batch size of null', `a fixed batch size for the stateful layer (its states are kept per sample): give ${this.name} batchInputShape or batchSize, or its model's input a batchShape`);
    this.fixedBatch = batch;
  }

  /** As TF.js: zeros (or the given states) for a stateful layer; an error for any other. */
  override resetStates(states?: Tensor | Tensor[]): void {
    this.replaceStates('resetStates', states);
  }

  /** As TF.js's setStates: the states a stateful layer goes on from, checked and copied as resetStates(states). */
  setStates(states: Tensor | Tensor[]): void {
    this.replaceStates('setStates', states);
  }

  private replaceStates(method: string, states: Tensor | Tensor[] | undefined): void {
    const next = states === undefined ? null : Array.isArray(states) ? states : [states];
    const { batch, step } = this.checkReset(next, method);
    const old = this.stateValues;
    // In a scope of its own: the zeros are copied into kept states and freed, whether or not the caller is in a tidy.
    this.stateValues = tidy(() => (next ?? this.cell.stateShapes(step).map((s) => zeros([batch, ...s], this.dtype))).map((s) => keep(new Tensor(s.shape, s.dtype, s.hostValues().slice()))));
    if (old) this.retire(old);
  }

  /** @internal Throws unless resetStates(states) (null: zeros) can run; the batch size and step shape it resets for. */
  checkReset(states: Tensor[] | null, method = 'resetStates'): { batch: number; step: number[] } {
    if (!this.stateful) throw new Error(`${this.name}.${method}: the layer is not stateful; create it with stateful: true and a fixed batch size to keep states between calls`);
    const batch = this.fixedBatch;
    if (batch === null) throw new Error(`${this.name}.${method}: the layer does not know its batch size yet; apply it to an input with a fixed batch size first`);
    // A state's shape may follow the input's (a convolutional cell's), known once the layer is built.
    const built = this.inputShapeNoBatch;
    if (!built && this.stepDims.length > 1) throw new Error(`${this.name}.${method}: the layer does not know its input shape yet; build it (give batchInputShape) or apply it to an input first`);
    const step = built ? built.slice(1) : [];
    if (states) this.checkStates('states', states, batch, step);
    return { batch, step };
  }

  /**
   * @internal As TF.js's build in a graph: a stateful layer fixes its batch size and starts from zero states (kept
   * until its first call).
   */
  startStates(batch: number | null): void {
    this.fixBatch(batch);
    if (this.stateful && this.stateValues === null) this.resetStates();
  }

  /** As TF.js's: a stateful layer's current states once it is in a graph or has run; else one null per state. */
  get states(): (Tensor | null)[] {
    return this.stateValues ? this.stateValues.slice() : this.cell.stateSizes.map(() => null);
  }

  /** As TF.js's setter: setStates(states). */
  set states(states: Tensor | Tensor[]) {
    this.setStates(states);
  }

  /** The states, as TF.js's getStates (typed Tensor[] as TF.js's, with its nulls before the states exist). */
  getStates(): Tensor[] {
    return this.states as Tensor[];
  }

  /** As TF.js's: the cell's settings never given are undefined, and a cell entry is the cell's own getConfig. */
  override getConfig(): LayerConfig {
    const config = super.getConfig();
    const cell = config.cell as { config?: LayerConfig } | undefined;
    const own = this.cell.getConfig();
    if (cell) cell.config = own;
    // The cell's keys spread into the layer's, as TF.js spreads them: stacked cells' list is theirs too.
    if (config.cells !== undefined) config.cells = own.cells;
    return withUnset(config, this.cell.unsetKeys);
  }

  /** With the batch size the arguments declare (a stateful layer's), as TF.js's. */
  override get batchInputShape(): (number | null)[] | undefined {
    const shape = super.batchInputShape;
    return shape && [this.argsBatch, ...shape.slice(1)];
  }

  protected rnnConfig(): LayerConfig {
    const config: LayerConfig = {
      return_sequences: this.returnSequences,
      return_state: this.returnState,
      go_backwards: this.goBackwards,
      stateful: this.stateful,
      unroll: this.unroll,
    };
    if (this.argsBatch !== null && this.inputShapeNoBatch) config.batch_input_shape = [this.argsBatch, ...this.inputShapeNoBatch];
    return config;
  }

  /** The cell's settings, which TF.js writes beside the RNN's own. */
  private cellSettings(): LayerConfig {
    const { name: _n, trainable: _t, dtype: _d, ...own } = this.cell.savedConfig();
    return own;
  }

  /** As TF.js writes LSTM, GRU, SimpleRNN and ConvLSTM2D: the base config, the cell's settings, the RNN's own. */
  protected flatConfig(): LayerConfig {
    return { ...this.baseConfig(), ...this.cellSettings(), ...this.rnnConfig() };
  }

  /**
   * tf.layers.rnn's config also holds the cell's entry. TF.js's order: name and trainable, the cell's settings, the
   * rest of the base config, the RNN's own.
   */
  protected override layerConfig(): LayerConfig {
    const base = this.baseConfig();
    return {
      name: base.name, trainable: base.trainable, ...this.cellSettings(), ...base, ...this.rnnConfig(),
      cell: { class_name: this.cell.getClassName(), config: nestedConfig(this.cell) },
    };
  }
}
