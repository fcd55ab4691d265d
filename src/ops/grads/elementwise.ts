import type { Tensor } from '../../tensor/tensor';
import { div, mul, pow, raw, sub } from '../binary';
import { backend } from '../engine';
import { log, neg } from '../unary';
import { rule, type GradientTable } from './table';

/** Reduces a broadcast gradient back to the shape of the operand it flows to. */
export function unbroadcast(g: Tensor, shape: readonly number[]): Tensor {
  if (g.shape.length === shape.length && g.shape.every((d, i) => d === shape[i])) return g;
  return backend().sumToShape(g, shape);
}

/** A binary op's rule from the gradients at the broadcast shape, each summed back to its operand's shape. */
function binaryGrad(grads: (dy: Tensor, a: Tensor, b: Tensor, y: Tensor) => [Tensor, Tensor]) {
  return rule((dy, { inputs: [a, b], output }) => {
    const [ga, gb] = grads(dy, a, b, output);
    return [unbroadcast(ga, a.shape), unbroadcast(gb, b.shape)];
  });
}

function unaryGrad(grad: (dy: Tensor, x: Tensor, y: Tensor) => Tensor) {
  return rule((dy, { inputs: [x], output }) => [grad(dy, x, output)]);
}

const step = (x: Tensor) => backend().unary('step', x);

export const elementwiseGrads: GradientTable = {
  add: binaryGrad((dy) => [dy, dy]),
  sub: binaryGrad((dy) => [dy, backend().unary('neg', dy)]),
  mul: binaryGrad((dy, a, b) => [mul(dy, b), mul(dy, a)]),
  div: binaryGrad((dy, a, b) => {
    const ga = div(dy, b);
    return [ga, neg(div(mul(ga, a), b))];
  }),
  maximum: binaryGrad((dy, a, b) => {
    const bWins = raw('greater', b, a);
    return [mul(dy, sub(1, bWins)), mul(dy, bWins)];
  }),
  minimum: binaryGrad((dy, a, b) => {
    const bWins = raw('greater', a, b);
    return [mul(dy, sub(1, bWins)), mul(dy, bWins)];
  }),
  pow: binaryGrad((dy, a, b, y) => [mul(dy, mul(b, pow(a, sub(b, 1)))), mul(dy, mul(y, log(a)))]),
  neg: unaryGrad((dy) => neg(dy)),
  abs: unaryGrad((dy, x) => mul(dy, sub(step(x), step(backend().unary('neg', x))))),
  exp: unaryGrad((dy, _x, y) => mul(dy, y)),
  log: unaryGrad((dy, x) => div(dy, x)),
  sqrt: unaryGrad((dy, _x, y) => div(dy, mul(y, 2))),
  square: unaryGrad((dy, x) => mul(dy, mul(x, 2))),
  relu: unaryGrad((dy, x) => mul(dy, step(x))),
  sigmoid: unaryGrad((dy, _x, y) => mul(dy, mul(y, sub(1, y)))),
  tanh: unaryGrad((dy, _x, y) => mul(dy, sub(1, mul(y, y)))),
  reciprocal: unaryGrad((dy, _x, y) => neg(mul(dy, mul(y, y)))),
};
