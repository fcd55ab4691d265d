import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { backend } from './engine';

/**
 * Whether p holds one value per channel of x's last axis (shape [c], or [1, ..., 1, c] of at most x's rank): the
 * shape channelAffine takes its parameters in.
 */
export function perChannel(p: Tensor, x: Tensor): boolean {
  const channels = x.shape[x.rank - 1];
  return x.rank > 0 && p.rank > 0 && p.rank <= x.rank && p.shape[p.rank - 1] === channels && p.size === channels;
}

/**
 * @internal (x − mean)·scale + offset in one backend pass, the three parameters perChannel of x and of x's float
 * dtype: the same f32 operations, in the same order, as sub, mul and add would do (so the same bits), with one
 * pass over x instead of three. The caller checks its operands.
 */
export function channelAffine(x: Tensor, mean: Tensor, scale: Tensor, offset: Tensor): Tensor {
  const y = backend().channelAffine(x, mean, scale, offset);
  recordOp('channelAffine', [x, mean, scale, offset], y, null);
  return y;
}
