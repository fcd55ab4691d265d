import { backend } from '../backend/registry';
import { recordOp } from '../backprop';
import { Tensor, arrayTypeFor } from '../tensor';
import { mul, sub } from './binary';
import { mean } from './reduction';
import { argError, assertRank, assertTensor, fmtShape } from './validate';

/** Checks that labels holds integer class ids in [0, classes), naming the first bad one. */
export function checkSparseLabels(op: string, labels: Tensor, rows: number, classes: number): void {
  if (labels.rank !== 1 || labels.shape[0] !== rows) {
    throw argError(op, 'labels', `shape ${fmtShape(labels.shape)}`, `shape [${rows}] (one class id per row of logits)`);
  }
  const values = labels.hostValues();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v >= classes) {
      throw argError(op, `labels[${i}]`, String(v), `an integer class id in [0, ${classes})`);
    }
  }
}

/**
 * Mean over the batch of -log softmax(logits)[label], fused so it stays finite for any logits.
 * labels: [batch] integer class ids; logits: [batch, classes]. Differentiable in logits.
 * Arguments go (labels, logits) as TF.js's losses take them; since the ranks tell them apart,
 * (logits, labels) is read the same way.
 */
export function sparseSoftmaxCrossEntropy(labels: Tensor, logits: Tensor): Tensor {
  const op = 'sparseSoftmaxCrossEntropy';
  assertTensor(op, 'labels', labels);
  assertTensor(op, 'logits', logits);
  if (labels.rank === 2 && logits.rank === 1) [labels, logits] = [logits, labels];
  assertRank(op, 'logits', logits, 2);
  const [rows, classes] = logits.shape;
  checkSparseLabels(op, labels, rows, classes);
  const { losses, probs } = backend().sparseSoftmaxCrossEntropy(logits, labels);
  recordOp([logits], losses, (dy) => {
    const ids = labels.hostValues();
    const oneHot = new (arrayTypeFor(logits.dtype))(logits.size);
    for (let r = 0; r < rows; r++) oneHot[r * classes + ids[r]] = 1;
    return [mul(sub(probs, new Tensor(logits.shape, logits.dtype, oneHot)), dy.reshape([rows, 1]))];
  });
  return mean(losses);
}
