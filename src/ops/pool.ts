import type { Padding } from '../backend/backend';
import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import { Tensor } from '../tensor/tensor';
import { argError, assertPadding, assertPair, fmtShape } from '../util/validate';
import { assertTensor } from '../tensor/checks';

export interface PoolAttrs {
  filterSize: [number, number];
  strides: [number, number];
  pad: Padding;
}

/** 2-D max pooling over NHWC input (or one HWC image), as tf.maxPool(x, filterSize, strides, pad). */
export function maxPool(x: Tensor, filterSize: number | [number, number], strides: number | [number, number], pad: Padding): Tensor {
  if (x instanceof Tensor && x.rank === 3) {
    const y = maxPool(x.reshape([1, ...x.shape]), filterSize, strides, pad);
    return y.reshape(y.shape.slice(1));
  }
  assertTensor('maxPool', 'x', x);
  if (x.rank !== 4) throw argError('maxPool', 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 4 [batch, height, width, channels], or rank 3 for one image');
  const f = assertPair('maxPool', 'filterSize', filterSize);
  const s = assertPair('maxPool', 'strides', strides);
  const p = assertPadding('maxPool', 'pad', pad);
  if (p === 'valid' && (f[0] > x.shape[1] || f[1] > x.shape[2])) {
    throw new Error(`maxPool: with 'valid' padding filterSize [${f.join(', ')}] must fit inside x's height and width (x ${fmtShape(x.shape)})`);
  }
  const y = backend().maxPool(x, f, s, p);
  recordOp<PoolAttrs>('maxPool', [x], y, { filterSize: f, strides: s, pad: p });
  return y;
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
