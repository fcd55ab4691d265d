import { div } from '../binary';
import { tensor, zerosLike } from '../creation';
import type { SparseSegmentAttrs } from '../sparse';
import { gatherAlong, gatherND, scatterND, segmentSumAlong, type AxisAttrs, type ScatterAttrs, type SegmentAttrs } from '../gather';
import { where } from '../where';
import { reshape } from '../reshape';
import { sumToShape } from '../broadcast';
import { zeroGrad, zeroGradOf } from './elementwise';
import { rule, type GradientTable } from './table';

/** Each picked row of data gets its segment's gradient (a mean's divided by the segment's size, as its forward divides). */
const sparseSegmentGrad = rule<SparseSegmentAttrs>((dy, { inputs: [data, indices, ids], attrs: { counts } }) => {
  const picked = gatherAlong(dy, ids, 0);
  const scaled = counts ? div(picked, tensor(counts, [counts.length, ...dy.shape.slice(1).map(() => 1)], dy.dtype)) : picked;
  return [segmentSumAlong(scaled, indices, data.shape[0], 0), null, null];
});

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
  // gatherND reads rank-1 indices [k] as one index of depth k, scatterND as k indices of depth 1 (both as TF.js's).
  gatherND: rule((dy, { inputs: [x, indices] }) => [indices.rank === 1
    ? scatterND(reshape(indices, [1, indices.shape[0]]), reshape(dy, [1, ...dy.shape]), x.shape)
    : scatterND(indices, dy, x.shape), null]),
  scatterND: rule<ScatterAttrs>((dy, { inputs: [indices] }) => [null, gatherND(dy, indices)]),
  sparseSegmentSum: sparseSegmentGrad,
  sparseSegmentMean: sparseSegmentGrad,
};
