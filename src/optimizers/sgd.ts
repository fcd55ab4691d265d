import { backend } from '../backend/registry';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { Optimizer, checkRate, construct } from './optimizer';
import type { ConfigDict, Serializable, SerializableConstructor } from '../util/serializable';

/**
 * SGD, p −= lr·g; with momentum (a tessera extension of tf.train.sgd), Keras's velocity = momentum·velocity − lr·g and p += velocity.
 * As TF.js's, steps take the rate the constructor or setLearningRate gave (TF.js keeps it as a scalar −lr, held
 * here too): assigning learningRate alone changes what getConfig reports, not the steps.
 */
export class SGDOptimizer extends Optimizer {
  static readonly className: string = 'SGD';
  /** As TF.js's: the constructor gets the config's values in its argument order. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return construct(cls, config.learningRate, config.momentum);
  }
  /** The tn.train factory whose arguments the constructor checks, so Momentum's errors name train.momentum. */
  static readonly factory: string = 'train.sgd';
  /** The rate steps use. */
  protected stepRate: number;
  /** TF.js's scalar −lr, held for tf.memory()'s count. */
  protected c: Tensor;

  readonly momentum: number;

  constructor(learningRate: number, momentum?: number) {
    super((new.target as typeof SGDOptimizer).factory, learningRate);
    this.momentum = checkRate('train.sgd', 'momentum', momentum ?? 0, 0, 1);
    this.stepRate = learningRate;
    this.c = this.holdScalar(-learningRate);
  }

  protected override slotsFor(v: Variable): Variable[] {
    return this.momentum > 0 ? [this.slot(v, 'momentum')] : [];
  }

  protected override update(v: Variable, g: Tensor): void {
    const velocity = this.slotsFor(v)[0] ?? null;
    backend().sgdUpdate(v, g, velocity, this.stepRate, this.momentum);
    this.updatedInPlace(v, velocity);
  }

  /** As TF.js's SGDOptimizer.setLearningRate: the rate of the steps from now on. */
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
    this.stepRate = learningRate;
    this.c = this.holdScalar(-learningRate, this.c);
  }

  protected override tfjsFields(): Record<string, unknown> {
    return { learningRate: this.learningRate, c: this.c };
  }

  /** TF.js's config ({learningRate}); momentum, tessera's extension, only where it is used. */
  getConfig(): Record<string, number | boolean> {
    return this.momentum === 0 ? { learningRate: this.learningRate } : { learningRate: this.learningRate, momentum: this.momentum };
  }
}
