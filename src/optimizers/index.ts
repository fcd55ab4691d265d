import { argError, fmtValue } from '../util/validate';
import { AdamOptimizer, AdamWOptimizer } from './adam';
import type { Optimizer } from './optimizer';
import { SGDOptimizer } from './sgd';

export { Optimizer } from './optimizer';
export { AdamOptimizer, AdamWOptimizer } from './adam';
export { SGDOptimizer } from './sgd';

/** tn.train: the optimizer factories, as tf.train. */
export const train = {
  sgd: (learningRate: number, momentum = 0): SGDOptimizer => new SGDOptimizer(learningRate, momentum),
  adam: (learningRate?: number, beta1?: number, beta2?: number, epsilon?: number): AdamOptimizer => new AdamOptimizer(learningRate, beta1, beta2, epsilon),
  adamw: (learningRate?: number, weightDecay?: number, beta1?: number, beta2?: number, epsilon?: number): AdamWOptimizer =>
    new AdamWOptimizer(learningRate, weightDecay, beta1, beta2, epsilon),
};

/** Keras defaults for optimizers named in compile(). */
const byName: Record<string, () => Optimizer> = {
  adam: () => train.adam(),
  adamw: () => train.adamw(),
  sgd: () => train.sgd(0.01),
};

export function getOptimizer(op: string, spec: unknown): Optimizer {
  if (typeof spec === 'object' && spec !== null && 'applyGradients' in spec) return spec as Optimizer;
  const key = typeof spec === 'string' ? spec.toLowerCase() : '';
  if (!Object.hasOwn(byName, key)) throw argError(op, 'optimizer', fmtValue(spec), `an optimizer from tn.train or one of ${Object.keys(byName).map((n) => `'${n}'`).join(', ')}`);
  return byName[key]();
}
