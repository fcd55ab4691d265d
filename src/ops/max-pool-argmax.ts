import { outputLength } from '../backend/shapes';
import type { Tensor } from '../tensor/tensor';
import type { Rank } from '../tensor/value-types';
import { argError, describeValue, fmtShape } from '../util/validate';
import { tensor } from './creation';
import { maxPool } from './pool';
import { checkPool2d } from './pool-checks';
import { toTensor, type TensorLike } from './tensor-like';
import { padGeometry } from './window-pad';

/** Where the windows start over one axis: the output length and the cells padded before the first. */
function axisGeometry(size: number, k: number, stride: number, pad: 'valid' | 'same'): [number, number] {
  const out = outputLength(size, k, stride, pad);
  return [out, pad === 'same' ? Math.floor(Math.max((out - 1) * stride + k - size, 0) / 2) : 0];
}

/**
 * maxPool's result and, for each output cell, where its maximum is in x as a flat int32 index: (y·width + x)·channels
 * + channel, with the batch in it too when includeBatchInIndex; the first of equal maxima, chosen by maxPool's rule
 * (below), and -1 for a window of -Infinity alone, as TF.js's.
 * As tf.maxPoolWithArgmax(x, filterSize, strides, pad, includeBatchInIndex = false).
 */
export function maxPoolWithArgmax<T extends Tensor<Rank.R4>>(
  x: T | TensorLike, filterSize: number | [number, number], strides: number | [number, number], pad: 'valid' | 'same' | number, includeBatchInIndex?: boolean,
): { result: T; indexes: T } {
  includeBatchInIndex ??= false;
  const op = 'maxPoolWithArgmax';
  const x4 = toTensor(op, 'x', x);
  if (x4.rank !== 4) throw argError(op, 'x', `shape ${fmtShape(x4.shape)} (rank ${x4.rank})`, 'rank 4 [batch, height, width, channels]');
  const [, f, s] = checkPool2d(op, x4, filterSize, strides, pad, undefined, -Infinity);
  if (typeof includeBatchInIndex !== 'boolean') throw argError(op, 'includeBatchInIndex', describeValue(includeBatchInIndex), 'a boolean');
  const [batch, h, w, c] = x4.shape;
  let [outH, top] = [0, 0];
  let [outW, left] = [0, 0];
  if (typeof pad === 'number') {
    const g = padGeometry(op, [h, w], pad, f, s, undefined, 'x');
    [outH, top, outW, left] = [g.outH, g.top, g.outW, g.left];
  } else {
    [outH, top] = axisGeometry(h, f[0], s[0], pad);
    [outW, left] = axisGeometry(w, f[1], s[1], pad);
  }
  const values = x4.dataSync();
  const indexes = new Int32Array(batch * outH * outW * c);
  let at = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        for (let ch = 0; ch < c; ch++, at++) {
          // maxPool's rule, so that each index holds its result: the window's first cell, then a later one
          // only where larger (a NaN first cell stays, a later NaN is passed over).
          let [best, where] = [Number.NaN, -1];
          for (let y = Math.max(oy * s[0] - top, 0); y < Math.min(oy * s[0] - top + f[0], h); y++) {
            for (let xx = Math.max(ox * s[1] - left, 0); xx < Math.min(ox * s[1] - left + f[1], w); xx++) {
              const v = values[((b * h + y) * w + xx) * c + ch];
              if (where < 0 || v > best) [best, where] = [v, ((includeBatchInIndex ? b * h + y : y) * w + xx) * c + ch];
            }
          }
          indexes[at] = best === Number.NEGATIVE_INFINITY ? -1 : where;
        }
      }
    }
  }
  return { result: maxPool(x4, f, s, pad) as T, indexes: tensor(indexes, [batch, outH, outW, c], 'int32') as T };
}
