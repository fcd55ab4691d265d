import type { Tensor } from '../tensor/tensor';
import { argError, fmtShape, withArticle } from '../util/validate';
import { tensor } from './creation';
import { toTensor, type TensorLike } from './tensor-like';

/**
 * The bitwise AND of two int32 tensors of one shape, as tf.bitwiseAnd. Integer bits have no gradient; computed from
 * the values on the host, as the other integer-valued ops that read values, so it runs on either backend.
 */
export function bitwiseAnd(x: Tensor | TensorLike, y: Tensor | TensorLike): Tensor {
  const op = 'bitwiseAnd';
  const a = toTensor(op, 'x', x);
  const b = toTensor(op, 'y', y);
  for (const [name, t] of [['x', a], ['y', b]] as const) {
    if (t.dtype !== 'int32') throw argError(op, name, `${withArticle(t.dtype)} tensor`, 'an int32 tensor');
  }
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
    throw argError(op, 'y', `shape ${fmtShape(b.shape)}`, `x's shape ${fmtShape(a.shape)}`);
  }
  const [av, bv] = [a.hostValues(), b.hostValues()];
  // A plain loop: Int32Array.from with a mapping function takes V8's slow path (~100 ns an element).
  const out = new Int32Array(av.length);
  for (let i = 0; i < out.length; i++) out[i] = av[i] & bv[i];
  return tensor(out, a.shape, 'int32');
}
