import type { Tensor } from '../tensor/tensor';
import { abs, relu, sigmoid, tanh } from '../ops/unary';
import { logSoftmax, softmax } from '../ops/softmax';
import { clipByValue } from '../ops/arithmetic';
import { add, div, mul } from '../ops/binary';
import { elu, relu6, selu, softplus } from '../ops/activations';
import { erf } from '../ops/special';
import { argError, fmtValue } from '../util/validate';

export type ActivationName = 'linear' | 'relu' | 'softmax' | 'sigmoid' | 'tanh' | 'hardSigmoid' | 'elu' | 'selu' | 'relu6' | 'softplus' | 'softsign'
  | 'logSoftmax' | 'swish' | 'mish' | 'gelu' | 'gelu_new';

const table: Record<ActivationName, (x: Tensor) => Tensor> = {
  linear: (x) => x,
  relu,
  softmax: (x) => softmax(x),
  sigmoid,
  tanh,
  // TF.js's: clip(0.2·x + 0.5, 0, 1), the default recurrent activation of its LSTM and GRU.
  hardSigmoid: (x) => clipByValue(add(mul(x, 0.2), 0.5), 0, 1),
  elu: (x) => elu(x),
  selu: (x) => selu(x),
  relu6: (x) => relu6(x),
  softplus: (x) => softplus(x),
  softsign: (x) => div(x, add(abs(x), 1)),
  logSoftmax: (x) => logSoftmax(x),
  swish: (x) => mul(sigmoid(x), x),
  mish: (x) => mul(x, tanh(softplus(x))),
  // The exact form (erf) and the tanh approximation, as TF.js's gelu and gelu_new.
  gelu: (x) => mul(x, mul(0.5, add(erf(div(x, Math.SQRT2)), 1))),
  gelu_new: (x) => mul(0.5, mul(x, add(tanh(mul(Math.sqrt(2 / Math.PI), add(x, mul(0.044715, mul(x, mul(x, x)))))), 1))),
};

export const activationNames = Object.keys(table) as ActivationName[];

/** Checks an activation name from a layer config (undefined means linear); `arg` names the setting in errors. */
export function checkActivation(op: string, name: unknown, arg = 'activation'): ActivationName {
  if (name === undefined || name === null) return 'linear';
  // TF.js writes its names in snake_case ('hard_sigmoid', 'log_softmax'); gelu_new keeps its underscore.
  const canonical = typeof name === 'string' && !Object.hasOwn(table, name) ? name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : name;
  if (typeof canonical !== 'string' || !Object.hasOwn(table, canonical)) {
    throw argError(op, arg, fmtValue(name), `one of ${activationNames.map((n) => `'${n}'`).join(', ')}`);
  }
  return canonical as ActivationName;
}

/** The name a saved config gives an activation, as TF.js writes it: snake_case ('hard_sigmoid', 'log_softmax'). */
export function activationConfigName(name: ActivationName): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function applyActivation(name: ActivationName, x: Tensor): Tensor {
  return table[name](x);
}
