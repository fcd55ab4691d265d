import { Tensor } from '../tensor/tensor';
import { Random, nextDefaultSeed } from '../util/random';
import { argError, assertBoolean, assertFiniteNumber, assertPositiveInt } from '../util/validate';
import { softmax } from './softmax';
import { toTensor, type TensorLike } from './tensor-like';

/**
 * numSamples class indices per row drawn from the distribution of each row of logits (of probabilities when
 * normalized), int32 [batch, numSamples] ([numSamples] for a 1-D input), as tf.multinomial(logits, numSamples,
 * seed?, normalized = false). Draws come from tessera's seeded generator (TF.js's differ); a class of
 * probability 1 is drawn every time by both.
 */
export function multinomial(logits: Tensor | TensorLike, numSamples: number, seed?: number, normalized?: boolean): Tensor {
  normalized ??= false;
  const op = 'multinomial';
  const x = toTensor(op, 'logits', logits);
  if (x.rank !== 1 && x.rank !== 2) throw argError(op, 'logits', `rank ${x.rank}`, 'rank 1 or 2 ([classes] or [batch, classes])');
  if (x.size < 2) throw argError(op, 'logits', `${x.size} outcomes`, 'at least 2 outcomes');
  const n = assertPositiveInt(op, 'numSamples', numSamples);
  assertBoolean(op, 'normalized', normalized);
  const rng = new Random(seed == null ? nextDefaultSeed() : assertFiniteNumber(op, 'seed', seed));
  const probs = (normalized ? x : softmax(x.dtype === 'float64' ? x : x.cast('float32'))).hostValues();
  const classes = x.shape[x.rank - 1];
  const rows = x.size / classes;
  const out = new Int32Array(rows * n);
  for (let b = 0; b < rows; b++) {
    for (let s = 0; s < n; s++) {
      // The first class whose cumulative probability passes the draw; the last when rounding leaves none.
      const r = rng.next();
      let k = 0;
      for (let cdf = probs[b * classes]; k < classes - 1 && r >= cdf; cdf += probs[b * classes + ++k]);
      out[b * n + s] = k;
    }
  }
  return new Tensor(x.rank === 1 ? [n] : [rows, n], 'int32', out);
}
