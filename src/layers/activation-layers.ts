import { isFloatDtype, type Tensor } from '../tensor/tensor';
import { add, minimum, mul, sub, div } from '../ops/binary';
import { exp, relu } from '../ops/unary';
import { elu, leakyRelu, prelu, step } from '../ops/activations';
import { clipByValue } from '../ops/arithmetic';
import { softmax } from '../ops/softmax';
import { max, sum } from '../ops/reduction';
import { logSumExp } from '../ops/reduce-math';
import { argError, fmtValue } from '../util/validate';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from './initializers';
import { getRegularizer, regularizerConfig, type Regularizer, type RegularizerName } from './regularizers';
import { constraintConfig, getConstraint, type Constraint, type ConstraintName } from './constraints';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';
import type { Variable } from '../tensor/variable';

/** An activation layer: no weights, the output shape is the input's. */
abstract class ElementwiseLayer extends AnyDtypeLayer {
  /** Elementwise, so any input shape, as TF.js's (it has no input spec). */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  /** Elementwise: an unknown size on any axis, the time steps included. */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  protected override takesScalar(): boolean {
    return true;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return inputShape.slice();
  }
}

/** What sets one of the activation layers with a single numeric setting (alpha, theta or maxValue) apart. */
interface OneSetting {
  op: string;
  snakeName: string;
  /** The argument, and its key in the saved config. */
  arg: string;
  key: string;
  /** The default; null where absence means none (ReLU's maxValue). */
  fallback: number | null;
  min?: number;
  fn(x: Tensor, setting: number | null): Tensor;
}

/** An activation layer with one numeric setting, checked when made and saved under its Keras key. */
abstract class OneSettingLayer extends ElementwiseLayer {
  protected readonly setting: number | null;
  /** The setting as given, for getConfig where it is unset: undefined, or null as a loaded model.json gives it. */
  private readonly givenSetting: null | undefined;

  constructor(private readonly spec: OneSetting, args: LayerArgs) {
    checkConfigKeys(spec.op, args, [spec.arg]);
    super(spec.snakeName, args);
    const v = (args as Record<string, unknown>)[spec.arg];
    this.givenSetting = v as null | undefined;
    const min = spec.min ?? -Infinity;
    if (v === undefined || v === null) this.setting = spec.fallback;
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw argError(spec.op, spec.arg, fmtValue(v), min === 0 ? 'a finite number >= 0' : 'a finite number');
    else this.setting = v;
    this.buildIfShaped();
  }

  override call(x: Tensor): Tensor {
    return this.spec.fn(x, this.setting);
  }

  protected override layerConfig(): LayerConfig {
    return { [this.spec.key]: this.setting };
  }

  /** As TF.js's: a setting whose absence means none (ReLU's maxValue) as given, undefined where not given (saved as null). */
  override getConfig(): LayerConfig {
    const config = super.getConfig();
    return this.setting === null ? ({ ...config, [this.spec.arg]: this.givenSetting } as LayerConfig) : config;
  }
}

export interface ReLULayerArgs extends LayerArgs {
  maxValue?: number;
}

/** max(x, 0), capped at maxValue when given, as tf.layers.reLU. */
export class ReLU extends OneSettingLayer {
  /** Passes its input's mask on, as TF.js's supportsMasking. */
  override get supportsMasking(): boolean {
    return true;
  }

  constructor(args: ReLULayerArgs = {}) {
    super({ op: 'layers.reLU', snakeName: 're_lu', arg: 'maxValue', key: 'max_value', fallback: null, min: 0,
      fn: (x, cap) => (cap === null ? relu(x) : clipByValue(relu(x), 0, cap)) }, args);
  }

  override getClassName(): string {
    return 'ReLU';
  }

  get maxValue(): number | null {
    return this.setting;
  }
}

export interface LeakyReLULayerArgs extends LayerArgs {
  alpha?: number;
}

/** x where x >= 0, else alpha·x (alpha 0.3), as tf.layers.leakyReLU. */
export class LeakyReLU extends OneSettingLayer {
  constructor(args: LeakyReLULayerArgs = {}) {
    super({ op: 'layers.leakyReLU', snakeName: 'leaky_re_lu', arg: 'alpha', key: 'alpha', fallback: 0.3,
      fn: (x, alpha) => leakyRelu(x, alpha as number) }, args);
  }

  override getClassName(): string {
    return 'LeakyReLU';
  }

  get alpha(): number {
    return this.setting as number;
  }
}

export interface ELULayerArgs extends LayerArgs {
  alpha?: number;
}

/** x where x > 0, else alpha·(exp(x) − 1) (alpha 1), as tf.layers.elu. */
export class ELU extends OneSettingLayer {
  constructor(args: ELULayerArgs = {}) {
    super({ op: 'layers.elu', snakeName: 'elu', arg: 'alpha', key: 'alpha', fallback: 1,
      // elu(min(x, 0)) is exp(x) − 1 on the negative side and 0 elsewhere, so alpha scales only that side.
      fn: (x, alpha) => (alpha === 1 ? elu(x) : add(relu(x), mul(elu(minimum(x, 0)), alpha as number))) }, args);
  }

  override getClassName(): string {
    return 'ELU';
  }

  get alpha(): number {
    return this.setting as number;
  }
}

export interface ThresholdedReLULayerArgs extends LayerArgs {
  theta?: number;
}

/** x where x > theta (1), else 0, as tf.layers.thresholdedReLU. */
export class ThresholdedReLU extends OneSettingLayer {
  constructor(args: ThresholdedReLULayerArgs = {}) {
    super({ op: 'layers.thresholdedReLU', snakeName: 'thresholded_re_lu', arg: 'theta', key: 'theta', fallback: 1, min: 0,
      fn: (x, theta) => mul(x, step(sub(x, theta as number))) }, args);
  }

  override getClassName(): string {
    return 'ThresholdedReLU';
  }

  get theta(): number {
    return this.setting as number;
  }
}

export interface SoftmaxLayerArgs extends LayerArgs {
  axis?: number | number[];
}

/**
 * Softmax along axis (1 by default, as TF.js; −1 is the last), as tf.layers.softmax; over several axes at once
 * (an array of them) it is exp(x − logSumExp(x, axes)), as TF.js's.
 */
export class Softmax extends ElementwiseLayer {
  readonly axis: number | number[];

  constructor(args: SoftmaxLayerArgs = {}) {
    checkConfigKeys('layers.softmax', args, ['axis']);
    super('softmax', args);
    const axis = args.axis ?? 1;
    const axes = Array.isArray(axis) ? axis : [axis];
    if (axes.length === 0 || !axes.every((a) => Number.isInteger(a))) throw argError('layers.softmax', 'axis', fmtValue(axis), 'an integer or a non-empty array of integers');
    this.axis = Array.isArray(axis) ? axis.slice() : axis;
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Softmax';
  }

  /** The axes as a list, negative ones counted from the end (in [0, rank) once outputShapeNoBatch has checked them). */
  private axes(rank: number): number[] {
    return (Array.isArray(this.axis) ? this.axis : [this.axis]).map((a) => (a < 0 ? a + rank : a));
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const rank = inputShape.length + 1;
    // An axis below -rank is still negative once counted from the end.
    if (this.axes(rank).some((a) => a < 0 || a >= rank)) throw argError(this.name, 'axis', fmtValue(this.axis), `axes of the rank-${rank} input`);
    return inputShape.slice();
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    const axes = this.axes(x.rank);
    if (options.logits) return x;
    if (axes.length > 1) return exp(sub(x, logSumExp(x, axes, true)));
    const [axis] = axes;
    // An int32 or bool input goes to softmax too, which refuses it as TF.js's does.
    if (axis === x.rank - 1 || !isFloatDtype(x.dtype)) return softmax(x);
    const e = exp(sub(x, max(x, axis, true)));
    return div(e, sum(e, axis, true));
  }

  override endsInSoftmax(): boolean {
    const rank = this.inputShapeNoBatch ? this.inputShapeNoBatch.length + 1 : 0;
    const axes = this.axes(rank);
    return axes.length === 1 && axes[0] === rank - 1;
  }

  protected override layerConfig(): LayerConfig {
    return { axis: this.axis };
  }
}

export interface PReLULayerArgs extends LayerArgs {
  alphaInitializer?: InitializerName | Initializer;
  alphaRegularizer?: RegularizerName | Regularizer;
  alphaConstraint?: ConstraintName | Constraint;
  sharedAxes?: number | number[];
}

/** x where x >= 0, else alpha·x with a learnt alpha per input element (shared along sharedAxes), as tf.layers.prelu. */
export class PReLU extends Layer {
  /** Passes its input's mask on, as TF.js's supportsMasking. */
  override get supportsMasking(): boolean {
    return true;
  }

  readonly sharedAxes: number[] | null;
  private readonly alphaInitializer: Initializer;
  private readonly alphaRegularizer: Regularizer | null;
  private readonly alphaConstraint: Constraint | null;
  private alpha: Variable | null = null;

  constructor(args: PReLULayerArgs = {}) {
    const op = 'layers.prelu';
    checkConfigKeys(op, args, ['alphaInitializer', 'alphaRegularizer', 'alphaConstraint', 'sharedAxes']);
    super('p_re_lu', args);
    this.alphaInitializer = getInitializer(op, 'alphaInitializer', args.alphaInitializer ?? 'zeros');
    this.alphaRegularizer = getRegularizer(op, 'alphaRegularizer', args.alphaRegularizer);
    this.alphaConstraint = getConstraint(op, 'alphaConstraint', args.alphaConstraint);
    const shared = args.sharedAxes === undefined || args.sharedAxes === null ? null : Array.isArray(args.sharedAxes) ? args.sharedAxes : [args.sharedAxes];
    if (shared && !shared.every((a) => Number.isInteger(a) && a >= 1)) throw argError(op, 'sharedAxes', fmtValue(args.sharedAxes), 'axes >= 1 (axis 0 is the batch)');
    this.sharedAxes = shared;
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'PReLU';
  }

  /** Its alpha spans the input's dims but the shared ones, so the time steps may be unknown only where shared (axis 1). */
  override acceptsAnyLength(): boolean {
    return this.sharedAxes?.includes(1) ?? false;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const bad = this.sharedAxes?.find((a) => a > inputShape.length);
    if (bad !== undefined) throw argError(this.name, 'sharedAxes', String(bad), `an axis of the rank-${inputShape.length + 1} input`);
    return inputShape.slice();
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const shape = inputShape.map((d, i) => (this.sharedAxes?.includes(i + 1) ? 1 : d));
    this.alpha = this.addWeight('alpha', shape, this.alphaInitializer, { regularizer: this.alphaRegularizer, constraint: this.alphaConstraint });
  }

  override call(x: Tensor): Tensor {
    return prelu(x, this.alpha as Variable);
  }

  protected override layerConfig(): LayerConfig {
    return {
      alpha_initializer: initializerConfig(this.alphaInitializer),
      alpha_regularizer: regularizerConfig(this.alphaRegularizer),
      alpha_constraint: constraintConfig(this.alphaConstraint),
      shared_axes: this.sharedAxes,
    };
  }
}
