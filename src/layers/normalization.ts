import { Tensor, arrayTypeFor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { add, mul, sub } from '../ops/binary';
import { batchNormTraining } from '../ops/batch-norm-training';
import { moments } from '../ops/moments';
import { rsqrt } from '../ops/special';
import { batchNorm } from '../ops/batch-norm';
import { argError, fmtValue } from '../util/validate';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from './initializers';
import { getRegularizer, regularizerConfig, type Regularizer, type RegularizerName } from './regularizers';
import { constraintConfig, getConstraint, type Constraint, type ConstraintName } from './constraints';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';

function numberArg(op: string, arg: string, v: unknown, fallback: number, ok: (n: number) => boolean, expected: string): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !ok(v)) throw argError(op, arg, fmtValue(v), expected);
  return v;
}

/** Axes as given (negative counts from the end) resolved against the full rank (batch axis included), each once. */
function resolveAxes(name: string, axes: readonly number[], rank: number): number[] {
  const resolved = axes.map((a) => {
    const r = a < 0 ? a + rank : a;
    if (!Number.isInteger(a) || r < 1 || r >= rank) throw argError(name, 'axis', String(a), `a non-batch axis of the rank-${rank} input`);
    return r;
  });
  if (new Set(resolved).size !== resolved.length) throw argError(name, 'axis', `[${axes.join(', ')}]`, `distinct axes of the rank-${rank} input`);
  return resolved;
}

/** gamma / beta options shared by batch and layer normalization. */
export interface AffineNormArgs extends LayerArgs {
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  betaInitializer?: InitializerName | Initializer;
  gammaInitializer?: InitializerName | Initializer;
  betaRegularizer?: RegularizerName | Regularizer;
  gammaRegularizer?: RegularizerName | Regularizer;
}

const AFFINE_KEYS = ['epsilon', 'center', 'scale', 'betaInitializer', 'gammaInitializer', 'betaRegularizer', 'gammaRegularizer'];

/** A normalization followed by a learnt scale (gamma) and offset (beta) over some axes. */
abstract class AffineNorm extends Layer {
  /** Passes its input's mask on, as TF.js's supportsMasking. */
  override get supportsMasking(): boolean {
    return true;
  }

  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  protected readonly betaInitializer: Initializer;
  protected readonly gammaInitializer: Initializer;
  protected readonly betaRegularizer: Regularizer | null;
  protected readonly gammaRegularizer: Regularizer | null;
  protected readonly betaConstraint: Constraint | null;
  protected readonly gammaConstraint: Constraint | null;
  protected gamma: Variable | null = null;
  protected beta: Variable | null = null;

  constructor(op: string, snakeName: string, args: AffineNormArgs & { betaConstraint?: ConstraintName | Constraint; gammaConstraint?: ConstraintName | Constraint }, epsilon: number) {
    super(snakeName, args);
    this.epsilon = numberArg(op, 'epsilon', args.epsilon, epsilon, (n) => Number.isFinite(n) && n > 0, 'a finite number > 0');
    this.center = this.flagOption(op, 'center', args.center, true);
    this.scale = this.flagOption(op, 'scale', args.scale, true);
    this.betaInitializer = getInitializer(op, 'betaInitializer', args.betaInitializer ?? 'zeros');
    this.gammaInitializer = getInitializer(op, 'gammaInitializer', args.gammaInitializer ?? 'ones');
    this.betaRegularizer = getRegularizer(op, 'betaRegularizer', args.betaRegularizer);
    this.gammaRegularizer = getRegularizer(op, 'gammaRegularizer', args.gammaRegularizer);
    this.betaConstraint = getConstraint(op, 'betaConstraint', args.betaConstraint);
    this.gammaConstraint = getConstraint(op, 'gammaConstraint', args.gammaConstraint);
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    this.paramAxes(inputShape.length + 1);
    return inputShape.slice();
  }

  /** Sizes matter on the parameter axes only, as TF.js's batch norm input spec and layer norm weights fix them. */
  protected override fitsBuiltShape(given: readonly number[], built: readonly (number | null)[]): boolean {
    return given.length === built.length && this.paramAxes(given.length + 1).every((a) => given[a - 1] === built[a - 1]);
  }

  /** The axes (of the full input, batch included) that gamma and beta span. */
  protected abstract paramAxes(rank: number): number[];

  /** Any axis the parameters do not span may be unknown (with the default last axis, the time steps among them). */
  override acceptsUnknownSize(rank: number, axis: number): boolean {
    return !this.paramAxes(rank + 1).includes(axis + 1);
  }

  /** gamma then beta (TF.js's order), shaped as the input's dims on the parameter axes. */
  protected addAffineWeights(inputShape: readonly number[]): number[] {
    const shape = this.paramAxes(inputShape.length + 1).map((a) => inputShape[a - 1]);
    if (this.scale) this.gamma = this.addWeight('gamma', shape, this.gammaInitializer, { regularizer: this.gammaRegularizer, constraint: this.gammaConstraint });
    if (this.center) this.beta = this.addWeight('beta', shape, this.betaInitializer, { regularizer: this.betaRegularizer, constraint: this.betaConstraint });
    return shape;
  }

  /** A parameter reshaped to broadcast against the input (1 on the axes it does not span). */
  protected broadcastable(p: Tensor, rank: number): Tensor {
    const axes = this.paramAxes(rank);
    if (axes.length === 1 && axes[0] === rank - 1) return p;
    const shape = new Array<number>(rank).fill(1);
    axes.forEach((a, i) => (shape[a] = p.shape[i]));
    return p.reshape(shape);
  }

  /** (x − mean)/sqrt(variance + epsilon)·gamma + beta. */
  protected normalize(x: Tensor, mean: Tensor, variance: Tensor): Tensor {
    let y = mul(sub(x, mean), rsqrt(add(variance, this.epsilon)));
    if (this.gamma) y = mul(y, this.broadcastable(this.gamma, x.rank));
    if (this.beta) y = add(y, this.broadcastable(this.beta, x.rank));
    return y;
  }

  /** The shared settings; constraints only where the layer takes them (TF.js's layerNormalization has none). */
  protected affineConfig(withConstraints: boolean): LayerConfig {
    const config: LayerConfig = {
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      beta_initializer: initializerConfig(this.betaInitializer),
      gamma_initializer: initializerConfig(this.gammaInitializer),
      beta_regularizer: regularizerConfig(this.betaRegularizer),
      gamma_regularizer: regularizerConfig(this.gammaRegularizer),
    };
    return withConstraints ? { ...config, beta_constraint: constraintConfig(this.betaConstraint), gamma_constraint: constraintConfig(this.gammaConstraint) } : config;
  }
}

export interface BatchNormalizationLayerArgs extends AffineNormArgs {
  axis?: number;
  momentum?: number;
  movingMeanInitializer?: InitializerName | Initializer;
  movingVarianceInitializer?: InitializerName | Initializer;
  betaConstraint?: ConstraintName | Constraint;
  gammaConstraint?: ConstraintName | Constraint;
}

/**
 * Normalizes over the batch (and every axis but `axis`) in training, updating the moving mean and variance
 * (non-trainable weights) by `momentum`; at inference it uses those moving statistics, as tf.layers.batchNormalization.
 */
export class BatchNormalization extends AffineNorm {
  /** A training call normalizes by its batch's statistics and moves the moving ones. */
  override samplewiseInTraining(): boolean {
    return false;
  }

  readonly axis: number;
  /** The axis as given: a number, or the one-entry list Keras writes ([1]), which the config keeps as TF.js's does. */
  private readonly axisArg: number | number[];
  readonly momentum: number;
  private readonly movingMeanInitializer: Initializer;
  private readonly movingVarianceInitializer: Initializer;
  private movingMean: Variable | null = null;
  private movingVariance: Variable | null = null;

  constructor(args: BatchNormalizationLayerArgs = {}) {
    const op = 'layers.batchNormalization';
    checkConfigKeys(op, args, [...AFFINE_KEYS, 'axis', 'momentum', 'movingMeanInitializer', 'movingVarianceInitializer', 'betaConstraint', 'gammaConstraint']);
    super(op, 'batch_normalization', args, 1e-3);
    const given: unknown = args.axis;
    const one = Array.isArray(given) && given.length === 1 ? given[0] : given;
    this.axis = numberArg(op, 'axis', one, -1, Number.isInteger, 'an integer (or a list of one, as Keras writes it)');
    this.axisArg = Array.isArray(given) ? [this.axis] : this.axis;
    this.momentum = numberArg(op, 'momentum', args.momentum, 0.99, (n) => n >= 0 && n <= 1, 'a number in [0, 1]');
    this.movingMeanInitializer = getInitializer(op, 'movingMeanInitializer', args.movingMeanInitializer ?? 'zeros');
    this.movingVarianceInitializer = getInitializer(op, 'movingVarianceInitializer', args.movingVarianceInitializer ?? 'ones');
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'BatchNormalization';
  }

  protected paramAxes(rank: number): number[] {
    return resolveAxes(this.name, [this.axis], rank);
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const shape = this.addAffineWeights(inputShape);
    this.movingMean = this.addWeight('moving_mean', shape, this.movingMeanInitializer, { trainable: false });
    this.movingVariance = this.addWeight('moving_variance', shape, this.movingVarianceInitializer, { trainable: false });
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    const mm = this.movingMean as Variable;
    const mv = this.movingVariance as Variable;
    const affine = (p: Tensor | null): Tensor | null => (p ? this.broadcastable(p, x.rank) : null);
    // tf.batchNorm, as TF.js's layer: one pass over x when the axis is the last.
    if (!options.training) return batchNorm(x, this.broadcastable(mm, x.rank), this.broadcastable(mv, x.rank), affine(this.beta), affine(this.gamma), this.epsilon);
    const [axis] = this.paramAxes(x.rank);
    const reduce = x.shape.map((_, i) => i).filter((i) => i !== axis);
    const { y, mean, variance } = batchNormTraining(x, reduce, affine(this.gamma), affine(this.beta), this.epsilon);
    this.updateMoving(mm, mean);
    this.updateMoving(mv, variance);
    return y;
  }

  /** moving ← moving − (moving − batch)·(1 − momentum), as TF.js; done on values, outside any gradient. */
  private updateMoving(v: Variable, batch: Tensor): void {
    const m = v.hostValues();
    const b = batch.hostValues();
    const out = new (arrayTypeFor(v.dtype))(m.length);
    for (let i = 0; i < m.length; i++) out[i] = m[i] - (m[i] - b[i]) * (1 - this.momentum);
    v.assign(new Tensor(v.shape, v.dtype, out));
  }

  protected override layerConfig(): LayerConfig {
    // TF.js's order: every initializer before the regularizers and constraints.
    const { beta_regularizer, gamma_regularizer, beta_constraint, gamma_constraint, ...head } = this.affineConfig(true);
    return {
      axis: this.axisArg,
      momentum: this.momentum,
      ...head,
      moving_mean_initializer: initializerConfig(this.movingMeanInitializer),
      moving_variance_initializer: initializerConfig(this.movingVarianceInitializer),
      beta_regularizer, gamma_regularizer, beta_constraint, gamma_constraint,
    };
  }
}

export interface LayerNormalizationLayerArgs extends AffineNormArgs {
  axis?: number | number[];
}

/** Normalizes each sample over `axis` (the last by default), then scales and shifts, as tf.layers.layerNormalization. */
export class LayerNormalization extends AffineNorm {
  readonly axis: number[];
  /** The axis as given (a number stays a number in the config until the layer is built, as TF.js's). */
  private readonly axisArg: number | number[];

  constructor(args: LayerNormalizationLayerArgs = {}) {
    const op = 'layers.layerNormalization';
    checkConfigKeys(op, args, [...AFFINE_KEYS, 'axis']);
    super(op, 'layer_normalization', args, 1e-3);
    const axis = args.axis ?? -1;
    const list = Array.isArray(axis) ? axis : [axis];
    if (list.length === 0 || !list.every(Number.isInteger)) throw argError(op, 'axis', fmtValue(axis), 'an integer or a non-empty array of integers');
    this.axis = list;
    this.axisArg = Array.isArray(axis) ? list.slice() : axis;
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'LayerNormalization';
  }

  protected paramAxes(rank: number): number[] {
    return resolveAxes(this.name, this.axis, rank);
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.addAffineWeights(inputShape);
  }

  override call(x: Tensor): Tensor {
    const { mean, variance } = moments(x, this.paramAxes(x.rank), true);
    return this.normalize(x, mean, variance);
  }

  protected override layerConfig(): LayerConfig {
    // Once the rank is known the axes are written resolved (non-negative), as TF.js and Keras do.
    const rank = this.inputShapeNoBatch ? this.inputShapeNoBatch.length + 1 : 0;
    return { axis: rank ? this.paramAxes(rank) : this.axisArg, ...this.affineConfig(false) };
  }
}
