import type { Backend } from '../backend/backend';
import { backend as activeBackend } from '../backend/registry';
import type { Tensor } from '../tensor/tensor';

/**
 * The active backend as the ops see it: every tensor a backend makes comes from the factory that the
 * tensor layer installed (backend/handle.ts), so its outputs are Tensors.
 */
export function backend(): Backend<Tensor> {
  return activeBackend() as Backend<Tensor>;
}
