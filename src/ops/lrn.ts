import { isFloatDtype, type Tensor } from '../tensor/tensor';
import { argError, assertFiniteNumber, describeValue } from '../util/validate';
import { add, mul, pow } from './binary';
import { cast } from './cast';
import { pad } from './pad';
import { slice } from './slice';
import { toTensor, type TensorLike } from './tensor-like';
import { square } from './unary';

/**
 * x · (bias + alpha · Σ x²)^−beta, the sum over the channels within depthRadius of each (the last axis), as
 * tf.localResponseNormalization(x, depthRadius = 5, bias = 1, alpha = 1, beta = 0.5) on a rank-3 or rank-4 x. The
 * sum is 2·depthRadius + 1 shifted slices of the zero-padded squares, so the op differentiates like its ops.
 */
export function localResponseNormalization<T extends Tensor>(x: T | TensorLike, depthRadius?: number, bias?: number, alpha?: number, beta?: number): T {
  depthRadius ??= 5; bias ??= 1; alpha ??= 1; beta ??= 0.5;
  const op = 'localResponseNormalization';
  const t = toTensor(op, 'x', x);
  if (t.rank !== 3 && t.rank !== 4) throw argError(op, 'x', `rank ${t.rank}`, 'rank 3 or 4');
  if (typeof depthRadius !== 'number' || !Number.isInteger(depthRadius) || depthRadius < 0) {
    throw argError(op, 'depthRadius', describeValue(depthRadius), 'a non-negative integer');
  }
  for (const [name, v] of [['bias', bias], ['alpha', alpha], ['beta', beta]] as const) assertFiniteNumber(op, name, v);
  const xf = isFloatDtype(t.dtype) ? t : cast(t, 'float32');
  const last = xf.rank - 1;
  const channels = xf.shape[last];
  // A radius past the last channel sums every channel already: the same sums from fewer windows.
  const r = Math.min(depthRadius, Math.max(channels - 1, 0));
  const padded = pad(square(xf), xf.shape.map((_, i) => (i === last ? [r, r] : [0, 0])) as Array<[number, number]>);
  let sum: Tensor | null = null;
  for (let k = 0; k <= 2 * r; k++) {
    const window = slice(padded, xf.shape.map((_, i) => (i === last ? k : 0)), xf.shape.map((d, i) => (i === last ? channels : d)));
    sum = sum === null ? window : add(sum, window);
  }
  const out = mul(xf, pow(add(mul(sum!, alpha), bias), -beta));
  // An int32 x gives int32, truncated, as TF.js's kernel writes its result in x's dtype.
  return (t.dtype === 'int32' ? cast(out, 'int32') : out) as T;
}
