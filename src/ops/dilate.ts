import type { Padding } from '../backend/backend';
import type { Tensor } from '../tensor/tensor';
import type { WindowPad } from '../tensor/value-types';
import { argError, assertPair, fmtShape, fmtValue } from '../util/validate';
import { batchToSpaceND, spaceToBatchND } from './space-batch';
import { validOverruns } from './window-pad';

// Dilated windows, as TF.js's conv2d, depthwiseConv2d, separableConv2d, conv1d and pool take them: a window with
// dilation d reads every d-th input. They run as TF's atrous convolution does: the inputs each window offset reads
// move into the batch (spaceToBatchND), the op runs undilated there, and batchToSpaceND puts the results back. A
// window so never touches the pixels it skips (a filter spread with zeros would, and 0·NaN is NaN), and the whole is
// made of recorded ops, so it differentiates on every backend.

/** Checks dilations (a positive integer or a pair) and returns them as a pair; as TF.js, strides must be 1 where dilations are not. */
export function checkDilations(op: string, dilations: unknown, strides: readonly [number, number]): [number, number] {
  const d = assertPair(op, 'dilations', dilations);
  if ((d[0] > 1 || d[1] > 1) && (strides[0] > 1 || strides[1] > 1)) {
    throw argError(op, 'dilations', fmtValue(dilations), `1 where strides are not 1 (either strides or dilations must be 1, as TF.js; strides [${strides.join(', ')}])`);
  }
  return d;
}

/** How far a window of `size` taps reaches with dilations `rate`: (size - 1)·rate + 1 along each axis. */
export function windowReach(size: readonly [number, number], rate: readonly [number, number]): [number, number] {
  return [(size[0] - 1) * rate[0] + 1, (size[1] - 1) * rate[1] + 1];
}

/**
 * Refuses a 'valid' window whose reach (dilations included) passes the height or width of padded (x after any
 * numeric pad) by a stride or more (short of that, the axis is left empty).
 */
export function assertReachFits(
  op: string, x: Tensor, padded: Tensor, filter: Tensor, rate: readonly [number, number], strides: readonly [number, number], padding: Padding,
): void {
  const reach = windowReach([filter.shape[0], filter.shape[1]], rate);
  if (padding === 'valid' && (validOverruns(padded.shape[1], reach[0], strides[0]) || validOverruns(padded.shape[2], reach[1], strides[1]))) {
    const dilated = reach[0] > filter.shape[0] || reach[1] > filter.shape[1];
    throw new Error(`${op}: with 'valid' padding the filter ${fmtShape(filter.shape)}${dilated ? ` (dilations [${rate.join(', ')}])` : ''} must come within a stride of fitting inside x's height and width (x ${fmtShape(x.shape)}, strides [${strides.join(', ')}])`);
  }
}

/**
 * A stride-1 window op over NHWC x with its [kh, kw] window dilated by rate: run (the undilated op) applied 'valid'
 * to the spaceToBatchND layout of x, padded as `padding` pads the dilated window ('same': (k - 1)·rate split with the
 * smaller half first). Without dilation, run on x with the padding.
 */
export function atrous<P extends WindowPad>(
  x: Tensor, window: readonly [number, number], rate: readonly [number, number], padding: P, run: (v: Tensor, p: P | 'valid') => Tensor,
): Tensor {
  if (rate[0] === 1 && rate[1] === 1) return run(x, padding);
  const paddings = [0, 1].map((i) => {
    const extra = padding === 'same' ? (window[i] - 1) * rate[i] : 0;
    // The padded size must divide by the rate; what is added for that is cropped from the result.
    const fill = (rate[i] - (x.shape[1 + i] % rate[i])) % rate[i];
    return [Math.floor(extra / 2), extra - Math.floor(extra / 2) + fill];
  });
  const y = run(spaceToBatchND(x, [...rate], paddings), 'valid');
  // A window wider than its axis leaves no position there (an empty axis, as TF.js's), and nothing to crop.
  const crops = [0, 1].map((i) => [0, Math.min((rate[i] - (x.shape[1 + i] % rate[i])) % rate[i], y.shape[1 + i] * rate[i])]);
  return batchToSpaceND(y, [...rate], crops);
}
