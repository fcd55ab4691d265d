import type { Padding } from '../backend/backend';
import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { clone } from './cast';
import { checkPool2d, poolsToItself } from './pool-checks';
import type { WindowPad } from './window-pad';
import type { DimRoundingMode } from '../tensor/value-types';
import { toTensor, type TensorLike } from './tensor-like';

export interface PoolAttrs {
  filterSize: [number, number];
  strides: [number, number];
  pad: Padding;
}

/**
 * 2-D max pooling over NHWC input (or one HWC image), as tf.maxPool(x, filterSize, strides, pad, dimRoundingMode?);
 * a numeric or explicit pad adds cells that never win (-Infinity).
 */
export function maxPool<T extends Tensor>(
  x: T | TensorLike, filterSize: number | [number, number], strides: number | [number, number], pad: WindowPad, dimRoundingMode?: DimRoundingMode,
): T {
  x = toTensor('maxPool', 'x', x) as T;
  if (x.rank === 3) {
    const y = maxPool(x.reshape([1, ...x.shape]), filterSize, strides, pad, dimRoundingMode);
    return y.reshape(y.shape.slice(1));
  }
  // An Int32Array stores -Infinity as 0, which would win over negative values: its least value never wins either.
  const checked = checkPool2d('maxPool', x, filterSize, strides, pad, dimRoundingMode, x.dtype === 'int32' ? -2147483648 : -Infinity);
  if (poolsToItself(x, checked)) return clone(x) as T;
  const [xp, f, s, p] = checked;
  const y = backend().maxPool(xp, f, s, p);
  recordOp<PoolAttrs>('maxPool', [xp], y, { filterSize: f, strides: s, pad: p });
  return y as T;
}

/**
 * @internal maxPool's gradient as an op: dy routed to each window's winner in x. `y`, the pooled output, lets
 * the backend reuse the argmax it kept (null: found again). Linear in dy; its own gradient is maxPoolGather.
 */
export function maxPoolBackprop(dy: Tensor, x: Tensor, y: Tensor | null, attrs: PoolAttrs): Tensor {
  const dx = backend().maxPoolBackprop(dy, x, y, attrs.filterSize, attrs.strides, attrs.pad);
  recordOp('maxPoolBackprop', [dy, x], dx, attrs);
  return dx;
}

/** @internal src (x's shape) read at each window's winner in x: maxPoolBackprop's adjoint, and its gradient. */
export function maxPoolGather(src: Tensor, x: Tensor, attrs: PoolAttrs): Tensor {
  const y = backend().maxPoolGather(src, x, attrs.filterSize, attrs.strides, attrs.pad);
  recordOp('maxPoolGather', [src, x], y, attrs);
  return y;
}
