import type { Padding } from '../backend/backend';
import { recordOp } from '../tensor/tape';
import { Tensor } from '../tensor/tensor';
import { backend } from './engine';
import type { PoolAttrs } from './pool';
import { checkDimRoundingMode, checkPool2d } from './pool-checks';

/**
 * 2-D average pooling over NHWC input (or one HWC image), as tf.avgPool(x, filterSize, strides, pad, dimRoundingMode?):
 * a 'same' window averages only the cells inside the image.
 */
export function avgPool<T extends Tensor>(
  x: T, filterSize: number | [number, number], strides: number | [number, number], pad: Padding, dimRoundingMode?: 'floor' | 'round' | 'ceil',
): T {
  checkDimRoundingMode('avgPool', dimRoundingMode);
  if (x instanceof Tensor && x.rank === 3) {
    const y = avgPool(x.reshape([1, ...x.shape]), filterSize, strides, pad);
    return y.reshape(y.shape.slice(1));
  }
  const [f, s, p] = checkPool2d('avgPool', x, filterSize, strides, pad);
  return avgPoolOf(x, { filterSize: f, strides: s, pad: p }) as T;
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
