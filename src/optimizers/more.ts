import { abs, sqrt, square } from '../ops/unary';
import { add, div, maximum, mul, sub } from '../ops/binary';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { assertBoolean } from '../util/validate';
import { Optimizer, checkRate, construct } from './optimizer';
import type { ConfigDict, Serializable, SerializableConstructor } from '../util/serializable';
import { SGDOptimizer } from './sgd';

/** TF.js's backend epsilon for float32, the default ε of its optimizers. */
const EPSILON = 1e-7;

const step = (v: Variable, next: Tensor) => v.assign(next);

/**
 * tf.train.momentum, a kind of SGD as in TF.js: accumulation = momentum·accumulation + g; p −= lr·accumulation
 * (Nesterov: p −= lr·(g + momentum·accumulation)), at the rate setLearningRate last set, as SGD's.
 */
export class MomentumOptimizer extends SGDOptimizer {
  static override readonly className = 'Momentum';
  /** As TF.js's: the constructor gets the config's values in its argument order. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return construct(cls, config.learningRate, config.momentum, config.useNesterov);
  }
  static override readonly factory = 'train.momentum';

  readonly useNesterov: boolean;
  /** The momentum of the steps from now on (setMomentum changes it). */
  override momentum: number;
  /** TF.js's momentum scalar m, held for tf.memory()'s count. */
  private m: Tensor;

  constructor(learningRate: number, momentum: number, useNesterov?: boolean) {
    // Checked before SGD's constructor holds the learning rate's scalar, which a refusal would leave behind.
    const m = checkRate('train.momentum', 'momentum', momentum, 0, Infinity);
    const nesterov = assertBoolean('train.momentum', 'useNesterov', useNesterov ?? false);
    super(learningRate);
    this.momentum = m;
    this.useNesterov = nesterov;
    this.m = this.holdScalar(momentum);
  }

  /**
   * As TF.js's MomentumOptimizer.setMomentum, and unlike it the steps use the new momentum too (TF.js's keep the
   * scalar its constructor made, so only getConfig changes there).
   */
  setMomentum(momentum: number): void {
    this.momentum = checkRate('momentum.setMomentum', 'momentum', momentum, 0, Infinity);
    this.m = this.holdScalar(momentum, this.m);
  }

  protected override slotsFor(p: Variable): Variable[] {
    return [this.slot(p, 'momentum')];
  }

  protected override update(p: Variable, g: Tensor): void {
    const [acc] = this.slotsFor(p);
    const next = add(mul(acc, this.momentum), g);
    step(acc, next);
    step(p, sub(p, mul(this.useNesterov ? add(g, mul(next, this.momentum)) : next, this.stepRate)));
  }

  override getConfig(): Record<string, number | boolean> {
    return { learningRate: this.learningRate, momentum: this.momentum, useNesterov: this.useNesterov };
  }

  protected override tfjsFields(): Record<string, unknown> {
    return { learningRate: this.learningRate, c: this.c, momentum: this.momentum, useNesterov: this.useNesterov, accumulations: this.slotList('momentum'), m: this.m };
  }
}

/**
 * tf.train.rmsprop: ms = decay·ms + (1 − decay)·g²; mom = momentum·mom + lr·g/sqrt(ms + ε); p −= mom.
 * Centered, with mg = decay·mg + (1 − decay)·g, the denominator is sqrt(ms − (mg² + ε)), as TF.js writes it.
 */
export class RMSPropOptimizer extends Optimizer {
  static readonly className = 'RMSProp';
  /** As TF.js's: the constructor gets the config's values in its argument order. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return construct(cls, config.learningRate, config.decay, config.momentum, config.epsilon, config.centered);
  }

  readonly decay: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;

  // Each optional argument null or undefined takes its default, as in TF.js (here and below).
  constructor(learningRate: number, decay?: number, momentum?: number, epsilon?: number, centered?: boolean) {
    super('train.rmsprop', learningRate);
    const op = 'train.rmsprop';
    this.decay = checkRate(op, 'decay', decay ?? 0.9, 0, Infinity);
    this.momentum = checkRate(op, 'momentum', momentum ?? 0, 0, Infinity);
    this.epsilon = checkRate(op, 'epsilon', epsilon ?? EPSILON, 0, Infinity);
    this.centered = assertBoolean(op, 'centered', centered ?? false);
  }

  protected override slotsFor(p: Variable): Variable[] {
    return [this.slot(p, 'rms'), this.slot(p, 'momentum'), ...(this.centered ? [this.slot(p, 'mg')] : [])];
  }

  protected override update(p: Variable, g: Tensor): void {
    const [ms, mom, mg] = this.slotsFor(p);
    const nextMs = add(mul(ms, this.decay), mul(square(g), 1 - this.decay));
    let denom: Tensor;
    if (this.centered) {
      const nextMg = add(mul(mg, this.decay), mul(g, 1 - this.decay));
      denom = sqrt(sub(nextMs, add(square(nextMg), this.epsilon)));
      step(mg, nextMg);
    } else {
      denom = sqrt(add(nextMs, this.epsilon));
    }
    const nextMom = add(mul(mom, this.momentum), div(mul(g, this.learningRate), denom));
    step(ms, nextMs);
    step(mom, nextMom);
    step(p, sub(p, nextMom));
  }

  getConfig(): Record<string, number | boolean> {
    return { learningRate: this.learningRate, decay: this.decay, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }

  protected override tfjsFields(): Record<string, unknown> {
    return {
      learningRate: this.learningRate, decay: this.decay, momentum: this.momentum, epsilon: this.epsilon,
      accumulatedMeanSquares: this.slotList('rms'), accumulatedMoments: this.slotList('momentum'), accumulatedMeanGrads: this.slotList('mg'), centered: this.centered,
    };
  }
}

/** tf.train.adagrad: accumulator (from initialAccumulatorValue) += g²; p −= lr·g/sqrt(accumulator + ε). */
export class AdagradOptimizer extends Optimizer {
  static readonly className = 'Adagrad';
  /** As TF.js's: the constructor gets the config's values in its argument order. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return construct(cls, config.learningRate, config.initialAccumulatorValue);
  }

  readonly initialAccumulatorValue: number;

  constructor(learningRate: number, initialAccumulatorValue?: number) {
    super('train.adagrad', learningRate);
    this.initialAccumulatorValue = checkRate('train.adagrad', 'initialAccumulatorValue', initialAccumulatorValue ?? 0.1, 0, Infinity);
  }

  protected override slotsFor(p: Variable): Variable[] {
    return [this.slot(p, 'accumulator', this.initialAccumulatorValue)];
  }

  protected override update(p: Variable, g: Tensor): void {
    const [acc] = this.slotsFor(p);
    const next = add(acc, square(g));
    step(acc, next);
    step(p, sub(p, mul(div(g, sqrt(add(next, EPSILON))), this.learningRate)));
  }

  getConfig(): Record<string, number> {
    return { learningRate: this.learningRate, initialAccumulatorValue: this.initialAccumulatorValue };
  }

  protected override tfjsFields(): Record<string, unknown> {
    return { learningRate: this.learningRate, initialAccumulatorValue: this.initialAccumulatorValue, accumulatedGrads: this.slotList('accumulator') };
  }
}

/**
 * tf.train.adadelta as TF.js computes it: u = sqrt(Eu² + ε)/sqrt(Eg² + ε)·g with the accumulated Eg² from
 * before this step's gradient; then Eg² = ρ·Eg² + (1 − ρ)·g², Eu² = ρ·Eu² + (1 − ρ)·u²; p −= lr·u.
 */
export class AdadeltaOptimizer extends Optimizer {
  static readonly className = 'Adadelta';
  /** As TF.js's: the constructor gets the config's values in its argument order. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return construct(cls, config.learningRate, config.rho, config.epsilon);
  }

  readonly rho: number;
  readonly epsilon: number;

  constructor(learningRate?: number, rho?: number, epsilon?: number) {
    super('train.adadelta', learningRate ?? 0.001);
    this.rho = checkRate('train.adadelta', 'rho', rho ?? 0.95, 0, Infinity);
    this.epsilon = checkRate('train.adadelta', 'epsilon', epsilon ?? EPSILON, 0, Infinity);
  }

  protected override slotsFor(p: Variable): Variable[] {
    return [this.slot(p, 'accum_grad'), this.slot(p, 'accum_var')];
  }

  protected override update(p: Variable, g: Tensor): void {
    const [accGrad, accUpdate] = this.slotsFor(p);
    const nextGrad = add(mul(accGrad, this.rho), mul(square(g), 1 - this.rho));
    const u = mul(div(sqrt(add(accUpdate, this.epsilon)), sqrt(add(accGrad, this.epsilon))), g);
    step(accUpdate, add(mul(accUpdate, this.rho), mul(square(u), 1 - this.rho)));
    step(accGrad, nextGrad);
    step(p, sub(p, mul(u, this.learningRate)));
  }

  getConfig(): Record<string, number> {
    return { learningRate: this.learningRate, rho: this.rho, epsilon: this.epsilon };
  }

  protected override tfjsFields(): Record<string, unknown> {
    return { learningRate: this.learningRate, rho: this.rho, epsilon: this.epsilon, accumulatedGrads: this.slotList('accum_grad'), accumulatedUpdates: this.slotList('accum_var') };
  }
}

/** tf.train.adamax: m = β1·m + (1 − β1)·g; u = max(β2·u, |g|); p −= lr/(1 + decay·(t − 1))/(1 − β1^t)·m/(u + ε). */
export class AdamaxOptimizer extends Optimizer {
  static readonly className = 'Adamax';
  /** As TF.js's: the constructor gets the config's values in its argument order. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return construct(cls, config.learningRate, config.beta1, config.beta2, config.epsilon, config.decay);
  }

  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly decay: number;
  /** TF.js's iteration and accBeta1 variables, held for tf.memory()'s count; the steps here use the step count. */
  private readonly scalars: [Tensor, Tensor];

  constructor(learningRate?: number, beta1?: number, beta2?: number, epsilon?: number, decay?: number) {
    super('train.adamax', learningRate ?? 0.002);
    const op = 'train.adamax';
    this.beta1 = checkRate(op, 'beta1', beta1 ?? 0.9, 0, 1);
    this.beta2 = checkRate(op, 'beta2', beta2 ?? 0.999, 0, 1);
    this.epsilon = checkRate(op, 'epsilon', epsilon ?? EPSILON, 0, Infinity);
    this.decay = checkRate(op, 'decay', decay ?? 0, 0, Infinity);
    this.scalars = [this.holdVariable(0), this.holdVariable(this.beta1)];
  }

  protected override slotsFor(p: Variable): Variable[] {
    return [this.slot(p, 'm'), this.slot(p, 'v')];
  }

  protected override update(p: Variable, g: Tensor): void {
    const [m, u] = this.slotsFor(p);
    const t = this.iterations;
    const lr = this.learningRate / (1 + this.decay * (t - 1));
    const nextM = add(mul(m, this.beta1), mul(g, 1 - this.beta1));
    const nextU = maximum(mul(u, this.beta2), abs(g));
    step(m, nextM);
    step(u, nextU);
    step(p, sub(p, mul(div(nextM, add(nextU, this.epsilon)), lr / (1 - this.beta1 ** t))));
  }

  getConfig(): Record<string, number> {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, decay: this.decay };
  }

  protected override tfjsFields(): Record<string, unknown> {
    return {
      learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, decay: this.decay,
      accumulatedFirstMoment: this.slotList('m'), accumulatedWeightedInfNorm: this.slotList('v'), iteration: this.scalars[0], accBeta1: this.scalars[1],
    };
  }
}
