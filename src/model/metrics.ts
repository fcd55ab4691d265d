import type { LossName } from './losses';
import type { TypedArray } from '../tensor/tensor';
import { argError, fmtValue } from '../util/validate';

/** A metric over one batch, computed on the host from the targets and the predictions (or logits). */
export interface Metric {
  /** The name it is reported under, as TF.js reports it ('acc' for 'accuracy' and 'acc'). */
  readonly name: string;
  /** Mean over the batch's rows. */
  compute(yTrue: TypedArray, yPred: TypedArray, rows: number): number;
}

function argmax(v: TypedArray, offset: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (v[offset + j] > v[offset + best]) best = j;
  return best;
}

type MetricFn = Metric['compute'];

const sparseCategoricalAccuracy: MetricFn = (yTrue, yPred, rows) => {
  const classes = yPred.length / rows;
  let hits = 0;
  for (let r = 0; r < rows; r++) if (argmax(yPred, r * classes, classes) === yTrue[r]) hits++;
  return hits / rows;
};

const categoricalAccuracy: MetricFn = (yTrue, yPred, rows) => {
  const classes = yPred.length / rows;
  let hits = 0;
  for (let r = 0; r < rows; r++) if (argmax(yPred, r * classes, classes) === argmax(yTrue, r * classes, classes)) hits++;
  return hits / rows;
};

const binaryAccuracy: MetricFn = (yTrue, yPred) => {
  let hits = 0;
  for (let i = 0; i < yPred.length; i++) if ((yPred[i] > 0.5 ? 1 : 0) === yTrue[i]) hits++;
  return hits / yPred.length;
};

const explicit: Record<string, MetricFn> = { sparseCategoricalAccuracy, categoricalAccuracy, binaryAccuracy };
const forLoss: Record<LossName, MetricFn> = {
  sparseCategoricalCrossentropy: sparseCategoricalAccuracy,
  categoricalCrossentropy: categoricalAccuracy,
  meanSquaredError: binaryAccuracy,
};

export const metricNames = ['accuracy', 'acc', ...Object.keys(explicit)];

/**
 * Resolves a metric name; 'accuracy' follows the loss, as Keras resolves it, and is reported as
 * 'acc' (and 'val_acc'), the name TF.js's logs and History use for both spellings.
 */
export function getMetric(op: string, name: unknown, loss: LossName): Metric {
  if (name === 'accuracy' || name === 'acc') return { name: 'acc', compute: forLoss[loss] };
  if (typeof name === 'string' && Object.hasOwn(explicit, name)) return { name, compute: explicit[name] };
  throw argError(op, 'metrics', fmtValue(name), `names from ${metricNames.map((n) => `'${n}'`).join(', ')}`);
}
