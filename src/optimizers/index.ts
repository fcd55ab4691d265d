import { argError, fmtValue } from '../util/validate';
import { AdamOptimizer, AdamWOptimizer } from './adam';
import { AdadeltaOptimizer, AdagradOptimizer, AdamaxOptimizer, MomentumOptimizer, RMSPropOptimizer } from './more';
import type { Optimizer } from './optimizer';
import { SGDOptimizer } from './sgd';

export { Optimizer } from './optimizer';
export type { NamedTensor } from './optimizer';
export { optimizerConfig, optimizerFromConfig, type OptimizerConfig } from './from-config';
export { AdamOptimizer, AdamWOptimizer } from './adam';
export { SGDOptimizer } from './sgd';
export { AdadeltaOptimizer, AdagradOptimizer, AdamaxOptimizer, MomentumOptimizer, RMSPropOptimizer } from './more';

/**
 * The optimizer factories, as TF.js's OptimizerConstructors (argument order and defaults of TF.js; adamw is tessera's);
 * tn.train is this class, as tf.train is. Static fields, so that they are enumerable as TF.js's (its bundle's) are.
 */
export class OptimizerConstructors {
  static sgd = (learningRate: number, momentum?: number): SGDOptimizer => new SGDOptimizer(learningRate, momentum);
  static momentum = (learningRate: number, momentum: number, useNesterov?: boolean): MomentumOptimizer => new MomentumOptimizer(learningRate, momentum, useNesterov);
  static rmsprop = (learningRate: number, decay?: number, momentum?: number, epsilon?: number | null, centered?: boolean): RMSPropOptimizer =>
    new RMSPropOptimizer(learningRate, decay, momentum, epsilon ?? undefined, centered);
  static adam = (learningRate?: number, beta1?: number, beta2?: number, epsilon?: number | null): AdamOptimizer => new AdamOptimizer(learningRate, beta1, beta2, epsilon ?? undefined);
  static adadelta = (learningRate?: number, rho?: number, epsilon?: number | null): AdadeltaOptimizer => new AdadeltaOptimizer(learningRate, rho, epsilon ?? undefined);
  static adamax = (learningRate?: number, beta1?: number, beta2?: number, epsilon?: number | null, decay?: number): AdamaxOptimizer =>
    new AdamaxOptimizer(learningRate, beta1, beta2, epsilon ?? undefined, decay);
  static adagrad = (learningRate: number, initialAccumulatorValue?: number): AdagradOptimizer => new AdagradOptimizer(learningRate, initialAccumulatorValue);
  static adamw = (learningRate?: number, weightDecay?: number, beta1?: number, beta2?: number, epsilon?: number): AdamWOptimizer =>
    new AdamWOptimizer(learningRate, weightDecay, beta1, beta2, epsilon);
}

/** tn.train, as tf.train: the factories. */
export const train = OptimizerConstructors;

/** The optimizers compile() takes by name, with TF.js's defaults for compile-by-name (tfjs-layers's getOptimizer). */
const byName: Record<string, () => Optimizer> = {
  adam: () => train.adam(),
  adamw: () => train.adamw(),
  sgd: () => train.sgd(0.01),
  rmsprop: () => train.rmsprop(0.001),
  adagrad: () => train.adagrad(0.01),
  adadelta: () => train.adadelta(1, 0.95, 1e-7),
  adamax: () => train.adamax(0.002, 0.9, 0.999, 1e-7, 0),
};

/** The other spelling compile takes of each, as TF.js's (its class name); no other case is a name there. */
const CLASS_NAMES = ['Adam', 'AdamW', 'SGD', 'RMSProp', 'Adagrad', 'Adadelta', 'Adamax'];

export function getOptimizer(op: string, spec: unknown): Optimizer {
  if (typeof spec === 'object' && spec !== null && 'applyGradients' in spec) return spec as Optimizer;
  const key = typeof spec === 'string' && CLASS_NAMES.includes(spec) ? spec.toLowerCase() : spec;
  if (typeof key !== 'string' || !Object.hasOwn(byName, key)) {
    throw argError(op, 'optimizer', fmtValue(spec), `an optimizer from tn.train or one of ${Object.keys(byName).map((n) => `'${n}'`).join(', ')} (or ${CLASS_NAMES.map((n) => `'${n}'`).join(', ')})`);
  }
  return byName[key]();
}
