import type { Padding } from '../backend/backend';
import type { Tensor } from '../tensor/tensor';
import { argError, fmtValue } from '../util/validate';
import { avgPool } from './avg-pool';
import { maxPool } from './pool';
import { reshape } from './reshape';
import { batchToSpaceND, spaceToBatchND } from './space-batch';
import { toTensor, type TensorLike } from './tensor-like';
import type { DimRoundingMode } from '../tensor/value-types';

type Pair = number | [number, number];
const pair = (v: Pair): [number, number] => (Array.isArray(v) ? v : [v, v]);

/**
 * Max or average pooling with optional dilation, as tf.pool(input, windowShape, poolingType, pad, dilations = 1,
 * strides = 1): a dilated window pools spaceToBatchND(x) and moves the result back with batchToSpaceND, as TF.js
 * does (with its paddings, computed from the input size alone).
 */
export function pool<T extends Tensor>(
  input: T | TensorLike, windowShape: Pair, poolingType: 'avg' | 'max', pad: Padding | 0, dilations?: Pair, strides?: Pair, dimRoundingMode?: DimRoundingMode,
): T {
  dilations ??= 1; strides ??= 1;
  const op = 'pool';
  const t = toTensor(op, 'x', input);
  if (t.rank !== 3 && t.rank !== 4) throw argError(op, 'x', `rank ${t.rank}`, 'rank 3 or 4');
  if (poolingType !== 'avg' && poolingType !== 'max') throw argError(op, 'poolingType', fmtValue(poolingType), "'avg' or 'max'");
  const padding: Padding = pad === 0 ? 'valid' : pad;
  const x = t.rank === 3 ? reshape(t, [1, ...t.shape]) : t;
  const rate = pair(dilations);
  const step = pair(strides);
  if (!rate.every((d) => Number.isInteger(d) && d >= 1)) throw argError(op, 'dilations', fmtValue(dilations), 'positive integers');
  if (rate.some((d) => d > 1) && step.some((s) => s > 1)) throw argError(op, 'strides', fmtValue(strides), `1 when dilations (${fmtValue(dilations)}) are not`);
  const run = (v: Tensor, p: Padding) => (poolingType === 'avg' ? avgPool(v, windowShape, strides, p, dimRoundingMode) : maxPool(v, windowShape, strides, p));
  let y: Tensor;
  if (rate[0] === 1 && rate[1] === 1) {
    y = run(x, padding);
  } else {
    const win = pair(windowShape);
    const base = win.map((w, i) => {
      const extra = w + (w - 1) * (rate[i] - 1) - 1;
      return padding === 'same' ? [Math.floor(extra / 2), extra - Math.floor(extra / 2)] : [0, 0];
    });
    const padEndExtra = rate.map((b, i) => (b - (x.shape[1 + i] % b)) % b);
    const paddings = base.map(([start, end], i) => [start, end + padEndExtra[i]]);
    const crops = padEndExtra.map((e) => [0, e]);
    y = batchToSpaceND(run(spaceToBatchND(x, rate, paddings), 'valid'), rate, crops);
  }
  return (t.rank === 3 ? reshape(y, y.shape.slice(1)) : y) as T;
}
