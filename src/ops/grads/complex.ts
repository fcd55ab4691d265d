import type { Tensor } from '../../tensor/tensor';
import { complexOf, imagPart, realPart } from '../complex-parts';
import { zerosLike } from '../creation';
import type { GradientTable } from './table';

// A complex value's gradient is dL/dRe + i·dL/dIm (PyTorch's convention for a real loss L), so each part's gradient
// is the matching part of it.
export const complexGrads: GradientTable = {
  complex: (dy) => [realPart(dy), imagPart(dy)],
  real: (dy: Tensor) => [complexOf(dy, zerosLike(dy))],
  imag: (dy: Tensor) => [complexOf(zerosLike(dy), dy)],
};
