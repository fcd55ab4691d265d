import { Tensor } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import type { TensorContainer } from '../tensor/tfjs-types';

const installed = new Set<string>();

/** A method: its op with the tensor as the first argument. */
type Method = (this: Tensor, ...args: never[]) => unknown;

/**
 * Adds Tensor methods, as tfjs-core's chained ops: x.add(y) is add(x, y). Each op family installs its own table
 * (callers see TF.js's generic types, declared with the class in tensor/tensor.ts), so the tensor layer imports
 * no op. A name installed twice is an error.
 */
export function addTensorMethods(methods: Record<string, Method>): void {
  const proto = Tensor.prototype as unknown as Record<string, unknown>;
  for (const [name, fn] of Object.entries(methods)) {
    if (installed.has(name)) throw new Error(`tessera: the Tensor method '${name}' is defined twice`);
    installed.add(name);
    // As TF.js's ops, a method leaves only its result: what it made on the way (a number argument made a scalar, a
    // composite's intermediates) is disposed, so tf.memory() counts what TF.js counts.
    function method(this: Tensor, ...args: never[]): unknown {
      return tidy(() => fn.apply(this, args) as TensorContainer);
    }
    // Replaces what the class was born with (its axis-0 slice) by the op's general form.
    Object.defineProperty(proto, name, { value: method, writable: true, configurable: true, enumerable: false });
  }
}
