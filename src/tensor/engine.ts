import { memory, type MemoryInfo } from './memory';
import { endScope, startScope } from './tidy';
import type { TensorContainer } from './tfjs-types';

/** The part of TF.js's engine that programs call directly: manual scopes and memory. */
export interface Engine {
  startScope(name?: string): void;
  endScope(result?: TensorContainer): void;
  memory(): MemoryInfo;
}

const ENGINE: Engine = {
  // tessera keeps no named scopes; the name is accepted as TF.js's is.
  startScope: () => startScope(),
  endScope,
  memory,
};

/** As tf.engine(): startScope()/endScope(result) scope tensors without a function, as tidy does with one. */
export function engine(): Engine {
  return ENGINE;
}
