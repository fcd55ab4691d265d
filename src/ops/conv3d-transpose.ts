import { outputLength } from '../backend/shapes';
import { assertRank, assertSameDtype } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPadding, assertShape, assertTriple, fmtShape, fmtValue } from '../util/validate';
import { add } from './binary';
import { conv2dBackpropInput } from './conv';
import { pad as padOp } from './pad';
import { reshape } from './reshape';
import { slice } from './slice';
import type { TensorLike } from './tensor-like';
import { floatOperands } from './cast';

type Triple = [number, number, number];

/**
 * The transpose of conv3d (its gradient for the input), as tf.conv3dTranspose(x, filter, outputShape, strides, pad):
 * x [batch, depth, height, width, inDepth] (or one volume), filter [fd, fh, fw, outDepth, inDepth], outputShape
 * [batch, od, oh, ow, outDepth] (or without the batch), where conv3d of an outputShape tensor with the same filter,
 * strides and pad has x's shape.
 */
export function conv3dTranspose<T extends Tensor>(
  xIn: T | TensorLike, filterIn: Tensor | TensorLike, outputShape: [number, number, number, number, number] | [number, number, number, number],
  strides: number | Triple, pad: 'valid' | 'same',
): T {
  const op = 'conv3dTranspose';
  const [x, filter] = floatOperands(op, [['x', xIn], ['filter', filterIn]]);
  if (x.rank !== 4 && x.rank !== 5) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 5 [batch, depth, height, width, channels], or rank 4 for one volume');
  assertRank(op, 'filter', filter, 5);
  assertSameDtype(op, x, filter, 'x', 'filter');
  const out = assertShape(op, 'outputShape', outputShape);
  if (out.length !== x.rank) throw argError(op, 'outputShape', fmtValue(outputShape), `a shape of x's rank ${x.rank}`);
  const s = assertTriple(op, 'strides', strides);
  const p = assertPadding(op, 'pad', pad);
  const x5 = x.rank === 4 ? reshape(x, [1, ...x.shape]) : x;
  const out5 = out.length === 4 ? [1, ...out] : out;
  const [b, inD, inH, inW, inC] = x5.shape;
  const [fd, fh, fw, outC, filterInC] = filter.shape;
  if (filterInC !== inC) throw argError(op, 'filter', `shape ${fmtShape(filter.shape)}`, `input depth (dim 4) equal to x's channels ${inC}`);
  if (out5[4] !== outC) throw argError(op, 'outputShape', fmtValue(outputShape), `channels equal to the filter's output depth (dim 3 of ${fmtShape(filter.shape)}) ${outC}`);
  if (out5[0] !== b) throw argError(op, 'outputShape', fmtValue(outputShape), `batch ${b}, as x ${fmtShape(x.shape)}`);
  const [D, H, W] = [out5[1], out5[2], out5[3]];
  const fits = (size: number, k: number, stride: number, want: number) => (p === 'same' || k <= size) && outputLength(size, k, stride, p) === want;
  if (!fits(D, fd, s[0], inD) || !fits(H, fh, s[1], inH) || !fits(W, fw, s[2], inW)) {
    throw argError(op, 'outputShape', fmtValue(outputShape),
      `a shape that conv3d with filter ${fmtShape(filter.shape)}, strides [${s.join(', ')}] and '${p}' padding maps to x's ${fmtShape([inD, inH, inW])}`);
  }
  // conv3d sums 2-D convolutions of depth slices (conv3d.ts), so its transpose spreads each x slice with each depth
  // tap of the filter in 2-D, and adds it at that slice's depth in the (front-padded) output: x's slice od, tap kd,
  // lands at od * stride + kd.
  const total = p === 'same' ? Math.max((inD - 1) * s[0] + fd - D, 0) : 0;
  const front = Math.floor(total / 2);
  const length = Math.max(inD * s[0] + fd, front + D);
  const slices = reshape(x5, [b * inD, inH, inW, inC]);
  let y: Tensor | null = null;
  for (let kd = 0; kd < fd; kd++) {
    const f2 = reshape(slice(filter, [kd, 0, 0, 0, 0], [1, fh, fw, outC, inC]), [fh, fw, outC, inC]);
    const spread = reshape(conv2dBackpropInput(slices, f2, [b * inD, H, W, outC], [s[1], s[2]], p), [b, inD, 1, H, W, outC]);
    // Stride apart: slice od at od * stride, then shifted by the tap.
    const strided = reshape(padOp(spread, [[0, 0], [0, 0], [0, s[0] - 1], [0, 0], [0, 0], [0, 0]]), [b, inD * s[0], H, W, outC]);
    const placed = padOp(strided, [[0, 0], [kd, length - kd - inD * s[0]], [0, 0], [0, 0], [0, 0]]);
    y = y === null ? placed : add(y, placed);
  }
  const cropped = slice(y as unknown as Tensor, [0, front, 0, 0, 0], [b, D, H, W, outC]);
  return (x.rank === 4 ? reshape(cropped, out) : cropped) as T;
}
