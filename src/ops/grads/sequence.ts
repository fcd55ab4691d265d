import {
  gatherRows, padAlong, reverseAlong, scatterAddRows, sliceAlong,
  type AxisPadAttrs, type AxisSliceAttrs, type ConcatAlongAttrs, type RowsAttrs,
} from '../sequence';
import { rule, type GradientTable } from './table';

export const sequenceGrads: GradientTable = {
  sliceAlong: rule<AxisSliceAttrs>((dy, { inputs: [x], attrs: { axis, begin } }) => [padAlong(dy, axis, begin, x.shape[axis])]),
  padAlong: rule<AxisPadAttrs>((dy, { inputs: [x], attrs: { axis, begin } }) => [sliceAlong(dy, axis, begin, x.shape[axis])]),
  concatAlong: rule<ConcatAlongAttrs>((dy, { inputs, attrs: { axis }, needed }) => {
    let at = 0;
    return inputs.map((x, i) => {
      const begin = at;
      at += x.shape[axis];
      return needed[i] ? sliceAlong(dy, axis, begin, x.shape[axis]) : null;
    });
  }),
  reverseAlong: rule<ConcatAlongAttrs>((dy, { attrs: { axis } }) => [reverseAlong(dy, axis)]),
  gatherRows: rule<RowsAttrs>((dy, { attrs: { indices, rows } }) => [scatterAddRows(dy, indices, rows)]),
  scatterAddRows: rule<RowsAttrs>((dy, { attrs: { indices } }) => [gatherRows(dy, indices)]),
};
