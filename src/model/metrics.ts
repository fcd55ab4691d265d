import type { Tensor } from '../tensor/tensor';
import { argError, fmtValue } from '../util/validate';
import { binaryAccuracy, binaryCrossentropy, categoricalAccuracy, categoricalCrossentropy, lossFunctions, metricFunctions, sparseCategoricalAccuracy, sparseCategoricalCrossentropy, type LossOrMetricFn } from './loss-functions';
import { functionName, isBinaryCrossentropy, isSparseCrossentropy, type Loss } from './losses';

/** A metric of one output: the name logs use (without any output prefix) and its per-sample function. */
export interface Metric {
  readonly name: string;
  readonly fn: (yTrue: Tensor, yPred: Tensor) => Tensor;
}

export const metricNames = ['accuracy', 'acc', 'crossentropy', 'ce', ...Object.keys(metricFunctions)];

/**
 * Resolves a metric as tfjs-layers's compile does: 'accuracy' / 'acc' (logged as 'acc') and 'crossentropy' / 'ce'
 * (logged as 'ce') follow the output (last dim 1 or binary cross-entropy: binary; sparse loss: sparse; else
 * categorical); other names and functions are logged under their tfjs-layers name.
 */
export function getMetric(op: string, spec: unknown, loss: Loss, outputShape: readonly number[]): Metric {
  const binary = outputShape[outputShape.length - 1] === 1 || isBinaryCrossentropy(loss);
  if (spec === 'accuracy' || spec === 'acc') {
    return { name: 'acc', fn: binary ? binaryAccuracy : isSparseCrossentropy(loss) ? sparseCategoricalAccuracy : categoricalAccuracy };
  }
  if (spec === 'crossentropy' || spec === 'ce') {
    return { name: 'ce', fn: binary ? binaryCrossentropy : isSparseCrossentropy(loss) ? sparseCategoricalCrossentropy : categoricalCrossentropy };
  }
  if (typeof spec === 'string' && Object.hasOwn(metricFunctions, spec)) return { name: spec, fn: metricFunctions[spec] };
  if (typeof spec === 'function') return { name: functionName(spec as LossOrMetricFn, [lossFunctions, metricFunctions]), fn: spec as LossOrMetricFn };
  throw argError(op, 'metrics', fmtValue(spec), `metric functions or names from ${metricNames.map((n) => `'${n}'`).join(', ')}`);
}
