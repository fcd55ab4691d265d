import { zerosLike } from '../creation';
import { gatherAlong, gatherND, scatterND, segmentSumAlong, type AxisAttrs, type ScatterAttrs, type SegmentAttrs } from '../gather';
import { where } from '../where';
import { sumToShape } from '../broadcast';
import { zeroGrad, zeroGradOf } from './elementwise';
import { rule, type GradientTable } from './table';

/** Backward rules of the indexing ops: each is the other's adjoint (gather / segment sum, gatherND / scatterND), so all differentiate again. */
export const indexingGrads: GradientTable = {
  // The condition, where it depends on a source (oneHot's comparison), gets zeros, as TF.js's: connected, not an error.
  where: rule((dy, { inputs: [condition, a, b], needed }) => {
    const zero = zerosLike(dy);
    return [needed[0] ? zeroGradOf(condition, dy) : null, sumToShape(where(condition, dy, zero), a.shape), sumToShape(where(condition, zero, dy), b.shape)];
  }),
  argMax: zeroGrad,
  argMin: zeroGrad,
  oneHot: zeroGrad,
  gather: rule<AxisAttrs>((dy, { inputs: [x, indices], attrs: { axis } }) => [segmentSumAlong(dy, indices, x.shape[axis], axis), null]),
  unsortedSegmentSum: rule<SegmentAttrs>((dy, { inputs: [, ids], attrs: { axis } }) => [gatherAlong(dy, ids, axis), null]),
  gatherND: rule((dy, { inputs: [x, indices] }) => [scatterND(indices, dy, x.shape), null]),
  scatterND: rule<ScatterAttrs>((dy, { inputs: [indices] }) => [null, gatherND(dy, indices)]),
};
