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

/** As TF.js: rounding is flat (zero gradient); mod(a, b) = a - floor(a / b)·b; floorDiv takes div's gradient. */
export const roundingGrads: GradientTable = {
  floor: zero,
  ceil: zero,
  round: zero,
  sign: zero,
  mod: binary((dy, a, b) => [dy, mul(dy, neg(floor(div(a, b))))]),
  floorDiv: binary((dy, a, b) => {
    const ga = div(dy, b);
    return [ga, neg(div(mul(ga, a), b))];
  }),
};
