import { Tensor } from './tensor';
import type { DataType, Rank } from './value-types';
import { Variable, findVariable } from './variable';
import { assertDtype, assertTensor } from './checks';
import { tidy } from './tidy';
import { describeValue } from '../util/validate';

/**
 * A variable initialized with a copy of initialValue, as tf.variable(initialValue, trainable?, name?, dtype?); a
 * dtype other than initialValue's casts the copy, as TF.js. Once it is disposed, its name is free again.
 */
export function variable<R extends Rank>(initialValue: Tensor<R>, trainable?: boolean, name?: string, dtype?: DataType): Variable<R> {
  trainable ??= true;
  // A string tensor makes a variable too, as in TF.js (no op computes on it).
  if (initialValue instanceof Tensor && initialValue.dtype === 'string') initialValue.assertLive('variable (initialValue)');
  else assertTensor('variable', 'initialValue', initialValue);
  if (typeof trainable !== 'boolean') throw new Error(`variable: trainable must be a boolean, got ${describeValue(trainable)}`);
  if (name != null && typeof name !== 'string') throw new Error(`variable: name must be a string, got ${describeValue(name)}`);
  // As TF.js's engine registers variables by name: a second live one with the same name is refused.
  if (name != null && findVariable(name) !== undefined) {
    throw new Error(`variable: name must be unique among live variables, got '${name}' (a variable with that name was already registered)`);
  }
  if (dtype == null || dtype === initialValue.dtype) return new Variable(initialValue, trainable, name);
  assertDtype('variable', 'dtype', dtype);
  return tidy(() => new Variable(initialValue.cast<Tensor<R>>(dtype), trainable, name));
}
