import { optimizerConfig, optimizerFromConfig, type NamedTensor, type Optimizer, type OptimizerConfig } from '../optimizers/index';
import type { Variable } from '../tensor/variable';
import { toCamelCase, toSnakeCase } from '../util/case';
import { argError, describeValue, messageOf } from '../util/validate';
import { badValue, describe, isRecord, own } from '../io/json-checks';
import { metricNames } from './metrics';
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
  // A metric is a name, or an object Keras 2.13+ writes ({class_name, config}); one tessera cannot compute is left out.
  const metric = (at: string, x: unknown) => (isRecord(x) ? kerasMetric(op, `${where}.${at}`, x) : camelName(at, x));
  const list = (at: string, xs: unknown[]) => xs.map((x, i) => metric(`${at}[${i}]`, x)).filter((n): n is string => n !== null);
  const entry = (at: string, x: unknown) => (Array.isArray(x) ? list(at, x) : metric(at, x) ?? []);
  const loss = own(value, 'loss');
  if (loss == null) throw badValue(op, `${where}.loss`, loss, 'a loss name (or one per output)');
  const metrics = own(value, 'metrics');
  const lossWeights = own(value, 'loss_weights');
  return {
    optimizer: optimizerFromConfig(op, `${where}.optimizer_config`, own(value, 'optimizer_config')),
    loss: mapSpec(loss, (x, at) => camelName(`loss${at}`, x)) as ModelCompileArgs['loss'],
    // Keras writes one list per output ([['accuracy']]): kept as lists, given to the outputs by compileArgsFor.
    ...(metrics == null ? {} : {
      metrics: (Array.isArray(metrics) && !metrics.every(Array.isArray) ? list('metrics', metrics) : mapSpec(metrics, (x, at) => entry(`metrics${at}`, x))) as ModelCompileArgs['metrics'],
    }),
    ...(lossWeights == null ? {} : { lossWeights: lossWeights as ModelCompileArgs['lossWeights'] }),
  };
}

/**
 * A metric object Keras 2.13+ writes ({class_name: 'MeanMetricWrapper', config: {name: 'accuracy', fn:
 * 'categorical_accuracy'}}): the metric tessera computes for its function, else for its name; null, with a warning,
 * where tessera has neither (TF.js loads such a model too, and then fails in evaluate and fit).
 */
function kerasMetric(op: string, where: string, v: Record<string, unknown>): string | null {
  const config = own(v, 'config');
  const names = isRecord(config) ? [own(config, 'fn'), own(config, 'name')].filter((n): n is string => typeof n === 'string').map(toCamelCase) : [];
  const known = names.find((n) => metricNames.includes(n));
  if (known === undefined) console.warn(`${op}: ${where} (${describe(own(v, 'class_name'))}: ${names.join(', ') || 'no name'}) names no metric tessera computes; the model is compiled without it`);
  return known ?? null;
}

/** compile()'s arguments for a model with these outputs: Keras's one metric list per output becomes a map by output name. */
export function compileArgsFor(args: ModelCompileArgs, outputNames: readonly string[]): ModelCompileArgs {
  const m = args.metrics;
  if (!Array.isArray(m) || m.length === 0 || !m.every(Array.isArray)) return args;
  if (m.length !== outputNames.length) throw new Error(`metrics holds ${m.length} lists, one per output (${outputNames.length}: ${outputNames.join(', ')}) was expected`);
  return { ...args, metrics: Object.fromEntries(outputNames.map((n, i) => [n, m[i]])) };
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
