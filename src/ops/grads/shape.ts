import { broadcastTo, sumToShape } from '../broadcast';
import { isFloatDtype } from '../../tensor/tensor';
import { cast } from '../cast';
import { zerosLike } from '../creation';
import { padRows, reshape, slice, type PadAttrs, type SliceAttrs } from '../reshape';
import { rule, type GradientTable } from './table';

export const shapeGrads: GradientTable = {
  reshape: rule((dy, { inputs: [x] }) => [reshape(dy, x.shape)]),
  slice: rule<SliceAttrs>((dy, { inputs: [x], attrs: { begin } }) => [padRows(dy, begin, x.shape[0])]),
  padRows: rule<PadAttrs>((dy, { inputs: [x], attrs: { before } }) => [slice(dy, before, x.shape[0])]),
  // Gradients flow between float dtypes only; through int32 or bool they are zero (connected, as comparisons are).
  cast: rule((dy, { inputs: [x], output }) => [isFloatDtype(x.dtype) && isFloatDtype(output.dtype) ? cast(dy, x.dtype) : zerosLike(x)]),
  broadcastTo: rule((dy, { inputs: [x] }) => [sumToShape(dy, x.shape)]),
  sumToShape: rule((dy, { inputs: [x] }) => [broadcastTo(dy, x.shape)]),
};
