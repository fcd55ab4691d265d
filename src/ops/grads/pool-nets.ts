import { avgPoolBackprop, avgPoolOf, type AvgPoolBackpropAttrs } from '../avg-pool';
import type { PoolAttrs } from '../pool';
import { rule, type GradientTable } from './table';

export const avgPoolGrads: GradientTable = {
  avgPool: rule<PoolAttrs>((dy, { inputs: [x], attrs }) => [avgPoolBackprop(dy, { ...attrs, xShape: x.shape.slice() })]),
  // Linear in dy: its gradient is its adjoint, avgPool.
  avgPoolBackprop: rule<AvgPoolBackpropAttrs>((ddx, { attrs }) => [avgPoolOf(ddx, attrs)]),
};
