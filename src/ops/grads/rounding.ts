import type { Tensor } from '../../tensor/tensor';
import { floorDiv, mul } from '../binary';
import { zerosLike } from '../creation';
import { neg } from '../unary';
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

/** Rounding is flat (zero gradient, as TF.js's floor, ceil, round and sign); mod(a, b) = a - floorDiv(a, b)·b (int32 too). */
export const roundingGrads: GradientTable = {
  floor: zero,
  ceil: zero,
  round: zero,
  sign: zero,
  mod: binary((dy, a, b) => [dy, mul(dy, neg(floorDiv(a, b)))]),
  // Piecewise constant, so zero, as finite differences see it (TF.js borrows div's gradient here; we do not).
  floorDiv: zeroGrad,
};
