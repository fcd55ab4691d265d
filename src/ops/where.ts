import { broadcastShapes } from '../backend/shapes';
import { assertTensorDtype } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { fmtShape } from '../util/validate';
import { cast } from './cast';
import { backend } from './engine';
import { matchedOperands, toTensorAs, type TensorLike } from './tensor-like';

/**
 * a where condition holds, else b, as tf.where(condition, a, b): condition is bool, and the three broadcast to one
 * shape; a and b meet in one dtype (TF.js's upcasting). Differentiable in a and b.
 */
export function where<T extends Tensor>(condition: Tensor | TensorLike, a: T | TensorLike, b: T | TensorLike): T {
  const op = 'where';
  // Values (not a tensor) read as bool, as TF.js converts them; a tensor must be bool already.
  const c = toTensorAs(op, 'condition', condition, 'bool');
  assertTensorDtype(op, 'condition', c, 'bool');
  const [ta, tb] = matchedOperands(op, a, b, cast);
  const ab = broadcastShapes(ta.shape, tb.shape);
  if (!ab || !broadcastShapes(c.shape, ab)) {
    throw new Error(`${op}: condition, a and b must have broadcastable shapes, got ${fmtShape(c.shape)}, ${fmtShape(ta.shape)} and ${fmtShape(tb.shape)}`);
  }
  const y = backend().where(c, ta, tb);
  recordOp(op, [c, ta, tb], y, null);
  return y as T;
}
