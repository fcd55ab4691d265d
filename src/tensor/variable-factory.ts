import type { Tensor } from './tensor';
import type { Rank } from './value-types';
import { Variable } from './variable';
import { assertTensor } from './checks';

/** A variable initialized with a copy of initialValue, as tf.variable(initialValue, trainable?, name?). */
export function variable<R extends Rank>(initialValue: Tensor<R>, trainable = true, name?: string): Variable<R> {
  assertTensor('variable', 'initialValue', initialValue);
  if (typeof trainable !== 'boolean') throw new Error(`variable: trainable must be a boolean, got ${typeof trainable}`);
  if (name !== undefined && typeof name !== 'string') throw new Error(`variable: name must be a string, got ${typeof name}`);
  return new Variable(initialValue, trainable, name);
}
