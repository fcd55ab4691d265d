import { backend } from './engine';
import { isRecording, recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { greater, sub } from './binary';
import { cast } from './cast';
import { mean } from './reduction';
import { reshape } from './reshape';
import { where } from './where';
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
  /** [rows, 1]: 0 for the rows whose loss was capped (their gradient is zero), 1 for the others; null when none was. */
  keep: Tensor | null;
}

/**
 * Mean over the batch of -log softmax(logits)[label], fused so it stays finite for any logits.
 * labels: [batch] integer class ids; logits: [batch, classes]. Differentiable in logits.
 * Arguments go (labels, logits) as TF.js's losses take them; since the ranks tell them apart,
 * (logits, labels) is read the same way.
 */
export function sparseSoftmaxCrossEntropy(labels: Tensor, logits: Tensor): Tensor {
  return fusedCrossEntropy('sparseSoftmaxCrossEntropy', labels, logits, Infinity);
}

/**
 * sparseSoftmaxCrossEntropy with each row's loss capped at `cap`, those rows' gradient zero: what tfjs-layers's
 * cross-entropy gives on a softmax output, whose probabilities it clips below at epsilon (losses.ts).
 */
export function cappedSparseSoftmaxCrossEntropy(labels: Tensor, logits: Tensor, cap: number): Tensor {
  return fusedCrossEntropy('sparseCategoricalCrossentropy', labels, logits, cap);
}

function fusedCrossEntropy(op: string, labels: Tensor, logits: Tensor, cap: number): Tensor {
  assertTensor(op, 'labels', labels);
  assertTensor(op, 'logits', logits);
  if (labels.rank === 2 && logits.rank === 1) [labels, logits] = [logits, labels];
  assertRank(op, 'logits', logits, 2);
  const [rows, classes] = logits.shape;
  checkSparseLabels(op, labels, rows, classes);
  const { losses, probs } = backend().sparseSoftmaxCrossEntropy(logits, labels);
  const capped = capRows(losses, cap);
  // One recorded op from the logits to the mean (the per-row losses are on no tape): its rule scales by dy / rows
  // at once, where the tape would otherwise run the mean's division and the sum's broadcast backwards first.
  const loss = mean(capped ? capped.losses : losses);
  recordOp<CrossEntropyAttrs>('sparseSoftmaxCrossEntropy', [logits], loss, { labels, probs, keep: capped?.keep ?? null });
  return loss;
}

/**
 * The losses with those above `cap` lowered to it, and the [rows, 1] mask of the others (0 where lowered); null with
 * no cap (or, with the values on the host, none above it). Ops, not a loop over the values: on the gpu backend a
 * read here would wait for the whole forward pass before the backward pass could be queued.
 */
function capRows(losses: Tensor, cap: number): { losses: Tensor; keep: Tensor } | null {
  if (cap === Infinity) return null;
  // Where the values are already on the host (always on cpu), most batches have no row above the cap: then there is
  // nothing to lower, and no mask for the backward pass to apply (five ops a step fewer).
  if (ArrayBuffer.isView(losses.storage) && !losses.hostValues().some((v) => v > cap)) return null;
  const above = greater(losses, cap);
  const lowered = where(above, cap, losses);
  const aboveValues = cast(above, losses.dtype);
  const kept = sub(1, aboveValues);
  const keep = reshape(kept, [losses.size, 1]);
  // The intermediates, unless a tape keeps them.
  if (!isRecording()) for (const t of [above, aboveValues, kept]) t.dispose();
  return { losses: lowered, keep };
}
