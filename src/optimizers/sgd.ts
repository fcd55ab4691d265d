import { backend } from '../backend/registry';
import type { Tensor } from '../tensor/tensor';
import { zerosVariable, type Variable } from '../tensor/variable';
import { Optimizer, checkRate } from './optimizer';

/** Keras SGD: with momentum, velocity = momentum·velocity − lr·g and p += velocity. */
export class SGDOptimizer extends Optimizer {
  readonly className = 'SGD';
  private readonly velocities = new Map<Variable, Variable>();

  constructor(
    readonly learningRate: number,
    readonly momentum = 0,
  ) {
    super();
    checkRate('train.sgd', 'learningRate', learningRate, 0, Infinity);
    checkRate('train.sgd', 'momentum', momentum, 0, 1);
  }

  protected update(v: Variable, g: Tensor): void {
    let velocity: Variable | null = null;
    if (this.momentum > 0) {
      velocity = this.velocities.get(v) ?? zerosVariable(v.shape, v.dtype, `${v.name}/momentum`);
      this.velocities.set(v, velocity);
    }
    backend().sgdUpdate(v, g, velocity, this.learningRate, this.momentum);
  }

  getConfig(): Record<string, number> {
    return { learning_rate: this.learningRate, momentum: this.momentum };
  }

  override dispose(): void {
    for (const s of this.velocities.values()) s.dispose();
    this.velocities.clear();
  }
}
