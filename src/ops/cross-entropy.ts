import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { mean } from './reduction';
import { argError, fmtShape } from '../util/validate';
import { assertRank, assertTensor } from '../tensor/checks';

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

export interface CrossEntropyAttrs {
  labels: Tensor;
  probs: Tensor;
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
  // One recorded op from the logits to the mean (the per-row losses are on no tape): its rule scales by dy / rows
  // at once, where the tape would otherwise run the mean's division and the sum's broadcast backwards first.
  const loss = mean(losses);
  recordOp<CrossEntropyAttrs>('sparseSoftmaxCrossEntropy', [logits], loss, { labels, probs });
  return loss;
}
