import { broadcastShapes } from '../backend/shapes';
import type { Tensor } from '../tensor/tensor';
import { argError, assertFiniteNumber, describeValue, fmtShape } from '../util/validate';
import { div, mul } from './binary';
import { notEqual } from './compare';
import { cast } from './cast';
import { ones } from './creation';
import { mean, sum } from './reduction';
import { toTensor, toTensorAs, type TensorLike } from './tensor-like';

/** How a loss reduces its per-element values, as tf.Reduction (same numbering). */
export enum Reduction {
  NONE,
  MEAN,
  SUM,
  SUM_BY_NONZERO_WEIGHTS,
}

/**
 * Weights as a tensor (a number or TensorLike in the losses' dtype), checked to broadcast with the losses: as in
 * TF.js, they may have more dims than the losses, and the reduction then runs over the broadcast product.
 */
export function lossWeights(op: string, weights: Tensor | TensorLike | undefined, losses: Tensor): Tensor | undefined {
  if (weights === undefined || weights === null) return undefined;
  if (typeof weights === 'number') assertFiniteNumber(op, 'weights', weights);
  const w = toTensorAs(op, 'weights', weights, losses.dtype);
  if (!broadcastShapes(w.shape, losses.shape)) {
    throw argError(op, 'weights', `shape ${fmtShape(w.shape)}`, `a shape that broadcasts with the losses' ${fmtShape(losses.shape)}`);
  }
  return w;
}

function checkReduction(op: string, reduction: unknown): Reduction {
  if (reduction !== Reduction.NONE && reduction !== Reduction.MEAN && reduction !== Reduction.SUM && reduction !== Reduction.SUM_BY_NONZERO_WEIGHTS) {
    throw argError(op, 'reduction', describeValue(reduction), 'a tn.Reduction (NONE 0, MEAN 1, SUM 2, SUM_BY_NONZERO_WEIGHTS 3)');
  }
  return reduction;
}

/**
 * The weighting and reduction every loss ends with, as tf.losses.computeWeightedLoss: MEAN divides by the weights'
 * sum (times how often they repeat over the losses), SUM_BY_NONZERO_WEIGHTS (the default) by the count of
 * non-zero weights broadcast with the losses (NaN when there are none, as TF.js).
 */
export function weightedLoss(op: string, losses: Tensor, weights: Tensor | TensorLike | undefined, reduction: unknown): Tensor {
  const kind = checkReduction(op, reduction);
  const w = lossWeights(op, weights, losses);
  const weighted = w ? mul(losses, w) : losses;
  switch (kind) {
    case Reduction.NONE:
      return weighted;
    case Reduction.SUM:
      return sum(weighted);
    case Reduction.MEAN: {
      if (!w) return mean(weighted);
      const result = div(sum(weighted), sum(w));
      const repeats = losses.size / w.size;
      return repeats > 1 ? div(result, repeats) : result;
    }
    case Reduction.SUM_BY_NONZERO_WEIGHTS: {
      if (!w) return div(sum(weighted), losses.size);
      const spread = mul(w, ones(losses.shape, losses.dtype));
      return div(sum(weighted), sum(cast(notEqual(spread, 0), losses.dtype)));
    }
  }
}

/** As tf.losses.computeWeightedLoss(losses, weights?, reduction = SUM_BY_NONZERO_WEIGHTS). */
export function computeWeightedLoss<T extends Tensor, O extends Tensor>(losses: T | TensorLike, weights?: Tensor | TensorLike, reduction: Reduction = Reduction.SUM_BY_NONZERO_WEIGHTS): O {
  return weightedLoss('computeWeightedLoss', toTensor('computeWeightedLoss', 'losses', losses), weights, reduction) as O;
}
