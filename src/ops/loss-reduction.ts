import { broadcastShapes } from '../backend/shapes';
import { assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, assertFiniteNumber, describeValue, fmtShape } from '../util/validate';
import { div, mul } from './binary';
import { notEqual } from './compare';
import { cast } from './cast';
import { ones, scalar } from './creation';
import { mean, sum } from './reduction';

/** How a loss reduces its per-element values, as tf.Reduction (same numbering). */
export enum Reduction {
  NONE,
  MEAN,
  SUM,
  SUM_BY_NONZERO_WEIGHTS,
}

/** Weights as a tensor of the losses' dtype (a number becomes a scalar), checked to broadcast over the losses. */
export function lossWeights(op: string, weights: Tensor | number | undefined, losses: Tensor): Tensor | undefined {
  if (weights === undefined || weights === null) return undefined;
  const w = typeof weights === 'number' ? scalar(assertFiniteNumber(op, 'weights', weights), losses.dtype) : assertTensor(op, 'weights', weights);
  const shape = broadcastShapes(w.shape, losses.shape);
  if (!shape || shape.length !== losses.rank || shape.some((d, i) => d !== losses.shape[i])) {
    throw argError(op, 'weights', `shape ${fmtShape(w.shape)}`, `a shape that broadcasts to the losses' ${fmtShape(losses.shape)}`);
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
 * non-zero weights over the losses' shape (NaN when there are none, as TF.js).
 */
export function weightedLoss(op: string, losses: Tensor, weights: Tensor | number | undefined, reduction: unknown): Tensor {
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
export function computeWeightedLoss(losses: Tensor, weights?: Tensor | number, reduction?: Reduction): Tensor {
  reduction ??= Reduction.SUM_BY_NONZERO_WEIGHTS;
  assertTensor('computeWeightedLoss', 'losses', losses);
  return weightedLoss('computeWeightedLoss', losses, weights, reduction);
}
