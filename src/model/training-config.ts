import { optimizerConfig, optimizerFromConfig, type NamedTensor, type Optimizer, type OptimizerConfig } from '../optimizers/index';
import type { Variable } from '../tensor/variable';
import { toCamelCase, toSnakeCase } from '../util/case';
import { argError, describeValue, messageOf } from '../util/validate';
import { badValue, isRecord, own } from '../io/json-checks';
import type { Compiled, ModelCompileArgs } from './compile';
import { functionName } from './losses';
import { lossFunctions, metricFunctions, type LossOrMetricFn } from './loss-functions';

/** A compiled model's training settings in a saved model (model.json's trainingConfig), as TF.js writes them. */
export interface TrainingConfig {
  loss: string | string[] | Record<string, string>;
  metrics: string[] | Record<string, string | string[]>;
  optimizer_config: OptimizerConfig;
  loss_weights?: number[] | Record<string, number>;
}

/** A loss or metric as the config names it: its name in snake_case (TF.js saves no function, only names). */
function savedName(op: string, arg: string, v: unknown, isLoss: boolean): string {
  if (typeof v === 'string') return toSnakeCase(v);
  if (typeof v === 'function' && !isLoss) return toSnakeCase(functionName(v as LossOrMetricFn, [lossFunctions, metricFunctions]));
  throw argError(op, arg, describeValue(v), 'a loss given by name to compile (a function cannot be saved in the training config, in TF.js either); save without includeOptimizer');
}

function mapSpec<T>(v: unknown, one: (x: unknown, key: string) => T): T | T[] | Record<string, T> {
  if (Array.isArray(v)) return v.map((x, i) => one(x, `[${i}]`));
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, one(x, `['${k}']`)]));
  return one(v, '');
}

/** What TF.js's getTrainingConfig writes for a compiled model (its includeOptimizer save). */
export function trainingConfigOf(op: string, compiled: Compiled): TrainingConfig {
  const { loss, metrics, lossWeights } = compiled.args;
  const metricName = (m: unknown, key: string): string | string[] =>
    Array.isArray(m) ? m.map((x, i) => savedName(op, `metrics${key}[${i}]`, x, false)) : savedName(op, `metrics${key}`, m, false);
  const config: TrainingConfig = {
    loss: mapSpec(loss, (l, key) => savedName(op, `loss${key}`, l, true)),
    // As TF.js: a list of names, or a map by output; {} when compile had none.
    metrics: metrics === undefined ? {} : Array.isArray(metrics) || isRecord(metrics) ? (mapSpec(metrics, metricName) as TrainingConfig['metrics']) : [savedName(op, 'metrics', metrics, false)],
    optimizer_config: optimizerConfig(compiled.optimizer),
  };
  if (lossWeights !== undefined) config.loss_weights = lossWeights;
  return config;
}

/** compile()'s arguments from a saved training config (TF.js's or Keras's), as TF.js's loadTrainingConfig reads it. */
export function readTrainingConfig(op: string, where: string, value: unknown): ModelCompileArgs {
  if (!isRecord(value)) throw badValue(op, where, value, 'an object {loss, metrics, optimizer_config}');
  for (const key of ['weighted_metrics', 'sample_weight_mode']) {
    if (own(value, key) != null) throw badValue(op, `${where}.${key}`, own(value, key), 'absent (tessera, as TF.js, does not load it)');
  }
  const camelName = (at: string, x: unknown) => {
    if (typeof x !== 'string') throw badValue(op, `${where}.${at}`, x, 'a loss or metric name');
    return toCamelCase(x);
  };
  const names = (key: string, v: unknown) =>
    mapSpec(v, (x, at) => {
      if (Array.isArray(x) && key === 'metrics') return x.map((y, i) => camelName(`${key}${at}[${i}]`, y));
      return camelName(`${key}${at}`, x);
    });
  const loss = own(value, 'loss');
  if (loss == null) throw badValue(op, `${where}.loss`, loss, 'a loss name (or one per output)');
  const metrics = own(value, 'metrics');
  const lossWeights = own(value, 'loss_weights');
  return {
    optimizer: optimizerFromConfig(op, `${where}.optimizer_config`, own(value, 'optimizer_config')),
    loss: names('loss', loss) as ModelCompileArgs['loss'],
    ...(metrics == null ? {} : { metrics: names('metrics', metrics) as ModelCompileArgs['metrics'] }),
    ...(lossWeights == null ? {} : { lossWeights: lossWeights as ModelCompileArgs['lossWeights'] }),
  };
}

/** What restoring reads of a loaded model (a LayersModel; named by shape, as layers-model imports this module). */
interface CompiledModel {
  readonly optimizer: Optimizer | null;
  readonly trainableWeights: Variable[];
  dispose(): void;
}

/**
 * Restores a loaded (and compiled) model's optimizer state as TF.js does, by position: after 'iter', each kind of
 * slot lists one entry per trainable weight in the model's order (the names in the file are the saving process's
 * variables). On failure the model is freed, never left half restored.
 */
export function restoreOptimizer(op: string, model: CompiledModel, weights: NamedTensor[]): void {
  try {
    const trainable = model.trainableWeights;
    const slots = weights.slice(1);
    const baseName = (w: NamedTensor) => w.name.replace(/:\d+$/, '');
    if (weights[0] === undefined || baseName(weights[0]) !== 'iter' || (trainable.length === 0 ? slots.length > 0 : slots.length % trainable.length !== 0)) {
      throw new Error(`'iter' then whole sets of one slot per trainable weight (${trainable.length}) were expected, got ${weights.map((w) => w.name).join(', ')}`);
    }
    const plan = slots.map((w, j) => ({ param: trainable[j % trainable.length], kind: baseName(w).split('/').pop() as string, tensor: w.tensor }));
    (model.optimizer as Optimizer).restoreSlots(op, weights[0].tensor, plan);
  } catch (e) {
    model.dispose();
    throw new Error(`${op}: the optimizer weights do not fit the model: ${messageOf(e)}`, { cause: e });
  } finally {
    for (const w of weights) w.tensor.dispose();
  }
}
