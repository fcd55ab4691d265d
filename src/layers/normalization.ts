import { add, div, mul, sub } from '../ops/binary';
import { mean } from '../ops/reduction';
import { sqrt, square } from '../ops/unary';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { argError, fmtValue, optionalBoolean } from '../util/validate';
import { constraintConfig, getConstraint, type Constraint } from './constraints';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from './initializers';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { getRegularizer, regularizerConfig, type Regularizer, type RegularizerName } from './regularizers';

interface NormArgs extends LayerArgs {
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  betaInitializer?: InitializerName | Initializer;
  gammaInitializer?: InitializerName | Initializer;
  betaRegularizer?: RegularizerName | Regularizer;
  gammaRegularizer?: RegularizerName | Regularizer;
  betaConstraint?: string | Constraint;
  gammaConstraint?: string | Constraint;
}

export interface BatchNormalizationLayerArgs extends NormArgs {
  axis?: number;
  momentum?: number;
  movingMeanInitializer?: InitializerName | Initializer;
  movingVarianceInitializer?: InitializerName | Initializer;
}

export interface LayerNormalizationLayerArgs extends NormArgs {
  axis?: number | number[];
}

const NORM_KEYS = ['epsilon', 'center', 'scale', 'betaInitializer', 'gammaInitializer', 'betaRegularizer', 'gammaRegularizer', 'betaConstraint', 'gammaConstraint'];

function positiveNumber(op: string, arg: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw argError(op, arg, fmtValue(v), 'a finite number >= 0');
  return v;
}

/** What batch and layer normalization share: scale (gamma) and offset (beta) over some axes, with their options. */
abstract class Normalization extends Layer {
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  protected readonly inits: { beta: Initializer; gamma: Initializer };
  protected readonly regs: { beta: Regularizer | null; gamma: Regularizer | null };
  protected readonly cons: { beta: Constraint | null; gamma: Constraint | null };
  protected gamma: Variable | null = null;
  protected beta: Variable | null = null;

  constructor(op: string, snake: string, args: NormArgs) {
    super(snake, args);
    this.epsilon = positiveNumber(op, 'epsilon', args.epsilon, 1e-3);
    this.center = optionalBoolean(op, 'center', args.center, true);
    this.scale = optionalBoolean(op, 'scale', args.scale, true);
    this.inits = { beta: getInitializer(op, 'betaInitializer', args.betaInitializer ?? 'zeros'), gamma: getInitializer(op, 'gammaInitializer', args.gammaInitializer ?? 'ones') };
    this.regs = { beta: getRegularizer(op, 'betaRegularizer', args.betaRegularizer), gamma: getRegularizer(op, 'gammaRegularizer', args.gammaRegularizer) };
    this.cons = { beta: getConstraint(op, 'betaConstraint', args.betaConstraint), gamma: getConstraint(op, 'gammaConstraint', args.gammaConstraint) };
  }

  /** Creates gamma and beta (TF.js's order) of a shape. */
  protected buildScaleOffset(shape: number[]): void {
    if (this.scale) this.gamma = this.addWeight('gamma', shape, this.inits.gamma, { regularizer: this.regs.gamma, constraint: this.cons.gamma });
    if (this.center) this.beta = this.addWeight('beta', shape, this.inits.beta, { regularizer: this.regs.beta, constraint: this.cons.beta });
  }

  /** (x − m)/sqrt(v + ε)·gamma + beta, with the parameters viewed in a shape that broadcasts against x. */
  protected normalize(x: Tensor, m: Tensor, v: Tensor, paramShape: number[]): Tensor {
    let y = div(sub(x, m), sqrt(add(v, this.epsilon)));
    if (this.gamma) y = mul(y, this.gamma.reshape(paramShape));
    if (this.beta) y = add(y, this.beta.reshape(paramShape));
    return y;
  }

  protected normConfig(): LayerConfig {
    return {
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      beta_initializer: initializerConfig(this.inits.beta),
      gamma_initializer: initializerConfig(this.inits.gamma),
      beta_regularizer: regularizerConfig(this.regs.beta),
      gamma_regularizer: regularizerConfig(this.regs.gamma),
      beta_constraint: constraintConfig(this.cons.beta),
      gamma_constraint: constraintConfig(this.cons.gamma),
    };
  }
}

/**
 * Normalizes each feature along `axis` by the batch's mean and variance in training and by moving averages
 * (non-trainable weights updated as moving = moving·momentum + batch·(1 − momentum)) at inference, as
 * tf.layers.batchNormalization. Weights: gamma, beta, moving_mean, moving_variance.
 */
export class BatchNormalization extends Normalization {
  readonly axis: number;
  readonly momentum: number;
  private readonly movingInits: { mean: Initializer; variance: Initializer };
  private movingMean: Variable | null = null;
  private movingVariance: Variable | null = null;

  constructor(args: BatchNormalizationLayerArgs = {}) {
    const op = 'layers.batchNormalization';
    checkConfigKeys(op, args ?? {}, ['axis', 'momentum', 'movingMeanInitializer', 'movingVarianceInitializer', ...NORM_KEYS]);
    super(op, 'batch_normalization', args ?? {});
    const a = args ?? {};
    if (a.axis !== undefined && !Number.isInteger(a.axis)) throw argError(op, 'axis', fmtValue(a.axis), 'an integer');
    this.axis = a.axis ?? -1;
    this.momentum = positiveNumber(op, 'momentum', a.momentum, 0.99);
    this.movingInits = {
      mean: getInitializer(op, 'movingMeanInitializer', a.movingMeanInitializer ?? 'zeros'),
      variance: getInitializer(op, 'movingVarianceInitializer', a.movingVarianceInitializer ?? 'ones'),
    };
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'BatchNormalization';
  }

  /** The normalized axis as an index of the full shape (batch included). */
  private fullAxis(rank: number): number {
    const a = this.axis < 0 ? rank + this.axis : this.axis;
    if (a < 1 || a >= rank) throw argError(this.name, 'axis', String(this.axis), `a feature axis of inputs of rank ${rank}`);
    return a;
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.fullAxis(inputShape.length + 1);
    return inputShape.slice();
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const dim = inputShape[this.fullAxis(inputShape.length + 1) - 1];
    this.buildScaleOffset([dim]);
    this.movingMean = this.addWeight('moving_mean', [dim], this.movingInits.mean, { trainable: false });
    this.movingVariance = this.addWeight('moving_variance', [dim], this.movingInits.variance, { trainable: false });
  }

  call(x: Tensor, options: CallOptions): Tensor {
    const axis = this.fullAxis(x.rank);
    const paramShape = x.shape.map((d, i) => (i === axis ? d : 1));
    const mm = this.movingMean as Variable;
    const mv = this.movingVariance as Variable;
    if (!options.training) return this.normalize(x, mm.reshape(paramShape), mv.reshape(paramShape), paramShape);
    const reduce = x.shape.map((_, i) => i).filter((i) => i !== axis);
    const m = mean(x, reduce, true);
    const v = mean(square(sub(x, m)), reduce, true);
    // The moving averages take this batch's statistics as values (they are not part of the gradient).
    const decay = 1 - this.momentum;
    mm.assign(sub(mm, mul(sub(mm, m.reshape([-1])), decay)));
    mv.assign(sub(mv, mul(sub(mv, v.reshape([-1])), decay)));
    return this.normalize(x, m, v, paramShape);
  }

  protected layerConfig(): LayerConfig {
    return {
      axis: this.axis,
      momentum: this.momentum,
      ...this.normConfig(),
      moving_mean_initializer: initializerConfig(this.movingInits.mean),
      moving_variance_initializer: initializerConfig(this.movingInits.variance),
    };
  }
}

/** Normalizes each sample over `axis` (default the last) by its own mean and variance, as tf.layers.layerNormalization. */
export class LayerNormalization extends Normalization {
  readonly axis: number | number[];

  constructor(args: LayerNormalizationLayerArgs = {}) {
    const op = 'layers.layerNormalization';
    checkConfigKeys(op, args ?? {}, ['axis', ...NORM_KEYS]);
    super(op, 'layer_normalization', args ?? {});
    const axis = args?.axis ?? -1;
    if (!(Number.isInteger(axis) || (Array.isArray(axis) && axis.length > 0 && axis.every(Number.isInteger)))) throw argError(op, 'axis', fmtValue(axis), 'an integer or a non-empty array of integers');
    this.axis = axis;
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'LayerNormalization';
  }

  private axes(rank: number): number[] {
    const list = Array.isArray(this.axis) ? this.axis : [this.axis];
    return list.map((a) => {
      const b = a < 0 ? rank + a : a;
      if (b < 1 || b >= rank) throw argError(this.name, 'axis', fmtValue(this.axis), `feature axes of inputs of rank ${rank}`);
      return b;
    }).sort((p, q) => p - q);
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.axes(inputShape.length + 1);
    return inputShape.slice();
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.buildScaleOffset(this.axes(inputShape.length + 1).map((a) => inputShape[a - 1]));
  }

  call(x: Tensor): Tensor {
    const axes = this.axes(x.rank);
    const m = mean(x, axes, true);
    const v = mean(square(sub(x, m)), axes, true);
    return this.normalize(x, m, v, x.shape.map((d, i) => (axes.includes(i) ? d : 1)));
  }

  protected layerConfig(): LayerConfig {
    return { axis: this.axis, ...this.normConfig() };
  }
}
