import { retainStorage } from '../backend/host-values';
import { Tensor } from '../tensor/tensor';

/** @internal A new tensor of x's values in `shape` holding x's buffer (one more holder), as TF.js shares a dataId. */
export function sharing(x: Tensor, shape: readonly number[]): Tensor {
  retainStorage(x.storage);
  return new Tensor(shape, x.dtype, x.storage);
}
