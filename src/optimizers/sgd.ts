import { backend } from '../backend/registry';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { Optimizer, checkRate } from './optimizer';

/** SGD, p −= lr·g; with momentum (a tessera extension of tf.train.sgd), Keras's velocity = momentum·velocity − lr·g and p += velocity. */
export class SGDOptimizer extends Optimizer {
  readonly className = 'SGD';

  constructor(
    learningRate: number,
    readonly momentum = 0,
  ) {
    super('train.sgd', learningRate);
    checkRate('train.sgd', 'momentum', momentum, 0, 1);
  }

  protected update(v: Variable, g: Tensor): void {
    backend().sgdUpdate(v, g, this.momentum > 0 ? this.slot(v, 'momentum') : null, this.learningRate, this.momentum);
  }

  /** As TF.js's SGDOptimizer.setLearningRate. */
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
  }

  /** TF.js's config ({learningRate}); momentum, tessera's extension, only where it is used. */
  getConfig(): Record<string, number> {
    return this.momentum === 0 ? { learningRate: this.learningRate } : { learningRate: this.learningRate, momentum: this.momentum };
  }
}
