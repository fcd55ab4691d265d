import { isFloatDtype, type Tensor } from '../tensor/tensor';
import { cast } from '../ops/cast';
import { abs, relu, sigmoid, tanh } from '../ops/unary';
import { logSoftmax, softmax } from '../ops/softmax';
import { clipByValue } from '../ops/arithmetic';
import { add, div, minimum, mul } from '../ops/binary';
import { elu, selu, softplus } from '../ops/activations';
import { erf } from '../ops/special';
import { argError, fmtValue } from '../util/validate';
import { registeredObject } from './serialization';
import { toCamelCase } from '../util/case';

export type ActivationName = 'linear' | 'relu' | 'softmax' | 'sigmoid' | 'tanh' | 'hardSigmoid' | 'elu' | 'selu' | 'relu6' | 'softplus' | 'softsign'
  | 'logSoftmax' | 'swish' | 'mish' | 'gelu' | 'gelu_new';

/** x as float32 where it is int32 or bool, as TF.js's relu6 and swish make it by mixing in a float constant. */
function asFloat(x: Tensor): Tensor {
  return isFloatDtype(x.dtype) ? x : cast(x, 'float32');
}

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
  // TF.js's min(6, relu(x)): at x = 6 the gradient goes to the 6, so x's is 0 there (TensorFlow's relu6 too), where
  // the relu6 op's is 1 (TF.js's op).
  relu6: (x) => minimum(6, relu(asFloat(x))),
  softplus: (x) => softplus(x),
  softsign: (x) => div(x, add(abs(x), 1)),
  logSoftmax: (x) => logSoftmax(x),
  swish: (x) => mul(sigmoid(asFloat(x)), x),
  mish: (x) => mul(x, tanh(softplus(x))),
  // The exact form (erf) and the tanh approximation, as TF.js's gelu and gelu_new.
  gelu: (x) => mul(x, mul(0.5, add(erf(div(x, Math.SQRT2)), 1))),
  gelu_new: (x) => mul(0.5, mul(x, add(tanh(mul(Math.sqrt(2 / Math.PI), add(x, mul(0.044715, mul(x, mul(x, x)))))), 1))),
};

export const activationNames = Object.keys(table) as ActivationName[];

const BUILT_IN = `one of ${activationNames.map((n) => `'${n}'`).join(', ')}`;

/** A user's activation: an object of a class registered with tf.serialization.registerClass, as TF.js applies one. */
export interface CustomActivation {
  apply(x: Tensor): Tensor;
  getClassName(): string;
}

/**
 * A built-in activation as TF.js's layers hold one (their `activation` and `recurrentActivation`): an object that
 * applies it and names its class, so that `layer.activation.apply(x)` works as there.
 */
export class BuiltInActivation implements CustomActivation {
  constructor(readonly name: ActivationName) {}

  apply(x: Tensor): Tensor {
    return table[this.name](x);
  }

  getClassName(): string {
    return this.name;
  }

  getConfig(): Record<string, never> {
    return {};
  }
}

const builtIns = new Map<ActivationName, BuiltInActivation>();

/** The one BuiltInActivation of a name. */
export function builtInActivation(name: ActivationName): BuiltInActivation {
  let a = builtIns.get(name);
  if (!a) builtIns.set(name, (a = new BuiltInActivation(name)));
  return a;
}

/** What a layer applies: a built-in activation, or a user's registered one. */
export type LayerActivation = BuiltInActivation | CustomActivation;

/** The built-in activation's name, undefined for a user's (the fused kernels take only built-in ones). */
export function builtInNameOf(activation: LayerActivation): ActivationName | undefined {
  return activation instanceof BuiltInActivation ? activation.name : undefined;
}

/** A built-in activation's name, in TF.js's camelCase or the snake_case it writes ('hard_sigmoid'; gelu_new keeps its underscore). */
function builtInName(name: string): ActivationName | undefined {
  const canonical = Object.hasOwn(table, name) ? name : name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.hasOwn(table, canonical) ? (canonical as ActivationName) : undefined;
}

function isCustomActivation(v: unknown): v is CustomActivation {
  return typeof v === 'object' && v !== null && typeof (v as { apply?: unknown }).apply === 'function' && typeof (v as { getClassName?: unknown }).getClassName === 'function';
}

/**
 * Checks an activation from a layer config (undefined means linear): a built-in name, or else, as TF.js's
 * getActivation, the className of a class registered with tf.serialization.registerClass, made from an empty
 * config; either may come as its serialized {className, config}. `arg` names the setting in errors.
 */
export function checkActivation(op: string, given: unknown, arg = 'activation'): LayerActivation {
  if (given === undefined || given === null) return builtInActivation('linear');
  // TF.js's getActivation also takes an activation's serialized form, {className, config}.
  const dict = typeof given === 'object' && typeof (given as { className?: unknown }).className === 'string' && typeof (given as { apply?: unknown }).apply !== 'function';
  const name = dict ? (given as { className: string }).className : given;
  const builtIn = typeof name === 'string' ? builtInName(name) : undefined;
  if (builtIn) return builtInActivation(builtIn);
  const custom = typeof name === 'string' ? registeredObject(name) : undefined;
  if (isCustomActivation(custom)) return custom;
  throw argError(op, arg, fmtValue(given), `${BUILT_IN}, or the className of an activation class (with apply(x)) registered with tf.serialization.registerClass, or {className, config} of one`);
}

/**
 * An activation as a saved config names it (undefined means linear): a built-in one, or a registered class's name,
 * camelCased as TF.js reads it back ('hard_tanh' → 'hardTanh'), for the layer to make. A layer's argument takes such a
 * name, though its type (TF.js's ActivationIdentifier too) lists only the built-in ones.
 */
export function checkSavedActivation(op: string, saved: unknown, arg = 'activation'): ActivationName {
  if (saved === undefined || saved === null) return 'linear';
  // Saved as {class_name, config}, which TF.js reads as its getActivation reads {className, config}.
  const name = typeof saved === 'object' && typeof (saved as { class_name?: unknown }).class_name === 'string' ? (saved as { class_name: string }).class_name : saved;
  const builtIn = typeof name === 'string' ? builtInName(name) : undefined;
  if (builtIn) return builtIn;
  const camel = typeof name === 'string' ? toCamelCase(name) : name;
  checkActivation(op, camel, arg);
  return camel as ActivationName;
}

/**
 * The name a saved config gives an activation, as TF.js writes it: snake_case ('hard_sigmoid', 'log_softmax'); a
 * user's by its class name, which a layer's getConfig gives back as TF.js's does.
 */
export function activationConfigName(activation: LayerActivation): string {
  return activation.getClassName().replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
