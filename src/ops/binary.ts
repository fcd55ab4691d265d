import type { BinaryOp } from '../backend/backend';
import { broadcastShapes } from '../backend/shapes';
import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import { Tensor } from '../tensor/tensor';
import { scalar } from './creation';
import { assertSameDtype, assertTensor } from '../tensor/checks';
import { fmtShape } from '../util/validate';

/** A number operand becomes a scalar of the other operand's dtype, as TF.js accepts `add(x, 2)`. */
export function operands(op: string, a: Tensor | number, b: Tensor | number): [Tensor, Tensor] {
  if (typeof a === 'number' && typeof b === 'number') return [scalar(a), scalar(b)];
  const ta = typeof a === 'number' ? scalar(a, assertTensor(op, 'b', b).dtype) : assertTensor(op, 'a', a);
  const tb = typeof b === 'number' ? scalar(b, ta.dtype) : assertTensor(op, 'b', b);
  assertSameDtype(op, ta, tb);
  if (!broadcastShapes(ta.shape, tb.shape)) {
    throw new Error(`${op}: a and b must have broadcastable shapes (equal, or 1, in each trailing dim), got ${fmtShape(ta.shape)} and ${fmtShape(tb.shape)}`);
  }
  return [ta, tb];
}

/** @internal A recorded elementwise op of two operands with broadcasting, recorded under the op's name. */
export function binaryOp(op: BinaryOp, a: Tensor | number, b: Tensor | number): Tensor {
  const [ta, tb] = operands(op, a, b);
  const y = backend().binary(op, ta, tb);
  recordOp(op, [ta, tb], y, null);
  return y;
}

export function add(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('add', a, b);
}

export function sub(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('sub', a, b);
}

export function mul(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('mul', a, b);
}

export function div(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('div', a, b);
}

/** Elementwise max; where equal, the gradient goes to a (as TF.js). */
export function maximum(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('maximum', a, b);
}

/** Elementwise min; where equal, the gradient goes to a (as TF.js). */
export function minimum(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('minimum', a, b);
}

/** a ** b; the gradient for b needs a > 0 (log a). */
export function pow(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('pow', a, b);
}

/** 1 where a > b, else 0. Its gradient is zero (it is piecewise constant), as TF.js's comparison gradients. */
export function greater(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('greater', a, b);
}

/** 1 where a == b, else 0; zero gradient. */
export function equal(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('equal', a, b);
}
