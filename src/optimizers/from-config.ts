import { toCamelCase } from '../util/case';
import { argError, describeValue, messageOf } from '../util/validate';
import { AdamOptimizer, AdamWOptimizer } from './adam';
import { AdadeltaOptimizer, AdagradOptimizer, AdamaxOptimizer, MomentumOptimizer, RMSPropOptimizer } from './more';
import type { Optimizer } from './optimizer';
import { SGDOptimizer } from './sgd';

/** An optimizer as a saved training config holds it: its class name and its getConfig(). */
export interface OptimizerConfig {
  class_name: string;
  config: Record<string, number | boolean>;
}

// Each config's values are passed in the argument order of TF.js's fromConfig; the constructors check them,
// and an absent (or null) value takes the constructor's default, as in TF.js.
type Config = Record<string, never>;
const makers: Record<string, (c: Config) => Optimizer> = {
  SGD: (c) => new SGDOptimizer(c.learningRate, c.momentum),
  Momentum: (c) => new MomentumOptimizer(c.learningRate, c.momentum, c.useNesterov),
  RMSProp: (c) => new RMSPropOptimizer(c.learningRate, c.decay, c.momentum, c.epsilon, c.centered),
  Adagrad: (c) => new AdagradOptimizer(c.learningRate, c.initialAccumulatorValue),
  Adadelta: (c) => new AdadeltaOptimizer(c.learningRate, c.rho, c.epsilon),
  Adamax: (c) => new AdamaxOptimizer(c.learningRate, c.beta1, c.beta2, c.epsilon, c.decay),
  Adam: (c) => new AdamOptimizer(c.learningRate, c.beta1, c.beta2, c.epsilon),
  AdamW: (c) => new AdamWOptimizer(c.learningRate, c.weightDecay, c.beta1, c.beta2, c.epsilon),
};
/** Keras spells one class differently. */
const kerasNames: Record<string, string> = { RMSprop: 'RMSProp' };

/** The saved form of an optimizer, as TF.js's training config writes it. */
export function optimizerConfig(optimizer: Optimizer): OptimizerConfig {
  return { class_name: optimizer.getClassName(), config: optimizer.getConfig() };
}

/**
 * An optimizer from a saved {class_name, config}, as TF.js's deserialize does for a training config: keys in
 * TF.js's camelCase or Keras's snake_case; keys the class does not take (Keras writes name, amsgrad, ...) are
 * passed over, as TF.js does. Errors name `where` in the file.
 */
export function optimizerFromConfig(op: string, where: string, value: unknown): Optimizer {
  const entry = value as { class_name?: unknown; config?: unknown } | null;
  if (entry === null || typeof entry !== 'object' || typeof entry.class_name !== 'string') {
    throw argError(op, where, describeValue(value), '{class_name, config} naming an optimizer');
  }
  const name = kerasNames[entry.class_name] ?? entry.class_name;
  if (!Object.hasOwn(makers, name)) throw argError(op, `${where}.class_name`, JSON.stringify(entry.class_name), `one of ${Object.keys(makers).join(', ')}`);
  const raw = entry.config ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw argError(op, `${where}.config`, describeValue(raw), 'an object of hyper-parameters');
  const config: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== null) config[toCamelCase(k)] = v;
  try {
    return makers[name](config as Config);
  } catch (e) {
    throw new Error(`${op}: ${where}.config: ${messageOf(e)}`, { cause: e });
  }
}
