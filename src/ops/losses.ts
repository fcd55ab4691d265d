import { assertSameDtype } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, assertFiniteNumber, describeValue, fmtShape, normalizeAxes } from '../util/validate';
import { add, minimum, mul, sub } from './binary';
import { squaredDifference } from './arithmetic';
import { cast, floatOperands } from './cast';
import { Reduction, weightedLoss } from './loss-reduction';
import { sum } from './reduction';
import { logSoftmax } from './softmax';
import type { TensorLike } from './tensor-like';
import { log1p } from './special';
import { abs, exp, log, neg, relu, square } from './unary';

// The functional losses of tf.losses, each the same formula as TF.js's, ending in computeWeightedLoss's weighting
// and reduction (default SUM_BY_NONZERO_WEIGHTS). Made of recorded ops: differentiable to any order.

export { computeWeightedLoss } from './loss-reduction';

const DEFAULT = Reduction.SUM_BY_NONZERO_WEIGHTS;

const isFloat = (t: Tensor) => t.dtype === 'float32' || t.dtype === 'float64';

/**
 * The two operands of a loss (tensors, or TensorLike values as TF.js converts them), of one shape: integer or
 * boolean labels (tf.oneHot gives int32) become the predictions' float dtype, as TF.js's arithmetic upcasts them.
 */
function pair(op: string, labelsIn: Tensor | TensorLike, predictionsIn: Tensor | TensorLike, names: [string, string] = ['labels', 'predictions']): [Tensor, Tensor] {
  const [labels, predictions] = floatOperands(op, [[names[0], labelsIn], [names[1], predictionsIn]]);
  if (labels.rank !== predictions.rank || labels.shape.some((d, i) => d !== predictions.shape[i])) {
    throw new Error(`${op}: ${names[0]} and ${names[1]} must have the same shape, got ${fmtShape(labels.shape)} and ${fmtShape(predictions.shape)}`);
  }
  // An int32 side meets a float one as TF.js's arithmetic upcasts it, whichever side it is.
  const l = !isFloat(labels) && isFloat(predictions) ? cast(labels, predictions.dtype) : labels;
  const p = isFloat(labels) && !isFloat(predictions) ? cast(predictions, labels.dtype) : predictions;
  assertSameDtype(op, l, p, names[0], names[1]);
  return [l, p];
}

function labelSmoothingOf(op: string, v: unknown): number {
  const s = assertFiniteNumber(op, 'labelSmoothing', v);
  if (s < 0 || s > 1) throw argError(op, 'labelSmoothing', describeValue(v), 'a number in [0, 1]');
  return s;
}

/** |labels - predictions|, weighted and reduced, as tf.losses.absoluteDifference. */
export function absoluteDifference<T extends Tensor, O extends Tensor>(labels: T | TensorLike, predictions: T | TensorLike, weights?: Tensor | TensorLike, reduction: Reduction = DEFAULT): O {
  [labels, predictions] = pair('absoluteDifference', labels, predictions) as [T, T];
  return weightedLoss('absoluteDifference', abs(sub(labels, predictions)), weights, reduction) as O;
}

/** (labels - predictions)², weighted and reduced, as tf.losses.meanSquaredError. */
export function meanSquaredError<T extends Tensor, O extends Tensor>(labels: T | TensorLike, predictions: T | TensorLike, weights?: Tensor | TensorLike, reduction: Reduction = DEFAULT): O {
  [labels, predictions] = pair('meanSquaredError', labels, predictions) as [T, T];
  return weightedLoss('meanSquaredError', squaredDifference(labels, predictions), weights, reduction) as O;
}

/** max(0, 1 - (2·labels - 1)·predictions) for labels in {0, 1}, as tf.losses.hingeLoss. */
export function hingeLoss<T extends Tensor, O extends Tensor>(labels: T | TensorLike, predictions: T | TensorLike, weights?: Tensor | TensorLike, reduction: Reduction = DEFAULT): O {
  [labels, predictions] = pair('hingeLoss', labels, predictions) as [T, T];
  const signs = sub(mul(labels, 2), 1);
  return weightedLoss('hingeLoss', relu(sub(1, mul(signs, predictions))), weights, reduction) as O;
}

/** Quadratic within delta of the label, linear beyond, as tf.losses.huberLoss(labels, predictions, weights?, delta = 1, reduction?). */
export function huberLoss<T extends Tensor, O extends Tensor>(labels: T | TensorLike, predictions: T | TensorLike, weights?: Tensor | TensorLike, delta = 1.0, reduction: Reduction = DEFAULT): O {
  [labels, predictions] = pair('huberLoss', labels, predictions) as [T, T];
  if (assertFiniteNumber('huberLoss', 'delta', delta) <= 0) throw argError('huberLoss', 'delta', describeValue(delta), 'a positive number');
  const error = abs(sub(predictions, labels));
  const quadratic = minimum(error, delta);
  const linear = sub(error, quadratic);
  return weightedLoss('huberLoss', add(mul(square(quadratic), 0.5), mul(linear, delta)), weights, reduction) as O;
}

/** -labels·log(p + ε) - (1 - labels)·log(1 - p + ε), as tf.losses.logLoss(labels, predictions, weights?, epsilon = 1e-7, reduction?). */
export function logLoss<T extends Tensor, O extends Tensor>(labels: T | TensorLike, predictions: T | TensorLike, weights?: Tensor | TensorLike, epsilon = 1e-7, reduction: Reduction = DEFAULT): O {
  [labels, predictions] = pair('logLoss', labels, predictions) as [T, T];
  assertFiniteNumber('logLoss', 'epsilon', epsilon);
  const hit = neg(mul(labels, log(add(predictions, epsilon))));
  const miss = mul(sub(1, labels), log(add(sub(1, predictions), epsilon)));
  return weightedLoss('logLoss', sub(hit, miss), weights, reduction) as O;
}

/**
 * 1 - Σ_axis labels·predictions (the axis kept, as size 1), as tf.losses.cosineDistance(labels, predictions, axis, weights?, reduction?);
 * without an axis (as when compile calls it as a loss) the sum runs over every axis, as TF.js's.
 */
export function cosineDistance<T extends Tensor, O extends Tensor>(labels: T | TensorLike, predictions: T | TensorLike, axis: number, weights?: Tensor | TensorLike, reduction: Reduction = DEFAULT): O {
  [labels, predictions] = pair('cosineDistance', labels, predictions) as [T, T];
  if (axis != null && typeof axis !== 'number') throw argError('cosineDistance', 'axis', describeValue(axis), `an integer axis in [${-labels.rank}, ${labels.rank})`);
  const a = axis == null ? undefined : normalizeAxes('cosineDistance', axis, labels.rank)[0];
  return weightedLoss('cosineDistance', sub(1, sum(mul(labels, predictions), a, true)), weights, reduction) as O;
}

/**
 * The sigmoid cross-entropy of logits against labels in [0, 1], computed stably as max(x, 0) - x·z + log(1 + e^-|x|),
 * with labels smoothed towards 1/2, as tf.losses.sigmoidCrossEntropy(multiClassLabels, logits, weights?, labelSmoothing = 0, reduction?).
 */
export function sigmoidCrossEntropy<T extends Tensor, O extends Tensor>(
  multiClassLabels: T | TensorLike, logits: T | TensorLike, weights?: Tensor | TensorLike, labelSmoothing?: number, reduction: Reduction = DEFAULT,
): O {
  labelSmoothing ??= 0; // null too, which TF.js reads as no smoothing
  const op = 'sigmoidCrossEntropy';
  [multiClassLabels, logits] = pair(op, multiClassLabels, logits, ['multiClassLabels', 'logits']) as [T, T];
  const s = labelSmoothingOf(op, labelSmoothing);
  const z = s > 0 ? add(mul(multiClassLabels, 1 - s), 0.5 * s) : multiClassLabels;
  const losses = add(sub(relu(logits), mul(logits, z)), log1p(exp(neg(abs(logits)))));
  return weightedLoss(op, losses, weights, reduction) as O;
}

/**
 * -Σ labels·log softmax(logits) over the last axis (one loss per row), with labels smoothed towards 1/classes,
 * as tf.losses.softmaxCrossEntropy(onehotLabels, logits, weights?, labelSmoothing = 0, reduction?).
 */
export function softmaxCrossEntropy<T extends Tensor, O extends Tensor>(
  onehotLabels: T | TensorLike, logits: T | TensorLike, weights?: Tensor | TensorLike, labelSmoothing?: number, reduction: Reduction = DEFAULT,
): O {
  labelSmoothing ??= 0; // null too, which TF.js reads as no smoothing
  const op = 'softmaxCrossEntropy';
  [onehotLabels, logits] = pair(op, onehotLabels, logits, ['onehotLabels', 'logits']) as [T, T];
  if (logits.rank === 0) throw argError(op, 'logits', 'a scalar', 'a tensor of rank >= 1 (classes along the last axis)');
  const s = labelSmoothingOf(op, labelSmoothing);
  const classes = logits.shape[logits.rank - 1];
  const labels = s > 0 ? add(mul(onehotLabels, 1 - s), s / classes) : onehotLabels;
  const losses = neg(sum(mul(labels, logSoftmax(logits)), -1));
  return weightedLoss(op, losses, weights, reduction) as O;
}
