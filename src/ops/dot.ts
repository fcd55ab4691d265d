import type { Rank } from '../tensor/value-types';
import type { Tensor } from '../tensor/tensor';
import { argError, fmtShape } from '../util/validate';
import { matMul } from './matmul';
import { reshape } from './reshape';
import { toTensorsBeside, type TensorLike } from './tensor-like';

/** As tf.dot(t1, t2) for rank-1 or rank-2 operands (mixed dtypes multiply in the higher, as matMul): a scalar for two vectors, a vector for a vector and a matrix. */
export function dot(t1: Tensor | TensorLike, t2: Tensor | TensorLike): Tensor {
  [t1, t2] = toTensorsBeside('dot', [['t1', t1], ['t2', t2]]);
  for (const [name, t] of [['t1', t1], ['t2', t2]] as const) {
    if (t.rank !== 1 && t.rank !== 2) throw argError('dot', name, `shape ${fmtShape(t.shape)} (rank ${t.rank})`, 'rank 1 or 2');
  }
  const inner1 = t1.rank === 1 ? t1.size : t1.shape[1];
  const inner2 = t2.rank === 1 ? t2.size : t2.shape[0];
  if (inner1 !== inner2) {
    throw new Error(`dot: the inner dimensions of t1 ${fmtShape(t1.shape)} and t2 ${fmtShape(t2.shape)} must match, got ${inner1} and ${inner2}`);
  }
  if (t1.rank === 2 && t2.rank === 2) return matMul(t1, t2);
  const product = matMul(t1.rank === 1 ? reshape(t1, [1, -1]) : t1, t2.rank === 1 ? reshape(t2, [-1, 1]) : t2);
  return reshape(product, t1.rank === 1 && t2.rank === 1 ? [] : [product.size]);
}

/** As tf.outerProduct(v1, v2): the [m, n] matrix v1[i]·v2[j] of two vectors. */
export function outerProduct(v1: Tensor | TensorLike, v2: Tensor | TensorLike): Tensor<Rank.R2> {
  [v1, v2] = toTensorsBeside('outerProduct', [['v1', v1], ['v2', v2]]);
  if (v1.rank !== 1) throw argError('outerProduct', 'v1', `shape ${fmtShape(v1.shape)} (rank ${v1.rank})`, 'rank 1');
  if (v2.rank !== 1) throw argError('outerProduct', 'v2', `shape ${fmtShape(v2.shape)} (rank ${v2.rank})`, 'rank 1');
  return matMul(reshape(v1, [-1, 1]), reshape(v2, [1, -1])) as Tensor<Rank.R2>;
}
