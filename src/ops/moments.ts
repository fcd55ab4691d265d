import type { Tensor } from '../tensor/tensor';
import { unnumberedTidy } from '../tensor/tidy';
import { assertBoolean, normalizeAxes } from '../util/validate';
import { sub } from './binary';
import { mean } from './reduction';
import { reshape } from './reshape';
import { square } from './unary';
import { toTensor, type TensorLike } from './tensor-like';

/** The mean and the (biased, divide-by-n) variance over axis (all axes when omitted), as tf.moments. */
export function moments(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims?: boolean): { mean: Tensor; variance: Tensor } {
  keepDims ??= false;
  // In a scope, as TF.js's ops: only the two results outlive the call.
  return unnumberedTidy(() => {
    const t = toTensor('moments', 'x', x);
    assertBoolean('moments', 'keepDims', keepDims);
    const axes = normalizeAxes('moments', axis, t.rank);
    const centre = mean(t, axes, true);
    const variance = mean(square(sub(t, centre)), axes, keepDims);
    return { mean: keepDims ? centre : reshape(centre, t.shape.filter((_, i) => !axes.includes(i))), variance };
  });
}
