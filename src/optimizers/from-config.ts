import { toCamelCase } from '../util/case';
import { argError, describeValue, messageOf } from '../util/validate';
import { AdamOptimizer, AdamWOptimizer } from './adam';
import { AdadeltaOptimizer, AdagradOptimizer, AdamaxOptimizer, MomentumOptimizer, RMSPropOptimizer } from './more';
import type { Optimizer, OptimizerClass } from './optimizer';
import type { ConfigDict } from '../util/serializable';
import { SGDOptimizer } from './sgd';

/** An optimizer as a saved training config holds it: its class name and its getConfig(). */
export interface OptimizerConfig {
  class_name: string;
  config: ConfigDict;
}

/** The built-in optimizer classes by class name; each one's static fromConfig passes a config's values to its constructor, which checks them. */
export const optimizerClasses: Record<string, OptimizerClass> = {
  SGD: SGDOptimizer, Momentum: MomentumOptimizer, RMSProp: RMSPropOptimizer, Adagrad: AdagradOptimizer,
  Adadelta: AdadeltaOptimizer, Adamax: AdamaxOptimizer, Adam: AdamOptimizer, AdamW: AdamWOptimizer,
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
  if (!Object.hasOwn(optimizerClasses, name)) throw argError(op, `${where}.class_name`, JSON.stringify(entry.class_name), `one of ${Object.keys(optimizerClasses).join(', ')}`);
  const raw = entry.config ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw argError(op, `${where}.config`, describeValue(raw), 'an object of hyper-parameters');
  // An absent (or null) value takes the constructor's default, as in TF.js.
  const config: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== null) config[toCamelCase(k)] = v;
  const cls = optimizerClasses[name] as OptimizerClass & typeof Optimizer;
  try {
    return cls.fromConfig(cls, config as ConfigDict);
  } catch (e) {
    throw new Error(`${op}: ${where}.config: ${messageOf(e)}`, { cause: e });
  }
}
