import type { Tensor } from '../tensor/tensor';
import { tensorsIn } from '../tensor/tidy';
import { cast } from './cast';
import { upcastType } from './dtype-upcast';

// tf.tensor_util: the helpers TF.js exports for code that handles tensors generically (custom ops, containers).

/** a and b in the dtype they meet in (cast only where they differ), as TF.js's makeTypesMatch. */
export function makeTypesMatch<T extends Tensor>(a: T, b: T): [T, T] {
  if (a.dtype === b.dtype) return [a, b];
  const dtype = upcastType(a.dtype, b.dtype);
  return [cast(a, dtype), cast(b, dtype)];
}

/** Throws unless a and b have one dtype, with TF.js's message. */
export function assertTypesMatch(a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) throw new Error(`The dtypes of the first(${a.dtype}) and second(${b.dtype}) input must match`);
}

/** Whether the list holds this tensor (the same tensor, not an equal one). */
export function isTensorInList(tensor: Tensor, tensorList: readonly Tensor[]): boolean {
  return tensorList.some((x) => x.id === tensor.id);
}

/** The tensors in a container (a tensor, or arrays and objects of them, at any depth), each once. */
export function getTensorsInContainer(result: unknown): Tensor[] {
  return [...tensorsIn(result)];
}
