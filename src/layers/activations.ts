import type { Tensor } from '../tensor/tensor';
import { relu, sigmoid, tanh } from '../ops/unary';
import { softmax } from '../ops/softmax';
import { clipByValue } from '../ops/arithmetic';
import { add, mul } from '../ops/binary';
import { argError, fmtValue } from '../util/validate';

export type ActivationName = 'linear' | 'relu' | 'softmax' | 'sigmoid' | 'tanh' | 'hardSigmoid';

const table: Record<ActivationName, (x: Tensor) => Tensor> = {
  linear: (x) => x,
  relu,
  softmax: (x) => softmax(x),
  sigmoid,
  tanh,
  // TF.js's: clip(0.2·x + 0.5, 0, 1), the default recurrent activation of its LSTM and GRU.
  hardSigmoid: (x) => clipByValue(add(mul(x, 0.2), 0.5), 0, 1),
};

export const activationNames = Object.keys(table) as ActivationName[];

/** Checks an activation name from a layer config (undefined means linear). */
export function checkActivation(op: string, name: unknown): ActivationName {
  if (name === undefined || name === null) return 'linear';
  if (typeof name !== 'string' || !Object.hasOwn(table, name)) {
    throw argError(op, 'activation', fmtValue(name), `one of ${activationNames.map((n) => `'${n}'`).join(', ')}`);
  }
  return name as ActivationName;
}

export function applyActivation(name: ActivationName, x: Tensor): Tensor {
  return table[name](x);
}
