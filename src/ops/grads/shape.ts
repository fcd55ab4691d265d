import { Tensor, arrayTypeFor } from '../../tensor/tensor';
import { cast } from '../cast';
import { reshape, type SliceAttrs } from '../reshape';
import { rule, type GradientTable } from './table';

export const shapeGrads: GradientTable = {
  reshape: rule((dy, { inputs: [x] }) => [reshape(dy, x.shape)]),
  slice: rule<SliceAttrs>((dy, { inputs: [x], attrs: { begin } }) => {
    const row = x.shape[0] === 0 ? 0 : x.size / x.shape[0];
    const dx = new (arrayTypeFor(x.dtype))(x.size);
    dx.set(dy.hostValues(), begin * row);
    return [new Tensor(x.shape, x.dtype, dx)];
  }),
  cast: rule((dy, { inputs: [x] }) => [cast(dy, x.dtype)]),
};
