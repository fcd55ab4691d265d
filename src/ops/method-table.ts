import { Tensor } from '../tensor/tensor';

const installed = new Set<string>();

/**
 * Adds Tensor methods, as tfjs-core's chained ops: x.add(y) is add(x, y). Each op family installs its own table
 * (their types are declared with the class, tensor/tensor.ts), so the tensor layer imports no op; the table's
 * parameters take their types from those declarations. A name installed twice is an error.
 */
export function addTensorMethods(methods: ThisType<Tensor> & Partial<Tensor>): void {
  const proto = Tensor.prototype as unknown as Record<string, unknown>;
  for (const [name, fn] of Object.entries(methods)) {
    if (installed.has(name)) throw new Error(`tessera: the Tensor method '${name}' is defined twice`);
    installed.add(name);
    // Replaces what the class was born with (its axis-0 slice) by the op's general form.
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
}
