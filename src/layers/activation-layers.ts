import { cast } from '../ops/cast';
import { add, greater, minimum, mul, sub } from '../ops/binary';
import { softmax } from '../ops/softmax';
import { transpose } from '../ops/transpose';
import { exp, neg, relu } from '../ops/unary';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { argError, fmtValue } from '../util/validate';
import { constraintConfig, getConstraint, type Constraint } from './constraints';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from './initializers';
import { Layer, checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import { getRegularizer, regularizerConfig, type Regularizer, type RegularizerName } from './regularizers';

function num(op: string, arg: string, v: unknown, fallback: number, min = -Infinity): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw argError(op, arg, fmtValue(v), min === -Infinity ? 'a finite number' : `a finite number >= ${min}`);
  return v;
}

/** max(x, 0) − alpha·max(−x, 0): x where positive, alpha·x elsewhere. */
const leaky = (x: Tensor, alpha: Tensor | number) => sub(relu(x), mul(alpha, relu(neg(x))));

/** An activation layer: shape in, same shape out. */
abstract class ActivationLayer extends Layer {
  computeOutputShape(inputShape: readonly number[]): number[] {
    return inputShape.slice();
  }
}

export class ReLU extends ActivationLayer {
  readonly maxValue: number | null;
  constructor(args: LayerArgs & { maxValue?: number } = {}) {
    checkConfigKeys('layers.reLU', args ?? {}, ['maxValue']);
    super('re_lu', args ?? {});
    this.maxValue = args?.maxValue === undefined || args.maxValue === null ? null : num('layers.reLU', 'maxValue', args.maxValue, 0, 0);
    this.buildIfShaped();
  }
  getClassName(): string { return 'ReLU'; }
  call(x: Tensor): Tensor { return this.maxValue === null ? relu(x) : minimum(relu(x), this.maxValue); }
  protected layerConfig(): LayerConfig { return { max_value: this.maxValue }; }
}

export class LeakyReLU extends ActivationLayer {
  readonly alpha: number;
  constructor(args: LayerArgs & { alpha?: number } = {}) {
    checkConfigKeys('layers.leakyReLU', args ?? {}, ['alpha']);
    super('leaky_re_lu', args ?? {});
    this.alpha = num('layers.leakyReLU', 'alpha', args?.alpha, 0.3);
    this.buildIfShaped();
  }
  getClassName(): string { return 'LeakyReLU'; }
  call(x: Tensor): Tensor { return leaky(x, this.alpha); }
  protected layerConfig(): LayerConfig { return { alpha: this.alpha }; }
}

export class ELU extends ActivationLayer {
  readonly alpha: number;
  constructor(args: LayerArgs & { alpha?: number } = {}) {
    checkConfigKeys('layers.elu', args ?? {}, ['alpha']);
    super('elu', args ?? {});
    this.alpha = num('layers.elu', 'alpha', args?.alpha, 1);
    this.buildIfShaped();
  }
  getClassName(): string { return 'ELU'; }
  // x where positive, e^x − 1 elsewhere (min(x, 0) keeps the exponential finite).
  call(x: Tensor): Tensor { return add(relu(x), mul(this.alpha, sub(exp(minimum(x, 0)), 1))); }
  protected layerConfig(): LayerConfig { return { alpha: this.alpha }; }
}

export class ThresholdedReLU extends ActivationLayer {
  readonly theta: number;
  constructor(args: LayerArgs & { theta?: number } = {}) {
    checkConfigKeys('layers.thresholdedReLU', args ?? {}, ['theta']);
    super('thresholded_re_lu', args ?? {});
    this.theta = num('layers.thresholdedReLU', 'theta', args?.theta, 1, 0);
    this.buildIfShaped();
  }
  getClassName(): string { return 'ThresholdedReLU'; }
  call(x: Tensor): Tensor { return mul(x, cast(greater(x, this.theta), x.dtype)); }
  protected layerConfig(): LayerConfig { return { theta: this.theta }; }
}

export class Softmax extends ActivationLayer {
  readonly axis: number;
  constructor(args: LayerArgs & { axis?: number } = {}) {
    checkConfigKeys('layers.softmax', args ?? {}, ['axis']);
    super('softmax', args ?? {});
    // TF.js's default axis is 1 (the features of [batch, features] input).
    const axis = args?.axis ?? 1;
    if (!Number.isInteger(axis)) throw argError('layers.softmax', 'axis', fmtValue(axis), 'an integer');
    this.axis = axis;
    this.buildIfShaped();
  }
  getClassName(): string { return 'Softmax'; }
  override computeOutputShape(inputShape: readonly number[]): number[] {
    const a = this.axis < 0 ? inputShape.length + 1 + this.axis : this.axis;
    if (a < 1 || a > inputShape.length) throw argError(this.name, 'axis', String(this.axis), `a feature axis of inputs of rank ${inputShape.length + 1}`);
    return inputShape.slice();
  }
  call(x: Tensor): Tensor {
    const a = this.axis < 0 ? x.rank + this.axis : this.axis;
    if (a === x.rank - 1) return softmax(x);
    // The op normalizes the last axis: swap the chosen one there and back.
    const perm = x.shape.map((_, i) => (i === a ? x.rank - 1 : i === x.rank - 1 ? a : i));
    return transpose(softmax(transpose(x, perm)), perm);
  }
  override endsInSoftmax(): boolean { return false; }
  protected layerConfig(): LayerConfig { return { axis: this.axis }; }
}

export interface PReLULayerArgs extends LayerArgs {
  alphaInitializer?: InitializerName | Initializer;
  alphaRegularizer?: RegularizerName | Regularizer;
  alphaConstraint?: string | Constraint;
  sharedAxes?: number | number[];
}

/** x where positive, alpha·x elsewhere, with alpha learnt per element (shared along sharedAxes), as tf.layers.prelu. */
export class PReLU extends ActivationLayer {
  private readonly alphaInit: Initializer;
  private readonly alphaReg: Regularizer | null;
  private readonly alphaCon: Constraint | null;
  readonly sharedAxes: number[] | null;
  private alpha: Variable | null = null;

  constructor(args: PReLULayerArgs = {}) {
    const op = 'layers.prelu';
    checkConfigKeys(op, args ?? {}, ['alphaInitializer', 'alphaRegularizer', 'alphaConstraint', 'sharedAxes']);
    super('p_re_lu', args ?? {});
    this.alphaInit = getInitializer(op, 'alphaInitializer', args?.alphaInitializer ?? 'zeros');
    this.alphaReg = getRegularizer(op, 'alphaRegularizer', args?.alphaRegularizer);
    this.alphaCon = getConstraint(op, 'alphaConstraint', args?.alphaConstraint);
    const shared = args?.sharedAxes;
    if (shared !== undefined && shared !== null && !(Number.isInteger(shared) || (Array.isArray(shared) && shared.every((a) => Number.isInteger(a) && a >= 1)))) {
      throw argError(op, 'sharedAxes', fmtValue(shared), 'an axis (>= 1) or a list of them');
    }
    this.sharedAxes = shared === undefined || shared === null ? null : Array.isArray(shared) ? shared.slice() : [shared];
    this.buildIfShaped();
  }

  getClassName(): string { return 'PReLU'; }

  protected override buildWeights(inputShape: readonly number[]): void {
    const shape = inputShape.map((d, i) => (this.sharedAxes?.includes(i + 1) ? 1 : d));
    this.alpha = this.addWeight('alpha', shape, this.alphaInit, { regularizer: this.alphaReg, constraint: this.alphaCon });
  }

  call(x: Tensor): Tensor { return leaky(x, this.alpha as Variable); }

  protected layerConfig(): LayerConfig {
    return { alpha_initializer: initializerConfig(this.alphaInit), alpha_regularizer: regularizerConfig(this.alphaReg), alpha_constraint: constraintConfig(this.alphaCon), shared_axes: this.sharedAxes };
  }
}
