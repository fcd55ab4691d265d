import type { Tensor } from '../../tensor/tensor';
import { mul, raw } from '../binary';
import { zeros } from '../creation';
import { keptShape, type ReduceAttrs } from '../reduction';
import { rule, type GradientTable } from './table';

/** Spreads a reduced tensor back over the shape it was reduced from. */
function broadcastBack(g: Tensor, shape: readonly number[], axes: readonly number[]): Tensor {
  return raw('add', g.reshape(keptShape(shape, axes)), zeros(shape, g.dtype));
}

function extremumGrad(dy: Tensor, x: Tensor, y: Tensor, axes: number[]): Tensor {
  // Every position equal to the extremum receives the gradient, as in TF.js.
  const hit = raw('equal', x, y.reshape(keptShape(x.shape, axes)));
  return mul(broadcastBack(dy, x.shape, axes), hit);
}

export const reductionGrads: GradientTable = {
  sum: rule<ReduceAttrs>((dy, { inputs: [x], attrs }) => [broadcastBack(dy, x.shape, attrs.axes)]),
  max: rule<ReduceAttrs>((dy, { inputs: [x], output, attrs }) => [extremumGrad(dy, x, output, attrs.axes)]),
  min: rule<ReduceAttrs>((dy, { inputs: [x], output, attrs }) => [extremumGrad(dy, x, output, attrs.axes)]),
};
