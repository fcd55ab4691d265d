import { div, sub } from '../ops/binary';
import { mean, sum } from '../ops/reduction';
import { square } from '../ops/unary';
import type { Tensor } from '../tensor/tensor';
import { checked } from './loss-functions';

// tn.metrics: tfjs-layers's metric functions, (yTrue, yPred) -> a value per sample (precision and recall: one per batch).
export {
  binaryAccuracy, binaryCrossentropy, categoricalAccuracy, categoricalCrossentropy, cosineProximity, meanAbsoluteError,
  meanAbsolutePercentageError, meanSquaredError, precision, recall, sparseCategoricalAccuracy,
  meanAbsolutePercentageError as MAPE, meanAbsolutePercentageError as mape, meanSquaredError as MSE, meanSquaredError as mse,
} from './loss-functions';

/** The coefficient of determination over the batch, 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as tf.metrics.r2Score. */
export const r2Score = checked('r2Score', (yTrue: Tensor, yPred: Tensor): Tensor => {
  const ssRes = sum(square(sub(yTrue, yPred)));
  const ssTot = sum(square(sub(yTrue, mean(yTrue))));
  return sub(1, div(ssRes, ssTot));
});
