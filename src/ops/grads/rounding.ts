import type { Tensor } from '../../tensor/tensor';
import { div, mul } from '../binary';
import { zerosLike } from '../creation';
import { floor, neg } from '../unary';
import { sumToShape } from '../broadcast';
import { rule, type GradientTable } from './table';

const zero = rule((dy) => [zerosLike(dy)]);

function binary(grads: (dy: Tensor, a: Tensor, b: Tensor) => [Tensor, Tensor]) {
  return rule((dy, { inputs: [a, b] }) => {
    const [ga, gb] = grads(dy, a, b);
    return [sumToShape(ga, a.shape), sumToShape(gb, b.shape)];
  });
}

/** Rounding is flat (zero gradient, as TF.js's floor, ceil, round and sign); mod(a, b) = a - floor(a / b)·b. */
export const roundingGrads: GradientTable = {
  floor: zero,
  ceil: zero,
  round: zero,
  sign: zero,
  mod: binary((dy, a, b) => [dy, mul(dy, neg(floor(div(a, b))))]),
  // Piecewise constant, so zero, as finite differences see it (TF.js borrows div's gradient here; we do not).
  floorDiv: rule((_dy, { inputs }) => inputs.map((x) => zerosLike(x))),
};
