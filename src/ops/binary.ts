import { broadcastShapes } from '../../kernels/cpu/broadcast';
import type { BinaryOp } from '../backend/backend';
import { backend } from '../backend/registry';
import { recordOp } from '../backprop';
import { Tensor } from '../tensor';
import { scalar } from './creation';
import { log, neg } from './unary';
import { assertSameDtype, assertTensor, fmtShape } from './validate';

/** A number operand becomes a scalar of the other operand's dtype, as TF.js accepts `add(x, 2)`. */
function operands(op: string, a: Tensor | number, b: Tensor | number): [Tensor, Tensor] {
  if (typeof a === 'number' && typeof b === 'number') return [scalar(a), scalar(b)];
  const ta = typeof a === 'number' ? scalar(a, assertTensor(op, 'b', b).dtype) : assertTensor(op, 'a', a);
  const tb = typeof b === 'number' ? scalar(b, ta.dtype) : assertTensor(op, 'b', b);
  assertSameDtype(op, ta, tb);
  if (!broadcastShapes(ta.shape, tb.shape)) {
    throw new Error(`${op}: a and b must have broadcastable shapes (equal, or 1, in each trailing dim), got ${fmtShape(ta.shape)} and ${fmtShape(tb.shape)}`);
  }
  return [ta, tb];
}

/** @internal Elementwise without recording: for backward rules and masks. */
export function raw(op: BinaryOp, a: Tensor, b: Tensor): Tensor {
  return backend().binary(op, a, b);
}

/** Reduces a broadcast gradient back to the shape of the operand it flows to. */
export function unbroadcast(g: Tensor, shape: readonly number[]): Tensor {
  if (g.shape.length === shape.length && g.shape.every((d, i) => d === shape[i])) return g;
  return backend().sumToShape(g, shape);
}

function binaryOp(op: BinaryOp, name: string, a: Tensor | number, b: Tensor | number, backward: (dy: Tensor, ta: Tensor, tb: Tensor, y: Tensor) => [Tensor, Tensor]): Tensor {
  const [ta, tb] = operands(name, a, b);
  const y = backend().binary(op, ta, tb);
  recordOp([ta, tb], y, (dy) => {
    const [ga, gb] = backward(dy, ta, tb, y);
    return [unbroadcast(ga, ta.shape), unbroadcast(gb, tb.shape)];
  });
  return y;
}

export function add(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('add', 'add', a, b, (dy) => [dy, dy]);
}

export function sub(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('sub', 'sub', a, b, (dy) => [dy, backend().unary('neg', dy)]);
}

export function mul(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('mul', 'mul', a, b, (dy, ta, tb) => [mul(dy, tb), mul(dy, ta)]);
}

export function div(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('div', 'div', a, b, (dy, ta, tb) => {
    const ga = div(dy, tb);
    return [ga, neg(div(mul(ga, ta), tb))];
  });
}

/** Elementwise max; where equal, the gradient goes to a (as TF.js). */
export function maximum(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('maximum', 'maximum', a, b, (dy, ta, tb) => {
    const bWins = raw('greater', tb, ta);
    return [mul(dy, sub(1, bWins)), mul(dy, bWins)];
  });
}

/** Elementwise min; where equal, the gradient goes to a (as TF.js). */
export function minimum(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('minimum', 'minimum', a, b, (dy, ta, tb) => {
    const bWins = raw('greater', ta, tb);
    return [mul(dy, sub(1, bWins)), mul(dy, bWins)];
  });
}

/** a ** b; the gradient for b needs a > 0 (log a). */
export function pow(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp('pow', 'pow', a, b, (dy, ta, tb, y) => [
    mul(dy, mul(tb, pow(ta, sub(tb, 1)))),
    mul(dy, mul(y, log(ta))),
  ]);
}

/** 1 where a > b, else 0 (not differentiable). */
export function greater(a: Tensor | number, b: Tensor | number): Tensor {
  const [ta, tb] = operands('greater', a, b);
  return raw('greater', ta, tb);
}

/** 1 where a == b, else 0 (not differentiable). */
export function equal(a: Tensor | number, b: Tensor | number): Tensor {
  const [ta, tb] = operands('equal', a, b);
  return raw('equal', ta, tb);
}
