import { Tensor, arrayTypeFor } from '../tensor/tensor';
import { add, div, equal, greater, logicalAnd, maximum, minimum, mul, sub } from '../ops/binary';
import { max, mean, sum } from '../ops/reduction';
import { logSoftmax } from '../ops/softmax';
import { abs, exp, log, neg, relu, sqrt, square } from '../ops/unary';
import { argMax } from '../ops/arg-max';
import { cast } from '../ops/cast';
import { zerosLike } from '../ops/creation';
import { where } from '../ops/where';
import { argError, fmtShape } from '../util/validate';
import { assertTensor } from '../tensor/checks';
import { arraysEqual, sizeFromShape } from '../util/tf-util';
import { broadcastShapes } from '../backend/shapes';

/*
 * The Keras losses and metrics as tfjs-layers computes them: (yTrue, yPred) -> a value per sample
 * (the mean over the last axis), which the training loop averages over the batch.
 */

/** tfjs-layers's epsilon() for float32: probabilities are clipped by it before logs. */
export const EPSILON = 1e-7;

export type LossOrMetricFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

const clip = (x: Tensor, lo: number, hi: number) => minimum(maximum(x, lo), hi);
const LARGE = 3.4e38;

/**
 * f, refusing anything but tensors for yTrue and yPred (named for `name`), and shapes that do not broadcast unless f
 * checks them itself (`ownShapes`: equal shapes, or class ids beside probabilities), as `name`.
 */
export function checked(name: string, f: LossOrMetricFn, ownShapes = false): LossOrMetricFn {
  const g = (yTrue: Tensor, yPred: Tensor) => {
    assertTensor(name, 'yTrue', yTrue);
    assertTensor(name, 'yPred', yPred);
    // Named here, unless f checks the shapes itself: the op inside that would fail first (sub, equal, logicalAnd)
    // names its own a and b.
    if (!ownShapes && !broadcastShapes(yTrue.shape, yPred.shape)) {
      throw argError(name, 'yPred', `shape ${fmtShape(yPred.shape)}`, `a shape that broadcasts with yTrue's ${fmtShape(yTrue.shape)}`);
    }
    return f(yTrue, yPred);
  };
  Object.defineProperty(g, 'name', { value: name });
  return g;
}

/** log(1 + e^x), finite for any x. */
function softplus(x: Tensor): Tensor {
  return add(relu(x), log(add(1, exp(neg(abs(x))))));
}

function l2Normalize(x: Tensor, axis: number): Tensor {
  return div(x, sqrt(maximum(sum(square(x), axis, true), EPSILON)));
}

/**
 * Refuses yTrue unless it holds one class id per row of yPred (as TF.js flattens it, which throws on any other size,
 * and squeezes a last dim of yPred's rank, which throws unless it is 1): one-hot labels given to a sparse loss or
 * metric would otherwise be read as ids, also in an empty batch.
 */
function assertClassIds(op: string, labels: Tensor, like: Tensor): void {
  const rows = like.shape.slice(0, -1);
  if (labels.size !== sizeFromShape(rows) || (labels.rank === like.rank && labels.shape[labels.rank - 1] !== 1)) {
    throw argError(op, 'yTrue', `shape ${fmtShape(labels.shape)}`, `one class id per row of yPred ${fmtShape(like.shape)}: shape ${fmtShape(rows)} or ${fmtShape([...rows, 1])} (one-hot labels take the categorical, not sparse, loss or metric)`);
  }
}

/** Refuses a last dim below 2, as TF.js's oneHot refuses a depth of 1: a single unit is no class distribution. */
export function assertClasses(op: string, arg: string, shape: readonly number[]): void {
  if (shape[shape.length - 1] < 2) {
    throw argError(op, arg, `shape ${fmtShape(shape)}`, 'at least 2 classes in its last dim (a single sigmoid unit takes binaryCrossentropy)');
  }
}

/** Class ids [batch] or [batch, 1] as one-hot rows matching yPred's dtype and class count. */
export function oneHotLike(op: string, labels: Tensor, like: Tensor): Tensor {
  assertClassIds(op, labels, like);
  assertClasses(op, 'yPred', like.shape);
  const classes = like.shape[like.rank - 1];
  const ids = labels.hostValues();
  const values = new (arrayTypeFor(like.dtype))(ids.length * classes);
  for (let r = 0; r < ids.length; r++) {
    const id = Math.floor(ids[r]);
    if (id >= 0 && id < classes) values[r * classes + id] = 1;
  }
  return new Tensor(like.shape, like.dtype, values);
}

export const meanSquaredError = checked('meanSquaredError', (t, p) => mean(square(sub(p, t)), -1));
export const meanAbsoluteError = checked('meanAbsoluteError', (t, p) => mean(abs(sub(p, t)), -1));
export const meanAbsolutePercentageError = checked('meanAbsolutePercentageError', (t, p) =>
  mul(100, mean(abs(div(sub(t, p), clip(abs(t), EPSILON, LARGE))), -1)));
export const meanSquaredLogarithmicError = checked('meanSquaredLogarithmicError', (t, p) =>
  mean(square(sub(log(add(1, clip(p, EPSILON, LARGE))), log(add(1, clip(t, EPSILON, LARGE))))), -1));
export const squaredHinge = checked('squaredHinge', (t, p) => mean(square(maximum(0, sub(1, mul(t, p)))), -1));
export const hinge = checked('hinge', (t, p) => mean(maximum(0, sub(1, mul(t, p))), -1));
export const categoricalHinge = checked('categoricalHinge', (t, p) => {
  const pos = sum(mul(t, p), -1);
  const negative = max(mul(sub(1, t), p), -1);
  return maximum(0, add(1, sub(negative, pos)));
});
export const logcosh = checked('logcosh', (t, p) => {
  const d = sub(p, t);
  return mean(sub(add(d, softplus(mul(-2, d))), Math.log(2)), -1);
});
export const categoricalCrossentropy = checked('categoricalCrossentropy', (t, p) => {
  // Broadcast, a [batch, 1] yTrue against a [batch] yPred would sum a [batch, batch] product into nonsense.
  if (!arraysEqual(t.shape, p.shape)) throw argError('categoricalCrossentropy', 'yPred', `shape ${fmtShape(p.shape)}`, `yTrue's shape ${fmtShape(t.shape)}`);
  const q = clip(div(p, sum(p, -1, true)), EPSILON, 1 - EPSILON);
  return neg(sum(mul(t, log(q)), -1));
}, true);
/**
 * The most a cross-entropy term of a probability clipped at EPSILON can be, -log(EPSILON), in `dtype`'s precision
 * (tfjs-layers takes the log of the clipped float32 probability).
 */
export function crossEntropyCap(dtype: Tensor['dtype']): number {
  return dtype === 'float64' ? -Math.log(EPSILON) : Math.fround(-Math.log(Math.fround(EPSILON)));
}

/**
 * Cross-entropy of softmax logits against one-hot (or soft) rows, as tfjs-layers's categoricalCrossentropy gives it
 * on the softmax's output: each log-probability floored at log(EPSILON) (no gradient below it), exact otherwise.
 */
export function categoricalCrossentropyFromLogits(t: Tensor, logits: Tensor): Tensor {
  return neg(sum(mul(t, maximum(logSoftmax(logits), -crossEntropyCap(logits.dtype))), -1));
}
export const sparseCategoricalCrossentropy = checked('sparseCategoricalCrossentropy', (t, p) =>
  categoricalCrossentropy(oneHotLike('sparseCategoricalCrossentropy', t, p), clip(p, EPSILON, 1 - EPSILON)), true);
export const binaryCrossentropy = checked('binaryCrossentropy', (t, p) => {
  // TF.js's words: its sigmoid cross-entropy takes no broadcasting (a [3, 1] target against [3, 3] is a mistake).
  if (!arraysEqual(t.shape, p.shape)) {
    throw new Error(`logits and labels must have the same shape, but got shapes ${JSON.stringify(t.shape)} and ${JSON.stringify(p.shape)}`);
  }
  const q = clip(p, EPSILON, 1 - EPSILON);
  const logits = log(div(q, sub(1, q)));
  // sigmoid cross-entropy with logits: relu(z) - z·t + log(1 + e^-|z|)
  return mean(add(sub(relu(logits), mul(logits, t)), log(add(1, exp(neg(abs(logits)))))), -1);
});
export const kullbackLeiblerDivergence = checked('kullbackLeiblerDivergence', (t, p) =>
  sum(mul(t, log(div(clip(t, EPSILON, 1), clip(p, EPSILON, 1)))), -1));
export const poisson = checked('poisson', (t, p) => mean(sub(p, mul(t, log(add(p, EPSILON)))), -1));
export const cosineProximity = checked('cosineProximity', (t, p) => neg(sum(mul(l2Normalize(t, -1), l2Normalize(p, -1)), -1)));
/** Huber loss with delta 1 (tf.losses.huberLoss's default), per sample. */
export const huberLoss = checked('huberLoss', (t, p) => {
  const err = abs(sub(t, p));
  const quadratic = minimum(err, 1);
  return mean(add(mul(0.5, square(quadratic)), sub(err, quadratic)), -1);
});

export const binaryAccuracy = checked('binaryAccuracy', (t, p) => mean(equal(t, greater(p, 0.5)), -1));
// 1 or 0 per sample as float32, as tfjs-layers casts them (a bool tensor would read back as a Uint8Array).
export const categoricalAccuracy = checked('categoricalAccuracy', (t, p) => {
  // argMax of either would hide a mismatch (a [2, 3] yTrue against a [2, 4] yPred compared class ids of other sizes).
  if (!arraysEqual(t.shape, p.shape)) throw argError('categoricalAccuracy', 'yPred', `shape ${fmtShape(p.shape)}`, `yTrue's shape ${fmtShape(t.shape)}`);
  return cast(equal(argMax(t, -1), argMax(p, -1)), 'float32');
}, true);
export const sparseCategoricalAccuracy = checked('sparseCategoricalAccuracy', (t, p) => {
  assertClassIds('sparseCategoricalAccuracy', t, p);
  const ids = t.rank === p.rank ? t.reshape(t.shape.slice(0, -1)) : t;
  return cast(equal(ids, argMax(p, -1)), 'float32');
}, true);

/**
 * How many rows hold exactly `want` in yTrue and `got` in yPred, as a float scalar whatever yPred's dtype (as
 * tfjs-layers casts its counts: int32 counts would make the share below an integer division), float64 beside a
 * float64 yPred (ops: no read).
 */
function count(t: Tensor, p: Tensor, want: number, got: number): Tensor {
  return cast(sum(logicalAnd(equal(t, want), equal(p, got))), p.dtype === 'float64' ? 'float64' : 'float32');
}

/** a / (a + b), or 0 where a + b is 0, as tfjs-layers divides its counts. */
function share(a: Tensor, b: Tensor): Tensor {
  const whole = add(a, b);
  return where(greater(whole, 0), div(a, whole), zerosLike(whole));
}

/** tp / (tp + fp) over the batch, counting exact 0/1 values as tfjs-layers does (0 when nothing is predicted positive). */
export const precision = checked('precision', (t, p) => share(count(t, p, 1, 1), count(t, p, 0, 1)));
/** tp / (tp + fn) over the batch, as tfjs-layers computes it. */
export const recall = checked('recall', (t, p) => share(count(t, p, 1, 1), count(t, p, 1, 0)));

/** tfjs-layers's losses by the names compile takes (its lossesMap: no short aliases such as 'mse', which TF.js refuses as a loss). */
export const lossFunctions: Record<string, LossOrMetricFn> = {
  meanSquaredError, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredLogarithmicError, squaredHinge, hinge,
  categoricalHinge, logcosh, categoricalCrossentropy, sparseCategoricalCrossentropy, binaryCrossentropy,
  kullbackLeiblerDivergence, poisson, cosineProximity,
};

/** tfjs-layers's metrics by the names compile takes besides 'accuracy', 'acc', 'crossentropy' and 'ce' (its metricsMap). */
export const metricFunctions: Record<string, LossOrMetricFn> = {
  binaryAccuracy, categoricalAccuracy, precision, categoricalCrossentropy, sparseCategoricalCrossentropy,
  mse: meanSquaredError, MSE: meanSquaredError, mae: meanAbsoluteError, MAE: meanAbsoluteError,
  mape: meanAbsolutePercentageError, MAPE: meanAbsolutePercentageError, cosine: cosineProximity,
};
