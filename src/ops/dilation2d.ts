import { outputLength } from '../backend/shapes';
import { assertRank, assertSameDtype } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPadding, assertPair, describeValue, fmtShape } from '../util/validate';
import { add, maximum } from './binary';
import { cast, floatOperands } from './cast';
import { pad as padOp } from './pad';
import { reshape } from './reshape';
import { slice } from './slice';
import { stridedSlice } from './strided-slice';
import type { TensorLike } from './tensor-like';

/**
 * Grayscale morphological dilation, as tf.dilation2d(x, filter, strides, pad, dilations = 1, dataFormat = 'NHWC'):
 * each output is the maximum over its window of x + filter, per channel; x [batch, h, w, depth] (or one image),
 * filter [fh, fw, depth]. A maximum of shifted slices, so its gradient goes to the first winner of each window.
 */
export function dilation2d<T extends Tensor>(
  x: T | TensorLike, filter: Tensor | TensorLike, strides: number | [number, number], pad: 'valid' | 'same',
  dilations?: number | [number, number], dataFormat?: 'NHWC',
): T {
  dilations ??= [1, 1]; dataFormat ??= 'NHWC';
  const op = 'dilation2d';
  const [xt, f] = floatOperands(op, [['x', x], ['filter', filter]]);
  if (xt.rank !== 3 && xt.rank !== 4) throw argError(op, 'x', `shape ${fmtShape(xt.shape)} (rank ${xt.rank})`, 'rank 4 [batch, height, width, depth], or rank 3 for one image');
  assertRank(op, 'filter', f, 3);
  assertSameDtype(op, xt, f, 'x', 'filter');
  if (dataFormat !== 'NHWC') throw argError(op, 'dataFormat', describeValue(dataFormat), "'NHWC' (the only layout TF.js computes)");
  const s = assertPair(op, 'strides', strides);
  const d = assertPair(op, 'dilations', dilations);
  const p = assertPadding(op, 'pad', pad);
  // An int32 image is dilated in float32, where -Infinity can pad it, and cast back.
  if (xt.dtype === 'int32') return cast(dilation2d(cast(xt, 'float32'), cast(f, 'float32'), strides, pad, dilations, dataFormat), 'int32') as T;
  const x4 = xt.rank === 3 ? reshape(xt, [1, ...xt.shape]) : xt;
  const [batch, h, w, depth] = x4.shape;
  const [fh, fw, fd] = f.shape;
  if (fd !== depth) throw argError(op, 'filter', `shape ${fmtShape(f.shape)}`, `depth (dim 2) equal to x's depth ${depth}`);
  const span = [(fh - 1) * d[0] + 1, (fw - 1) * d[1] + 1];
  if (p === 'valid' && (span[0] > h || span[1] > w)) throw argError(op, 'filter', `shape ${fmtShape(f.shape)} (dilated window ${span.join('x')})`, `a window inside x's ${h}x${w} with 'valid' padding`);
  const outH = outputLength(h, span[0], s[0], p);
  const outW = outputLength(w, span[1], s[1], p);
  const padH = p === 'same' ? Math.max((outH - 1) * s[0] + span[0] - h, 0) : 0;
  const padW = p === 'same' ? Math.max((outW - 1) * s[1] + span[1] - w, 0) : 0;
  // Cells outside x never win.
  const xp = padH + padW > 0 ? padOp(x4, [[0, 0], [Math.floor(padH / 2), padH - Math.floor(padH / 2)], [Math.floor(padW / 2), padW - Math.floor(padW / 2)], [0, 0]], -Infinity) : x4;
  let y: Tensor | null = null;
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) {
      const [r, c] = [i * d[0], j * d[1]];
      const window = stridedSlice(xp, [0, r, c, 0], [batch, r + (outH - 1) * s[0] + 1, c + (outW - 1) * s[1] + 1, depth], [1, s[0], s[1], 1]);
      const tap = add(window, reshape(slice(f, [i, j, 0], [1, 1, depth]), [depth]));
      // maximum keeps its first operand on ties, so the earliest tap wins, as TF.js's kernel scans.
      y = y === null ? tap : maximum(y, tap);
    }
  }
  const out = y as unknown as Tensor;
  return (xt.rank === 3 ? reshape(out, out.shape.slice(1)) : out) as T;
}
