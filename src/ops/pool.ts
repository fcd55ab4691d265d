import type { Padding } from '../backend/backend';
import { backend } from '../backend/registry';
import { recordOp } from '../backprop';
import type { Tensor } from '../tensor';
import { assertPadding, assertPair, assertRank, assertTensor, fmtShape } from './validate';

/** 2-D max pooling over NHWC input, as tf.maxPool(x, filterSize, strides, pad). */
export function maxPool(x: Tensor, filterSize: number | [number, number], strides: number | [number, number], pad: Padding): Tensor {
  assertTensor('maxPool', 'x', x);
  assertRank('maxPool', 'x', x, 4);
  const f = assertPair('maxPool', 'filterSize', filterSize);
  const s = assertPair('maxPool', 'strides', strides);
  const p = assertPadding('maxPool', 'pad', pad);
  if (p === 'valid' && (f[0] > x.shape[1] || f[1] > x.shape[2])) {
    throw new Error(`maxPool: with 'valid' padding filterSize [${f.join(', ')}] must fit inside x's height and width (x ${fmtShape(x.shape)})`);
  }
  const y = backend().maxPool(x, f, s, p);
  recordOp([x], y, (dy) => [backend().maxPoolBackprop(dy, x, y, f, s, p)]);
  return y;
}
