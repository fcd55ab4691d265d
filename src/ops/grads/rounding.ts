import { isFloatDtype, type Tensor } from '../../tensor/tensor';
import { div, floorDiv, mul } from '../binary';
import { zerosLike } from '../creation';
import { floor, neg } from '../unary';
import { sumToShape } from '../broadcast';
import { zeroGrad } from './elementwise';
import { rule, type GradientTable } from './table';

const zero = rule((dy) => [zerosLike(dy)]);

function binary(grads: (dy: Tensor, a: Tensor, b: Tensor) => [Tensor, Tensor]) {
  return rule((dy, { inputs: [a, b] }) => {
    const [ga, gb] = grads(dy, a, b);
    return [sumToShape(ga, a.shape), sumToShape(gb, b.shape)];
  });
}

/**
 * floor(a / b) for mod's gradient with respect to b, as TF.js takes it for float operands: ±∞ or NaN where mod
 * itself is NaN (b = 0, a non-finite operand), and exact beyond int32's range (floorDiv's result is int32).
 * int32 operands, which TF.js cannot differentiate, keep floorDiv.
 */
const quotient = (a: Tensor, b: Tensor) => (isFloatDtype(a.dtype) ? floor(div(a, b)) : floorDiv(a, b));

/** Rounding is flat (zero gradient, as TF.js's floor, ceil, round and sign); mod(a, b) = a − floor(a / b)·b. */
export const roundingGrads: GradientTable = {
  floor: zero,
  ceil: zero,
  round: zero,
  sign: zero,
  mod: binary((dy, a, b) => [dy, mul(dy, neg(quotient(a, b)))]),
  // Piecewise constant, so zero, as finite differences see it (TF.js borrows div's gradient here; we do not).
  floorDiv: zeroGrad,
};
