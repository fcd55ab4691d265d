import { memory, type MemoryInfo } from './memory';
import { endScope, keep, startScope, tidy } from './tidy';
import type { TensorContainer } from './tfjs-types';
import { registeredVariables, type Variable } from './variable';

/** The part of TF.js's engine that programs call directly: scopes, memory and the variables by name. */
export interface Engine {
  startScope(name?: string): void;
  endScope(result?: TensorContainer): void;
  tidy: typeof tidy;
  keep: typeof keep;
  memory(): MemoryInfo;
  /** The variables alive, by name (custom optimizers look a gradient's variable up here). */
  readonly registeredVariables: Record<string, Variable>;
}

const ENGINE: Engine = {
  // tessera keeps no named scopes; the name is accepted as TF.js's is.
  startScope: () => startScope(),
  endScope,
  tidy,
  keep,
  memory,
  get registeredVariables() {
    return registeredVariables();
  },
};

/** As tf.engine(): startScope()/endScope(result) scope tensors without a function, as tidy does with one. */
export function engine(): Engine {
  return ENGINE;
}
