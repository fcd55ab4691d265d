import { broadcastShapes } from '../backend/shapes';
import { newHostValues } from '../backend/host-values';
import { Tensor } from '../tensor/tensor';
import { argError, describeValue, fmtShape, fmtValue, withArticle } from '../util/validate';
import { mul } from './binary';
import { randomUniform } from './creation';
import { toTensor, type TensorLike } from './tensor-like';

/** The mask's shape, as TF.js reads noiseShape: x's shape when absent; null entries take x's dims. */
function noiseShapeOf(x: Tensor, noiseShape: readonly (number | null)[] | undefined): number[] {
  if (noiseShape === undefined || noiseShape === null) return x.shape.slice();
  if (!Array.isArray(noiseShape)) throw argError('dropout', 'noiseShape', describeValue(noiseShape), 'an array of dims');
  const shape = noiseShape.map((d, i) => (d === null && noiseShape.length === x.rank ? x.shape[i] : d));
  const fits = shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0);
  const out = fits ? broadcastShapes(shape as number[], x.shape) : null;
  if (!out || out.length !== x.rank || out.some((d, i) => d !== x.shape[i])) {
    throw argError('dropout', 'noiseShape', fmtValue(noiseShape), `a shape that broadcasts to x's ${fmtShape(x.shape)}`);
  }
  return shape as number[];
}

/** Refuses an int32 or bool input, as TF.js's dropout does: the values it keeps are scaled. */
export function assertDropoutInput(t: Tensor): void {
  if (t.dtype !== 'float32' && t.dtype !== 'float64') throw argError('dropout', 'x', `${withArticle(t.dtype)} tensor`, 'a float tensor (it is scaled)');
}

/**
 * Zeroes each element (or each slice along noiseShape's size-1 axes) with probability `rate` and scales the rest
 * by 1 / (1 - rate), as tf.dropout(x, rate, noiseShape?, seed?). The mask comes from randomUniform with the given
 * seed (the global seeded stream when absent) in TF.js's arithmetic, so a seed gives TF.js's mask; it is a constant
 * for the gradient.
 */
export function dropout(x: Tensor | TensorLike, rate: number, noiseShape?: (number | null)[], seed?: number | string): Tensor {
  const t = toTensor('dropout', 'x', x);
  assertDropoutInput(t);
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) throw argError('dropout', 'rate', describeValue(rate), 'a number in [0, 1)');
  if (seed != null && typeof seed !== 'string' && !Number.isFinite(seed)) throw argError('dropout', 'seed', describeValue(seed), 'a finite number or a string');
  const shape = noiseShapeOf(t, noiseShape);
  if (rate === 0) return mul(t, 1);
  // floor(u + keep) / keep, as TF.js computes it (in float32 for a float32 x): 1 / keep with probability keep, else 0.
  // One loop per dtype, each rounding (or not) inline; the mask goes where the kernels read it in place.
  const f32 = t.dtype === 'float32';
  const keep = f32 ? Math.fround(1 - rate) : 1 - rate;
  const draws = randomUniform(shape, 0, 1, t.dtype, seed);
  const u = draws.hostValues();
  const mask = newHostValues(t.dtype, u.length);
  if (f32) for (let i = 0; i < u.length; i++) mask[i] = Math.floor(Math.fround(u[i] + keep)) / keep;
  else for (let i = 0; i < u.length; i++) mask[i] = Math.floor(u[i] + keep) / keep;
  draws.dispose();
  return mul(t, new Tensor(shape, t.dtype, mask));
}
