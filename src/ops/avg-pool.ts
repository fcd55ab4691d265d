import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { backend } from './engine';
import type { PoolAttrs } from './pool';
import { div } from './binary';
import { ones } from './creation';
import { assertFloatTensor } from '../tensor/checks';
import { clone } from './cast';
import { checkPool2d, poolsToItself } from './pool-checks';
import type { WindowPad } from './window-pad';
import type { DimRoundingMode } from '../tensor/value-types';
import { toTensor, type TensorLike } from './tensor-like';

/**
 * 2-D average pooling over NHWC input (or one HWC image), as tf.avgPool(x, filterSize, strides, pad, dimRoundingMode?):
 * a window averages only its cells inside the image ('same', numeric or explicit pad).
 */
export function avgPool<T extends Tensor>(
  x: T | TensorLike, filterSize: number | [number, number], strides: number | [number, number], pad: WindowPad, dimRoundingMode?: DimRoundingMode,
): T {
  x = toTensor('avgPool', 'x', x) as T;
  if (x.rank === 3) {
    const y = avgPool(x.reshape([1, ...x.shape]), filterSize, strides, pad, dimRoundingMode);
    return y.reshape(y.shape.slice(1));
  }
  const checked = checkPool2d('avgPool', x, filterSize, strides, pad, dimRoundingMode, 0);
  const [xp, f, s, p] = checked;
  // As TF.js, which asks for float32.
  assertFloatTensor('avgPool', 'x', xp);
  if (poolsToItself(x, checked)) return clone(x) as T;
  const y = avgPoolOf(xp, { filterSize: f, strides: s, pad: p });
  if (xp === x) return y as T;
  // The zero-padded average over the share of each window inside x (a constant: no gradient flows into it).
  const [inside] = checkPool2d('avgPool', ones([1, x.shape[1], x.shape[2], 1], x.dtype), f, s, pad, dimRoundingMode, 0);
  return div(y, avgPoolOf(inside, { filterSize: f, strides: s, pad: p })) as T;
}

export interface AvgPoolBackpropAttrs extends PoolAttrs {
  xShape: number[];
}

/** @internal avgPool's gradient as an op: linear in dy, and its own gradient is avgPool (each the other's adjoint). */
export function avgPoolBackprop(dy: Tensor, attrs: AvgPoolBackpropAttrs): Tensor {
  const dx = backend().avgPoolBackprop(dy, attrs.xShape, attrs.filterSize, attrs.strides, attrs.pad);
  recordOp<AvgPoolBackpropAttrs>('avgPoolBackprop', [dy], dx, attrs);
  return dx;
}

/** @internal avgPool with checked, normalized arguments: avgPoolBackprop's gradient. */
export function avgPoolOf(x: Tensor, attrs: PoolAttrs): Tensor {
  const y = backend().avgPool(x, attrs.filterSize, attrs.strides, attrs.pad);
  recordOp<PoolAttrs>('avgPool', [x], y, { filterSize: attrs.filterSize, strides: attrs.strides, pad: attrs.pad });
  return y;
}
