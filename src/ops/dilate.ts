import type { Tensor } from '../tensor/tensor';
import { argError, assertPair, fmtValue } from '../util/validate';
import { pad } from './pad';
import { reshape } from './reshape';
import { slice } from './slice';

// Dilated convolutions, as TF.js's conv2d, depthwiseConv2d, separableConv2d and conv1d take them: a filter with
// dilation d reads every d-th input, which is the plain convolution with the filter spread out by d - 1 zeros between
// its taps. The spread filter is made of recorded ops, so the filter's gradient is the spread one's taps.

/** Checks dilations (a positive integer or a pair) and returns them as a pair; as TF.js, strides must be 1 where dilations are not. */
export function checkDilations(op: string, dilations: unknown, strides: readonly [number, number]): [number, number] {
  const d = assertPair(op, 'dilations', dilations);
  if ((d[0] > 1 || d[1] > 1) && (strides[0] > 1 || strides[1] > 1)) {
    throw argError(op, 'dilations', fmtValue(dilations), `1 where strides are not 1 (either strides or dilations must be 1, as TF.js; strides [${strides.join(', ')}])`);
  }
  return d;
}

/** filter [kh, kw, ...rest] spread to [(kh - 1)·dh + 1, (kw - 1)·dw + 1, ...rest], zeros between the taps. */
export function dilateFilter(filter: Tensor, [dh, dw]: readonly [number, number]): Tensor {
  if (dh === 1 && dw === 1) return filter;
  const [kh, kw, ...rest] = filter.shape;
  const spaced = pad(reshape(filter, [kh, 1, kw, 1, ...rest]), [[0, 0], [0, dh - 1], [0, 0], [0, dw - 1], ...rest.map((): [number, number] => [0, 0])]);
  const spread = reshape(spaced, [kh * dh, kw * dw, ...rest]);
  return slice(spread, spread.shape.map(() => 0), [(kh - 1) * dh + 1, (kw - 1) * dw + 1, ...rest]);
}
