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
