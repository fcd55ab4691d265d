import * as fused from '../../ops/fused';
import { matMul } from '../../ops/matmul';
import { add, mul } from '../../ops/binary';
import { concat, split } from '../../ops/concat';
import { ones } from '../../ops/creation';
import { dropout } from '../../ops/dropout';
import { Tensor } from '../../tensor/tensor';
import type { StepResult } from './rnn-cell';
import { SteppingCell } from './stepping-cell';
import type { Variable } from '../../tensor/variable';
import { Random, nextDefaultSeed, randomSeedSet } from '../../util/random';
import { argError, assertPositiveInt, fmtValue } from '../../util/validate';
import { dropoutMask } from '../dropout';
import { activationConfigName, builtInActivation, checkActivation, type ActivationName, type LayerActivation } from '../activations';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from '../initializers';
import { Layer, type LayerArgs, type LayerConfig } from '../layer';
import { getRegularizer, regularizerConfig, type Regularizer, type RegularizerName } from '../regularizers';
import { constraintConfig, getConstraint, type Constraint, type ConstraintName } from '../constraints';

export interface RNNCellArgs extends LayerArgs {
  units: number;
  activation?: ActivationName;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  recurrentInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
  kernelRegularizer?: RegularizerName | Regularizer;
  recurrentRegularizer?: RegularizerName | Regularizer;
  biasRegularizer?: RegularizerName | Regularizer;
  /** A penalty on the output (TF.js 4.22 takes and ignores it; tessera, as Keras, adds it to the loss). */
  activityRegularizer?: RegularizerName | Regularizer;
  kernelConstraint?: ConstraintName | Constraint;
  recurrentConstraint?: ConstraintName | Constraint;
  biasConstraint?: ConstraintName | Constraint;
  dropout?: number;
  recurrentDropout?: number;
}

export const CELL_KEYS = [
  'units', 'activation', 'useBias', 'kernelInitializer', 'recurrentInitializer', 'biasInitializer', 'dropout', 'recurrentDropout',
  'kernelRegularizer', 'recurrentRegularizer', 'biasRegularizer', 'activityRegularizer', 'kernelConstraint', 'recurrentConstraint', 'biasConstraint',
];

/** Each weight's regularizer and constraint: kernel, recurrent kernel, bias. */
interface WeightPenalties {
  kernel: { regularizer: Regularizer | null; constraint: Constraint | null };
  recurrent: { regularizer: Regularizer | null; constraint: Constraint | null };
  bias: { regularizer: Regularizer | null; constraint: Constraint | null };
}

function readPenalties(op: string, args: RNNCellArgs): WeightPenalties {
  const one = (w: 'kernel' | 'recurrent' | 'bias') => ({
    regularizer: getRegularizer(op, `${w}Regularizer`, args[`${w}Regularizer`]),
    constraint: getConstraint(op, `${w}Constraint`, args[`${w}Constraint`]),
  });
  return { kernel: one('kernel'), recurrent: one('recurrent'), bias: one('bias') };
}

/** A config with each of `keys` undefined (TF.js's view of a setting never given). */
export function withUnset(config: LayerConfig, keys: readonly string[]): LayerConfig {
  // TF.js's ConfigDict type has no undefined, yet its getConfig holds one for a setting never given.
  for (const k of keys) (config as Record<string, unknown>)[k] = undefined;
  return config;
}

/**
 * A wrapped layer's or cell's saved config: as TF.js writes it, without the default dtype (kept when float64, and
 * beside a declared batch_input_shape, which TF.js writes with its dtype).
 */
export function nestedConfig(layer: Layer): LayerConfig {
  const saved = layer.savedConfig();
  if ('batch_input_shape' in saved) return saved;
  const { dtype, ...rest } = saved;
  return dtype === undefined || dtype === 'float32' ? rest : { ...rest, dtype };
}

function rate(op: string, arg: string, v: unknown): number {
  if (v == null) return 0;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw argError(op, arg, fmtValue(v), 'a number in [0, 1]');
  return v;
}

/**
 * Keep-masks scaled by 1 / (1 - rate), one per gate, drawn once per sequence. As TF.js's RNN cells: a dropout of
 * ones per gate, each from its own Math.random() seed, and every gate takes the first (TF.js uses only that one).
 * After setRandomSeed: a mask of its own per gate, all from one stream of tessera's sequence.
 */
function dropoutMasks(shape: number[], p: number, count: number, dtype: Tensor['dtype']): Tensor[] {
  if (!randomSeedSet()) {
    const one = ones(shape, dtype);
    const [first, ...unused] = Array.from({ length: count }, () => dropout(one, p));
    for (const t of [one, ...unused]) t.dispose();
    return Array.from({ length: count }, () => first);
  }
  const rng = new Random(nextDefaultSeed());
  return Array.from({ length: count }, () => dropoutMask(rng, shape, p, dtype));
}

/** A kernel's gate blocks, side by side on its last axis. */
function lastAxisBlocks(kernel: Tensor, gates: number): Tensor[] {
  return split(kernel, gates, kernel.rank - 1);
}

/**
 * A built-in recurrent cell in TF.js's weight layout: kernel [input, gates·units], recurrentKernel [units, gates·units],
 * bias [gates·units], gates side by side. The input's projection for every time step is one GEMM (`project`)
 * before the recurrence; each step then adds one product of the state with the recurrent kernel (`step`).
 */
export abstract class GatedCell extends SteppingCell {
  /** A training call draws dropout masks where a rate is above 0. */
  override samplewiseInTraining(): boolean {
    return this.dropout === 0 && this.recurrentDropout === 0 && super.samplewiseInTraining();
  }

  readonly units: number;
  readonly activation: LayerActivation;
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  protected readonly kernelInitializer: Initializer;
  protected readonly recurrentInitializer: Initializer;
  protected readonly biasInitializer: Initializer;
  private readonly penalties: WeightPenalties;
  kernel: Variable | null = null;
  recurrentKernel: Variable | null = null;
  bias: Variable | null = null;
  /** Dropout masks of the sequence in progress (null outside training or at rate 0). */
  protected inputMasks: Tensor[] | null = null;
  protected recurrentMasks: Tensor[] | null = null;
  /** The recurrent kernel's gate blocks, split once per sequence where steps take per-gate products (null otherwise). */
  private recurrentBlocks: Tensor[] | null = null;

  constructor(op: string, snakeName: string, args: RNNCellArgs, defaultActivation: ActivationName) {
    super(snakeName, args);
    this.units = assertPositiveInt(op, 'units', args.units);
    this.activation = args.activation == null ? builtInActivation(defaultActivation) : checkActivation(op, args.activation);
    this.useBias = this.flagOption(op, 'useBias', args.useBias, true);
    this.kernelInitializer = getInitializer(op, 'kernelInitializer', args.kernelInitializer ?? 'glorotNormal');
    this.recurrentInitializer = getInitializer(op, 'recurrentInitializer', args.recurrentInitializer ?? 'orthogonal');
    this.biasInitializer = getInitializer(op, 'biasInitializer', args.biasInitializer ?? 'zeros');
    this.dropout = rate(op, 'dropout', args.dropout);
    this.recurrentDropout = rate(op, 'recurrentDropout', args.recurrentDropout);
    this.penalties = readPenalties(op, args);
    this.activityRegularizer = getRegularizer(op, 'activityRegularizer', args.activityRegularizer);
  }

  /** How many gate blocks the kernels hold side by side. */
  abstract get gates(): number;
  /** One state of units (LSTM: two). */
  override get stateSize(): number | number[] {
    return this.units;
  }

  /** Where the gate blocks sit side by side in a step's projected input [batch, ...]. */
  protected get gateAxis(): number {
    return 1;
  }

  /** The kernel's and the recurrent kernel's shapes for steps of this shape: gate blocks side by side on the last axis. */
  protected kernelShapes(stepShape: readonly number[]): [number[], number[]] {
    const width = this.gates * this.units;
    return [[stepShape[stepShape.length - 1], width], [this.units, width]];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const [kernelShape, recurrentShape] = this.kernelShapes(inputShape);
    const p = this.penalties;
    this.kernel = this.addWeight('kernel', kernelShape, this.kernelInitializer, p.kernel);
    this.recurrentKernel = this.addWeight('recurrent_kernel', recurrentShape, this.recurrentInitializer, p.recurrent);
    if (this.useBias) this.bias = this.addWeight('bias', [this.gates * this.units], this.makeBiasInitializer(), p.bias);
  }

  /** x [n, ...step]·kernel + bias: the input's contribution to the gates. */
  protected inputProduct(x: Tensor, kernel: Tensor, bias: Tensor | undefined): Tensor {
    return fused.matMul({ a: x, b: kernel, bias });
  }

  /** h·kernel: the state's contribution to the gates. */
  protected recurrentProduct(h: Tensor, kernel: Tensor): Tensor {
    return matMul(h, kernel);
  }

  protected makeBiasInitializer(): Initializer {
    return this.biasInitializer;
  }

  /** Whether a step multiplies the state by each gate's block of the recurrent kernel apart (GRU always; any cell under recurrent dropout). */
  protected get perGateProducts(): boolean {
    return this.recurrentMasks !== null;
  }

  /**
   * Draws this sequence's dropout masks (steps [batch, ...stepShape]), clearing them outside training, and splits
   * the recurrent kernel into its gate blocks once for the whole sequence where the steps need them.
   */
  override beginSequence(batch: number, stepShape: readonly number[], training: boolean): void {
    // As TF.js's and Keras's cells, a rate of 1 drops nothing: masks are drawn only for rates strictly inside (0, 1).
    this.inputMasks = training && this.dropout > 0 && this.dropout < 1 ? dropoutMasks([batch, 1, ...stepShape], this.dropout, this.gates, this.dtype) : null;
    const state = this.stateShapes(stepShape)[0];
    this.recurrentMasks = training && this.recurrentDropout > 0 && this.recurrentDropout < 1 ? dropoutMasks([batch, ...state], this.recurrentDropout, this.gates, this.dtype) : null;
    this.recurrentBlocks = this.perGateProducts ? lastAxisBlocks(this.recurrentKernel as Variable, this.gates) : null;
  }

  /**
   * x [batch, time, ...step] -> x·kernel + bias, [batch, time, ...]: one product for all steps (one per gate under
   * dropout, each gate's blocks of the kernel and bias on its own masked input).
   */
  override project(x: Tensor): Tensor {
    const [b, t, ...step] = x.shape;
    const flat = (v: Tensor) => v.reshape([b * t, ...step]);
    const kernel = this.kernel as Variable;
    const bias = this.bias ?? undefined;
    const masks = this.inputMasks;
    let y: Tensor;
    if (!masks) y = this.inputProduct(flat(x), kernel, bias);
    else {
      const blocks = lastAxisBlocks(kernel, this.gates);
      const biases = bias ? split(bias, this.gates, 0) : [];
      y = concat(masks.map((m, g) => this.inputProduct(flat(mul(x, m)), blocks[g], biases[g])), this.gateAxis);
    }
    return y.reshape([b, t, ...y.shape.slice(1)]);
  }

  /** h·(gate g's block of the recurrent kernel), with that gate's recurrent dropout mask on h when there is one. */
  protected gateProduct(h: Tensor, g: number): Tensor {
    const masks = this.recurrentMasks;
    return this.recurrentProduct(masks ? mul(h, masks[g]) : h, (this.recurrentBlocks as Tensor[])[g]);
  }

  /**
   * Every gate's pre-activation xp_g + h·recurrentKernel_g: one product over all gates and one split of the sum,
   * whose gradient is one concat (per-gate products under recurrent dropout).
   */
  protected gateInputs(xp: Tensor, h: Tensor): Tensor[] {
    if (!this.perGateProducts) return split(add(xp, this.recurrentProduct(h, this.recurrentKernel as Variable)), this.gates, this.gateAxis);
    return split(xp, this.gates, this.gateAxis).map((x, g) => add(x, this.gateProduct(h, g)));
  }

  /** As TF.js's: a setting the user did not give (unsetKeys) is undefined. */
  override getConfig(): LayerConfig {
    return withUnset(super.getConfig(), this.unsetKeys);
  }

  /** One step from the projected input xp [batch, gates·units] and the states. */
  abstract override step(xp: Tensor, states: Tensor[]): StepResult;

  /**
   * The settings a cell with gates adds. TF.js lists them in three places: recurrent_activation after the activation,
   * unit_forget_bias after the initializers, the rest at the end.
   */
  protected gateConfig(): LayerConfig {
    return {};
  }

  protected override layerConfig(): LayerConfig {
    const { recurrent_activation: recurrentActivation, unit_forget_bias: unitForgetBias, ...rest } = this.gateConfig();
    return {
      // TF.js's cells list their name and trainable first.
      ...this.baseConfig(),
      units: this.units,
      activation: activationConfigName(this.activation),
      ...(recurrentActivation === undefined ? {} : { recurrent_activation: recurrentActivation }),
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(this.kernelInitializer),
      recurrent_initializer: initializerConfig(this.recurrentInitializer),
      bias_initializer: initializerConfig(this.biasInitializer),
      ...(unitForgetBias === undefined ? {} : { unit_forget_bias: unitForgetBias }),
      kernel_regularizer: regularizerConfig(this.penalties.kernel.regularizer),
      recurrent_regularizer: regularizerConfig(this.penalties.recurrent.regularizer),
      bias_regularizer: regularizerConfig(this.penalties.bias.regularizer),
      activity_regularizer: regularizerConfig(this.activityRegularizer),
      kernel_constraint: constraintConfig(this.penalties.kernel.constraint),
      recurrent_constraint: constraintConfig(this.penalties.recurrent.constraint),
      bias_constraint: constraintConfig(this.penalties.bias.constraint),
      dropout: this.dropout,
      recurrent_dropout: this.recurrentDropout,
      ...rest,
    };
  }
}
