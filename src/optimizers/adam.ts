import { backend } from '../backend/registry';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { Optimizer, checkRate, construct } from './optimizer';
import type { ConfigDict, Serializable, SerializableConstructor } from '../util/serializable';

/**
 * Adam as TF.js (and PyTorch) step it: p −= lr·m̂/(sqrt(v̂) + ε) with the bias-corrected moments
 * m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t). The kernels fold the corrections into the step size and take ε as
 * ε·sqrt(1 − β2^t) on sqrt(v) (kernels/shared/adam.ts), the same step; Keras's own Adam adds ε to sqrt(v) unscaled.
 */
export class AdamOptimizer extends Optimizer {
  static readonly className: string = 'Adam';
  /** As TF.js's: the constructor gets the config's values in its argument order. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return construct(cls, config.learningRate, config.beta1, config.beta2, config.epsilon);
  }
  /** The tn.train factory whose arguments the constructor checks, so AdamW's errors name train.adamw. */
  static readonly factory: string = 'train.adam';

  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** TF.js's accBeta1 and accBeta2 variables, held for tf.memory()'s count; the step size here comes from the step count. */
  private readonly accBetas: [Tensor, Tensor];

  // Each argument null or undefined takes its default, as in TF.js.
  constructor(learningRate?: number, beta1?: number, beta2?: number, epsilon?: number) {
    super((new.target as typeof AdamOptimizer).factory, learningRate ?? 0.001);
    const op = (new.target as typeof AdamOptimizer).factory;
    this.beta1 = checkRate(op, 'beta1', beta1 ?? 0.9, 0, 1);
    this.beta2 = checkRate(op, 'beta2', beta2 ?? 0.999, 0, 1);
    this.epsilon = checkRate(op, 'epsilon', epsilon ?? 1e-7, 0, Infinity);
    this.accBetas = [this.holdVariable(this.beta1), this.holdVariable(this.beta2)];
  }

  protected override slotsFor(param: Variable): Variable[] {
    return [this.slot(param, 'm'), this.slot(param, 'v')];
  }

  protected override update(param: Variable, g: Tensor): void {
    const [m, v] = this.slotsFor(param);
    backend().adamUpdate(param, g, m, v, {
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      step: this.iterations,
    });
    this.updatedInPlace(param, m, v);
  }

  getConfig(): Record<string, number> {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }

  protected override tfjsFields(): Record<string, unknown> {
    return {
      learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon,
      accumulatedFirstMoment: this.slotList('m'), accumulatedSecondMoment: this.slotList('v'), accBeta1: this.accBetas[0], accBeta2: this.accBetas[1],
    };
  }
}

/** Adam with decoupled weight decay (Keras AdamW): p −= lr·decay·p, then the Adam step. */
export class AdamWOptimizer extends AdamOptimizer {
  static override readonly className = 'AdamW';
  /** As TF.js's: the constructor gets the config's values in its argument order. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return construct(cls, config.learningRate, config.weightDecay, config.beta1, config.beta2, config.epsilon);
  }
  static override readonly factory = 'train.adamw';

  readonly weightDecay: number;

  constructor(learningRate?: number, weightDecay?: number, beta1?: number, beta2?: number, epsilon?: number) {
    super(learningRate, beta1, beta2, epsilon);
    this.weightDecay = checkRate(AdamWOptimizer.factory, 'weightDecay', weightDecay ?? 0.004, 0, Infinity);
  }

  protected override update(param: Variable, g: Tensor): void {
    // Plain SGD with the parameter as its own gradient is exactly p −= (lr·decay)·p.
    backend().sgdUpdate(param, param, null, this.learningRate * this.weightDecay, 0);
    super.update(param, g);
  }

  override getConfig(): Record<string, number> {
    return { ...super.getConfig(), weightDecay: this.weightDecay };
  }
}
