import { broadcastTo, sumToShape } from '../broadcast';
import { isFloatDtype } from '../../tensor/tensor';
import { cast } from '../cast';
import { padRows, reshape, slice, type PadAttrs, type SliceAttrs } from '../reshape';
import { rule, type GradientTable } from './table';

export const shapeGrads: GradientTable = {
  reshape: rule((dy, { inputs: [x] }) => [reshape(dy, x.shape)]),
  slice: rule<SliceAttrs>((dy, { inputs: [x], attrs: { begin } }) => [padRows(dy, begin, x.shape[0])]),
  padRows: rule<PadAttrs>((dy, { inputs: [x], attrs: { before } }) => [slice(dy, before, x.shape[0])]),
  // As TF.js, dy passes through every cast, int32 and bool included (a straight-through estimator); a float input gets its own dtype back.
  cast: rule((dy, { inputs: [x] }) => [isFloatDtype(x.dtype) ? cast(dy, x.dtype) : dy]),
  broadcastTo: rule((dy, { inputs: [x] }) => [sumToShape(dy, x.shape)]),
  sumToShape: rule((dy, { inputs: [x] }) => [broadcastTo(dy, x.shape)]),
};
