import { backend as activeBackend, openedBackend, registeredBackends, type BackendName } from '../backend/registry';
import type { Backend } from '../backend/backend';
import { memory, stringTensorCount, type MemoryInfo } from './memory';
import { endScope, keep, startScope, tidy } from './tidy';
import type { TensorContainer } from './tfjs-types';
import { registeredVariables, type Variable } from './variable';

/**
 * What tn.backend() gives a program: the active backend's name and description, and the queries of TF.js's
 * KernelBackend that programs make (tessera's kernels themselves stay internal).
 */
export interface KernelBackend {
  /** tessera's name for it, as tn.setBackend takes it and tn.engine().backendName gives it. */
  readonly name: BackendName;
  /** What actually runs, as tn.getBackend() says it, e.g. 'cpu (wasm-simd, up to 2 threads)'. */
  describe(): string;
  /** The bits of a float32 tensor's values: 32 on both backends (the gpu backend's textures are float32). */
  floatPrecision(): 32;
  /** The smallest value programs add to avoid dividing by zero at that precision: TF.js's 1e-7 for float32. */
  epsilon(): number;
  /** The live data buffers, as TF.js's backend counts them (tn.memory().numDataBuffers). */
  numDataIds(): number;
}

/** The counts TF.js's EngineState holds that programs read (tf.memory() reports them). */
export interface EngineState {
  readonly numTensors: number;
  readonly numDataBuffers: number;
  readonly numBytes: number;
  /** The live string tensors. */
  readonly numStringTensors: number;
  readonly registeredVariables: Record<string, Variable>;
}

/** The part of TF.js's engine that programs call directly: scopes, memory, the backend and the variables by name. */
export interface Engine {
  startScope(name?: string): void;
  endScope(result?: TensorContainer): void;
  tidy: typeof tidy;
  keep: typeof keep;
  memory(): MemoryInfo;
  /** The variables alive, by name (custom optimizers look a gradient's variable up here). */
  readonly registeredVariables: Record<string, Variable>;
  /** The active backend's name ('cpu' or 'gpu'), as TF.js's engine().backendName. */
  readonly backendName: BackendName;
  /** The active backend, as tn.backend(). */
  readonly backend: KernelBackend;
  /** The live counts, read when asked. */
  readonly state: EngineState;
  /** The backends a program may set, by name, as TF.js's engine().registryFactory (programs list its keys). */
  readonly registryFactory: Record<string, { priority: number }>;
  /** Their names, as TF.js's engine().backendNames() (libraries ask it whether 'tensorflow' is there). */
  backendNames(): string[];
}

// One view per backend instance, so that tn.backend() is the same object while the backend is (as in TF.js).
const views = new WeakMap<Backend, KernelBackend>();

function viewOf(b: Backend): KernelBackend {
  let view = views.get(b);
  if (!view) {
    view = Object.freeze({ name: b.name, describe: () => b.describe(), floatPrecision: () => 32 as const, epsilon: () => 1e-7, numDataIds: () => memory().numDataBuffers });
    views.set(b, view);
  }
  return view;
}

/** The active backend (chosen automatically on first use), as tf.backend(). */
export function backend(): KernelBackend {
  return viewOf(activeBackend());
}

/**
 * The backend of that name (TF.js's too: 'webgl' is gpu) where it runs here, else null, as tf.findBackend, which
 * programs ask whether a backend is there: cpu always; gpu once setBackend or ready() has opened it.
 */
export function findBackend(name: string): KernelBackend | null {
  if (typeof name !== 'string') throw new Error(`findBackend: name must be a string, got ${typeof name}`);
  const b = openedBackend(name);
  return b ? viewOf(b) : null;
}

const STATE: EngineState = {
  get numTensors() {
    return memory().numTensors;
  },
  get numDataBuffers() {
    return memory().numDataBuffers;
  },
  get numBytes() {
    return memory().numBytes;
  },
  get numStringTensors() {
    return stringTensorCount();
  },
  get registeredVariables() {
    return registeredVariables();
  },
};

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
  get backendName() {
    return activeBackend().name;
  },
  get backend() {
    return backend();
  },
  state: STATE,
  get registryFactory() {
    return registeredBackends();
  },
  backendNames: () => Object.keys(registeredBackends()),
};

/** As tf.engine(): startScope()/endScope(result) scope tensors without a function, as tidy does with one. */
export function engine(): Engine {
  return ENGINE;
}
