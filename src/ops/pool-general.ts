import type { Tensor } from '../tensor/tensor';
import { argError, fmtValue } from '../util/validate';
import { avgPool } from './avg-pool';
import { atrous } from './dilate';
import { maxPool } from './pool';
import { reshape } from './reshape';
import { toTensor, type TensorLike } from './tensor-like';
import { assertWindowPad } from './window-pad';
import type { DimRoundingMode, WindowPad } from '../tensor/value-types';

type Pair = number | [number, number];
const pair = (v: Pair): [number, number] => (Array.isArray(v) ? v : [v, v]);

/**
 * Max or average pooling with optional dilation, as tf.pool(input, windowShape, poolingType, pad, dilations = 1,
 * strides = 1): a dilated window pools spaceToBatchND(x) and moves the result back with batchToSpaceND (atrous), as
 * TF.js does (with its paddings, computed from the input size alone).
 */
export function pool<T extends Tensor>(
  input: T | TensorLike, windowShape: Pair, poolingType: 'avg' | 'max', pad: WindowPad, dilations?: Pair, strides?: Pair, dimRoundingMode?: DimRoundingMode,
): T {
  dilations ??= 1; strides ??= 1;
  const op = 'pool';
  const t = toTensor(op, 'x', input);
  if (t.rank !== 3 && t.rank !== 4) throw argError(op, 'x', `rank ${t.rank}`, 'rank 3 or 4');
  if (poolingType !== 'avg' && poolingType !== 'max') throw argError(op, 'poolingType', fmtValue(poolingType), "'avg' or 'max'");
  assertWindowPad(op, pad);
  const padding = pad === 0 ? 'valid' : pad;
  const x = t.rank === 3 ? reshape(t, [1, ...t.shape]) : t;
  const rate = pair(dilations);
  const step = pair(strides);
  if (!rate.every((d) => Number.isInteger(d) && d >= 1)) throw argError(op, 'dilations', fmtValue(dilations), 'positive integers');
  if (rate.some((d) => d > 1) && step.some((s) => s > 1)) throw argError(op, 'strides', fmtValue(strides), `1 when dilations (${fmtValue(dilations)}) are not`);
  const run = (v: Tensor, p: WindowPad) => (poolingType === 'avg' ? avgPool(v, windowShape, strides, p, dimRoundingMode) : maxPool(v, windowShape, strides, p, dimRoundingMode));
  const y = atrous<WindowPad>(x, pair(windowShape), rate, padding, run);
  return (t.rank === 3 ? reshape(y, y.shape.slice(1)) : y) as T;
}
