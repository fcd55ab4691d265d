import type { Tensor } from '../tensor/tensor';
import { assertSameDtype } from '../tensor/checks';
import { argError, fmtShape } from '../util/validate';
import { add, div, mul, pow, sub } from './binary';
import { scalar } from './creation';
import { toTensor, type TensorLike } from './tensor-like';
import { floatOperands } from './cast';

/**
 * The next value of an exponential moving average, as tf.movingAverage: v + (x − v)·(1 − decay), divided by
 * 1 − decay^step when zeroDebias (the default) so early steps are not biased toward v's zeros. Returns a new tensor;
 * v itself is not assigned.
 */
export function movingAverage<T extends Tensor = Tensor>(v: Tensor | TensorLike, x: Tensor | TensorLike, decay: number | Tensor, step?: number | Tensor, zeroDebias?: boolean): T {
  zeroDebias ??= true;
  const op = 'movingAverage';
  const [tv, tx] = floatOperands(op, [['v', v], ['x', x]]);
  // Plain numbers take v's float dtype, so a float64 average stays float64.
  const numbers = tv.dtype === 'float64' ? 'float64' : undefined;
  const td = toTensor(op, 'decay', decay, typeof decay === 'number' ? numbers : undefined);
  assertSameDtype(op, tv, tx, 'v', 'x');
  if (tv.shape.length !== tx.shape.length || tv.shape.some((d, i) => d !== tx.shape[i])) {
    throw argError(op, 'x', `shape ${fmtShape(tx.shape)}`, `v's shape ${fmtShape(tv.shape)}`);
  }
  if (typeof zeroDebias !== 'boolean') throw argError(op, 'zeroDebias', String(zeroDebias), 'a boolean');
  const one = scalar(1, td.dtype);
  const update = mul(sub(tx, tv), sub(one, td));
  if (!zeroDebias) return add<T>(tv, update);
  if (step === undefined || step === null) throw argError(op, 'step', String(step), 'a step count (required when zeroDebias is true)');
  return add<T>(tv, div(update, sub(one, pow(td, toTensor(op, 'step', step, typeof step === 'number' ? numbers : undefined)))));
}
