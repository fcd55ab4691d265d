import type { Tensor } from '../../tensor/tensor';
import { equal, mul } from '../binary';
import { broadcastTo } from '../broadcast';
import { keptShape, type ReduceAttrs } from '../reduction';
import { reshape } from '../reshape';
import { rule, type GradientTable } from './table';

/** The reduced gradient with the reduced axes back as 1s, ready to broadcast over x. */
const unreduce = (dy: Tensor, x: Tensor, axes: readonly number[]) => reshape(dy, keptShape(x.shape, axes));

/** Every position equal to the extremum receives the whole gradient, as in TF.js. */
const extremumGrad = rule<ReduceAttrs>((dy, { inputs: [x], output, attrs: { axes } }) => [
  mul(unreduce(dy, x, axes), equal(x, unreduce(output, x, axes))),
]);

export const reductionGrads: GradientTable = {
  sum: rule<ReduceAttrs>((dy, { inputs: [x], attrs: { axes } }) => [broadcastTo(unreduce(dy, x, axes), x.shape)]),
  max: extremumGrad,
  min: extremumGrad,
};
