import { assertFloatTensor } from '../../tensor/checks';
import type { Tensor } from '../../tensor/tensor';
import type { Rank } from '../../tensor/value-types';
import { argError, assertFiniteNumber, fmtShape } from '../../util/validate';
import { tensor } from '../creation';
import { toTensor, type TensorLike } from '../tensor-like';
import type { TypedArray } from '../../tensor/tensor';

// tf.image.nonMaxSuppression and its variants: greedy selection of the highest-scoring boxes, dropping those that
// overlap a selected one by iouThreshold or more (soft-NMS: decaying their scores instead), TF.js's algorithm step
// for step, on the host as TF.js runs it.

interface Candidate { score: number; box: number; suppressBegin: number }

/** Ascending by score, ties by descending index, so popping the end takes the best score and the lower index. */
const ascending = (a: Candidate, b: Candidate) => a.score - b.score || b.box - a.box;

// Read element by element: destructuring two subarrays a call made the pair test most of a suppression's time.
function iou(boxes: TypedArray, i: number, j: number): number {
  const ay0 = boxes[4 * i], ax0 = boxes[4 * i + 1], ay1 = boxes[4 * i + 2], ax1 = boxes[4 * i + 3];
  const by0 = boxes[4 * j], bx0 = boxes[4 * j + 1], by1 = boxes[4 * j + 2], bx1 = boxes[4 * j + 3];
  const areaA = (Math.max(ay0, ay1) - Math.min(ay0, ay1)) * (Math.max(ax0, ax1) - Math.min(ax0, ax1));
  const areaB = (Math.max(by0, by1) - Math.min(by0, by1)) * (Math.max(bx0, bx1) - Math.min(bx0, bx1));
  if (areaA <= 0 || areaB <= 0) return 0;
  const h = Math.max(Math.min(Math.max(ay0, ay1), Math.max(by0, by1)) - Math.max(Math.min(ay0, ay1), Math.min(by0, by1)), 0);
  const w = Math.max(Math.min(Math.max(ax0, ax1), Math.max(bx0, bx1)) - Math.max(Math.min(ax0, ax1), Math.min(bx0, bx1)), 0);
  return (h * w) / (areaA + areaB - h * w);
}

interface Args { boxes: TypedArray; scores: TypedArray; maxOutputSize: number; iouThreshold: number; scoreThreshold: number; softNmsSigma: number }

function checked(op: string, boxes: unknown, scores: unknown, maxOutputSize: unknown, iouThreshold: unknown, scoreThreshold: unknown, softNmsSigma: unknown): Args {
  // Tensors made here from values (and casts) go before returning, also for the async forms, which no scope covers.
  const made: Tensor[] = [];
  const own = (t: Tensor, from: unknown): Tensor => {
    if (t !== from) made.push(t);
    return t;
  };
  try {
    const b = own(toTensor(op, 'boxes', boxes), boxes);
    const s = own(toTensor(op, 'scores', scores), scores);
    // TF.js asks float32 of both in its plain nonMaxSuppression only (its other forms take int32 too).
    if (op === 'nonMaxSuppression') {
      assertFloatTensor(op, 'boxes', b);
      assertFloatTensor(op, 'scores', s);
    }
    if (b.rank !== 2 || b.shape[1] !== 4) throw argError(op, 'boxes', `shape ${fmtShape(b.shape)}`, '[numBoxes, 4] (y1, x1, y2, x2 per box)');
    if (s.rank !== 1 || s.shape[0] !== b.shape[0]) throw argError(op, 'scores', `shape ${fmtShape(s.shape)}`, `[${b.shape[0]}], one score per box`);
    if (typeof maxOutputSize !== 'number' || !Number.isInteger(maxOutputSize) || maxOutputSize < 0) {
      throw argError(op, 'maxOutputSize', String(maxOutputSize), 'a non-negative integer');
    }
    const iouT = assertFiniteNumber(op, 'iouThreshold', iouThreshold);
    if (iouT < 0 || iouT > 1) throw argError(op, 'iouThreshold', String(iouT), 'a number in [0, 1]');
    const sigma = assertFiniteNumber(op, 'softNmsSigma', softNmsSigma);
    if (sigma < 0 || sigma > 1) throw argError(op, 'softNmsSigma', String(sigma), 'a number in [0, 1]');
    if (typeof scoreThreshold !== 'number' || Number.isNaN(scoreThreshold)) throw argError(op, 'scoreThreshold', String(scoreThreshold), 'a number');
    // Copies: the tensors made here are gone once this returns.
    const f32 = (t: Tensor) => (t.dtype === 'float32' ? t : own(t.cast('float32'), t)).hostValues().slice();
    return { boxes: f32(b), scores: f32(s), maxOutputSize: Math.min(maxOutputSize, b.shape[0]), iouThreshold: iouT, scoreThreshold, softNmsSigma: sigma };
  } finally {
    for (const t of made) t.dispose();
  }
}

/**
 * A binary max-heap of candidates by `ascending` (the best on top): made in linear time and popped only as many
 * times as boxes are taken, where sorting every candidate took most of a suppression of 1,000 boxes to 50.
 */
class CandidateHeap {
  constructor(private readonly items: Candidate[]) {
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  pop(): Candidate {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as Candidate;
    if (items.length > 0) {
      items[0] = last;
      this.down(0);
    }
    return top;
  }

  push(c: Candidate): void {
    const items = this.items;
    let i = items.push(c) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (ascending(items[parent], c) >= 0) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = c;
  }

  private down(i: number): void {
    const items = this.items;
    const c = items[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && ascending(items[child + 1], items[child]) > 0) child++;
      if (ascending(items[child], c) <= 0) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = c;
  }
}

function select({ boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, softNmsSigma }: Args): { indices: number[]; scores: number[] } {
  const above: Candidate[] = [];
  scores.forEach((score, box) => { if (score > scoreThreshold) above.push({ score, box, suppressBegin: 0 }); });
  const candidates = new CandidateHeap(above);
  const scale = softNmsSigma > 0 ? -0.5 / softNmsSigma : 0;
  const indices: number[] = [];
  const kept: number[] = [];
  while (indices.length < maxOutputSize && candidates.size > 0) {
    const c = candidates.pop();
    const original = c.score;
    if (original < scoreThreshold) break;
    let ignore = false;
    // A candidate is checked against each selected box once (suppressBegin), newest first.
    for (let j = indices.length - 1; j >= c.suppressBegin; j--) {
      const overlap = iou(boxes, c.box, indices[j]);
      if (overlap >= iouThreshold) {
        ignore = true;
        break;
      }
      c.score *= overlap <= iouThreshold ? Math.exp(scale * overlap * overlap) : 0;
      if (c.score <= scoreThreshold) break;
    }
    c.suppressBegin = indices.length;
    if (ignore) continue;
    if (c.score === original) {
      indices.push(c.box);
      kept.push(c.score);
    } else if (c.score > scoreThreshold) {
      candidates.push(c);
    }
  }
  return { indices, scores: kept };
}

const ints = (values: number[]) => tensor(values, [values.length], 'int32') as Tensor<Rank.R1>;

/**
 * The indices (int32) of up to maxOutputSize boxes in descending score order, none overlapping a higher-scoring
 * selected box by iouThreshold or more, as tf.image.nonMaxSuppression(boxes, scores, maxOutputSize,
 * iouThreshold = 0.5, scoreThreshold = -Infinity).
 */
export function nonMaxSuppression(
  boxes: Tensor<Rank.R2> | TensorLike, scores: Tensor<Rank.R1> | TensorLike, maxOutputSize: number, iouThreshold?: number, scoreThreshold?: number,
): Tensor<Rank.R1> {
  iouThreshold ??= 0.5; scoreThreshold ??= Number.NEGATIVE_INFINITY;
  return ints(select(checked('nonMaxSuppression', boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, 0)).indices);
}

/** As nonMaxSuppression, resolved as a promise, as tf.image.nonMaxSuppressionAsync. */
export async function nonMaxSuppressionAsync(
  boxes: Tensor<Rank.R2> | TensorLike, scores: Tensor<Rank.R1> | TensorLike, maxOutputSize: number, iouThreshold?: number, scoreThreshold?: number,
): Promise<Tensor<Rank.R1>> {
  iouThreshold ??= 0.5; scoreThreshold ??= Number.NEGATIVE_INFINITY;
  return ints(select(checked('nonMaxSuppressionAsync', boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, 0)).indices);
}

/**
 * Soft-NMS: as nonMaxSuppression, but an overlapping box's score decays by exp(−iou² / (2·softNmsSigma)) rather than
 * dropping it; the selected indices and their (decayed) scores, as tf.image.nonMaxSuppressionWithScore(boxes,
 * scores, maxOutputSize, iouThreshold = 0.5, scoreThreshold = -Infinity, softNmsSigma = 0).
 */
export function nonMaxSuppressionWithScore(
  boxes: Tensor<Rank.R2> | TensorLike, scores: Tensor<Rank.R1> | TensorLike, maxOutputSize: number, iouThreshold?: number, scoreThreshold?: number, softNmsSigma?: number,
): { selectedIndices: Tensor<Rank.R1>; selectedScores: Tensor<Rank.R1> } {
  iouThreshold ??= 0.5; scoreThreshold ??= Number.NEGATIVE_INFINITY; softNmsSigma ??= 0;
  const r = select(checked('nonMaxSuppressionWithScore', boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, softNmsSigma));
  return { selectedIndices: ints(r.indices), selectedScores: tensor(r.scores, [r.scores.length], 'float32') as Tensor<Rank.R1> };
}

/** As nonMaxSuppressionWithScore, resolved as a promise, as tf.image.nonMaxSuppressionWithScoreAsync. */
export async function nonMaxSuppressionWithScoreAsync(
  boxes: Tensor<Rank.R2> | TensorLike, scores: Tensor<Rank.R1> | TensorLike, maxOutputSize: number, iouThreshold?: number, scoreThreshold?: number, softNmsSigma?: number,
): Promise<{ selectedIndices: Tensor<Rank.R1>; selectedScores: Tensor<Rank.R1> }> {
  return nonMaxSuppressionWithScore(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, softNmsSigma);
}

/**
 * As nonMaxSuppression, with the count of selected boxes as an int32 scalar; padToMaxOutputSize fills the indices
 * with zeros up to min(maxOutputSize, numBoxes), as tf.image.nonMaxSuppressionPadded(boxes, scores, maxOutputSize,
 * iouThreshold = 0.5, scoreThreshold = -Infinity, padToMaxOutputSize = false).
 */
export function nonMaxSuppressionPadded(
  boxes: Tensor<Rank.R2> | TensorLike, scores: Tensor<Rank.R1> | TensorLike, maxOutputSize: number, iouThreshold?: number, scoreThreshold?: number,
  padToMaxOutputSize?: boolean,
): { selectedIndices: Tensor<Rank.R1>; validOutputs: Tensor<Rank.R0> } {
  iouThreshold ??= 0.5; scoreThreshold ??= Number.NEGATIVE_INFINITY; padToMaxOutputSize ??= false;
  const op = 'nonMaxSuppressionPadded';
  if (typeof padToMaxOutputSize !== 'boolean') throw argError(op, 'padToMaxOutputSize', String(padToMaxOutputSize), 'a boolean');
  const args = checked(op, boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, 0);
  const { indices } = select(args);
  const valid = indices.length;
  if (padToMaxOutputSize) indices.push(...new Array<number>(Math.max(args.maxOutputSize - valid, 0)).fill(0));
  return { selectedIndices: ints(indices), validOutputs: tensor(valid, [], 'int32') as Tensor<Rank.R0> };
}

/** As nonMaxSuppressionPadded, resolved as a promise, as tf.image.nonMaxSuppressionPaddedAsync. */
export async function nonMaxSuppressionPaddedAsync(
  boxes: Tensor<Rank.R2> | TensorLike, scores: Tensor<Rank.R1> | TensorLike, maxOutputSize: number, iouThreshold?: number, scoreThreshold?: number,
  padToMaxOutputSize?: boolean,
): Promise<{ selectedIndices: Tensor<Rank.R1>; validOutputs: Tensor<Rank.R0> }> {
  return nonMaxSuppressionPadded(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, padToMaxOutputSize);
}
