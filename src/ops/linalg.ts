import type { Tensor } from '../tensor/tensor';
import { argError, describeValue } from '../util/validate';
import { broadcastTo } from './tile';
import { tensor, zerosLike } from './creation';
import { toTensor, type TensorLike } from './tensor-like';
import { where } from './where';

// tf.linalg.

export { qr, gramSchmidt } from './qr';

function bandWidth(arg: 'numLower' | 'numUpper', v: unknown, limit: number, limitName: string): number {
  const n = v instanceof Object && 'dataSync' in v ? (v as Tensor).dataSync()[0] : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw argError('bandPart', arg, describeValue(v), 'an integer (negative: the whole triangle)');
  if (n > limit) throw argError('bandPart', arg, String(n), `at most the number of ${limitName} (${limit})`);
  return n < 0 ? limit : n;
}

/**
 * Each innermost matrix of a with everything outside a band zeroed: numLower diagonals below the main one and
 * numUpper above it kept (a negative count keeps the whole triangle), as tf.linalg.bandPart(a, numLower, numUpper);
 * bandPart(ones, -1, 0) is the lower-triangular (causal) mask.
 */
export function bandPart<T extends Tensor>(a: T | TensorLike, numLower: number | Tensor, numUpper: number | Tensor): T {
  const x = toTensor('bandPart', 'a', a);
  if (x.rank < 2) throw argError('bandPart', 'a', `rank ${x.rank}`, 'rank 2 or higher');
  const [m, n] = x.shape.slice(-2);
  const lower = bandWidth('numLower', numLower, m, 'rows');
  const upper = bandWidth('numUpper', numUpper, n, 'columns');
  const band = Array.from({ length: m * n }, (_, k) => {
    const d = Math.floor(k / n) - (k % n);
    return d <= lower && d >= -upper;
  });
  return where(broadcastTo(tensor(band, [m, n], 'bool'), x.shape), x, zerosLike(x)) as T;
}
