import type { Tensor } from '../tensor/tensor';
import { assertFloatTensor } from '../tensor/checks';
import { argError, assertPositiveInt, fmtShape, fmtValue } from '../util/validate';
import { pad } from './pad';
import { reshape } from './reshape';
import { slice } from './slice';
import { toTensor, type TensorLike } from './tensor-like';
import { transpose } from './transpose';

// Moving blocks of spatial positions into the batch or channel axes and back, as reshapes and transposes.

function blockArgs(op: string, x: Tensor, blockShape: unknown, pairs: unknown, pairsName: string): [number[], Array<[number, number]>] {
  if (!Array.isArray(blockShape) || blockShape.length < 1 || !blockShape.every((b) => Number.isInteger(b) && b >= 1)) {
    throw argError(op, 'blockShape', fmtValue(blockShape), 'a non-empty array of positive integers');
  }
  const m = blockShape.length;
  if (x.rank < m + 1) throw argError(op, 'x', `rank ${x.rank}`, `rank >= ${m + 1} (a batch axis and ${m} spatial axes)`);
  if (!Array.isArray(pairs) || pairs.length !== m || !pairs.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => Number.isInteger(v) && v >= 0))) {
    throw argError(op, pairsName, fmtValue(pairs), `${m} pairs [before, after] of non-negative integers`);
  }
  return [blockShape as number[], pairs as Array<[number, number]>];
}

/**
 * The spatial axes 1 … M of x, padded, cut into blocks of blockShape that move into the batch axis, as
 * tf.spaceToBatchND(x, blockShape, paddings).
 */
export function spaceToBatchND<T extends Tensor>(x: T | TensorLike, blockShape: number[], paddings: number[][]): T {
  const op = 'spaceToBatchND';
  const t = toTensor(op, 'x', x);
  const [blocks, pads] = blockArgs(op, t, blockShape, paddings, 'paddings');
  const m = blocks.length;
  const padded = pad(t, t.shape.map((_, i) => (i >= 1 && i <= m ? pads[i - 1] : [0, 0])) as Array<[number, number]>);
  const spatial = padded.shape.slice(1, m + 1);
  spatial.forEach((d, i) => {
    if (d % blocks[i] !== 0) throw argError(op, 'paddings', fmtValue(paddings), `padded spatial sizes divisible by blockShape [${blocks.join(', ')}] (axis ${i + 1} is ${d})`);
  });
  const rest = padded.shape.slice(m + 1);
  const split = reshape(padded, [padded.shape[0], ...spatial.flatMap((d, i) => [d / blocks[i], blocks[i]]), ...rest]);
  // [batch, s1, b1, s2, b2, …, rest] → [b1, b2, …, batch, s1, s2, …, rest]
  const perm = [...blocks.map((_, i) => 2 + 2 * i), 0, ...blocks.map((_, i) => 1 + 2 * i), ...rest.map((_, i) => 1 + 2 * m + i)];
  const batch = padded.shape[0] * blocks.reduce((a, b) => a * b, 1);
  return reshape(transpose(split, perm), [batch, ...spatial.map((d, i) => d / blocks[i]), ...rest]) as T;
}

/** The inverse of spaceToBatchND: batch blocks back into the spatial axes, then cropped, as tf.batchToSpaceND(x, blockShape, crops). */
export function batchToSpaceND<T extends Tensor>(x: T | TensorLike, blockShape: number[], crops: number[][]): T {
  const op = 'batchToSpaceND';
  const t = toTensor(op, 'x', x);
  const [blocks, cuts] = blockArgs(op, t, blockShape, crops, 'crops');
  const m = blocks.length;
  const prod = blocks.reduce((a, b) => a * b, 1);
  if (t.shape[0] % prod !== 0) throw argError(op, 'x', `shape ${fmtShape(t.shape)}`, `a batch divisible by the product of blockShape (${prod})`);
  const spatial = t.shape.slice(1, m + 1);
  const rest = t.shape.slice(m + 1);
  const batch = t.shape[0] / prod;
  const split = reshape(t, [...blocks, batch, ...spatial, ...rest]);
  // [b1, …, bM, batch, s1, …, sM, rest] → [batch, s1, b1, s2, b2, …, rest]
  const perm = [m, ...blocks.flatMap((_, i) => [m + 1 + i, i]), ...rest.map((_, i) => 2 * m + 1 + i)];
  const full = reshape(transpose(split, perm), [batch, ...spatial.map((d, i) => d * blocks[i]), ...rest]);
  full.shape.slice(1, m + 1).forEach((d, i) => {
    if (cuts[i][0] + cuts[i][1] > d) throw argError(op, 'crops', fmtValue(crops), `crops within the ${d} positions of spatial axis ${i + 1}`);
  });
  return slice(full, full.shape.map((_, i) => (i >= 1 && i <= m ? cuts[i - 1][0] : 0)), full.shape.map((d, i) => (i >= 1 && i <= m ? d - cuts[i - 1][0] - cuts[i - 1][1] : d))) as T;
}

/** Channels moved into blockSize × blockSize spatial blocks, as tf.depthToSpace(x, blockSize, dataFormat = 'NHWC'). */
export function depthToSpace<T extends Tensor>(x: T | TensorLike, blockSize: number, dataFormat?: 'NHWC' | 'NCHW'): T {
  dataFormat ??= 'NHWC';
  const op = 'depthToSpace';
  const t = toTensor(op, 'x', x);
  if (t.rank !== 4) throw argError(op, 'x', `rank ${t.rank}`, 'rank 4');
  // As TF.js, which asks for float32.
  assertFloatTensor(op, 'x', t);
  const bs = assertPositiveInt(op, 'blockSize', blockSize);
  if (bs < 2) throw argError(op, 'blockSize', String(blockSize), 'an integer >= 2');
  if (dataFormat !== 'NHWC' && dataFormat !== 'NCHW') throw argError(op, 'dataFormat', fmtValue(dataFormat), "'NHWC' or 'NCHW'");
  const nhwc = dataFormat === 'NHWC' ? t : transpose(t, [0, 2, 3, 1]);
  const [b, h, w, c] = nhwc.shape;
  if (c % (bs * bs) !== 0) throw argError(op, 'x', `${c} channels`, `a multiple of blockSize² (${bs * bs})`);
  const out = reshape(transpose(reshape(nhwc, [b, h, w, bs, bs, c / (bs * bs)]), [0, 1, 3, 2, 4, 5]), [b, h * bs, w * bs, c / (bs * bs)]);
  return (dataFormat === 'NHWC' ? out : transpose(out, [0, 3, 1, 2])) as T;
}
