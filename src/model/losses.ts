import { Tensor, arrayTypeFor } from '../tensor/tensor';
import { div, maximum, minimum, mul, sub } from '../ops/binary';
import { sparseSoftmaxCrossEntropy, checkSparseLabels } from '../ops/cross-entropy';
import { mean, sum } from '../ops/reduction';
import { logSoftmax } from '../ops/softmax';
import { log, neg, square } from '../ops/unary';
import { argError, fmtShape, fmtValue } from '../util/validate';

/** Keras clips probabilities by this before taking logs. */
const EPSILON = 1e-7;

export interface Loss {
  /** The TF.js name. */
  readonly name: LossName;
  /** When the model's last layer is a softmax, the loss takes its logits instead (stable, as Keras does). */
  readonly fromSoftmaxLogits: boolean;
  /** Throws when yTrue cannot be a target for predictions of shape predShape ([batch, ...]). */
  checkTargets(op: string, yTrue: Tensor, predShape: readonly number[]): void;
  /** Mean loss over the batch; `logits` says yPred holds the pre-softmax values. */
  compute(yTrue: Tensor, yPred: Tensor, logits: boolean): Tensor;
}

export type LossName = 'sparseCategoricalCrossentropy' | 'categoricalCrossentropy' | 'meanSquaredError';

function clipProbs(p: Tensor): Tensor {
  return minimum(maximum(p, EPSILON), 1 - EPSILON);
}

function oneHot(labels: Tensor, classes: number, like: Tensor): Tensor {
  const ids = labels.hostValues();
  const values = new (arrayTypeFor(like.dtype))(ids.length * classes);
  for (let r = 0; r < ids.length; r++) values[r * classes + ids[r]] = 1;
  return new Tensor([ids.length, classes], like.dtype, values);
}

function sameShape(op: string, yTrue: Tensor, predShape: readonly number[]): void {
  if (yTrue.shape.length !== predShape.length || yTrue.shape.some((d, i) => d !== predShape[i])) {
    throw argError(op, 'y', `shape ${fmtShape(yTrue.shape)}`, `shape ${fmtShape(predShape)} to match the model's output`);
  }
}

const sparseCategoricalCrossentropy: Loss = {
  name: 'sparseCategoricalCrossentropy',
  fromSoftmaxLogits: true,
  checkTargets(op, yTrue, predShape) {
    if (predShape.length !== 2) throw argError(op, 'loss', `a model output of shape ${fmtShape(predShape)}`, 'a model whose output is [batch, classes] for sparseCategoricalCrossentropy');
    const labels = yTrue.rank === 2 && yTrue.shape[1] === 1 ? yTrue.reshape([-1]) : yTrue;
    checkSparseLabels(op, labels, predShape[0], predShape[1]);
  },
  compute(yTrue, yPred, logits) {
    const labels = yTrue.rank === 2 ? yTrue.reshape([-1]) : yTrue;
    if (logits) return sparseSoftmaxCrossEntropy(labels, yPred);
    const picked = sum(mul(yPred, oneHot(labels, yPred.shape[1], yPred)), -1);
    return mean(neg(log(clipProbs(picked))));
  },
};

const categoricalCrossentropy: Loss = {
  name: 'categoricalCrossentropy',
  fromSoftmaxLogits: true,
  checkTargets: (op, yTrue, predShape) => sameShape(op, yTrue, predShape),
  compute(yTrue, yPred, logits) {
    if (logits) return mean(neg(sum(mul(yTrue, logSoftmax(yPred)), -1)));
    const p = clipProbs(div(yPred, sum(yPred, -1, true)));
    return mean(neg(sum(mul(yTrue, log(p)), -1)));
  },
};

const meanSquaredError: Loss = {
  name: 'meanSquaredError',
  fromSoftmaxLogits: false,
  checkTargets: (op, yTrue, predShape) => sameShape(op, yTrue, predShape),
  compute: (yTrue, yPred) => mean(square(sub(yPred, yTrue))),
};

const losses: Record<LossName, Loss> = { sparseCategoricalCrossentropy, categoricalCrossentropy, meanSquaredError };
const aliases: Record<string, LossName> = {
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  mean_squared_error: 'meanSquaredError',
  mse: 'meanSquaredError',
};

export const lossNames = Object.keys(losses) as LossName[];

export function getLoss(op: string, name: unknown): Loss {
  const key = typeof name === 'string' ? (Object.hasOwn(losses, name) ? (name as LossName) : aliases[name]) : undefined;
  if (!key || !Object.hasOwn(losses, key)) throw argError(op, 'loss', fmtValue(name), `one of ${lossNames.map((n) => `'${n}'`).join(', ')}`);
  return losses[key];
}
