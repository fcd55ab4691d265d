import type { Tensor } from '../../tensor/tensor';
import type { Tensor2D } from '../../tensor/tfjs-types';
import { assertRank } from '../../tensor/checks';
import { argError, describeValue } from '../../util/validate';
import { equal } from '../binary';
import { cast } from '../cast';
import { range } from '../sequences';
import { matMul } from '../matmul';
import { reshape } from '../reshape';
import { toTensor, type TensorLike } from '../tensor-like';

/**
 * counts[i][j] = how many examples have label i and prediction j, as tf.math.confusionMatrix(labels, predictions,
 * numClasses): int32 [numClasses, numClasses]. Values are truncated to integers first; one outside [0, numClasses)
 * is an error (TF.js counts it nowhere), as out-of-range indices everywhere in tessera.
 */
export function confusionMatrix(labels: Tensor | TensorLike, predictions: Tensor | TensorLike, numClasses: number): Tensor2D {
  const op = 'confusionMatrix';
  const l = toTensor(op, 'labels', labels);
  const p = toTensor(op, 'predictions', predictions);
  // TF.js's one-hot step refuses a depth below 2, so one class is refused too.
  if (typeof numClasses !== 'number' || !Number.isInteger(numClasses) || numClasses < 2) {
    throw argError(op, 'numClasses', describeValue(numClasses), 'an integer >= 2');
  }
  assertRank(op, 'labels', l, 1);
  assertRank(op, 'predictions', p, 1);
  if (l.shape[0] !== p.shape[0]) {
    throw argError(op, 'predictions', `${p.shape[0]} examples`, `as many as labels (${l.shape[0]})`);
  }
  const classes = range(0, numClasses, 1, 'int32');
  // Float one-hot columns: a count is exact in float32 up to 2^24 examples.
  const oneHot = (arg: string, x: Tensor) => {
    const ids = cast(x, 'int32');
    const v = ids.hostValues();
    for (let i = 0; i < v.length; i++) {
      if (!(v[i] >= 0 && v[i] < numClasses)) throw argError(op, `${arg}[${i}]`, String(x.hostValues()[i]), `a class id in [0, ${numClasses - 1}]`);
    }
    return cast(equal(reshape(ids, [x.shape[0], 1]), classes), 'float32');
  };
  return cast(matMul(oneHot('labels', l), oneHot('predictions', p), true, false), 'int32') as Tensor2D;
}
