import type { Tensor } from '../tensor/tensor';
import { relu, sigmoid, tanh } from '../ops/unary';
import { softmax } from '../ops/softmax';
import { argError, fmtValue } from '../util/validate';

export type ActivationName = 'linear' | 'relu' | 'softmax' | 'sigmoid' | 'tanh';

const table: Record<ActivationName, (x: Tensor) => Tensor> = {
  linear: (x) => x,
  relu,
  softmax: (x) => softmax(x),
  sigmoid,
  tanh,
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
