import type { Variable } from '../tensor/variable';
import type { Optimizer } from '../optimizers/optimizer';
import { getOptimizer } from '../optimizers/index';
import { argError, fmtValue, optionsArg } from '../util/validate';
import type { LossOrMetricFn } from './loss-functions';
import { getLoss, type Loss } from './losses';
import { getMetric, type Metric } from './metrics';

type PerOutput<T> = T | T[] | Record<string, T>;

export interface ModelCompileArgs {
  optimizer: string | Optimizer;
  /** One loss for every output, one per output (array or map by output name). */
  loss: PerOutput<string | LossOrMetricFn>;
  metrics?: PerOutput<string | LossOrMetricFn | (string | LossOrMetricFn)[]>;
  /** Weights of the outputs' losses in the total (array or map by output name; default 1 each). */
  lossWeights?: number[] | Record<string, number>;
}

/** What compile settles: the optimizer, a loss and weight per output, and the metrics per output (resolved once shapes are known). */
export interface Compiled {
  optimizer: Optimizer;
  /** True for an optimizer compile made from a name: the model owns it and frees its state with itself, as TF.js. */
  ownsOptimizer: boolean;
  /** The loss, metrics and loss weights as given, which a saved training config names. */
  args: Pick<ModelCompileArgs, 'loss' | 'metrics' | 'lossWeights'>;
  losses: Loss[];
  lossWeights: number[];
  metricSpecs: unknown[][];
  metrics: Metric[][] | null;
  /**
   * The trainable weights when compile ran (TF.js's collectedTrainableWeights): training updates those of them
   * whose flag is still on, so freezing takes effect at once but unfreezing needs a new compile, as in TF.js.
   */
  collectedWeights: Variable[];
}

/** A value given once, per output in order, or by output name; each output's entry. */
function perOutput<T>(op: string, arg: string, v: unknown, names: readonly string[], fallback: T | undefined, isOne: (x: unknown) => boolean): T[] {
  if (Array.isArray(v) && !isOne(v)) {
    if (v.length !== names.length) throw argError(op, arg, `${v.length} entries`, `one per output (${names.length}: ${names.join(', ')})`);
    return v as T[];
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isOne(v)) {
    const rec = v as Record<string, T>;
    for (const k of Object.keys(rec)) if (!names.includes(k)) throw argError(op, arg, `the key '${k}'`, `keys naming the model's outputs (${names.map((n) => `'${n}'`).join(', ')})`);
    return names.map((n) => {
      if (!Object.hasOwn(rec, n) && fallback === undefined) throw argError(op, arg, `no entry for output '${n}'`, `an entry for every output (${names.join(', ')})`);
      return Object.hasOwn(rec, n) ? rec[n] : (fallback as T);
    });
  }
  return names.map(() => (v === undefined ? (fallback as T) : (v as T)));
}

/** Checks compile's arguments and resolves every loss and optimizer name, as model.compile(args). */
export function compileArgs(given: ModelCompileArgs, outputNames: readonly string[]): Omit<Compiled, 'collectedWeights'> {
  const op = 'compile';
  if (given === null || typeof given !== 'object') throw argError(op, 'args', typeof given, 'an object {optimizer, loss, metrics?, lossWeights?}');
  const args = optionsArg(op, 'args', given, ['optimizer', 'loss', 'metrics', 'lossWeights']);
  if (args.loss === undefined) throw argError(op, 'loss', 'nothing', 'a loss name or function (or one per output)');
  const lossSpecs = perOutput<unknown>(op, 'loss', args.loss, outputNames, undefined, (x) => typeof x === 'string' || typeof x === 'function');
  const losses = lossSpecs.map((s, i) => getLoss(op, s, outputNames.length > 1 ? `loss['${outputNames[i]}']` : 'loss'));
  const lossWeights = perOutput<number>(op, 'lossWeights', args.lossWeights, outputNames, 1, (x) => typeof x === 'number');
  lossWeights.forEach((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w)) throw argError(op, `lossWeights['${outputNames[i]}']`, fmtValue(w), 'a finite number');
  });
  // As tfjs-layers's collectMetrics: a list applies to every output; a map gives each output its own.
  const metricSpecs = perOutput<unknown>(op, 'metrics', args.metrics, outputNames, [], (x) => typeof x === 'string' || typeof x === 'function' || Array.isArray(x))
    .map((m) => (m === undefined ? [] : Array.isArray(m) ? m : [m]));
  // Names are checked now (shapes decide what 'accuracy' means later).
  metricSpecs.flat().forEach((m) => getMetric(op, m, losses[0], [2]));
  const optimizer = getOptimizer(op, args.optimizer);
  return { optimizer, ownsOptimizer: typeof args.optimizer === 'string', args: { loss: args.loss, metrics: args.metrics, lossWeights: args.lossWeights }, losses, lossWeights, metricSpecs, metrics: null };
}

/** The metrics per output, resolved against the output shapes on first use. */
export function resolveMetrics(c: Compiled, outputShapes: readonly (readonly number[])[]): Metric[][] {
  c.metrics ??= c.metricSpecs.map((specs, i) => specs.map((m) => getMetric('compile', m, c.losses[i], outputShapes[i])));
  return c.metrics;
}
