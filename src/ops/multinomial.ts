import { Tensor } from '../tensor/tensor';
import { alea } from '../util/alea';
import { argError, assertBoolean, assertNonNegativeInt } from '../util/validate';
import { seedOf } from './creation';
import { softmax } from './softmax';
import { toTensor, type TensorLike } from './tensor-like';

/**
 * numSamples class indices per row drawn from the distribution of each row of logits (of probabilities when
 * normalized), int32 [batch, numSamples] ([numSamples] for a 1-D input), as tf.multinomial(logits, numSamples,
 * seed?, normalized = false). As TF.js draws them: every row from the seed's stream afresh, each draw against
 * the running sums of the row's probabilities (in float32 for float32 logits), so a seed gives TF.js's samples.
 */
export function multinomial(logits: Tensor | TensorLike, numSamples: number, seed?: number | string, normalized?: boolean): Tensor {
  normalized ??= false;
  const op = 'multinomial';
  const x = toTensor(op, 'logits', logits);
  if (x.rank !== 1 && x.rank !== 2) throw argError(op, 'logits', `rank ${x.rank}`, 'rank 1 or 2 ([classes] or [batch, classes])');
  if (x.size < 2) throw argError(op, 'logits', `${x.size} outcomes`, 'at least 2 outcomes');
  const n = assertNonNegativeInt(op, 'numSamples', numSamples);
  assertBoolean(op, 'normalized', normalized);
  const key = seedOf(op, seed, true);
  const probs = (normalized ? x : softmax(x.dtype === 'float64' ? x : x.cast('float32'))).hostValues();
  const classes = x.shape[x.rank - 1];
  const rows = x.size / classes;
  const out = new Int32Array(rows * n);
  const cdf = new (x.dtype === 'float64' ? Float64Array : Float32Array)(classes - 1);
  for (let b = 0; b < rows; b++) {
    cdf[0] = probs[b * classes];
    for (let k = 1; k < classes - 1; k++) cdf[k] = cdf[k - 1] + probs[b * classes + k];
    const draws = alea(key);
    for (let s = 0; s < n; s++) {
      // The first class whose running sum passes the draw; the last when none does.
      const r = draws.next();
      let k = 0;
      while (k < classes - 1 && r >= cdf[k]) k++;
      out[b * n + s] = k;
    }
  }
  return new Tensor(x.rank === 1 ? [n] : [rows, n], 'int32', out);
}
