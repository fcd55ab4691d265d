import * as fused from '../../ops/fused';
import { matMul } from '../../ops/matmul';
import { add, mul } from '../../ops/binary';
import { zeros } from '../../ops/creation';
import { concatAlong, sliceAlong } from '../../ops/sequence';
import { Tensor, arrayTypeFor, sizeOfShape } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { Random, nextDefaultSeed } from '../../util/random';
import { argError, assertPositiveInt, fmtValue } from '../../util/validate';
import { checkActivation, type ActivationName } from '../activations';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from '../initializers';
import { Layer, type CallOptions, type LayerArgs, type LayerConfig } from '../layer';
import { optionalBoolean } from '../../util/validate';

export interface RNNCellArgs extends LayerArgs {
  units: number;
  activation?: ActivationName;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  recurrentInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
  dropout?: number;
  recurrentDropout?: number;
}

export const CELL_KEYS = ['units', 'activation', 'useBias', 'kernelInitializer', 'recurrentInitializer', 'biasInitializer', 'dropout', 'recurrentDropout'];

/** One step's result: the output and the new states (LSTM: [h, c]; GRU and simpleRNN: [h]). */
export interface StepResult {
  output: Tensor;
  states: Tensor[];
}

function rate(op: string, arg: string, v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !(v >= 0 && v < 1)) throw argError(op, arg, fmtValue(v), 'a number in [0, 1)');
  return v;
}

/** Keep-masks scaled by 1 / (1 - rate), one per gate, drawn once per sequence (as TF.js's RNN cells). */
function dropoutMasks(shape: number[], p: number, count: number, dtype: Tensor['dtype']): Tensor[] {
  const rng = new Random(nextDefaultSeed());
  const masks: Tensor[] = [];
  for (let i = 0; i < count; i++) {
    const v = new (arrayTypeFor(dtype))(sizeOfShape(shape));
    for (let j = 0; j < v.length; j++) v[j] = rng.next() >= p ? 1 / (1 - p) : 0;
    masks.push(new Tensor(shape, dtype, v));
  }
  return masks;
}

/**
 * A recurrent cell in TF.js's weight layout: kernel [input, gates·units], recurrentKernel [units, gates·units],
 * bias [gates·units], gates side by side. The input's projection for every time step is one GEMM (`project`)
 * before the recurrence; each step then adds one product of the state with the recurrent kernel (`step`).
 */
export abstract class RNNCell extends Layer {
  readonly units: number;
  readonly activation: ActivationName;
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  protected readonly kernelInitializer: Initializer;
  protected readonly recurrentInitializer: Initializer;
  protected readonly biasInitializer: Initializer;
  kernel: Variable | null = null;
  recurrentKernel: Variable | null = null;
  bias: Variable | null = null;
  /** Dropout masks of the sequence in progress (null outside training or at rate 0). */
  protected inputMasks: Tensor[] | null = null;
  protected recurrentMasks: Tensor[] | null = null;

  constructor(op: string, snakeName: string, args: RNNCellArgs, defaultActivation: ActivationName) {
    super(snakeName, args);
    this.units = assertPositiveInt(op, 'units', args.units);
    this.activation = args.activation === undefined ? defaultActivation : checkActivation(op, args.activation);
    this.useBias = optionalBoolean(op, 'useBias', args.useBias, true);
    this.kernelInitializer = getInitializer(op, 'kernelInitializer', args.kernelInitializer ?? 'glorotNormal');
    this.recurrentInitializer = getInitializer(op, 'recurrentInitializer', args.recurrentInitializer ?? 'orthogonal');
    this.biasInitializer = getInitializer(op, 'biasInitializer', args.biasInitializer ?? 'zeros');
    this.dropout = rate(op, 'dropout', args.dropout);
    this.recurrentDropout = rate(op, 'recurrentDropout', args.recurrentDropout);
  }

  /** How many gate blocks the kernels hold side by side. */
  abstract get gates(): number;
  /** The width of a projected input step (gates·units of the cell that takes the input). */
  get projectedWidth(): number {
    return this.gates * this.units;
  }

  /** The sizes of the states (LSTM [units, units]). */
  get stateSize(): number[] {
    return [this.units];
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 1) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'shape [batch, features]');
    return [this.units];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const width = this.gates * this.units;
    this.kernel = this.addWeight('kernel', [inputShape[inputShape.length - 1], width], this.kernelInitializer);
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, width], this.recurrentInitializer);
    if (this.useBias) this.bias = this.addWeight('bias', [width], this.makeBiasInitializer());
  }

  protected makeBiasInitializer(): Initializer {
    return this.biasInitializer;
  }

  /** Draws this sequence's dropout masks (inputs [batch, features]); clears them outside training. */
  beginSequence(batch: number, features: number, training: boolean): void {
    this.inputMasks = training && this.dropout > 0 ? dropoutMasks([batch, 1, features], this.dropout, this.gates, this.dtype) : null;
    this.recurrentMasks = training && this.recurrentDropout > 0 ? dropoutMasks([batch, this.units], this.recurrentDropout, this.gates, this.dtype) : null;
  }

  /** x [batch, time, features] -> x·kernel + bias, [batch, time, gates·units]: one GEMM for all steps (per gate under dropout). */
  project(x: Tensor): Tensor {
    const [b, t, f] = x.shape;
    const kernel = this.kernel as Variable;
    const bias = this.bias ?? undefined;
    const masks = this.inputMasks;
    const y = masks
      ? concatAlong(masks.map((m, g) => matMul(mul(x, m).reshape([b * t, f]), sliceAlong(kernel, 1, g * this.units, this.units))), 1)
      : fused.matMul({ a: x.reshape([b * t, f]), b: kernel, bias });
    const withBias = masks && bias ? add(y, bias) : y;
    return withBias.reshape([b, t, this.gates * this.units]);
  }

  /** h·recurrentKernel for all gates at once, or per gate with each gate's recurrent dropout mask. */
  protected recurrentProduct(h: Tensor, kernel: Tensor, first = 0, count = this.gates): Tensor {
    const masks = this.recurrentMasks;
    if (!masks) return matMul(h, count === this.gates ? kernel : sliceAlong(kernel, 1, first * this.units, count * this.units));
    const parts: Tensor[] = [];
    for (let g = first; g < first + count; g++) parts.push(matMul(mul(h, masks[g]), sliceAlong(kernel, 1, g * this.units, this.units)));
    return parts.length === 1 ? parts[0] : concatAlong(parts, 1);
  }

  /** Gate g's columns of z [batch, gates·units]. */
  protected gate(z: Tensor, g: number): Tensor {
    return sliceAlong(z, 1, g * this.units, this.units);
  }

  /** One step from the projected input xp [batch, gates·units] and the states. */
  abstract step(xp: Tensor, states: Tensor[]): StepResult;

  /** The cell on one step [batch, features] from zero states: its output. */
  call(x: Tensor, _options: CallOptions): Tensor {
    const xp = this.project(x.reshape([x.shape[0], 1, x.shape[1]])).reshape([x.shape[0], this.gates * this.units]);
    return this.step(xp, this.stateSize.map((n) => zeros([x.shape[0], n], x.dtype))).output;
  }

  protected layerConfig(): LayerConfig {
    return {
      units: this.units,
      activation: this.activation === 'hardSigmoid' ? 'hard_sigmoid' : this.activation,
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(this.kernelInitializer),
      recurrent_initializer: initializerConfig(this.recurrentInitializer),
      bias_initializer: initializerConfig(this.biasInitializer),
      kernel_regularizer: null,
      recurrent_regularizer: null,
      bias_regularizer: null,
      kernel_constraint: null,
      recurrent_constraint: null,
      bias_constraint: null,
      dropout: this.dropout,
      recurrent_dropout: this.recurrentDropout,
    };
  }
}
