import { backend } from '../backend/registry';
import type { Tensor } from '../tensor/tensor';
import { zerosVariable, type Variable } from '../tensor/variable';
import { Optimizer, checkRate } from './optimizer';

/**
 * Keras Adam: m and v moments with the bias correction folded into the step size,
 * lr_t = lr·sqrt(1 − β2^t)/(1 − β1^t), and p −= lr_t·m/(sqrt(v) + ε).
 */
export class AdamOptimizer extends Optimizer {
  readonly className: string = 'Adam';
  private readonly slots = new Map<Variable, { m: Variable; v: Variable }>();

  constructor(
    readonly learningRate = 0.001,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-7,
  ) {
    super();
    const op = 'train.adam';
    checkRate(op, 'learningRate', learningRate, 0, Infinity);
    checkRate(op, 'beta1', beta1, 0, 1);
    checkRate(op, 'beta2', beta2, 0, 1);
    checkRate(op, 'epsilon', epsilon, 0, Infinity);
  }

  protected update(param: Variable, g: Tensor): void {
    let s = this.slots.get(param);
    if (!s) {
      s = { m: zerosVariable(param.shape, param.dtype, `${param.name}/m`), v: zerosVariable(param.shape, param.dtype, `${param.name}/v`) };
      this.slots.set(param, s);
    }
    backend().adamUpdate(param, g, s.m, s.v, {
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      step: this.iterations,
    });
  }

  getConfig(): Record<string, number> {
    return { learning_rate: this.learningRate, beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon };
  }

  override dispose(): void {
    for (const s of this.slots.values()) {
      s.m.dispose();
      s.v.dispose();
    }
    this.slots.clear();
  }
}

/** Adam with decoupled weight decay (Keras AdamW): p −= lr·decay·p, then the Adam step. */
export class AdamWOptimizer extends AdamOptimizer {
  override readonly className = 'AdamW';

  constructor(
    learningRate = 0.001,
    readonly weightDecay = 0.004,
    beta1 = 0.9,
    beta2 = 0.999,
    epsilon = 1e-7,
  ) {
    super(learningRate, beta1, beta2, epsilon);
    checkRate('train.adamw', 'weightDecay', weightDecay, 0, Infinity);
  }

  protected override update(param: Variable, g: Tensor): void {
    // Plain SGD with the parameter as its own gradient is exactly p −= (lr·decay)·p.
    backend().sgdUpdate(param, param, null, this.learningRate * this.weightDecay, 0);
    super.update(param, g);
  }

  override getConfig(): Record<string, number> {
    return { ...super.getConfig(), weight_decay: this.weightDecay };
  }
}
